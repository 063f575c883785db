/**
 * 公示期满停止公示: a penalty publication leaves the portal when its publicity period is over (run by the
 * server's timer, `expireDue`); a publication without a period (an inspection result) never expires.
 */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { PublicationRow } from '../store.ts';
import { publicationInputs } from './inputs.ts';
import { appendEnded, endCurrent, loadPublication, periodRules, problem } from './shared.ts';

/** The period is over: the act's date is after its last day (第十三条 届满). */
export const periodOver = ({ facts, date }: { facts: { publication: Pick<PublicationRow, 'expiresOn'> }; date: string }): Problem[] => {
  const expiresOn = facts.publication.expiresOn;
  if (!expiresOn) return problem('NO_PUBLICITY_PERIOD', '该公示信息没有公示期，不因期满停止公示');
  return date > expiresOn ? [] : problem('PUBLICITY_PERIOD_RUNNING', `公示期至 ${expiresOn} 届满（含当日），次日起方可停止公示`);
};

export const expire = defineTransition({
  label: '公示期满停止公示',
  from: ['published', 'corrected'],
  to: 'expired',
  roles: ['admin'],
  optional: true,
  input: publicationInputs.expire,
  load: async (g): Promise<{ publication: PublicationRow }> => ({ publication: await loadPublication(g.tx, g.matter.id) }),
  guards: [periodOver],
  meets: periodRules,
  effect: async (g) => {
    const p = g.facts.publication;
    await endCurrent(g, p, 'ended', '公示期满');
    await appendEnded(g, p, 'expired', '公示期满');
  },
});
