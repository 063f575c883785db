/** Reads of the annual reports: the staff list and detail (with versions and next steps) and the public ones. */
import { reportKinds, reportLayouts, reportStates, type ReportState } from '../../domain/annualReports/layouts.ts';
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRule, type DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { orgChain, orgSubtree } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { reportAbilities } from './access.ts';
import { findReport, reportsOf, reportVersions, type AnnualReportRow } from './store.ts';
import { annualReportWorkflowV1 } from './workflow.ts';

const dueOf = async (q: Queryable, r: AnnualReportRow): Promise<string> =>
  computeDeadline(deadlineRule(reportLayouts[r.kind].dueRule as DeadlineRuleId), await loadCalendar(q), { start: `${r.year}-12-31` }).due;

const item = async (q: Queryable, r: AnnualReportRow) => ({
  id: r.id,
  bodyId: r.bodyId,
  bodyName: r.bodyName,
  year: r.year,
  kind: r.kind,
  kindLabel: reportKinds[r.kind],
  title: r.title,
  state: r.state,
  stateLabel: reportStates[r.state as ReportState] ?? r.state,
  versionNo: r.versionNo,
  publishedOn: r.publishedOn,
  due: await dueOf(q, r),
});

/** The reports of the bodies the principal reads (their own body's chain and the subtree they supervise). */
export async function listReports(q: Queryable, p: Principal, filter: { year?: number; kind?: string }) {
  const candidates = new Set<string>([...p.scope, ...(await orgChain(q, p.orgId))]);
  const bodies: string[] = [];
  for (const id of candidates) if ((await reportAbilities(q, p, id)).read) bodies.push(id);
  const rows = await reportsOf(q, bodies, filter);
  // the bodies the caller may generate a report for (the console's form)
  const writable: { id: string; name: string }[] = [];
  const named = await q.query<{ id: string; name: string }>('select id, name from orgs where id = any($1::text[]) and is_enforcement_body order by name', [
    bodies,
  ]);
  for (const o of named.rows) if ((await reportAbilities(q, p, o.id)).write) writable.push(o);
  return { items: await Promise.all(rows.map((r) => item(q, r))), bodies: writable };
}

export async function reportDetail(q: Queryable, p: Principal, r: AnnualReportRow) {
  const abilities = await reportAbilities(q, p, r.bodyId);
  const wf = annualReportWorkflowV1;
  return {
    ...(await item(q, r)),
    figureSetId: r.figureSetId,
    previousSetId: r.previousSetId,
    matterVersion: r.matterVersion,
    instrumentId: r.instrumentId,
    content: r.content,
    versions: await reportVersions(q, r.id),
    // the steps the caller may take from here (each by its roles; the guards answer when it is taken)
    transitions: Object.entries(wf.transitions)
      .filter(([, t]) => t.from.includes(r.state) && abilities.transition && t.roles.some((x) => p.roles.includes(x)))
      .map(([id, t]) => ({ id, label: t.label })),
    abilities,
    unmapped: r.content.tables.flatMap((t) =>
      t.rows.filter((x) => x.figure === null).map((x) => ({ id: x.id, label: `${t.title} ${x.label}`, awaiting: x.awaiting })),
    ),
  };
}

const formatsOf = (r: AnnualReportRow): ('docx' | 'pdf' | 'xlsx')[] => (r.kind === 'lawBasedGovernment' ? ['docx', 'pdf'] : ['xlsx']);

const publicItem = (r: AnnualReportRow) => ({
  id: r.id,
  bodyId: r.bodyId,
  bodyName: r.bodyName,
  year: r.year,
  kind: r.kind,
  kindLabel: reportKinds[r.kind],
  title: r.title,
  publishedOn: r.publishedOn,
  formats: formatsOf(r),
});

/** Published reports (of a body's subtree when asked), newest first. */
export async function publicReports(q: Queryable, bodyId?: string) {
  const bodies = bodyId
    ? await orgSubtree(q, bodyId)
    : (await q.query<{ id: string }>('select distinct body_id as id from annual_reports')).rows.map((x) => x.id);
  return { items: (await reportsOf(q, bodies, { published: true })).map(publicItem) };
}

/** A published report (null otherwise): what the portal shows. */
export async function publicReport(q: Queryable, id: string) {
  const r = await findReport(q, id);
  if (r?.state !== 'published') return null;
  return { ...publicItem(r), figureSetId: r.figureSetId, content: r.content };
}
