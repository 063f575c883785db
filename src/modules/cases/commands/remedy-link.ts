/**
 * A 行政复议 or 行政诉讼 brought against a case's decision, entered by the remedies module in its own transaction: the
 * case's 复议/诉讼 list (`execution.challenges`, which keeps the late fee from accruing and stops enforcement of a decision
 * set aside) gains the entry when the remedy is registered and its outcome when the remedy's decision or judgment takes
 * effect, each with the case's own record entry (case.challengeRecorded / case.challengeConcluded).
 */
import { randomUUID } from 'node:crypto';
import { challengeOutcomes, type ChallengeKind, type ChallengeOutcome } from '../../../domain/cases/execution.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { cancelDeadlinesOfSetAside } from '../execution.ts';
import { findCase, patchCase } from '../store.ts';

async function lockedCase(tx: Queryable, caseId: string) {
  await tx.query('select id from matters where id = $1 for update', [caseId]);
  const c = await findCase(tx, caseId);
  if (!c) throw new AppError('NOT_FOUND', '案件不存在');
  return c;
}

/** Enters a remedy against the case's decision in the case's 复议/诉讼 list → the entry's id. */
export async function recordRemedyOnCase(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { kind: ChallengeKind; filedOn: string; body: string },
): Promise<string> {
  const c = await lockedCase(tx, caseId);
  if (!c.decision) throw new AppError('REMEDY_SUBJECT_UNDECIDED', '该案件尚未作出行政处罚决定，不能对其登记行政复议或者行政诉讼');
  const challengeId = randomUUID();
  await patchCase(tx, caseId, {
    execution: {
      ...c.execution,
      challenges: [
        ...(c.execution?.challenges ?? []),
        { id: challengeId, kind: input.kind, filedOn: input.filedOn, body: input.body, concludedOn: null, outcome: null },
      ],
    },
  } as never);
  await ctx.ledger.append(tx, {
    actor,
    orgId: (await tx.query<{ org_id: string }>('select org_id from matters where id = $1', [caseId])).rows[0].org_id,
    matterType: 'case',
    matterId: caseId,
    eventType: 'case.challengeRecorded',
    payload: { caseId, challengeId, kind: input.kind, filedOn: input.filedOn, body: input.body },
  });
  return challengeId;
}

/** Enters the outcome of the remedy in the case's list (the decision stands, is changed, or is set aside). */
export async function concludeRemedyOnCase(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { challengeId: string; concludedOn: string; outcome: ChallengeOutcome },
): Promise<void> {
  const c = await lockedCase(tx, caseId);
  const challenges = c.execution?.challenges ?? [];
  const ch = challenges.find((x) => x.id === input.challengeId);
  if (!ch) throw new AppError('CHALLENGE_NOT_FOUND', '没有该行政复议或者行政诉讼的登记');
  await patchCase(tx, caseId, {
    execution: {
      ...c.execution,
      challenges: challenges.map((x) => (x.id === ch.id ? { ...x, concludedOn: input.concludedOn, outcome: input.outcome } : x)),
    },
  } as never);
  const deadlinesCancelled = await cancelDeadlinesOfSetAside(tx, caseId, input.outcome);
  await ctx.ledger.append(tx, {
    actor,
    orgId: (await tx.query<{ org_id: string }>('select org_id from matters where id = $1', [caseId])).rows[0].org_id,
    matterType: 'case',
    matterId: caseId,
    eventType: 'case.challengeConcluded',
    payload: {
      caseId,
      challengeId: ch.id,
      concludedOn: input.concludedOn,
      outcome: `${input.outcome}（${challengeOutcomes[input.outcome].label}）`,
      ...(deadlinesCancelled.length ? { deadlinesCancelled } : {}),
    },
  });
}
