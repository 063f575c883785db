/**
 * The authorization matrix, generated from the OpenAPI document: every route that addresses one
 * resource by id × every role of the demo's sibling district (示例二区) × the ids of district A's resources
 * (orgs, users, officers, power items, cases, publications, instruments, evidence, inspection tasks,
 * credit exports …), and every case-scoped route × an officer of a sibling unit (第一市场监管所) × the
 * cases of 第二市场监管所. Reads must answer 404 (they do not learn the resource exists); writes, sent
 * with a minimal body that passes the route's schema wherever one can be derived, must never succeed;
 * the record must not grow. Routes of platform-wide reference data (law library, calendar, the
 * discretion catalogue) and the public portal API are outside the matrix, for the reason given in
 * `GLOBAL`. A route added later is covered without touching this file: a route whose id parameter
 * has no resource here fails the "every route is covered" check.
 *
 * Own org: every write operation of the document × every demo role of district A and the city above it (系统管理员,
 * 执法人员, 法制审核人员, 局领导, 执法监督人员, 平台管理员) on district A's resources. Before each request the test asks
 * the API what the policy grants that user — the resource's `abilities` (or the case's / publication's transitions,
 * or the menu's abilities for a route that creates) — and fails when a write succeeds that the abilities refuse, or
 * is answered 403 (or 404 for a resource the user sees) although they grant it. `OWN_ORG_ABILITY` maps each write
 * operation to the ability that governs it; an operation missing there fails the test, so new routes are covered.
 * The size of both matrices (requests, roles, routes) is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOfficer } from '../src/modules/officers/commands/create-officer.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { consultationInputs } from '../src/modules/consultation/transitions/inputs.ts';
import { contractInputs, legislativeInputs } from '../src/modules/contracts/transitions/inputs.ts';
import { reviewInputs } from '../src/modules/legality/transitions/inputs.ts';
import { normativeInputs } from '../src/modules/normativeDocuments/transitions/inputs.ts';
import { reportInputs as annualReportInputs } from '../src/modules/annualReports/transitions/inputs.ts';
import { fairCompetitionInputs } from '../src/modules/fairCompetition/transitions/inputs.ts';
import { decisionInputs } from '../src/modules/majorDecisions/transitions/inputs.ts';
import { complaintInputs, reportInputs } from '../src/modules/complaints/transitions/inputs.ts';
import { disclosureInputs } from '../src/modules/disclosure/transitions/inputs.ts';
import { recommendationInputs } from '../src/modules/recommendations/transitions/inputs.ts';
import { roles } from '../src/platform/policies.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';
import { registerLawsuit, registerReconsideration } from '../src/modules/remedies/commands/register.ts';
import { lawsuitInputs, reconsiderationInputs } from '../src/modules/remedies/transitions/inputs.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { chinaToday } from '../src/domain/dates.ts';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  format?: string;
};
type Operation = { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

/** Platform-wide or public routes: not a district's resource, so outside the district matrix. */
const GLOBAL: [RegExp, string][] = [
  [/^\/api\/public\//, 'the public portal API: published data, readable by anyone'],
  [/^\/api\/laws\//, 'the law library: platform reference data, readable by every user; imports are the platform administrator’s'],
  [/^\/api\/calendar\//, 'the working-day calendar: platform reference data'],
  [/^\/api\/rules\//, 'the rule catalogue (规则目录): the law the platform applies, readable by every user'],
  [/^\/api\/discretion\/violations\//, 'the violation catalogue: shared reference data'],
  [/^\/api\/record\/entries\/\{seq\}\/proof$/, 'a proof of the one shared record: it reveals hashes only'],
  [/^\/api\/figures\/\{id\}/, 'a figure of the catalogue: its numbers are those of the caller’s own scope (another scope is 404: test/figures.test.ts)'],
];

const PASSWORD = 'Sibling2026!x';
let env: TestEnv;
const ids: Record<string, string> = {};
const siblingDistrictUsers: string[] = [];
const SIBLING_UNIT_USER = 'yisuo';

/** A value of the schema that its validator accepts wherever the schema says enough. */
function minimal(s: Schema | undefined): unknown {
  if (!s) return {};
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return minimal(alt.find((a) => a.type !== 'null') ?? alt[0]);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => minimal(a) as object));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, minimal(s.properties?.[k])]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => minimal(s.items));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 0, (s.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return s.pattern?.includes('T') ? '2026-12-01T09:00' : '2026-12-01';
      return '测试'.padEnd(Math.max(2, s.minLength ?? 0), '试');
    default:
      return {};
  }
}

/** The id of district A's resource for a path, or null when the path addresses none. */
function resourceFor(path: string): Record<string, string> | null {
  const rules: [RegExp, () => Record<string, string>][] = [
    [/^\/api\/orgs\/\{id\}/, () => ({ id: ids.unit })],
    [/^\/api\/users\/\{id\}/, () => ({ id: ids.user })],
    [/^\/api\/officers\/\{id\}\/certificates\/\{certificateId\}/, () => ({ id: ids.officer, certificateId: ids.certificate })],
    [/^\/api\/officers\/\{id\}/, () => ({ id: ids.officer })],
    [/^\/api\/powers\/\{id\}/, () => ({ id: ids.powerItem })],
    [/^\/api\/discretion\/benchmarks\/\{id\}/, () => ({ id: ids.benchmark })],
    [/^\/api\/discretion\/thresholds\/\{id\}/, () => ({ id: ids.threshold })],
    [/^\/api\/inspections\/items\/\{id\}/, () => ({ id: ids.inspectionItem })],
    [/^\/api\/inspections\/targets\/import\/\{id\}/, () => ({ id: ids.targetImport })],
    [/^\/api\/inspections\/inspectors\/\{id\}/, () => ({ id: ids.officer })],
    [/^\/api\/inspections\/tasks\/\{id\}/, () => ({ id: ids.task })],
    [/^\/api\/record\/matters\/\{matterType\}\/\{matterId\}/, () => ({ matterType: 'case', matterId: ids.case })],
    [/^\/api\/record\/evidence\/\{id\}/, () => ({ id: ids.evidence })],
    [/^\/api\/instruments\/\{id\}/, () => ({ id: ids.instrument })],
    [/^\/api\/cases\/\{id\}\/transitions\/\{transition\}/, () => ({ id: ids.case, transition: 'accept' })],
    [/^\/api\/cases\/\{id\}/, () => ({ id: ids.case })],
    [/^\/api\/publicity\/publications\/\{id\}\/transitions\/\{name\}/, () => ({ id: ids.publication, name: 'noticeRevocation' })],
    [/^\/api\/publicity\/publications\/\{id\}/, () => ({ id: ids.publication })],
    [/^\/api\/publicity\/credit-exports\/\{id\}/, () => ({ id: ids.creditExport })],
    [/^\/api\/todo\/matters\/\{id\}/, () => ({ id: ids.case })],
    // 重大行政决策: the demo's catalogue and its decision (at the legality review)
    [/^\/api\/major-decisions\/catalogues\/\{id\}/, () => ({ id: ids.decisionCatalogue })],
    [/^\/api\/major-decisions\/\{id\}/, () => ({ id: ids.majorDecision })],
    // 公开征求意见, 公平竞争审查 and 统计指标集 of the district
    [/^\/api\/consultations\/\{id\}/, () => ({ id: ids.consultation })],
    [/^\/api\/fair-competition\/reviews\/\{id\}/, () => ({ id: ids.fairReview })],
    [/^\/api\/figures\/sets\/\{id\}/, () => ({ id: ids.figureSet })],
    // 合法性审查, 法律顾问, 合同, 立法征询, 规范性文件 (and its plans) of the district
    [/^\/api\/legality\/reviews\/\{id\}/, () => ({ id: ids.legalityReview })],
    [/^\/api\/legality\/advisers\/\{id\}/, () => ({ id: ids.adviser })],
    [/^\/api\/contracts\/\{id\}/, () => ({ id: ids.contract })],
    [/^\/api\/legislative-consultations\/\{id\}/, () => ({ id: ids.legislativeConsultation })],
    [/^\/api\/normative-documents\/plans\/\{id\}/, () => ({ id: ids.normativePlan })],
    [/^\/api\/normative-documents\/\{id\}/, () => ({ id: ids.normativeDocument })],
    // 行政复议 and 行政应诉 of the district (registered in beforeAll against the demo cases)
    [/^\/api\/reconsiderations\/\{id\}/, () => ({ id: ids.reconsideration })],
    [/^\/api\/lawsuits\/\{id\}/, () => ({ id: ids.lawsuit })],
    // 投诉举报 (issue 16): a complaint of 第二市场监管所 waiting for its acceptance decision, and its group
    [/^\/api\/complaints\/groups\/\{id\}/, () => ({ id: ids.complaintGroup, name: 'accept' })],
    [/^\/api\/complaints\/\{id\}/, () => ({ id: ids.complaint, fileId: 'none' })],
    // 年度报告: the district's draft of this year (seed/annualReports.ts)
    [/^\/api\/annual-reports\/\{id\}/, () => ({ id: ids.annualReport, versionNo: '1', paragraphId: 'problems.issues' })],
    // 政府信息公开申请 and 检察建议、司法建议 of the district (issue 16)
    [/^\/api\/disclosure-requests\/\{id\}/, () => ({ id: ids.disclosureRequest })],
    [/^\/api\/recommendations\/\{id\}/, () => ({ id: ids.recommendation })],
  ];
  const hit = rules.find(([re]) => re.test(path));
  return hit ? hit[1]() : null;
}

const fill = (path: string, params: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(params[k] ?? ''));

async function one(sql: string, params: unknown[] = []): Promise<string> {
  const r = await env.ctx.db.query<{ id: string }>(sql, params);
  if (!r.rows[0]) throw new Error(`no row for ${sql}`);
  return String(r.rows[0].id);
}

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  const district = await orgIdByName(env, '示例区市场监督管理局');
  const station1 = await orgIdByName(env, '第一市场监管所');
  const station2 = await orgIdByName(env, '第二市场监管所');
  // the demo's second district (示例二区, users erqu and erqu_zhifa) gets a user for every other role
  const sibling = await orgIdByName(env, '示例二区市场监督管理局');
  siblingDistrictUsers.push('erqu', 'erqu_zhifa');
  await env.ctx.db.transaction(async (tx) => {
    for (const role of roles.filter((r) => r !== 'admin' && r !== 'officer')) {
      const username = `erqu_${role}`;
      await insertUser(tx, env.ctx, SYSTEM_ACTOR, { username, displayName: `二区${role}`, orgId: sibling, roles: [role], password: PASSWORD });
      siblingDistrictUsers.push(username);
    }
    const officer = await insertOfficer(tx, env.ctx, SYSTEM_ACTOR, { orgId: station1, name: '一所执法员' });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: SIBLING_UNIT_USER,
      displayName: '一所执法员',
      orgId: station1,
      roles: ['officer'],
      password: PASSWORD,
      officerId: officer,
    });
  });
  ids.unit = station2;
  ids.user = await one(`select id from users where username = 'zhifa'`);
  ids.officer = await one('select id from officers where org_id = $1 order by name limit 1', [station2]);
  ids.certificate = await one('select id from certificates where officer_id = $1 limit 1', [ids.officer]);
  ids.powerItem = await one('select id from power_items where body_id = $1 limit 1', [district]);
  ids.benchmark = await one('select id from discretion_benchmarks where org_id = $1 limit 1', [district]);
  ids.threshold = await one('select id from discretion_thresholds where org_id = $1 limit 1', [district]);
  ids.inspectionItem = await one('select id from inspection_items where body_id = $1 limit 1', [district]);
  // the demo seed imports no target file and exports no 双公示 file: one of each is made below through the API
  ids.targetImport = 'none';
  ids.task = await one('select id from inspection_tasks where body_id = $1 limit 1', [district]);
  ids.case = await one(`select c.id from cases c join matters m on m.id = c.id where m.org_id = $1 order by m.created_at limit 1`, [station2]);
  ids.evidence = await one(`select id from evidence_files where matter_type = 'case' limit 1`);
  ids.instrument = await one(`select id from instruments where matter_type = 'case' limit 1`);
  ids.publication = await one('select id from publications where body_id = $1 limit 1', [district]);
  ids.creditExport = 'none';
  ids.decisionCatalogue = await one('select id from decision_catalogues where body_id = $1 limit 1', [district]);
  ids.majorDecision = await one('select id from major_decisions where body_id = $1 limit 1', [district]);
  // the district's units draft them (价格监督检查和反不正当竞争科): the open comment and a review, one each
  const units = 'select id from orgs where id = $1 or parent_id = $1';
  ids.consultation = await one(`select id from consultations where org_id in (${units}) order by (state = 'open') desc, starts_on desc limit 1`, [district]);
  ids.fairReview = await one(`select id from fair_competition_reviews where org_id in (${units}) limit 1`, [district]);
  ids.legalityReview = await one(
    `select r.id from legality_reviews r join matters m on m.id = r.id where m.org_id in (${units}) order by (m.state = 'underReview') desc limit 1`,
    [district],
  );
  ids.adviser = await one(`select id from legal_advisers where org_id in (${units}) limit 1`, [district]);
  ids.contract = await one(`select c.id from contracts c join matters m on m.id = c.id where m.org_id in (${units}) limit 1`, [district]);
  ids.legislativeConsultation = await one(`select l.id from legislative_consultations l join matters m on m.id = l.id where m.org_id in (${units}) limit 1`, [
    district,
  ]);
  ids.normativePlan = await one(`select id from normative_plans where body_id = $1 limit 1`, [district]);
  ids.normativeDocument = await one(
    `select d.id from normative_documents d join matters m on m.id = d.id where m.org_id in (${units}) order by (m.state = 'drafting') desc limit 1`,
    [district],
  );
  // a reconsideration (待答复) of the on-the-spot penalty and a suit (待答辩) against scenario 1's decision
  const shenhe = (await principalForUser(env.ctx.db, 'shenhe'))!;
  const caseOf = (name: string) => one(`select id from cases where party ->> 'name' = $1`, [name]);
  const onSpot = await caseOf('张百味（示例区百味小吃店）');
  const scenario1 = await caseOf('示例区鑫隆超市有限公司');
  ids.reconsideration = (
    await env.ctx.db.transaction((tx) =>
      registerReconsideration(tx, env.ctx, shenhe, {
        subject: { type: 'case', id: onSpot },
        applicant: '张百味',
        reviewingBody: '示例区人民政府',
        request: '撤销',
        receivedOn: chinaToday(),
      }),
    )
  ).id;
  ids.lawsuit = (
    await env.ctx.db.transaction((tx) =>
      registerLawsuit(tx, env.ctx, shenhe, {
        subject: { type: 'case', id: scenario1 },
        plaintiff: '鑫隆',
        court: '示例区人民法院',
        claims: '撤销',
        receivedOn: chinaToday(),
      }),
    )
  ).id;
  ids.complaint = await one(`select id from complaints where org_id = $1 and kind = 'complaint' and state = 'received' order by received_on limit 1`, [
    station2,
  ]);
  ids.complaintGroup = await one('select group_id as id from complaints where id = $1', [ids.complaint]);
  ids.annualReport = await one(
    `select r.id from annual_reports r join matters m on m.id = r.id where r.body_id = $1 order by (m.state = 'draft') desc limit 1`,
    [district],
  );
  ids.disclosureRequest = await one(
    `select d.id from disclosure_requests d join matters m on m.id = d.id where d.body_id = $1 order by (m.state = 'received') desc limit 1`,
    [district],
  );
  ids.recommendation = await one(
    `select r.id from recommendations r join matters m on m.id = r.id where r.body_id = $1 order by (m.state = 'assigned') desc limit 1`,
    [district],
  );
  const admin = client(env.app, await login(env.app, 'admin'));
  ids.figureSet = (await admin.post('/api/figures/sets', { from: '2026-01-01', to: '2026-12-31' })).body.id;
  const exported = await admin.post('/api/publicity/credit-exports', { bodyId: district });
  if (exported.status < 300 && exported.body?.id) ids.creditExport = exported.body.id;
  const imports = await env.ctx.db.query<{ id: string }>('select id from inspection_target_imports where body_id = $1 limit 1', [district]);
  if (imports.rows[0]) ids.targetImport = imports.rows[0].id;
}, 240_000);
afterAll(() => env.close());

