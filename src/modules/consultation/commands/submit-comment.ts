/**
 * 提交意见 (public, no account): a comment on an open draft, attached to an anchor (an article or paragraph) or the
 * draft as a whole. The challenge is checked first; the comment is a record entry (`consultation.commented`,
 * actor 社会公众) holding the anchor and the text only — the name and contact, when given, go to
 * `consultation_commenters`, which no public answer and no record entry reads.
 */
import { randomUUID } from 'node:crypto';
import { COMMENT_LIMITS, commentsOpen, WHOLE_DRAFT } from '../../../domain/consultation/rules.ts';
import { chinaToday } from '../../../domain/dates.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { checkChallenge } from '../challenge.ts';
import { findConsultation } from '../store.ts';

export interface CommentInput {
  anchor: string;
  text: string;
  name?: string | null;
  contact?: string | null;
  challengeToken: string;
  challengeAnswer: string;
}

export const PUBLIC_ACTOR = { id: null, name: '社会公众' } as const;

const clean = (s: string | null | undefined, max: number) => {
  const v = (s ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return v ? v.slice(0, max) : null;
};

export async function submitComment(
  ctx: AppContext,
  consultationId: string,
  input: CommentInput,
  now = new Date(),
): Promise<{ commentId: string; number: number }> {
  const text = clean(input.text, COMMENT_LIMITS.text + 1);
  if (!text) throw new AppError('VALIDATION_FAILED', '意见内容不能为空');
  if (text.length > COMMENT_LIMITS.text) throw new AppError('VALIDATION_FAILED', `意见内容不能超过 ${COMMENT_LIMITS.text} 字`);
  if ((input.name ?? '').length > COMMENT_LIMITS.name || (input.contact ?? '').length > COMMENT_LIMITS.contact)
    throw new AppError('VALIDATION_FAILED', `姓名不超过 ${COMMENT_LIMITS.name} 字，联系方式不超过 ${COMMENT_LIMITS.contact} 字`);
  return ctx.db.transaction(async (tx) => {
    // one comment at a time per consultation: the numbers are consecutive
    const locked = await tx.query(`select id from consultations where id = $1 for update`, [consultationId]);
    const c = locked.rows.length ? await findConsultation(tx, consultationId) : null;
    if (!c) throw new AppError('NOT_FOUND', '征求意见不存在');
    if (c.state !== 'open' || !commentsOpen(c, chinaToday(now)))
      throw new AppError('CONSULTATION_NOT_OPEN', `该草案的征求意见期限为 ${c.startsOn} 至 ${c.endsOn}，当前不能提交意见`);
    if (input.anchor !== WHOLE_DRAFT && !c.anchors.some((a) => a.id === input.anchor))
      throw new AppError('COMMENT_ANCHOR_UNKNOWN', '所选条款不在该草案中，请重新选择');
    const nonce = checkChallenge(ctx.ledger.signer, c.id, input.challengeToken ?? '', input.challengeAnswer ?? '', now.getTime());
    if (!nonce) throw new AppError('COMMENT_CHALLENGE_FAILED', '验证题答案不正确或者已过期，请重新作答');
    const used = await tx.query('select 1 from consultation_comments where challenge_nonce = $1', [nonce]);
    if (used.rows.length) throw new AppError('COMMENT_CHALLENGE_FAILED', '该验证题已经使用过，请刷新页面后重新作答');
    const number = (
      await tx.query<{ n: number }>('select coalesce(max(number), 0)::int + 1 as n from consultation_comments where consultation_id = $1', [c.id])
    ).rows[0].n;
    const id = randomUUID();
    const name = clean(input.name, COMMENT_LIMITS.name);
    const contact = clean(input.contact, COMMENT_LIMITS.contact);
    await ctx.ledger.append(tx, {
      actor: PUBLIC_ACTOR,
      orgId: c.orgId,
      matterType: 'publicConsultation',
      matterId: c.id,
      eventType: 'consultation.commented',
      payload: { consultationId: c.id, commentId: id, number, anchor: input.anchor, text, contactGiven: !!(name || contact) },
    });
    await tx.query('insert into consultation_comments (id, consultation_id, number, anchor, body, challenge_nonce) values ($1,$2,$3,$4,$5,$6)', [
      id,
      c.id,
      number,
      input.anchor,
      text,
      nonce,
    ]);
    if (name || contact)
      await tx.query('insert into consultation_commenters (comment_id, consultation_id, name, contact) values ($1,$2,$3,$4)', [id, c.id, name, contact]);
    return { commentId: id, number };
  });
}
