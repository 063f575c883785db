/**
 * The public reads of 行政执法公示 (no login): decision search, a decision with its versions, the
 * inclusion proof of each public entry (bodies, officers, statistics and the current lists: publicDirectory.ts). Every function
 * returns exactly the fields its zod schema names (the schemas are the allow-list the portal test
 * checks); nothing here reads a staff-only column into a response.
 */
import { z } from 'zod';
import { ZDate } from '../../platform/schema.ts';
import { enforcementFields } from '../../domain/certifiedDuty.ts';
import { publicationTsquery } from '../../domain/publicity/searchTokens.ts';
import { publicationKinds, publicationStates, publishedKinds, type PublicationState } from '../../domain/publicity/rules.ts';
import type { ProofDocument } from '../../domain/recordFormat.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';
import { ZPublicContent } from './content.ts';

/** States in which a publication is on the portal. */
export const LISTED_STATES = ['published', 'corrected', 'withdrawalDue'];
const PUBLIC_EVENTS = ['publication.published', 'publication.withdrawn', 'publication.ended'];
export const MAX_QUERY_CHARS = 100;
/**
 * The count stops here and the portal says "共 200 条以上": counting the matches of a common word cost
 * more than finding its page (200 of 超市's 94 000 matches at 1 000 000 publications read ~2 000 rows;
 * 10 000 of them, the cap until 0020, ~100 000). Pages past it are reached by 下一页 (the pager follows
 * a full page), up to page 1000.
 */
export const MAX_COUNT = 200;
/** The newest rows a page of a common word is looked for in (per page asked for), and at most. */
const WALK_ROWS = 2000;
const MAX_WALK_ROWS = 40_000;
/** A word in at least this share of publications is common: counted by a probe of the newest PROBE_ROWS rather than through the index. */
const COMMON_SHARE = 0.02;
const PROBE_ROWS = (MAX_COUNT + 1) / COMMON_SHARE;
/** LISTED_STATES as an SQL literal: the partial indexes of migration 0020 are used only when the query names their states as constants. */
const LISTED_SQL = `p.state in (${LISTED_STATES.map((s) => `'${s}'`).join(', ')})`;

export const stateLabel = (s: string) => (s === 'withdrawalDue' ? '公示中' : (publicationStates[s as PublicationState] ?? s));
export const fieldLabel = (f: string) => enforcementFields[f as keyof typeof enforcementFields] ?? f;
const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const ZSearchQuery = z.object({
  q: z.string().max(10_000).optional(),
  /** 行政处罚决定 (the default) or 双随机抽查结果 */
  kind: z.enum(publishedKinds).default('penalty'),
  bodyId: z.string().max(64).optional(),
  field: z.string().max(40).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = Omit<z.infer<typeof ZSearchQuery>, 'kind'> & { kind?: z.infer<typeof ZSearchQuery>['kind'] };

export const ZListItem = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  number: z.string(),
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  violation: z.string(),
  penaltyText: z.string(),
  bodyName: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  version: z.number(),
});
export const ZSearchResult = z.object({
  q: z.string(),
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(ZListItem),
  tookMs: z.number(),
});
export type ListItem = z.infer<typeof ZListItem>;
export type SearchResult = z.infer<typeof ZSearchResult>;

/** The SQL of a search (exported: the benchmark runs it raw as its baseline). */
/**
 * The SQL of a search. `share`: the share of publications holding each frequent token (tokenShares);
 * a token in COMMON_SHARE or more of them is not looked up in the index when the query has a rarer one
 * (有限 and 公司 of a full company name: their posting lists are half the table), only checked on the rows
 * the rare tokens found.
 */