describe('authorization matrix (generated from the OpenAPI document)', () => {
  it('a sibling district, in every role, reaches none of district A’s resources on any route', async () => {
    const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const uncovered: string[] = [];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    const before = await ledgerSize(env);
    const sessions = await Promise.all(
      siblingDistrictUsers.map(
        async (u) => [u, client(env.app, await login(env.app, u, u.startsWith('erqu_') && u !== 'erqu_zhifa' ? PASSWORD : undefined))] as const,
      ),
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.includes('{') || GLOBAL.some(([re]) => re.test(path))) continue;
      const params = resourceFor(path);
      if (!params) {
        uncovered.push(path);
        continue;
      }
      for (const [method, op] of Object.entries(ops)) {
        const url = fill(path, params);
        const body = minimal(op.requestBody?.content?.['application/json']?.schema);
        for (const [user, c] of sessions) {
          const r = method === 'get' ? await c.get(url) : method === 'patch' ? await c.patch(url, body) : await c.post(url, body);
          requests++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status < 300 || (method === 'get' && r.status !== 404) || r.status >= 500)
            failures.push(`${user} ${method.toUpperCase()} ${url} → ${r.status}`);
        }
      }
    }
    console.log(`authorization matrix: ${requests} requests, ${sessions.length} roles, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(uncovered, 'routes with an id that the matrix has no resource for').toEqual([]);
    // district A's 双公示 export exists, so its download was tried by district B's leader, legal reviewer, admin …
    expect(ids.creditExport).not.toBe('none');
    // nor may they create one for district A's body, or see A's in their list (creditExportPolicy: body in scope or acted under)
    const districtA = await orgIdByName(env, '示例区市场监督管理局');
    for (const [user, c] of sessions) {
      const created = await c.post('/api/publicity/credit-exports', { bodyId: districtA, format: 'json' });
      if (created.status !== 404) failures.push(`${user} POST /api/publicity/credit-exports {bodyId: A} → ${created.status}`);
      const list = await c.get('/api/publicity/credit-exports');
      if (list.status === 200 && list.body.items.some((e: { id: string }) => e.id === ids.creditExport)) failures.push(`${user} lists A's export`);
    }
    expect(failures).toEqual([]);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(200);
    expect(await ledgerSize(env)).toBe(before);
  }, 240_000);

  it('an officer of a sibling unit reaches none of another unit’s cases, their instruments, evidence, record or publications', async () => {
    const c = client(env.app, await login(env.app, SIBLING_UNIT_USER, PASSWORD));
    const before = await ledgerSize(env);
    const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const caseScoped = Object.keys(doc.paths).filter((p) =>
      /^\/api\/(cases\/\{id\}|instruments\/\{id\}|record\/(matters|evidence)\/|publicity\/publications\/\{id\})/.test(p),
    );
    expect(caseScoped.length).toBeGreaterThan(12);
    const failures: string[] = [];
    for (const path of caseScoped) {
      for (const [method, op] of Object.entries(doc.paths[path])) {
        const url = fill(path, resourceFor(path)!);
        const r = method === 'get' ? await c.get(url) : await c.post(url, minimal(op.requestBody?.content?.['application/json']?.schema));
        if (r.status < 300 || (method === 'get' && r.status !== 404) || r.status >= 500) failures.push(`${method.toUpperCase()} ${url} → ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await c.get('/api/cases?limit=100')).body.items.some((x: { id: string }) => x.id === ids.case)).toBe(false);
    expect(await ledgerSize(env)).toBe(before);
  }, 120_000);
});

// ─── own org: every write × every demo role, compared with what the policy answers that user ───

type Client = ReturnType<typeof client>;
/** What the policy says about one write for one user: `read` null when the ability is not about one resource. */
type Verdict = { read: boolean | null; granted: boolean };
type Menu = Record<string, boolean>;

/** The abilities a resource's detail answers the user (read false on 404). */
async function abilitiesAt(c: Client, url: string): Promise<{ read: boolean; abilities: Record<string, boolean>; body: any }> {
  const r = await c.get(url);
  if (r.status === 404) return { read: false, abilities: {}, body: null };
  if (r.status !== 200) throw new Error(`GET ${url} → ${r.status}`);
  return { read: true, abilities: r.body.abilities ?? {}, body: r.body };
}
const ability = (url: string, key: string) => async (c: Client) => {
  const a = await abilitiesAt(c, url);
  return { read: a.read, granted: a.read && !!a.abilities[key] };
};
const menu = (key: string) => async (_c: Client, m: Menu) => ({ read: null, granted: !!m[key] });
/** `POST /api/<base>/{id}/transitions/<name>` for each name: granted when the detail lists the transition to the user. */
const listedTransitions = (base: string, names: string[], detail: () => string) =>
  names.map(
    (name) =>
      [
        new RegExp(`^POST /api/${base.replace('/', '\\/')}/\\{id\\}/transitions/${name}$`),
        async (c: Client) => {
          const a = await abilitiesAt(c, detail());
          return { read: a.read, granted: a.read && (a.body.transitions ?? a.body.matter?.transitions ?? []).some((t: { id: string }) => t.id === name) };
        },
      ] as [RegExp, (c: Client) => Promise<Verdict>],
  );

/**
 * The ability that governs each write operation (method and path of the OpenAPI document) for the resources of
 * `ids`, or the reason it has none. The first match wins.
 */
const OWN_ORG_ABILITY: [RegExp, ((c: Client, m: Menu) => Promise<Verdict>) | string][] = [
  [/^POST \/api\/auth\//, 'the caller’s own session and password'],
  [/^POST \/api\/public\//, 'the public portal: anyone comments without an account (test/consultation.test.ts, test/portal.test.ts)'],
  [/^POST \/api\/(deadlines\/compute|discretion\/calculate|officers\/eligibility|instruments\/preview)$/, 'a computation: nothing is written'],
  [/^PATCH \/api\/orgs\/\{id\}$/, (c) => ability(`/api/orgs/${ids.unit}`, 'update')(c)],
  [/^POST \/api\/orgs$/, (c) => ability(`/api/orgs/${ids.unit}`, 'createChild')(c)],
  [/^POST \/api\/orgs\/\{id\}\/major-catalogue$/, (c) => ability(`/api/orgs/${ids.body}`, 'setMajorCatalogue')(c)],
  [/^PATCH \/api\/users\/\{id\}$/, (c) => ability(`/api/users/${ids.ownUser}`, 'update')(c)],
  [/^POST \/api\/users\/\{id\}\/password$/, (c) => ability(`/api/users/${ids.ownUser}`, 'resetPassword')(c)],
  [/^POST \/api\/users$/, menu('createUser')],
  [/^PATCH \/api\/officers\/\{id\}$/, (c) => ability(`/api/officers/${ids.officer}`, 'update')(c)],
  [/^POST \/api\/officers\/\{id\}\/certificates\/\{certificateId\}\/status$/, (c) => ability(`/api/officers/${ids.officer}`, 'changeCertificateStatus')(c)],
  [/^POST \/api\/officers\/\{id\}\/certificates$/, (c) => ability(`/api/officers/${ids.officer}`, 'issueCertificate')(c)],
  [/^POST \/api\/officers\/\{id\}\/trainings$/, (c) => ability(`/api/officers/${ids.officer}`, 'recordTraining')(c)],
  [/^POST \/api\/officers$/, menu('createOfficer')],
  [/^POST \/api\/powers\/\{id\}\/(amend|remove)$/, async (c) => ability(`/api/powers/${ids.powerItem}`, 'amend')(c)],
  [/^POST \/api\/powers(\/import)?$/, menu('managePowers')],
  [/^PATCH \/api\/discretion\/benchmarks\/\{id\}$/, (c) => ability(`/api/discretion/benchmarks/${ids.benchmark}`, 'update')(c)],
  [
    /^PATCH \/api\/discretion\/thresholds\/\{id\}$/,
    async (c) => {
      const t = (await c.get('/api/discretion/thresholds')).body.items?.find((x: { id: string }) => x.id === ids.threshold);
      return { read: !!t, granted: !!t?.abilities?.update };
    },
  ],
  [/^PATCH \/api\/discretion\/violations\/\{id\}$/, (c) => ability(`/api/discretion/violations/${ids.violation}`, 'update')(c)],
  [/^POST \/api\/discretion\/(benchmarks|benchmarks\/import|thresholds|violations)$/, menu('manageDiscretion')],
  [/^POST \/api\/inspections\/tasks\/\{id\}\/results$/, (c) => ability(`/api/inspections/tasks/${ids.task}`, 'enterResults')(c)],
  [/^POST \/api\/inspections\/tasks\/\{id\}\/\w+$/, (c) => ability(`/api/inspections/tasks/${ids.task}`, 'manage')(c)],
  [/^POST \/api\/inspections\/inspectors\/\{id\}\//, (c) => ability(`/api/officers/${ids.officer}`, 'manageInspector')(c)],
  [/^POST \/api\/inspections\/(items|items\/\{id\}|plans|tasks|targets\/import)$/, menu('manageInspections')],
  [/^POST \/api\/laws\/(import|versions\/\{id\}\/repeal)$/, menu('manageLaws')],
  [
    /^POST \/api\/laws\/basis-flags\/\{id\}\/clear$/,
    async (c) => {
      const f = (await c.get(`/api/laws/basis-flags?status=all&id=${ids.basisFlag}`)).body.items?.[0];
      return { read: !!f, granted: !!f?.abilities?.clear };
    },
  ],
  [/^PUT \/api\/calendar\/days\/\{date\}$/, async (c) => ({ read: null, granted: !!(await c.get('/api/calendar/2026')).body.canEdit })],
  [/^POST \/api\/record\/tree-heads$/, menu('signTreeHead')],
  [/^POST \/api\/record\/matters\/\{matterType\}\/\{matterId\}\/evidence$/, (c) => ability(`/api/cases/${ids.ownCase}`, 'uploadEvidence')(c)],
  [
    /^POST \/api\/cases\/\{id\}\/transitions\/(\w+)$/,
    'per transition: see OWN_ORG_TRANSITIONS', // handled below with the transition's name
  ],
  [/^POST \/api\/cases$/, menu('openCase')],
  [/^POST \/api\/publicity\/credit-exports$/, menu('exportCredit')],
  [/^POST \/api\/publicity\/publications\/\{id\}\/transitions\/\w+$/, 'per transition: see OWN_ORG_TRANSITIONS'],
  // 重大行政决策: a catalogue's steps are its managers'; a decision's each by the transitions the detail lists to those who may act on it
  [
    /^POST \/api\/major-decisions\/catalogues\/\{id\}\/transitions\/\w+$/,
    (c) => ability(`/api/major-decisions/catalogues/${ids.decisionCatalogue}`, 'manage')(c),
  ],
  ...Object.keys(decisionInputs).map(
    (name) =>
      [
        new RegExp(`^POST /api/major-decisions/\\{id\\}/transitions/${name}$`),
        async (c: Client) => {
          const a = await abilitiesAt(c, `/api/major-decisions/${ids.majorDecision}`);
          const acts = a.read && (a.abilities.draft || a.abilities.decide);
          return { read: a.read, granted: acts && a.body.matter.transitions.some((t: { id: string }) => t.id === name) };
        },
      ] as [RegExp, (c: Client) => Promise<Verdict>],
  ),
  [/^POST \/api\/major-decisions(\/catalogues)?$/, menu('majorDecisions')],
  // 公开征求意见: answers by the detail's ability, each step by the transitions the detail lists; 公平竞争审查 likewise
  [/^POST \/api\/consultations\/\{id\}\/answers$/, (c) => ability(`/api/consultations/${ids.consultation}`, 'answer')(c)],
  ...listedTransitions('consultations', Object.keys(consultationInputs), () => `/api/consultations/${ids.consultation}`),
  [/^POST \/api\/consultations$/, 'a comment on a draft of the caller’s own unit: test/consultation.test.ts tries other units, roles and districts'],
  ...listedTransitions('fair-competition/reviews', Object.keys(fairCompetitionInputs), () => `/api/fair-competition/reviews/${ids.fairReview}`),
  [
    /^POST \/api\/fair-competition\/reviews$/,
    'a review of a measure of the caller’s own unit: test/fair-competition.test.ts tries other units, roles and districts',
  ],
  [/^POST \/api\/figures\/sets$/, menu('computeFigureSet')],
  // 合法性审查, 合同, 立法征询, 规范性文件: each step by the transitions its detail lists to the user (already gated by the
  // detail's own abilities); edits and cleanups by the detail's abilities; plans by the plan's `manage`
  ...listedTransitions('legality/reviews', Object.keys(reviewInputs), () => `/api/legality/reviews/${ids.legalityReview}`),
  ...listedTransitions('contracts', Object.keys(contractInputs), () => `/api/contracts/${ids.contract}`),
  ...listedTransitions('legislative-consultations', Object.keys(legislativeInputs), () => `/api/legislative-consultations/${ids.legislativeConsultation}`),
  ...listedTransitions('normative-documents', Object.keys(normativeInputs), () => `/api/normative-documents/${ids.normativeDocument}`),
  [/^PUT \/api\/normative-documents\/\{id\}$/, (c) => ability(`/api/normative-documents/${ids.normativeDocument}`, 'edit')(c)],
  [/^POST \/api\/normative-documents\/\{id\}\/cleanups$/, (c) => ability(`/api/normative-documents/${ids.normativeDocument}`, 'cleanup')(c)],
  [
    /^POST \/api\/normative-documents\/plans(\/\{id\}\/items)?$/,
    async (c) => {
      const plan = (await c.get('/api/normative-documents/plans')).body.items?.find((x: { id: string }) => x.id === ids.normativePlan);
      return { read: !!plan, granted: !!plan?.manage };
    },
  ],
  // creating one (a draft for one's own unit, a contract, an adviser, a 立法征询): the module's own policy, not a menu
  // ability — each is tried by role in its module's tests (normative-documents, contracts, legality)
  [/^POST \/api\/normative-documents$/, 'a draft for the caller’s own unit: test/normative-documents.test.ts tries other units and roles'],
  // 年度报告: each step by the transitions its detail lists; paragraph edits by the detail's `write`; generating one by the
  // body's own policy, tried by role, unit and district in test/annual-reports.test.ts
  ...listedTransitions('annual-reports', Object.keys(annualReportInputs), () => `/api/annual-reports/${ids.annualReport}`),
  [/^PATCH \/api\/annual-reports\/\{id\}\/paragraphs\/\{paragraphId\}$/, (c) => ability(`/api/annual-reports/${ids.annualReport}`, 'write')(c)],
  [/^POST \/api\/annual-reports$/, 'a report of the caller’s own body: test/annual-reports.test.ts tries units, roles and another district'],
  [/^POST \/api\/contracts$/, 'a contract of the caller’s own unit: test/contracts.test.ts tries other units and roles'],
  [/^POST \/api\/legislative-consultations$/, 'a 立法征询 of the caller’s body: test/contracts.test.ts tries roles and another district'],
  [/^(POST|PATCH) \/api\/legality\/advisers(\/\{id\})?$/, 'the adviser register of the caller’s body: test/legality.test.ts tries roles and another district'],
  // 行政复议 and 行政应诉: registering by the menu's ability; each step by the transitions the detail lists to the user
  [/^POST \/api\/(reconsiderations|lawsuits)$/, menu('registerRemedies')],
  ...listedTransitions('reconsiderations', Object.keys(reconsiderationInputs), () => `/api/reconsiderations/${ids.reconsideration}`),
  ...listedTransitions('lawsuits', Object.keys(lawsuitInputs), () => `/api/lawsuits/${ids.lawsuit}`),
  // 投诉举报 (issue 16): each step by the transitions the detail lists; the other acts and a group's steps by `handle`;
  // intake and import for the caller's own unit by the module's policy (test/complaints.test.ts tries roles and units)
  ...listedTransitions('complaints', [...Object.keys(complaintInputs), ...Object.keys(reportInputs)], () => `/api/complaints/${ids.complaint}`),
  [/^POST \/api\/complaints\/\{id\}\/(assign|mediations|lead|lead\/extend|lead\/verify)$/, (c) => ability(`/api/complaints/${ids.complaint}`, 'handle')(c)],
  [/^POST \/api\/complaints\/groups\/\{id\}\/transitions\/\{name\}$/, (c) => ability(`/api/complaints/${ids.complaint}`, 'handle')(c)],
  [
    /^POST \/api\/complaints(\/import)?$/,
    'intake for the caller’s own unit (or one below): test/complaints.test.ts tries roles, a sibling unit and another district',
  ],
  // 政府信息公开申请 and 检察建议、司法建议 (issue 16): each step by the transitions the detail lists; registering by the body's policy
  ...listedTransitions('disclosure-requests', Object.keys(disclosureInputs), () => `/api/disclosure-requests/${ids.disclosureRequest}`),
  ...listedTransitions('recommendations', Object.keys(recommendationInputs), () => `/api/recommendations/${ids.recommendation}`),
  [/^POST \/api\/disclosure-requests$/, 'a request to the caller’s body: test/disclosure.test.ts tries roles, a station and another district'],
  [/^POST \/api\/recommendations$/, 'a recommendation to the caller’s body: test/disclosure.test.ts tries roles and another district'],
];

/** The case acts that are not transitions, by path, and the ability of the case file that governs each. */
const CASE_ACT_ABILITY: Record<string, string> = {
  evidence: 'addEvidence',
  statement: 'recordStatement',
  waiver: 'recordWaiver',
  payments: 'recordPayment',
  'payment-plan': 'approvePaymentPlan',
  challenges: 'recordChallenge',
  'challenge-conclusion': 'recordChallenge',
  execution: 'recordExecution',
  'deadlines/extend': 'extendDeadline',
  'deadlines/suspend': 'suspendDeadline',
  measures: 'imposeMeasure',
  'measures/{sub}/extend': 'extendMeasure',
  'measures/{sub}/testing': 'recordMeasureTesting',
  'measures/{sub}/end': 'endMeasure',
  'evidence/{sub}/preservation-decision': 'decidePreservation',
  'reporter-notices': 'notifyReporter',
  'publicity-push': 'recordPublicityPush',
};

/** The verdict of the policy on one write for one user, or the reason the operation has no ability to compare. */
async function ownOrgVerdict(c: Client, m: Menu, method: string, path: string): Promise<Verdict | string | null> {
  const key = `${method.toUpperCase()} ${path}`;
  const caseAct = /^POST \/api\/cases\/\{id\}\/(.+)$/.exec(key)?.[1];
  if (caseAct && !caseAct.startsWith('transitions/')) {
    const a = CASE_ACT_ABILITY[caseAct];
    return a ? ability(`/api/cases/${ids.ownCase}`, a)(c) : null;
  }
  const caseTransition = /^POST \/api\/cases\/\{id\}\/transitions\/(\w+)$/.exec(key)?.[1];
  if (caseTransition) {
    const a = await abilitiesAt(c, `/api/cases/${ids.ownCase}`);
    return { read: a.read, granted: a.read && a.body.transitions.some((t: { id: string }) => t.id === caseTransition) };
  }
  const pubTransition = /^POST \/api\/publicity\/publications\/\{id\}\/transitions\/(\w+)$/.exec(key)?.[1];
  if (pubTransition) {
    const a = await abilitiesAt(c, `/api/publicity/publications/${ids.publication}`);
    return { read: a.read, granted: a.read && !!a.abilities.transition && a.body.matter.transitions.some((t: { id: string }) => t.id === pubTransition) };
  }
  const hit = OWN_ORG_ABILITY.find(([re]) => re.test(key));
  if (!hit) return null;
  return typeof hit[1] === 'string' ? hit[1] : hit[1](c, m);
}

/** The path parameters of the own-org resources. */
function ownParams(path: string): Record<string, string> {
  if (path.startsWith('/api/cases/') || path.startsWith('/api/record/matters/')) {
    return { id: ids.ownCase, sub: 'none', matterType: 'case', matterId: ids.ownCase };
  }
  if (path.startsWith('/api/users/')) return { id: ids.ownUser };
  if (path.startsWith('/api/orgs/{id}/major-catalogue')) return { id: ids.body };
  if (path.startsWith('/api/discretion/violations/')) return { id: ids.violation };
  if (path.startsWith('/api/laws/versions/')) return { id: ids.lawVersion };
  if (path.startsWith('/api/laws/basis-flags/')) return { id: ids.basisFlag };
  if (path.startsWith('/api/calendar/days/')) return { date: '2026-12-26' };
  return resourceFor(path) ?? {};
}

const OWN_ORG_USERS = ['admin', 'zhifa', 'shenhe', 'lingdao', 'jiandu', 'pingtai'] as const;

describe('authorization matrix, own org (generated from the OpenAPI document)', () => {
  it('no write succeeds that the policy refuses the user, and none the policy grants is refused as forbidden', async () => {
    const district = await orgIdByName(env, '示例区市场监督管理局');
    const station2 = await orgIdByName(env, '第二市场监管所');
    // own-org targets that other tests do not depend on: a user of the station, an open case, the district's catalogue
    ids.ownUser = await env.ctx.db.transaction((tx) =>
      insertUser(tx, env.ctx, SYSTEM_ACTOR, { username: 'matrix_target', displayName: '矩阵目标', orgId: station2, roles: ['officer'], password: PASSWORD }),
    );
    ids.ownCase = await one(
      `select c.id from cases c join matters m on m.id = c.id where m.org_id = $1 and m.state not in ('archived', 'notFiled', 'closed') order by m.created_at limit 1`,
      [station2],
    );
    ids.violation = await one('select id from violations where owner_org_id = $1 limit 1', [district]).catch(() => one('select id from violations limit 1'));
    ids.lawVersion = await one('select id from law_versions limit 1');
    ids.body = district;
    ids.basisFlag = (await env.ctx.db.query<{ id: string }>('select id from basis_flags limit 1')).rows[0]?.id ?? 'none';

    const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const unmapped: string[] = [];
    const notCompared = new Map<string, string>();
    const failures: string[] = [];
    const tally = { requests: 0, granted: 0, grantedDone: 0, denied: 0, deniedRefused: 0, invalidBody: 0 };
    const routes = new Set<string>();
    for (const username of OWN_ORG_USERS) {
      const s = await login(env.app, username);
      const c = client(env.app, s);
      const m = (await c.get('/api/auth/me')).body.abilities as Menu;
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (method === 'get') continue;
          const key = `${method.toUpperCase()} ${path}`;
          const verdict = await ownOrgVerdict(c, m, method, path);
          if (verdict === null) {
            if (!unmapped.includes(key)) unmapped.push(key);
            continue;
          }
          if (typeof verdict === 'string') {
            notCompared.set(key, verdict);
            continue;
          }
          routes.add(key);
          const url = fill(path, ownParams(path));
          const body = minimal(op.requestBody?.content?.['application/json']?.schema);
          const res = await env.app.inject({
            method: method.toUpperCase() as 'POST',
            url,
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
            payload: body as object,
          });
          const status = res.statusCode;
          tally.requests++;
          if (status === 400) tally.invalidBody++;
          const line = `${username} ${key} → ${status} (${verdict.granted ? 'granted' : 'not granted'}${verdict.read === false ? ', not visible' : ''}) ${status >= 300 ? res.body.slice(0, 160) : ''}`;
          if (status >= 500) failures.push(line);
          if (verdict.granted) {
            tally.granted++;
            if (status < 300) tally.grantedDone++;
            // a 404 for the resource the user sees; not one for the other thing the request names (a measure, a
            // preserved item, a certificate of the path, the deadline of the body), which the matrix does not create
            const namesOther = /\{sub\}|\{certificateId\}|\/deadlines\//.test(path);
            if (status === 403 || (status === 404 && verdict.read && !namesOther)) failures.push(line);
          } else {
            tally.denied++;
            if (status < 300) failures.push(line);
            else tally.deniedRefused++;
          }
        }
      }
    }
    console.log(
      `authorization matrix, own org: ${routes.size} write operations × ${OWN_ORG_USERS.length} roles (${OWN_ORG_USERS.join(', ')}) = ${tally.requests} requests; ` +
        `granted ${tally.granted} (succeeded ${tally.grantedDone}), not granted ${tally.denied} (all refused: ${tally.deniedRefused}); ` +
        `${tally.invalidBody} answered 400 to the minimal body; not compared: ${notCompared.size} operations (${[...notCompared.keys()].join(', ')})`,
    );
    expect(unmapped, 'write operations with no ability in OWN_ORG_ABILITY').toEqual([]);
    expect(failures).toEqual([]);
    expect(routes.size).toBeGreaterThan(80);
    expect(tally.denied).toBeGreaterThan(200);
  }, 600_000);
});
