/**
 * The public directory of 行政执法公示 (no login): the enforcement bodies, the certified officers, the
 * statistics, the current publications and inspection results. Exactly the fields each zod schema names.
 */
import { z } from 'zod';
import { chinaToday } from '../../domain/dates.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { InspectionResultContent, PenaltyContent } from './content.ts';
import { escapeLike, fieldLabel, LISTED_STATES, stateLabel } from './public.ts';

export const ZPublicBody = z.object({
  id: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  legalBasis: z.string().nullable(),
  uscc: z.string().nullable(),
  officers: z.number(),
});

/**
 * The enforcement bodies with the number of officers holding a valid certificate in each one's subtree. One pass:
 * certified officers counted per org, then summed over each body's subtree (one recursive walk for all bodies) — a
 * subtree query per body cost seconds per request at 120 bodies and 10,000 officers (bench/province).
 */
export async function publicBodies(q: Queryable, today = chinaToday()) {
  return (
    await q.query<z.infer<typeof ZPublicBody>>(
      `with recursive certified as (
         select f.org_id, count(distinct f.id) as n from officers f join certificates c on c.officer_id = f.id
          where f.active and c.status = 'valid' and c.valid_from <= $1 and c.valid_to >= $1 group by f.org_id),
       subtree(body_id, id) as (
         select id, id from orgs where is_enforcement_body
         union all
         select s.body_id, o.id from subtree s join orgs o on o.parent_id = s.id),
       counted as (select s.body_id, sum(k.n) as n from subtree s join certified k on k.org_id = s.id group by s.body_id)
       select o.id, o.name, p.name as "parentName", o.legal_basis as "legalBasis", o.uscc, coalesce(t.n, 0)::int as officers
         from orgs o left join orgs p on p.id = o.parent_id left join counted t on t.body_id = o.id
        where o.is_enforcement_body order by o.sort_order, o.name`,
      [today],
    )
  ).rows;
}

export const ZPublicOfficer = z.object({ name: z.string(), certificateNumber: z.string(), orgName: z.string(), fields: z.array(z.string()) });
export const ZPublicOfficers = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(ZPublicOfficer) });