export function searchSql(query: SearchQuery, share: ReadonlyMap<string, number> = new Map()) {
  // control characters (a NUL is not even valid in a PostgreSQL text value) and lone surrogates are dropped
  const raw = [...(query.q ?? '').replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/gu, ' ')].slice(0, MAX_QUERY_CHARS).join('').trim();
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [LISTED_SQL, `p.kind = ${add(query.kind ?? 'penalty')}`];
  if (query.bodyId) where.push(`p.body_id = ${add(query.bodyId)}`);
  if (query.field) where.push(`p.field = ${add(query.field)}`);
  if (query.from) where.push(`p.decided_on >= ${add(query.from)}::date`);
  if (query.to) where.push(`p.decided_on <= ${add(query.to)}::date`);
  let match: string | null = null;
  let tokens: string[] = [];
  if (raw) {
    const upper = raw.toUpperCase();
    if (USCC.test(upper)) match = `p.party_uscc = ${add(upper)}`;
    else {
      // every bigram and every lone Han character through the index (domain/publicity/searchTokens.ts)
      const tsquery = publicationTsquery(raw);
      tokens = tsquery ? [...tsquery.matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
      const rare = tokens.filter((t) => (share.get(t) ?? 0) < COMMON_SHARE);
      if (!tsquery) match = 'false';
      else if (rare.length && rare.length < tokens.length)
        // the rare tokens through the index; every token on the rows they find (an expression the index does not answer)
        match = `p.search_vec @@ to_tsquery('simple', ${add(rare.map((t) => `'${t}'`).join(' & '))}) and (p.search_vec || ''::tsvector) @@ to_tsquery('simple', ${add(tsquery)})`;
      else match = `p.search_vec @@ to_tsquery('simple', ${add(tsquery)})`;
    }
  }
  const base = where.join(' and ');
  const cond = match ? `${base} and ${match}` : base;
  const countParams = [...params];
  const limit = add(query.pageSize);
  const offset = add((query.page - 1) * query.pageSize);
  const window = Math.min(WALK_ROWS * query.page, MAX_WALK_ROWS);
  /** one page of `inner` (which yields the publications' columns, sorted and cut to the page) with the body's name and the current version's penalty text */
  const page = (inner: string) =>
    `select p.id, p.kind, p.number, p.party_name as "partyName", p.party_uscc as "partyUscc", p.violation, coalesce(v.content ->> 'penaltyText', '') as "penaltyText",
            o.name as "bodyName", p.decided_on as "decidedOn", p.published_on as "publishedOn", p.state, p.field, p.current_version as version
       from (${inner}) p join orgs o on o.id = p.body_id
       left join publication_versions v on v.publication_id = p.id and v.version = p.current_version
      order by p.decided_on desc, p.id desc`;
  const cols = 'p.id, p.kind, p.number, p.party_name, p.party_uscc, p.violation, p.body_id, p.decided_on, p.published_on, p.state, p.field, p.current_version';
  const newest = `order by p.decided_on desc, p.id desc limit ${limit} offset ${offset}`;
  return {
    q: raw,
    /**
     * The page when the matches are few, or there is no keyword: the matches first (through the full-text
     * or uscc index; `offset 0` keeps the planner from walking the date index instead), then sorted.
     */
    sql: page(
      match
        ? `select * from (select ${cols} from publications p where ${cond} offset 0) p ${newest}`
        : `select ${cols} from publications p where ${base} ${newest}`,
    ),
    params,
    /**
     * The page when a keyword matches more than MAX_COUNT: the newest listed publications in date order,
     * a bounded window of them, filtered — a common word fills a page within a few hundred rows, where
     * sorting its 100 000 matches would read them all. Too few in the window (the word's matches are old):
     * the caller falls back to `sql`. Null without a keyword.
     */
    walkSql: match
      ? page(
          `select * from (select ${cols}, p.search_vec from publications p where ${base} order by p.decided_on desc, p.id desc limit ${window}) p where ${match} ${newest}`,
        )
      : null,
    /** the tokens every match holds (none for a uscc or no keyword) */
    tokens,
    countSql: `select count(*)::int as n from (select 1 from publications p where ${cond} limit ${MAX_COUNT + 1}) t`,
    /**
     * The count of a common word: its matches among the newest PROBE_ROWS listed publications, stopping at
     * MAX_COUNT + 1. Through the full-text index the same count would first collect all of the word's
     * matches (94 000 for 超过保质期 at 1 000 000 publications), and PostgreSQL cannot tell: it estimates the
     * bigrams of a phrase as independent (超过 & 过保 & 保质 & 质期: 91 rows).
     */
    probeSql: match
      ? `select count(*)::int as n from (select 1 from (select p.search_vec from publications p where ${base} order by p.decided_on desc, p.id desc limit ${PROBE_ROWS}) p where ${match} limit ${MAX_COUNT + 1}) t`
      : null,
    countParams,
  };
}

type Row = Omit<ListItem, 'kindLabel' | 'stateLabel' | 'fieldLabel'>;
const present = (r: Row): ListItem => ({
  ...r,
  kindLabel: publicationKinds[r.kind as keyof typeof publicationKinds] ?? r.kind,
  stateLabel: stateLabel(r.state),
  fieldLabel: fieldLabel(r.field),
  version: Number(r.version),
});

/** The share of publications holding each frequent token, from PostgreSQL's statistics of search_vec (pg_stats, after ANALYZE), kept a minute. */
let tokenStats: { at: number; share: Map<string, number> } = { at: 0, share: new Map() };
export async function tokenShares(q: Queryable): Promise<ReadonlyMap<string, number>> {
  if (Date.now() - tokenStats.at > 60_000) {
    const r = await q.query<{ elems: string[] | null; freqs: number[] | null }>(
      `select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs
         from pg_stats where schemaname = current_schema() and tablename = 'publications' and attname = 'search_vec'`,
    );
    const { elems, freqs } = r.rows[0] ?? { elems: null, freqs: null };
    tokenStats = { at: Date.now(), share: new Map((elems ?? []).map((e, i) => [e, Number(freqs?.[i] ?? 0)])) };
  }
  return tokenStats.share;
}

