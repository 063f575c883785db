/**
 * bench/province — a province's year of enforcement data, generated at a scale factor (1 = 120 enforcement
 * bodies, 100,000 officers, 200,000 cases, 1,000,000 publications and the record entries they carry).
 *
 * Where it matters the real write paths run: the demo bureau (law library, power list, discretion, the
 * random inspection) and a sample of cases through the workflow's real commands (`seedCases`: the
 * record, deadlines, evidence and instruments are the platform's own), the province's org tree and its
 * logins (`insertOrg`, `insertUser`: argon2 hashes, record entries). Where it does not, set-based SQL
 * writes the bulk — officers with certificates, closed cases and publications — together with their
 * record entries in the same transaction (`appendBulk`: valid leaves and tree nodes, so `ledger verify`
 * passes and the `require_ledger_entry` triggers stay on). A bulk case or publication is a copy of one
 * that the real commands produced (same rows, same sequence of entries, ids, bodies, party and numbers
 * replaced), minus the entries that point at stored files (`instrument.issued`, `evidence.uploaded`),
 * which are not copied.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../src/domain/canonical.ts';
import { usccCheckChar } from '../../src/domain/codes.ts';
import { addDays, chinaToday } from '../../src/domain/dates.ts';
import { publicationDocument } from '../../src/domain/publicity/searchTokens.ts';
import { syncOfficialCalendar } from '../../src/modules/calendar/store.ts';
import { insertOrg } from '../../src/modules/orgs/commands/create-org.ts';
import { type PublicContent, searchTextOf } from '../../src/modules/publicity/content.ts';
import { insertUser } from '../../src/modules/users/commands/create-user.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Queryable } from '../../src/platform/db/index.ts';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/record/ledger.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.ts';
import { appendBulk, type BulkEntry, integrateAll } from './record.ts';

/** The full size of a province's year (粤执法-like); every count below is this times the scale. */
export const FULL = { officers: 100_000, cases: 200_000, publications: 1_000_000 };
/** province + cities + counties generated here; the demo adds its city and two districts (120 in all) */
const CITIES = 20;
const countiesOf = (city: number) => (city < 16 ? 5 : 4);
/** share of bulk cases that follow the ordinary procedure to the archive (the rest: 当场处罚, closed) */
const ORDINARY_SHARE = 0.3;
const BATCH = Number(process.env.PROVINCE_BATCH ?? 1000);

export interface County {
  bodyId: string;
  name: string;
  division: string;
  units: string[];
  /** the county's logins for the load test (officer at its first station, leader at the body) */
  users: string[];
}

export interface Generated {
  counties: County[];
  timings: { kind: string; count: number; entries: number; ms: number }[];
  staffUsers: string[];
}

type Owner = { query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

/** where a kind's time goes (printed under it): the record's bulk write, integration, row copies */
const spent = new Map<string, number>();
async function part<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    spent.set(label, (spent.get(label) ?? 0) + performance.now() - t);
  }
}

/** entries written so far (positioned or not): the write sequence's high-water mark */
async function entriesWritten(q: Queryable): Promise<number> {
  return Number((await q.query<{ n: number }>('select coalesce(max(write_id), 0) as n from ledger_entries')).rows[0].n);
}