/** Officers holding a certificate valid today: name, certificate number, unit, fields — nothing else. */
export async function publicOfficers(q: Queryable, f: { q?: string; page: number; pageSize: number }, today = chinaToday()) {
  const name = (f.q ?? '')
    .replace(/[\u0000-\u001f\u007f]|[\ud800-\udfff]/gu, ' ')
    .slice(0, 50)
    .trim();
  const params: unknown[] = [today];
  let cond = '';
  if (name) {
    params.push(`%${escapeLike(name)}%`);
    cond = `and (f.name ilike $2 or c.number ilike $2 or o.name ilike $2)`;
  }
  const base = `from officers f join certificates c on c.officer_id = f.id join orgs o on o.id = f.org_id
    where f.active and c.status = 'valid' and c.valid_from <= $1 and c.valid_to >= $1 ${cond}`;
  const total = Number((await q.query<{ n: number }>(`select count(*)::int as n ${base}`, params)).rows[0].n);
  const rows = (
    await q.query<{ name: string; certificateNumber: string; orgName: string; fields: string[] }>(
      `select f.name, c.number as "certificateNumber", o.name as "orgName", c.fields ${base} order by o.sort_order, o.name, c.number limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
      params,
    )
  ).rows;
  return { total, page: f.page, pageSize: f.pageSize, items: rows.map((r) => ({ ...r, fields: r.fields.map(fieldLabel) })) };
}

// ─── statistics ───────────────────────────────────────────────────────────

export const ZPublicStatistics = z.object({
  total: z.number(),
  listed: z.number(),
  corrected: z.number(),
  withdrawn: z.number(),
  ended: z.number(),
  onTime: z.number(),
  late: z.number(),
  pendingOverdue: z.number(),
  timelinessRate: z.number().nullable(),
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  byField: z.array(z.object({ field: z.string(), fieldLabel: z.string(), count: z.number() })),
  byBody: z.array(z.object({ bodyName: z.string(), published: z.number(), onTime: z.number() })),
});

/** How long the public statistics are reused: they read every penalty publication (≈ 150 ms per scan at 100,000). */
export const PUBLIC_STATISTICS_TTL_MS = 60_000;
const statisticsCache = new WeakMap<Queryable, { key: string; at: number; value: Promise<z.infer<typeof ZPublicStatistics>> }>();

/**
 * The portal's statistics (its home page and 统计 page, `/api/public/publicity-statistics`), computed at most once a
 * minute per process and database: concurrent requests share one computation, a failed one is not kept.
 */
export function cachedPublicStatistics(q: Queryable, today = chinaToday(), now = Date.now()): Promise<z.infer<typeof ZPublicStatistics>> {
  const hit = statisticsCache.get(q);
  if (hit && hit.key === today && now - hit.at < PUBLIC_STATISTICS_TTL_MS) return hit.value;
  const value = publicStatistics(q, today);
  statisticsCache.set(q, { key: today, at: now, value });
  value.catch(() => statisticsCache.get(q)?.value === value && statisticsCache.delete(q));
  return value;
}

export async function publicStatistics(q: Queryable, today = chinaToday()): Promise<z.infer<typeof ZPublicStatistics>> {
  // one pass over the penalty publications, each joined once to its 公示期限 (a grouped hash join: a correlated
  // subquery per publication cost 12 s at 100,000 publications in bench/province), counted per body and summed here
  const rows = (
    await q.query<Record<string, number> & { bodyName: string }>(
      `with due as (select matter_id, min(due_date) as due from matter_deadlines where rule_id = 'publicity.penalty' group by matter_id)
       select o.name as "bodyName",
            count(*) filter (where p.state not in ('scheduled', 'exemptionProposed', 'exempted'))::int as total,
            count(*) filter (where p.state = any($1))::int as listed,
            count(*) filter (where p.current_version > 1)::int as corrected,
            count(*) filter (where p.state = 'withdrawn')::int as withdrawn,
            count(*) filter (where p.state in ('expired', 'repaired'))::int as ended,
            count(*) filter (where p.published_on is not null)::int as published,
            count(*) filter (where p.published_on is not null and p.published_on <= d.due)::int as "onTime",
            count(*) filter (where p.published_on is not null and p.published_on > d.due)::int as late,
            count(*) filter (where p.published_on is null and p.state = 'scheduled' and d.due < $2)::int as "pendingOverdue"
       from publications p join orgs o on o.id = p.body_id left join due d on d.matter_id = p.id
      where p.kind = 'penalty'
      group by o.id, o.name`,
      [LISTED_STATES, today],
    )
  ).rows;
  const sum = (k: string) => rows.reduce((n, r) => n + Number(r[k]), 0);
  const s = Object.fromEntries(['total', 'listed', 'corrected', 'withdrawn', 'ended', 'onTime', 'late', 'pendingOverdue'].map((k) => [k, sum(k)]));
  const byMonth = (
    await q.query<{ month: string; count: number }>(
      `select to_char(decided_on, 'YYYY-MM') as month, count(*)::int as count from publications where kind = 'penalty' and published_on is not null group by 1 order by 1 desc limit 36`,
    )
  ).rows;
  const byField = (
    await q.query<{ field: string; count: number }>(
      `select field, count(*)::int as count from publications where kind = 'penalty' and published_on is not null group by 1 order by 2 desc, 1`,
    )
  ).rows;
  const byBody = rows
    .filter((r) => Number(r.published) > 0)
    .map((r) => ({ bodyName: r.bodyName, published: Number(r.published), onTime: Number(r.onTime) }))
    .sort((a, b) => b.published - a.published || a.bodyName.localeCompare(b.bodyName, 'zh'));
  const decided = Number(s.onTime) + Number(s.late);
  return {
    total: Number(s.total),
    listed: Number(s.listed),
    corrected: Number(s.corrected),
    withdrawn: Number(s.withdrawn),
    ended: Number(s.ended),
    onTime: Number(s.onTime),
    late: Number(s.late),
    pendingOverdue: Number(s.pendingOverdue),
    timelinessRate: decided ? Math.round((Number(s.onTime) / decided) * 1000) / 10 : null,
    byMonth,
    byField: byField.map((r) => ({ ...r, fieldLabel: fieldLabel(r.field) })),
    byBody,
  };
}

/** Every penalty decision currently published (the bulk download and the feed read it). */
export async function currentPublications(q: Queryable, limit: number) {
  return (
    await q.query<{ id: string; version: number; publishedOn: string; ledgerSeq: number; content: PenaltyContent; state: string }>(
      `select p.id, v.version, v.published_on as "publishedOn", v.ledger_seq as "ledgerSeq", v.content, p.state
       from publications p join publication_versions v on v.publication_id = p.id and v.version = p.current_version
      where p.state = any($1) and p.kind = 'penalty' order by v.ledger_seq desc limit $2`,
      [LISTED_STATES, limit],
    )
  ).rows.map((r) => ({ ...r, ledgerSeq: Number(r.ledgerSeq) }));
}

/** The current results of a random inspection's entities, as published (corrected ones in their new version; withdrawn ones left out). */
export async function currentInspectionResults(q: Queryable, taskIds: string[]) {
  return (
    await q.query<{ taskId: string; publicationId: string; content: InspectionResultContent; version: number; state: string }>(
      `select r.task_id as "taskId", p.id as "publicationId", v.content, v.version, p.state
       from publications p join inspection_results r on r.id = p.source_id
       join publication_versions v on v.publication_id = p.id and v.version = p.current_version
      where p.kind = 'inspectionResult' and p.source_type = 'inspectionResult' and r.task_id = any($1) and p.state = any($2)
      order by r.task_id, p.party_uscc`,
      [taskIds, LISTED_STATES],
    )
  ).rows.map((r) => ({
    taskId: r.taskId,
    publicationId: r.publicationId,
    uscc: r.content.party.uscc ?? '',
    name: r.content.party.name,
    inspectedOn: r.content.inspectedOn,
    findingLabel: r.content.findingLabel,
    version: Number(r.version),
    stateLabel: stateLabel(r.state),
  }));
}
