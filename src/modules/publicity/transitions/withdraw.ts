/**
 * 撤回公示: the current version is withdrawn, with a public entry naming the ground and the reason
 * (市场监督管理行政处罚信息公示规定 第十一条); it meets the withdrawal and period deadlines and cancels the
 * reports to the external systems not made yet.
 */
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { defineTransition, type GuardFacts } from '../../../platform/workflow/transition.ts';
import type { PublicationRow } from '../store.ts';
import { type PublicationInput, publicationInputs } from './inputs.ts';
import { bodyActor, endCurrent, loadPublication, periodRules, problem, publishRules } from './shared.ts';

export const withdrawalReasoned = ({ input }: Pick<GuardFacts<Partial<PublicationInput<'withdraw'>>, unknown>, 'input'>) =>
  input.reason?.trim() ? [] : problem('REASON_REQUIRED', '撤回公示须说明理由（市场监督管理行政处罚信息公示规定 第十一条）');

export const withdraw = defineTransition({
  label: '撤回公示',
  from: ['scheduled', 'published', 'corrected', 'withdrawalDue'],
  to: 'withdrawn',
  roles: ['leader'],
  optional: ['scheduled', 'published', 'corrected'],
  input: publicationInputs.withdraw,
  load: async (g): Promise<{ publication: PublicationRow }> => ({ publication: await loadPublication(g.tx, g.matter.id) }),
  guards: [withdrawalReasoned],
  meets: ['publicity.withdrawal', ...periodRules],
  effect: async (g) => {
    const p = g.facts.publication;
    // reports to the external systems not made by now are not owed any more: cancelled, not met (nothing went out)
    await closeDeadlines(g.tx, p.id, publishRules, 'cancelled', 'withdraw');
    await endCurrent(g, p, 'withdrawn', g.input.reason);
    // positioned now: a public entry, which the publication's page lists by position
    await g.ctx.ledger.append(
      g.tx,
      {
        actor: await bodyActor(g.tx, p.bodyId),
        orgId: p.bodyId,
        matterType: 'publication',
        matterId: p.id,
        eventType: 'publication.withdrawn',
        payload: { publicationId: p.id, version: p.currentVersion, withdrawnOn: g.date, ground: g.input.ground, reason: g.input.reason },
      },
      { position: 'now' },
    );
  },
});
