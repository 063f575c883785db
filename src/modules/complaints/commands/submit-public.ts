/**
 * 网上投诉举报 (public, no account): the challenge (the consultation module's HMAC-signed question, bound to the
 * intake form) is checked first; its nonce is stored on the submission (one answer, one submission). The answer is
 * the query code(s) — one per matter (第七条: a submission that is both gets two).
 */
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../../platform/record/ledger.ts';
import { checkChallenge } from '../../consultation/index.ts';
import { type IntakeInput, insertComplaint, type Received } from './receive-complaint.ts';

/** The challenge's subject: the intake form (the consultation challenge is bound to a subject id). */
export const INTAKE_CHALLENGE_SUBJECT = 'complaint-intake';
export const PUBLIC_ACTOR = { ...SYSTEM_ACTOR, name: '社会公众' } as const;

export async function submitPublic(
  ctx: AppContext,
  input: Omit<IntakeInput, 'channel' | 'receivedOn' | 'externalNo' | 'challengeNonce'> & { challengeToken: string; challengeAnswer: string },
  now = new Date(),
): Promise<Received[]> {
  const nonce = checkChallenge(ctx.ledger.signer, INTAKE_CHALLENGE_SUBJECT, input.challengeToken ?? '', input.challengeAnswer ?? '', now.getTime());
  if (!nonce) throw new AppError('COMPLAINT_CHALLENGE_FAILED', '验证题答案不正确或者已过期，请重新作答');
  const { challengeToken: _t, challengeAnswer: _a, ...rest } = input;
  return ctx.db.transaction(async (tx) => {
    const body = await tx.query('select 1 from orgs where id = $1 and is_enforcement_body', [rest.orgId]);
    if (!body.rows.length) throw new AppError('VALIDATION_FAILED', '请选择受理投诉举报的市场监督管理部门');
    const used = await tx.query('select 1 from complaints where challenge_nonce = $1', [nonce]);
    if (used.rows.length) throw new AppError('COMPLAINT_CHALLENGE_FAILED', '该验证题已经使用过，请刷新页面后重新作答');
    return insertComplaint(tx, ctx, PUBLIC_ACTOR, { ...rest, channel: 'portal', challengeNonce: nonce });
  });
}
