/** Staff reads: the register (公平竞争审查台账) with counts by outcome and year, one review. */
import { conclusions, exceptionGrounds, fairCompetitionChecklist, fairCompetitionStates } from '../../domain/fairCompetition/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { reviewAbilities } from './access.ts';
import { reviewColumns, type ReviewRow } from './store.ts';

type Item = ReviewRow & { orgName: string };
const itemSql = `select ${reviewColumns}, o.name as "orgName" from fair_competition_reviews r join orgs o on o.id = r.org_id`;
const stateLabel = (s: string) => (fairCompetitionStates as Record<string, string>)[s] ?? s;

const present = (r: Item) => ({
  id: r.id,
  title: r.title,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  orgId: r.orgId,
  orgName: r.orgName,
  state: r.state,
  stateLabel: stateLabel(r.state),
  conclusion: r.conclusion,
  conclusionLabel: r.conclusion ? conclusions[r.conclusion] : null,
  concludedOn: r.concludedOn,
  joint: r.joint,
  exceptionUsed: (r.exceptions ?? []).length > 0,
  createdOn: new Date(r.createdAt).toISOString().slice(0, 10),
});

/** The register: the reviews of the caller's subtree (optionally one year, by conclusion date or, open, by request) and the counts. */
export async function reviewRegister(q: Queryable, p: Principal, f: { year?: number }) {
  const params: unknown[] = [[...p.scope]];
  let where = 'r.org_id = any($1)';
  if (f.year) where += ` and extract(year from coalesce(r.concluded_on, r.created_at::date)) = $${params.push(f.year)}`;
  const rows = (await q.query<Item>(`${itemSql} where ${where} order by coalesce(r.concluded_on, r.created_at::date) desc, r.id limit 1000`, params)).rows;
  const byYear = new Map<
    number,
    { year: number; reviewed: number; mayIssue: number; mustAmend: number; mayNotIssue: number; pending: number; joint: number; exceptions: number }
  >();
  for (const r of rows) {
    const year = Number((r.concludedOn ?? new Date(r.createdAt).toISOString()).slice(0, 4));
    const y = byYear.get(year) ?? { year, reviewed: 0, mayIssue: 0, mustAmend: 0, mayNotIssue: 0, pending: 0, joint: 0, exceptions: 0 };
    y.reviewed++;
    if (r.conclusion) y[r.conclusion]++;
    else y.pending++;
    if (r.joint) y.joint++;
    if ((r.exceptions ?? []).length) y.exceptions++;
    byYear.set(year, y);
  }
  return { items: rows.map(present), byYear: [...byYear.values()].sort((a, b) => b.year - a.year) };
}

export async function fairCompetitionReviewsOf(q: Queryable, subject: { type: string; id: string }) {
  return (await q.query<Item>(`${itemSql} where r.subject_type = $1 and r.subject_id = $2 order by r.created_at`, [subject.type, subject.id])).rows.map(
    present,
  );
}

export async function reviewDetail(reg: Registry, q: Queryable, p: Principal, id: string) {
  const r = (await q.query<Item>(`${itemSql} where r.id = $1`, [id])).rows[0];
  const m = r && (await findMatter(q, id));
  if (!r || !m) return null;
  const a = reviewAbilities(p, r.orgId);
  if (!a.read) return null;
  return {
    ...present(r),
    version: m.version,
    measureText: r.measureText,
    checklist: r.checklist,
    exceptions: (r.exceptions ?? []).map((e) => ({ ...e, groundLabel: exceptionGrounds[e.ground] })),
    conclusionReason: r.conclusionReason,
    stakeholderViews: r.stakeholderViews,
    jointUnits: r.jointUnits ?? [],
    transitions: a.act ? presentMatter(reg, m, p).transitions : [],
  };
}

/** The checklist as data for the console's form (each item quoting its article). */
export const checklistForForm = () => ({
  items: fairCompetitionChecklist.map((i) => ({ ...i })),
  exceptionGrounds: Object.entries(exceptionGrounds).map(([id, label]) => ({ id, label })),
});