async function timed<T>(g: Generated, kind: string, q: Queryable, fn: () => Promise<{ count: number; value?: T }>): Promise<T | undefined> {
  const before = await entriesWritten(q);
  spent.clear();
  const t = performance.now();
  const r = await fn();
  const ms = performance.now() - t;
  const entries = (await entriesWritten(q)) - before;
  g.timings.push({ kind, count: r.count, entries, ms });
  console.log(
    `  ${kind.padEnd(34)} ${r.count.toLocaleString('en').padStart(10)} rows ${entries.toLocaleString('en').padStart(10)} entries ${(ms / 1000).toFixed(1).padStart(7)} s`,
  );
  if (spent.size > 0) console.log(`      ${[...spent].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  return r.value;
}

const A = ['鑫隆', '惠民', '百味', '康源', '华联', '永辉', '金泰', '顺达', '宏远', '佳美', '恒通', '万家', '盛世', '福满', '长青', '瑞丰', '天和', '兴旺'];
const B = ['超市', '便利店', '食品', '餐饮', '药房', '商贸', '百货', '小吃店', '水果店', '烟酒店'];
const C = ['有限公司', '经营部', '分店', '商行'];
const partyName = (county: County, i: number) =>
  `${county.name.replace('市场监督管理局', '')}${A[i % A.length]}${B[(i >> 3) % B.length]}${C[(i >> 5) % C.length]}`;
function uscc(division: string, i: number): string {
  const first17 = `91${division}${String(i % 1e9).padStart(9, '0')}`;
  return first17 + (usccCheckChar(first17) ?? '0');
}

/** Every occurrence of each key replaced by its value (ids, names and numbers of the template). */
function substitute(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) if (from) out = out.split(from).join(to);
  return out;
}

interface TemplateEntry {
  actor: Actor;
  orgId: string | null;
  eventType: string;
  payload: string;
}

async function templateEntries(q: Queryable, matterType: string, matterId: string): Promise<TemplateEntry[]> {
  const r = await q.query<{ actor_id: string | null; actor_name: string; org_id: string | null; event_type: string; payload: string }>(
    `select actor_id, actor_name, org_id, event_type, payload from ledger_entries where matter_type = $1 and matter_id = $2 order by seq`,
    [matterType, matterId],
  );
  return r.rows
    .filter((e) => e.event_type !== 'instrument.issued' && e.event_type !== 'evidence.uploaded')
    .map((e) => ({ actor: { id: e.actor_id, name: e.actor_name }, orgId: e.org_id, eventType: e.event_type, payload: e.payload }));
}

async function columnsOf(q: Queryable, table: string): Promise<string[]> {
  return (
    await q.query<{ c: string }>(
      `select column_name as c from information_schema.columns where table_name = $1 and table_schema = current_schema() order by ordinal_position`,
      [table],
    )
  ).rows.map((r) => r.c);
}

/** `insert into <table> select … from <table> where id = template`, with the named columns replaced per new row. */
async function cloneRows(
  tx: Queryable,
  table: string,
  templateId: string,
  replace: Record<string, { type: string; values: unknown[]; sql?: string }>,
  idColumn = 'id',
) {
  const cols = await columnsOf(tx, table);
  const names = Object.keys(replace);
  const params = names.map((n) => replace[n].values);
  const select = cols.map((c) => (names.includes(c) ? (replace[c].sql ?? `r.${c}`) : c === 'created_at' || c === 'updated_at' ? 'now()' : `t.${c}`)).join(', ');
  await tx.query(
    `insert into ${table} (${cols.join(', ')})
     select ${select} from unnest(${names.map((n, i) => `$${i + 1}::${replace[n].type}[]`).join(', ')}) as r(${names.join(', ')})
     cross join (select * from ${table} where ${idColumn} = $${names.length + 1}) t`,
    [...params, templateId],
  );
}

export async function generateProvince(ctx: AppContext, owner: Owner, scale: number): Promise<Generated> {
  const g: Generated = { counties: [], timings: [], staffUsers: [] };
  const db = ctx.db;
  const alg = ctx.ledger.hashAlg;
  const today = chinaToday();
  const n = {
    officers: Math.round(FULL.officers * scale),
    cases: Math.round(FULL.cases * scale),
    publications: Math.round(FULL.publications * scale),
    realCaseRuns: Math.max(2, Math.round(100 * scale)),
  };

  await timed(g, 'demo bureau (real: seedDemo)', db, async () => {
    await syncOfficialCalendar(ctx);
    const r = await seedDemo(ctx, { laws: true, cases: true, today });
    return { count: r.orgs + r.officers + r.users + r.lawVersions + r.powerItems };
  });

  // ── the province's org tree and logins: real insert functions ─────────────────────────
  await timed(g, 'orgs: province/cities/counties (real)', db, async () => {
    let count = 0;
    await db.transaction(async (tx) => {
      const a = SYSTEM_ACTOR;
      const basis = '《中华人民共和国行政处罚法》第十八条、第二十二条';
      const province = await insertOrg(tx, ctx, a, {
        parentId: null,
        name: '示例省市场监督管理局',
        shortName: '示例省局',
        kind: 'bureau',
        isEnforcementBody: true,
        legalBasis: basis,
        divisionCode: '980000',
      });
      count++;
      for (let c = 0; c < CITIES; c++) {
        const cityDiv = `98${String(c + 1).padStart(2, '0')}00`;
        const city = await insertOrg(tx, ctx, a, {
          parentId: province,
          name: `示例省第${c + 1}市市场监督管理局`,
          kind: 'bureau',
          isEnforcementBody: true,
          legalBasis: basis,
          divisionCode: cityDiv,
          sortOrder: c + 1,
        });
        count++;
        for (let k = 0; k < countiesOf(c); k++) {
          const division = `98${String(c + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`;
          const name = `示例省${c + 1}市${k + 1}县市场监督管理局`;
          const body = await insertOrg(tx, ctx, a, {
            parentId: city,
            name,
            kind: 'bureau',
            isEnforcementBody: true,
            legalBasis: basis,
            divisionCode: division,
            sortOrder: k + 1,
          });
          const units: string[] = [];
          for (const [i, u] of (['第一市场监管所', '第二市场监管所', '第三市场监管所', '法制科'] as const).entries()) {
            units.push(
              await insertOrg(tx, ctx, a, {
                parentId: body,
                name: u,
                kind: u === '法制科' ? 'legalOffice' : 'station',
                isEnforcementBody: false,
                sortOrder: i + 1,
              }),
            );
          }
          count += 5;
          g.counties.push({ bodyId: body, name, division, units, users: [] });
        }
      }
    });
    return { count };
  });

  await timed(g, 'users: 2 logins per county (real)', db, async () => {
    await db.transaction(async (tx) => {
      for (const [i, c] of g.counties.entries()) {
        for (const [role, org, suffix] of [
          ['officer', c.units[0], 'zhifa'],
          ['leader', c.bodyId, 'lingdao'],
        ] as const) {
          const username = `x${String(i + 1).padStart(3, '0')}_${suffix}`;
          await insertUser(tx, ctx, SYSTEM_ACTOR, {
            username,
            displayName: `${c.name.slice(3, -7)}${suffix === 'zhifa' ? '执法员' : '局长'}`,
            orgId: org,
            roles: [role],
            password: DEMO_PASSWORD,
          });
          c.users.push(username);
          g.staffUsers.push(username);
        }
      }
    });
    return { count: g.staffUsers.length };
  });

  // ── officers and their certificates: bulk, one officer.created and one certificate.issued each ─────
  await timed(g, 'officers + certificates (bulk)', db, async () => {
    const units = g.counties.flatMap((c) => c.units.map((u) => ({ u, c })));
    const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈';
    const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '平', '刚', '建华', '晓东', '海燕', '志刚'];
    for (let from = 0; from < n.officers; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, n.officers - from) }, (_, k) => {
        const i = from + k;
        const { u, c } = units[i % units.length];
        const validFrom = addDays(today, -((i % 5) + 1) * 300);
        return {
          id: randomUUID(),
          cert: randomUUID(),
          orgId: u,
          name: surnames[i % surnames.length] + given[(i * 7) % given.length],
          employeeNo: `P${String(i + 1).padStart(6, '0')}`,
          number: `${c.division}${validFrom.slice(0, 4)}${String(i + 1).padStart(6, '0')}`,
          validFrom,
          validTo: addDays(validFrom, 5 * 365),
          fields: ['food', 'pricing', 'consumerProtection'],
        };
      });
      await db.transaction(async (tx) => {
        await tx.query(
          `insert into officers (id, org_id, name, employee_no, position) select id, o, nm, e, '科员' from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(id, o, nm, e)`,
          [rows.map((r) => r.id), rows.map((r) => r.orgId), rows.map((r) => r.name), rows.map((r) => r.employeeNo)],
        );
        await tx.query(
          `insert into certificates (id, officer_id, number, issuing_authority, fields, areas, valid_from, valid_to, status)
           select id, o, nb, '示例省人民政府', '{food,pricing,consumerProtection}', '示例省', vf, vt, 'valid'
             from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[]) as t(id, o, nb, vf, vt)`,
          [rows.map((r) => r.cert), rows.map((r) => r.id), rows.map((r) => r.number), rows.map((r) => r.validFrom), rows.map((r) => r.validTo)],
        );
        await appendBulk(
          tx,
          alg,
          rows.flatMap((r): BulkEntry[] => [
            {
              actor: SYSTEM_ACTOR,
              orgId: r.orgId,
              matterType: 'officer',
              matterId: r.id,
              eventType: 'officer.created',
              payload: { officerId: r.id, orgId: r.orgId, name: r.name, employeeNo: r.employeeNo },
            },
            {
              actor: SYSTEM_ACTOR,
              orgId: r.orgId,
              matterType: 'officer',
              matterId: r.id,
              eventType: 'certificate.issued',
              payload: {
                officerId: r.id,
                certificateId: r.cert,
                number: r.number,
                fields: r.fields,
                areas: '示例省',
                validFrom: r.validFrom,
                validTo: r.validTo,
                issuingAuthority: '示例省人民政府',
              },
            },
          ]),
        );
      });
      await part('integrate', () => integrateAll(db, alg));
    }
    return { count: n.officers };
  });

  // ── a sample of cases through the real commands (the templates of the bulk) ───────────────────
  await timed(g, `cases through the workflow (real, ${n.realCaseRuns}×4)`, db, async () => {
    let count = 0;
    for (let i = 0; i < n.realCaseRuns; i++) count += await seedCases(ctx, today);
    return { count };
  });

  const tpl = async (sql: string) => (await db.query<{ id: string }>(sql)).rows[0]?.id;
  const ordinaryId = await tpl(`select id from matters where type = 'case' and state = 'archived' order by created_at limit 1`);
  const summaryId = await tpl(
    `select m.id from matters m join cases c on c.id = m.id where m.type = 'case' and m.state = 'closed' and c.procedure = 'summary' order by m.created_at limit 1`,
  );
  const publicationId = await tpl(`select id from publications where kind = 'penalty' and state = 'published' order by created_at limit 1`);
  if (!ordinaryId || !summaryId || !publicationId) throw new Error('the real-path cases produced no archived, summary or published template');

  // ── closed cases (and the publication of each ordinary one): bulk copies of the real ones ──────────
  const caseTemplate = async (id: string) => {
    const c = (
      await db.query<{
        body_id: string;
        unit_id: string;
        party: { name: string; uscc?: string };
        case_number: string | null;
        decision: { number?: string } | null;
      }>('select body_id, unit_id, party, case_number, decision from cases where id = $1', [id])
    ).rows[0];
    return {
      id,
      ...c,
      entries: await templateEntries(db, 'case', id),
      state: (await db.query<{ state: string }>('select state from matters where id = $1', [id])).rows[0].state,
    };
  };
  const ordinary = await caseTemplate(ordinaryId);
  const summary = await caseTemplate(summaryId);
  const pub = (
    await db.query<{ source_id: string; body_id: string; number: string; party_name: string; party_uscc: string | null; current_seq: number; title: string }>(
      `select p.source_id, p.body_id, p.number, p.party_name, p.party_uscc, p.current_seq, m.title from publications p join matters m on m.id = p.id where p.id = $1`,
      [publicationId],
    )
  ).rows[0];
  const pubEntries = await templateEntries(db, 'publication', publicationId);
  const pubContent = JSON.parse(
    (await db.query<{ content: string }>('select content::text as content from publication_versions where publication_id = $1', [publicationId])).rows[0]
      .content,
  );

  /** Bulk publications of decided cases: matters, publications, versions and the 4 entries each, in `tx`. */
  const addPublications = async (tx: Queryable, items: { caseId: string; county: County; name: string; uscc: string; number: string }[]) => {
    if (items.length === 0) return;
    const ids = items.map(() => randomUUID());
    const publishedAt = pubEntries.findIndex((e) => e.eventType === 'publication.published');
    const contents = items.map(
      (it) =>
        JSON.parse(
          substitute(JSON.stringify(pubContent), [
            [pub.party_name, it.name],
            [pub.party_uscc ?? '', it.uscc],
            [pub.number, it.number],
            [pub.body_id, it.county.bodyId],
            ['示例区市场监督管理局', it.county.name],
          ]),
        ) as PublicContent,
    );
    // as publishVersion does: the public entry is positioned in the transaction (its number is stored with the
    // version), then the publish transition's entry cites it
    const head: BulkEntry[] = [];
    const tail: { i: number; e: TemplateEntry; pairs: [string, string][] }[] = [];
    items.forEach((it, i) => {
      const pairs: [string, string][] = [
        [publicationId, ids[i]],
        [pub.source_id, it.caseId],
        [pub.body_id, it.county.bodyId],
        [pub.number, it.number],
        [pub.party_name, it.name],
        [pub.party_uscc ?? '', it.uscc],
        ['示例区市场监督管理局', it.county.name],
      ];
      pubEntries.forEach((e, k) => {
        if (k > publishedAt) tail.push({ i, e, pairs });
        else
          head.push({
            actor: { id: null, name: it.county.name },
            orgId: it.county.bodyId,
            matterType: 'publication',
            matterId: ids[i],
            eventType: e.eventType,
            payload: JSON.parse(substitute(e.payload, pairs)),
          });
      });
    });
    const positioned = await part('entries+position', () => appendBulk(tx, alg, head, { positionNow: true }));
    const seqs = items.map((_, i) => positioned.seqs[i * (publishedAt + 1) + publishedAt]);
    await part('entries', () =>
      appendBulk(
        tx,
        alg,
        tail.map(({ i, e, pairs }) => {
          const payload = JSON.parse(substitute(e.payload, pairs));
          if (e.eventType === 'matter.transitioned' && payload.result?.seq !== undefined) payload.result.seq = seqs[i];
          return {
            actor: { id: null, name: items[i].county.name },
            orgId: items[i].county.bodyId,
            matterType: 'publication',
            matterId: ids[i],
            eventType: e.eventType,
            payload,
          };
        }),
      ),
    );
    const texts = contents.map((c) => searchTextOf(c));
    await part('rows', () =>
      cloneRows(tx, 'matters', publicationId, {
        id: { type: 'text', values: ids },
        org_id: { type: 'text', values: items.map((it) => it.county.bodyId) },
        title: {
          type: 'text',
          values: items.map((it) =>
            substitute(pub.title, [
              [pub.party_name, it.name],
              [pub.number, it.number],
            ]),
          ),
        },
      }),
    );
    await part('rows', () =>
      cloneRows(tx, 'publications', publicationId, {
        id: { type: 'text', values: ids },
        source_id: { type: 'text', values: items.map((it) => it.caseId) },
        body_id: { type: 'text', values: items.map((it) => it.county.bodyId) },
        number: { type: 'text', values: items.map((it) => it.number) },
        party_name: { type: 'text', values: items.map((it) => it.name) },
        party_uscc: { type: 'text', values: items.map((it) => it.uscc) },
        current_seq: { type: 'bigint', values: seqs },
        search_text: { type: 'text', values: texts },
        // what publishVersion writes: to_tsvector('simple', publicationDocument(text))
        search_vec: { type: 'text', values: texts.map((t) => publicationDocument(t)), sql: "to_tsvector('simple', r.search_vec)" },
      }),
    );
    await part('rows', () =>
      cloneRows(
        tx,
        'publication_versions',
        publicationId,
        {
          publication_id: { type: 'text', values: ids },
          content: { type: 'jsonb', values: contents.map((c) => canonicalJson(c)) },
          ledger_seq: { type: 'bigint', values: seqs },
        },
        'publication_id',
      ),
    );
  };

  // a bulk load builds the full-text index once at the end instead of row by row (the index's own definition, read back)
  const searchIndexes = (
    await owner.query(
      `select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'publications' and indexdef ilike '%using gin%'`,
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const ix of searchIndexes) await owner.query(`drop index ${ix.indexname}`);

  const bulkCases = Math.max(0, n.cases - n.realCaseRuns * 4);
  let ordinaryDone = 0;
  await timed(g, 'closed cases + their publications (bulk)', db, async () => {
    const year = today.slice(0, 4);
    for (let from = 0; from < bulkCases; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, bulkCases - from) }, (_, k) => {
        const i = from + k;
        const county = g.counties[i % g.counties.length];
        const t = i % Math.round(1 / ORDINARY_SHARE) === 0 ? ordinary : summary;
        const seqInCounty = Math.floor(i / g.counties.length) + 1;
        const short = `示${county.division.slice(2)}`;
        return {
          id: randomUUID(),
          t,
          county,
          unit: county.units[i % 3],
          name: partyName(county, i),
          uscc: uscc(county.division, i),
          caseNumber: `${short}市监立〔${year}〕${seqInCounty}号`,
          number: `${short}市监处罚〔${year}〕${seqInCounty}号`,
        };
      });
      await db.transaction(async (tx) => {
        const entries: BulkEntry[] = [];
        for (const r of rows) {
          const pairs: [string, string][] = [
            [r.t.id, r.id],
            [r.t.unit_id, r.unit],
            [r.t.body_id, r.county.bodyId],
            [r.t.party.name, r.name],
            [r.t.party.uscc ?? '', r.uscc],
            [r.t.case_number ?? '', r.caseNumber],
            [r.t.decision?.number ?? '', r.number],
          ];
          for (const e of r.t.entries) {
            entries.push({
              actor: e.actor,
              orgId: e.orgId === r.t.body_id ? r.county.bodyId : r.unit,
              matterType: 'case',
              matterId: r.id,
              eventType: e.eventType,
              payload: JSON.parse(substitute(e.payload, pairs)),
            });
          }
        }
        await part('entries', () => appendBulk(tx, alg, entries));
        for (const t of [ordinary, summary]) {
          const mine = rows.filter((r) => r.t === t);
          if (mine.length === 0) continue;
          await part('rows', () =>
            cloneRows(tx, 'matters', t.id, {
              id: { type: 'text', values: mine.map((r) => r.id) },
              org_id: { type: 'text', values: mine.map((r) => r.unit) },
              title: { type: 'text', values: mine.map((r) => `${r.name}案`) },
            }),
          );
          await part('rows', () =>
            cloneRows(tx, 'cases', t.id, {
              id: { type: 'text', values: mine.map((r) => r.id) },
              body_id: { type: 'text', values: mine.map((r) => r.county.bodyId) },
              unit_id: { type: 'text', values: mine.map((r) => r.unit) },
              party: { type: 'jsonb', values: mine.map((r) => JSON.stringify({ ...t.party, name: r.name, ...(t.party.uscc ? { uscc: r.uscc } : {}) })) },
              case_number: { type: 'text', values: mine.map((r) => (t.case_number ? r.caseNumber : null)) },
            }),
          );
        }
        const decided = rows.filter((r) => r.t === ordinary && ordinaryDone + rows.indexOf(r) < n.publications);
        await addPublications(
          tx,
          decided.map((r) => ({ caseId: r.id, county: r.county, name: r.name, uscc: r.uscc, number: r.number })),
        );
        ordinaryDone += decided.length;
      });
      await part('integrate', () => integrateAll(db, alg));
    }
    return { count: bulkCases };
  });

  // ── the rest of the publications: decisions of earlier years still in their publicity period ─────
  const older = Math.max(0, n.publications - ordinaryDone);
  await timed(g, 'publications of earlier years (bulk)', db, async () => {
    for (let from = 0; from < older; from += BATCH) {
      const items = Array.from({ length: Math.min(BATCH, older - from) }, (_, k) => {
        const i = from + k;
        const county = g.counties[i % g.counties.length];
        const y = String(Number(today.slice(0, 4)) - 1 - (i % 2));
        return {
          caseId: `prior-${i}`,
          county,
          name: partyName(county, i * 7 + 3),
          uscc: uscc(county.division, 1_000_000 + i),
          number: `示${county.division.slice(2)}市监处罚〔${y}〕${Math.floor(i / g.counties.length) + 1}号`,
        };
      });
      await db.transaction((tx) => addPublications(tx, items));
      await part('integrate', () => integrateAll(db, alg));
    }
    return { count: older };
  });

  await timed(g, 'publications: full-text index (GIN)', db, async () => {
    for (const ix of searchIndexes) await owner.query(ix.indexdef);
    return { count: searchIndexes.length };
  });

  await timed(g, 'analyze', db, async () => {
    await owner.query('analyze');
    return { count: 0 };
  });
  return g;
}
