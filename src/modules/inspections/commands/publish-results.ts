/**
 * 检查结束 (complete) and 结果公示 (publish). Completing a task needs a result for every drawn
 * target; it opens the legal time limit for publishing the results (rule
 * inspection.resultsPublication) and the pending row of `inspection_publications`, the table the
 * publicity engine will adopt. Publishing writes what is published (and its hash) and meets the limit.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical.ts';
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRuleById } from '../../../domain/deadlines/rules.ts';
import { hashBytes } from '../../../domain/merkle.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import { findTask } from '../tasks.ts';
import { findingLabels } from '../vocabulary.ts';

export const PUBLICATION_RULE = 'inspection.resultsPublication';

/** Guard of `complete`: every drawn target has its result. */
export async function allResultsEntered(g: GuardInput<unknown>): Promise<Problem[]> {
  const r = (
    await g.tx.query<{ missing: number }>(
      `select count(*)::int as missing from inspection_assignments a where a.task_id = $1
        and not exists (select 1 from inspection_results r where r.task_id = a.task_id and r.target_id = a.target_id)`,
      [g.matter.id],
    )
  ).rows[0];
  return r.missing > 0 ? [{ code: 'RESULTS_MISSING', message: `还有 ${r.missing} 户检查对象未录入检查结果，不能结束检查` }] : [];
}

/** Effect of `complete`: the pending publication with its due date. */
export async function openPublication(g: GuardInput<unknown>): Promise<Record<string, unknown>> {
  const task = (await findTask(g.tx, g.matter.id))!;
  const due = computeDeadline(deadlineRuleById.get(PUBLICATION_RULE)!, await loadCalendar(g.tx), { start: g.date }).due;
  const id = randomUUID();
  await g.tx.query(
    `insert into inspection_publications (id, task_id, body_id, rule_id, results_formed_on, due_date, status) values ($1,$2,$3,$4,$5,$6,'pending')`,
    [id, task.id, task.bodyId, PUBLICATION_RULE, g.date, due],
  );
  return { publicationId: id, resultsFormedOn: g.date, due };
}

/** What the public sees: the task, its items and, per inspected entity, the finding (no people's data beyond the entity). */
export async function publicationContent(g: Pick<GuardInput<unknown>, 'tx'>, taskId: string) {
  const task = (await findTask(g.tx, taskId))!;
  const body = (await g.tx.query<{ name: string }>('select name from orgs where id = $1', [task.bodyId])).rows[0];
  const items = (await g.tx.query<{ code: string; name: string }>('select code, name from inspection_items where id = any($1) order by code', [task.itemIds]))
    .rows;
  const results = (
    await g.tx.query<{ uscc: string; name: string; finding: keyof typeof findingLabels; inspectedOn: string }>(
      `select t.uscc, t.name, r.finding, r.inspected_on as "inspectedOn" from inspection_results r join inspection_targets t on t.id = r.target_id
      where r.task_id = $1 order by t.uscc`,
      [taskId],
    )
  ).rows;
  return {
    task: { id: task.id, name: task.name, body: body.name, periodStart: task.periodStart, periodEnd: task.periodEnd },
    items,
    results: results.map((r) => ({ ...r, findingLabel: findingLabels[r.finding] })),
  };
}

/** Effect of `publish`. */
export async function publishResults(g: GuardInput<unknown>): Promise<Record<string, unknown>> {
  const content = canonicalJson(await publicationContent(g, g.matter.id));
  const hash = hashBytes(g.ctx.ledger.hashAlg, content).toString('hex');
  const r = await g.tx.query<{ id: string; due: string }>(
    `update inspection_publications set status = 'published', content = $2, content_hash = $3, published_at = now() where task_id = $1 returning id, due_date as due`,
    [g.matter.id, content, hash],
  );
  return { publicationId: r.rows[0].id, contentHash: hash, due: r.rows[0].due, publishedOn: g.date, onTime: g.date <= r.rows[0].due };
}