/** Whether every match of these tokens is common: a match holds every token, so the rarest one bounds the share (a token missing from the statistics is rare). */
export const isCommon = (share: ReadonlyMap<string, number>, tokens: string[]) =>
  tokens.length > 0 && Math.min(...tokens.map((t) => share.get(t) ?? 0)) >= COMMON_SHARE;

export async function searchPublications(q: Queryable, query: SearchQuery): Promise<SearchResult> {
  const t0 = performance.now();
  const share = await tokenShares(q);
  const s = searchSql(query, share);
  // the count first (at most MAX_COUNT + 1 matches): it says which way the page is cheaper to find
  const count = async (sql: string) => Number((await q.query<{ n: number }>(sql, s.countParams)).rows[0]?.n ?? 0);
  let n = s.probeSql && isCommon(share, s.tokens) ? await count(s.probeSql) : 0;
  if (n <= MAX_COUNT) n = await count(s.countSql);
  let rows: Row[] = [];
  if (s.walkSql && n > MAX_COUNT) rows = (await q.query<Row>(s.walkSql, s.params)).rows;
  if (rows.length < query.pageSize && (n > 0 || !s.walkSql)) rows = (await q.query<Row>(s.sql, s.params)).rows;
  return {
    q: s.q,
    total: Math.min(n, MAX_COUNT),
    totalCapped: n > MAX_COUNT,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(present),
    tookMs: Math.round((performance.now() - t0) * 10) / 10,
  };
}

// ─── one decision ─────────────────────────────────────────────────────────

export const ZPublicVersion = z.object({
  version: z.number(),
  status: z.enum(['current', 'superseded', 'withdrawn', 'ended']),
  statusLabel: z.string(),
  publishedOn: z.string(),
  statusOn: z.string().nullable(),
  statusReason: z.string().nullable(),
  ledgerSeq: z.number(),
  content: ZPublicContent.nullable(),
});
export const ZPublicEvent = z.object({ seq: z.number(), eventType: z.string(), label: z.string(), date: z.string(), note: z.string().nullable() });
export const ZPublicDetail = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  listed: z.boolean(),
  number: z.string(),
  partyName: z.string(),
  bodyName: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  version: z.number(),
  current: ZPublicContent.nullable(),
  versions: z.array(ZPublicVersion),
  events: z.array(ZPublicEvent),
});
export type PublicDetail = z.infer<typeof ZPublicDetail>;

const versionLabels = { current: '现行版本', superseded: '已更正（被新版本取代）', withdrawn: '已撤回', ended: '已停止公示' } as const;
const eventLabels: Record<string, string> = { 'publication.published': '公示', 'publication.withdrawn': '撤回公示', 'publication.ended': '停止公示' };

export async function publicDetail(q: Queryable, id: string): Promise<PublicDetail> {
  const p = (
    await q.query<Row & { expiresOn: string | null; dueOn: string | null }>(
      `select p.id, p.kind, p.number, p.party_name as "partyName", o.name as "bodyName", p.decided_on as "decidedOn", p.published_on as "publishedOn",
            p.expires_on as "expiresOn", p.state, p.field, p.current_version as version,
            (select min(d.due_date) from matter_deadlines d where d.matter_id = p.id and d.rule_id = 'publicity.penalty') as "dueOn"
       from publications p join orgs o on o.id = p.body_id where p.id = $1 and p.state <> 'scheduled' and p.state <> 'exemptionProposed' and p.state <> 'exempted'`,
      [id],
    )
  ).rows[0];
  if (!p) throw notFound('公示信息');
  const listed = LISTED_STATES.includes(p.state);
  const versions = (
    await q.query<{
      version: number;
      status: keyof typeof versionLabels;
      publishedOn: string;
      statusOn: string | null;
      statusReason: string | null;
      ledgerSeq: number;
      content: z.infer<typeof ZPublicContent>;
    }>(
      `select version, status, published_on as "publishedOn", status_on as "statusOn", status_reason as "statusReason", ledger_seq as "ledgerSeq", content
       from publication_versions where publication_id = $1 order by version desc`,
      [id],
    )
  ).rows;
  const events = (
    await q.query<{ seq: number; eventType: string; payload: string }>(
      `select seq, event_type as "eventType", payload from ledger_entries where matter_type = 'publication' and matter_id = $1 and event_type = any($2) order by seq`,
      [id, PUBLIC_EVENTS],
    )
  ).rows;
  // a withdrawn or ended publication no longer shows its content (only that it was published, and why it ended)
  const show = (status: string) => listed && (status === 'current' || status === 'superseded');
  const current = versions.find((v) => v.status === 'current');
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: publicationKinds[p.kind as keyof typeof publicationKinds] ?? p.kind,
    state: p.state,
    stateLabel: stateLabel(p.state),
    listed,
    number: p.number,
    partyName: listed ? p.partyName : p.partyName.length > 1 ? `${[...p.partyName][0]}**` : '*',
    bodyName: p.bodyName,
    decidedOn: p.decidedOn,
    publishedOn: p.publishedOn,
    expiresOn: p.expiresOn,
    dueOn: p.dueOn,
    onTime: p.publishedOn && p.dueOn ? p.publishedOn <= p.dueOn : null,
    version: Number(p.version),
    current: listed && current ? current.content : null,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      statusLabel: versionLabels[v.status],
      publishedOn: v.publishedOn,
      statusOn: v.statusOn,
      statusReason: v.statusReason,
      ledgerSeq: Number(v.ledgerSeq),
      content: show(v.status) ? v.content : null,
    })),
    events: events.map((e) => {
      const pl = JSON.parse(e.payload) as { publishedOn?: string; withdrawnOn?: string; endedOn?: string; reason?: string | null; version?: number };
      return {
        seq: Number(e.seq),
        eventType: e.eventType,
        label: `${eventLabels[e.eventType]}${e.eventType === 'publication.published' ? `（第 ${pl.version} 版）` : ''}`,
        date: pl.publishedOn ?? pl.withdrawnOn ?? pl.endedOn ?? '',
        note: pl.reason ?? null,
      };
    }),
  };
}

