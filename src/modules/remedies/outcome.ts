/**
 * How a remedy's outcome flows back (行政复议决定, or the effective judgment): the case's 复议/诉讼 entry is concluded
 * (upheld / changed / revoked — the case file shows it and enforcement of a decision set aside is refused), and a
 * decision that is changed or set aside leaves the portal: its publication is noticed as changed or revoked, which
 * opens the 3-working-day withdrawal limit (市场监督管理行政处罚信息公示规定 第十一条), and a leader entering the outcome
 * withdraws it in the same act — the version history stays, the current list no longer shows it.
 */
import type { ChallengeOutcome } from '../../domain/cases/execution.ts';
import type { ActEffect, WithdrawalGround } from '../../domain/remedies/rules.ts';
import { actorOf } from '../../platform/context.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter, matterVisible, transitionIn, type GuardInput } from '../../platform/workflow/engine.ts';
import { concludeRemedyOnCase } from '../cases/index.ts';
import { publicationOfSource } from '../publicity/index.ts';
import type { LawsuitRow, ReconsiderationRow } from './store.ts';

/** Who notices the revocation on the publication when the person entering the outcome cannot (not a leader). */
export const remediesSystem = (bodyId: string): Principal => ({
  userId: 'system:remedies',
  username: 'system',
  displayName: '行政复议应诉（自动）',
  roles: ['officer'],
  orgId: bodyId,
  scope: new Set([bodyId]),
});

const challengeOutcomeOf = (effect: ActEffect, withdrawn: boolean): ChallengeOutcome =>
  effect === 'changed' ? 'changed' : effect === 'setAside' ? 'revoked' : withdrawn ? 'withdrawn' : 'upheld';

export interface FlowResult {
  caseOutcome: ChallengeOutcome | null;
  publicationId: string | null;
  publication: 'withdrawn' | 'withdrawalDue' | null;
}

export async function flowOutcome(
  g: GuardInput<unknown>,
  row: ReconsiderationRow | LawsuitRow,
  o: { effect: ActEffect; ground: WithdrawalGround | null; on: string; withdrawn: boolean; label: string },
): Promise<FlowResult> {
  const actor = actorOf(g.principal);
  let caseOutcome: ChallengeOutcome | null = null;
  if (row.subjectType === 'case' && row.challengeId) {
    caseOutcome = challengeOutcomeOf(o.effect, o.withdrawn);
    await concludeRemedyOnCase(g.tx, g.ctx, actor, row.subjectId, { challengeId: row.challengeId, concludedOn: o.on, outcome: caseOutcome });
  }
  if (o.effect === 'stands' || !o.ground) return { caseOutcome, publicationId: null, publication: null };
  const pub = await publicationOfSource(g.tx, row.subjectType, row.subjectId);
  if (!pub) return { caseOutcome, publicationId: null, publication: null };
  let m = await findMatter(g.tx, pub.id);
  if (!m) return { caseOutcome, publicationId: null, publication: null };
  const note = `${o.label}（${o.on}）`;
  let state: FlowResult['publication'] = null;
  if (m.state === 'published' || m.state === 'corrected') {
    m = await transitionIn(g.tx, g.ctx, remediesSystem(pub.bodyId), {
      matterId: m.id,
      transition: 'noticeRevocation',
      expectedVersion: m.version,
      date: g.date,
      input: { noticedOn: o.on, ground: o.ground, note },
    });
    state = 'withdrawalDue';
  }
  const leader = g.principal.roles.includes('leader') && (await matterVisible(g.ctx.registry, g.tx, g.principal, m));
  if (leader && ['scheduled', 'published', 'corrected', 'withdrawalDue'].includes(m.state)) {
    await transitionIn(g.tx, g.ctx, g.principal, {
      matterId: m.id,
      transition: 'withdraw',
      expectedVersion: m.version,
      date: g.date,
      input: { reason: note, ground: o.ground },
    });
    state = 'withdrawn';
  }
  return { caseOutcome, publicationId: pub.id, publication: state };
}
