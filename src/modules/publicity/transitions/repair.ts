/**
 * 信用修复（提前停止公示）: on the party's application, a penalty publication ends early once it has been
 * public for the minimum time (市场监督管理行政处罚信息公示规定 第十四条).
 */
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { PublicationRow } from '../store.ts';
import { type PublicationInput, publicationInputs } from './inputs.ts';
import { appendEnded, endCurrent, loadPublication, periodRules, problem } from './shared.ts';

export interface RepairFacts {
  publication: PublicationRow;
  /** the first day an application may be granted (a penalty publication; null otherwise) */
  repairableFrom: string | null;
}

/** The applicant and the reason are stated, the publication is a penalty and the minimum time has passed. */
export const repairAllowed = ({
  input,
  facts,
  date,
}: {
  input: Partial<PublicationInput<'repair'>>;
  facts: { publication: Pick<PublicationRow, 'kind'>; repairableFrom: string | null };
  date: string;
}): Problem[] => {
  if (!input.reason?.trim() || !input.applicant?.trim())
    return problem('REASON_REQUIRED', '信用修复须载明申请人和理由（市场监督管理行政处罚信息公示规定 第十四条）');
  if (facts.publication.kind !== 'penalty' || !facts.repairableFrom) return problem('REPAIR_NOT_APPLICABLE', '信用修复（提前停止公示）只适用于行政处罚信息');
  const rule = deadlineRule('publicity.repair.minimum');
  return date < facts.repairableFrom
    ? problem('REPAIR_TOO_EARLY', `公示满${rule.amount}个月（${facts.repairableFrom}）后方可申请信用修复（${rule.sourceNote}）`)
    : [];
};

export const repair = defineTransition({
  label: '信用修复（提前停止公示）',
  from: ['published', 'corrected'],
  to: 'repaired',
  roles: ['leader'],
  optional: true,
  input: publicationInputs.repair,
  load: async (g): Promise<RepairFacts> => {
    const publication = await loadPublication(g.tx, g.matter.id);
    if (publication.kind !== 'penalty') return { publication, repairableFrom: null };
    const min = computeDeadline(deadlineRule('publicity.repair.minimum'), await loadCalendar(g.tx), { start: publication.publishedOn ?? g.date });
    return { publication, repairableFrom: min.due };
  },
  guards: [repairAllowed],
  meets: periodRules,
  effect: async (g) => {
    const p = g.facts.publication;
    await endCurrent(g, p, 'ended', `信用修复：${g.input.reason}`);
    await appendEnded(g, p, 'repaired', g.input.reason);
  },
});