// ─── proofs ───────────────────────────────────────────────────────────────

export const ZProofDocument = z.object({
  entry: z.object({
    seq: z.number(),
    recordedAt: z.string(),
    actorId: z.null(),
    actorName: z.string().nullable(),
    orgId: z.string().nullable(),
    matterType: z.literal('publication'),
    matterId: z.string(),
    eventType: z.string(),
    payloadHash: z.string(),
    hashAlg: z.enum(['sm3', 'sha256']),
    leafHash: z.string(),
    payload: z.unknown(),
  }),
  leafIndex: z.number(),
  treeSize: z.number(),
  proof: z.array(z.string()),
  treeHead: z.object({
    treeSize: z.number(),
    rootHash: z.string(),
    hashAlg: z.enum(['sm3', 'sha256']),
    signedAt: z.string(),
    keyId: z.string(),
    signature: z.string(),
  }),
  publicKeyPem: z.string(),
});

/**
 * The inclusion proof of one public entry of a publication (a version's publication, its withdrawal
 * or end) against the latest signed tree head that covers it — what `fazhi proof verify` and the
 * portal's script check. A withdrawn or ended publication proves only its withdrawal or end.
 */
export async function publicProof(ctx: AppContext, id: string, seq?: number): Promise<z.infer<typeof ZProofDocument> & ProofDocument> {
  await ctx.ledger.catchUp(ctx.db);
  const d = await publicDetail(ctx.db, id);
  const allowed = d.events.filter((e) => (d.listed ? e.eventType === 'publication.published' : e.eventType !== 'publication.published'));
  const pick = seq === undefined ? allowed.at(-1) : allowed.find((e) => e.seq === seq);
  if (!pick) throw notFound('公示记录条目');
  const entry = await ctx.ledger.entry(ctx.db, pick.seq);
  if (entry?.matterType !== 'publication' || entry.matterId !== id || entry.actorId !== null) throw notFound('公示记录条目');
  const head = await ctx.ledger.treeHeadCovering(ctx.db, entry.seq);
  const proof = await ctx.ledger.inclusionProof(ctx.db, entry.seq, head.treeSize);
  return {
    entry: {
      seq: entry.seq,
      recordedAt: entry.recordedAt,
      actorId: null,
      actorName: entry.actorName,
      orgId: entry.orgId,
      matterType: 'publication' as const,
      matterId: entry.matterId,
      eventType: entry.eventType,
      payloadHash: entry.payloadHash,
      hashAlg: entry.hashAlg,
      leafHash: entry.leafHash,
      payload: JSON.parse(entry.payload),
    },
    leafIndex: entry.seq,
    treeSize: head.treeSize,
    proof,
    treeHead: {
      treeSize: head.treeSize,
      rootHash: head.rootHash,
      hashAlg: head.hashAlg,
      signedAt: head.signedAt,
      keyId: head.keyId,
      signature: head.signature,
    },
    publicKeyPem: ctx.ledger.signer.publicKeyPem,
  };
}

// ─── before: bodies and officers ─────────────────────────────────────────
