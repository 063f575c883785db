/**
 * 执行 beyond the fine's payments, each act recorded:
 * - the party's 行政复议 or 行政诉讼 filed and concluded — the late fee does not accrue meanwhile (行政处罚法
 *   第七十三条第三款 "当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算"), and no
 *   application to the court while it is pending (行政强制法 第五十三条);
 * - a line of the decision executed: 没收违法所得 paid, 没收非法财物 handed over, destroyed, auctioned or otherwise
 *   disposed of with its receipt (行政处罚法 第七十四条), a follow-up of 责令停产停业 or a licence action.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import {
  challengeKinds,
  challengeOutcomes,
  executionRecordProblems,
  type ChallengeKind,
  type ChallengeOutcome,
  type ExecutionAct,
} from '../../../domain/cases/execution.ts';
import { cancelDeadlinesOfSetAside, executionView } from '../execution.ts';
import { patchCase } from '../store.ts';
import { actOnCase } from './act-on-case.ts';

export async function recordChallenge(ctx: AppContext, p: Principal, caseId: string, input: { kind: ChallengeKind; filedOn: string; body: string }) {
  return actOnCase(ctx, p, caseId, { act: 'recordChallenge', event: 'case.challengeRecorded' }, async (tx, c) => {
    if (!c.service || input.filedOn < c.service.servedOn)
      throw new AppError(
        'CHALLENGE_DATES_INVALID',
        `${challengeKinds[input.kind]}的提起日期不能早于处罚决定书送达日期${c.service ? ` ${c.service.servedOn}` : ''}`,
      );
    const challenges = c.execution?.challenges ?? [];
    const challengeId = randomUUID();
    await patchCase(tx, caseId, {
      execution: {
        ...c.execution,
        challenges: [...challenges, { id: challengeId, kind: input.kind, filedOn: input.filedOn, body: input.body, concludedOn: null, outcome: null }],
      },
    });
    return { challengeId, kind: input.kind, filedOn: input.filedOn, body: input.body };
  });
}

export async function concludeChallenge(
  ctx: AppContext,
  p: Principal,
  caseId: string,
  input: { challengeId: string; concludedOn: string; outcome: ChallengeOutcome },
) {
  return actOnCase(ctx, p, caseId, { act: 'recordChallenge', event: 'case.challengeConcluded' }, async (tx, c) => {
    const challenges = c.execution?.challenges ?? [];
    const ch = challenges.find((x) => x.id === input.challengeId);
    if (!ch) throw new AppError('CHALLENGE_NOT_FOUND', '没有该行政复议或者行政诉讼的登记');
    if (ch.concludedOn) throw new AppError('CHALLENGE_ALREADY_CONCLUDED', `该${challengeKinds[ch.kind]}已于 ${ch.concludedOn} 登记审结`);
    if (input.concludedOn < ch.filedOn) throw new AppError('CHALLENGE_DATES_INVALID', `审结日期不能早于提起日期 ${ch.filedOn}`);
    await patchCase(tx, caseId, {
      execution: {
        ...c.execution,
        challenges: challenges.map((x) => (x.id === ch.id ? { ...x, concludedOn: input.concludedOn, outcome: input.outcome } : x)),
      },
    });
    const deadlinesCancelled = await cancelDeadlinesOfSetAside(tx, caseId, input.outcome);
    return {
      challengeId: ch.id,
      concludedOn: input.concludedOn,
      outcome: `${input.outcome}（${challengeOutcomes[input.outcome].label}）`,
      ...(deadlinesCancelled.length ? { deadlinesCancelled } : {}),
    };
  });
}

export async function recordExecution(
  ctx: AppContext,
  p: Principal,
  caseId: string,
  input: { line: number; act: ExecutionAct; on: string; amountFen?: number | null; receiptNo?: string | null; note: string },
) {
  return actOnCase(ctx, p, caseId, { act: 'recordExecution', event: 'case.executionRecorded' }, async (tx, c) => {
    if (!c.decision || !c.service) throw new AppError('EXECUTION_BEFORE_SERVICE', '处罚决定书尚未送达');
    if (input.on < c.service.servedOn) throw new AppError('EXECUTION_BEFORE_SERVICE', `执行日期不能早于决定书送达日期 ${c.service.servedOn}`);
    const view = await executionView(tx, c, input.on);
    const problems = executionRecordProblems(c.decision.penalties, input, view.lines);
    if (problems.length) throw new AppError(problems[0].code, problems.map((x) => x.message).join('；'), { problems });
    const record = {
      id: randomUUID(),
      line: input.line,
      act: input.act,
      on: input.on,
      amountFen: input.act === 'payment' || input.act === 'auction' ? (input.amountFen ?? null) : null,
      receiptNo: input.receiptNo ?? null,
      note: input.note,
    };
    await patchCase(tx, caseId, { execution: { ...c.execution, records: [...(c.execution?.records ?? []), record] } });
    const { id: recordId, ...rest } = record;
    return { recordId, ...rest };
  });
}
