/**
 * 登记政府信息公开申请: by staff (当面、信函、传真、电子邮件; 第二十九条 — an oral application is written down by the
 * office) or from the portal (no account: the consultation module's challenge, a per-address limit; 第三十一条第（三）项
 * — the portal confirms receipt at once by giving the query code, so the day of submission is the day of receipt).
 * Each opens a `disclosureRequest` matter and its answer period (第三十三条第二款) and records the request in the same
 * transaction (the 7 working days to ask for a correction, 第三十条, are the guard of 告知补正). The applicant's name, identity number and contact
 * are kept on the row only — never in the record's payload, never on the portal.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { applicantKindIds, disclosureChannelIds, formatQueryCode } from '../../domain/disclosure/rules.ts';
import { chinaToday } from '../../domain/dates.ts';
import { actorOf, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, forbidden, parseOrThrow } from '../../platform/errors.ts';
import type { Actor } from '../../platform/record/ledger.ts';
import type { Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { openDeadline } from '../../platform/workflow/deadlines.ts';
import { createMatter } from '../../platform/workflow/engine.ts';
import { checkChallenge } from '../consultation/index.ts';
import { bodyOfCaller, disclosureAbilities } from './access.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const applicant = {
  applicantKind: z.enum(applicantKindIds),
  applicantName: text(100),
  applicantIdNumber: z.string().trim().max(40).optional(),
  applicantContact: text(200),
  description: text(2000),
  form: z.string().trim().max(200).optional(),
};

export const ZDisclosureInput = z.strictObject({
  channel: z.enum(disclosureChannelIds).exclude(['portal']),
  ...applicant,
  receivedOn: ZDate,
});
export type DisclosureInput = z.input<typeof ZDisclosureInput>;

export const ZPublicDisclosureInput = z.strictObject({
  bodyId: z.string().min(1).max(64),
  ...applicant,
  challengeToken: z.string().max(1000),
  challengeAnswer: z.string().max(10),
});
export type PublicDisclosureInput = z.input<typeof ZPublicDisclosureInput>;

/** The challenge's subject (the portal's one form serves every body; the nonce makes one answer file one request). */
export const CHALLENGE_SUBJECT = 'disclosureRequest';
export const PUBLIC_ACTOR: Actor = { id: null, name: '申请人（门户网站）' };

async function insertRequest(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  bodyId: string,
  input: z.output<typeof ZDisclosureInput> | (z.output<typeof ZPublicDisclosureInput> & { channel: 'portal'; receivedOn: string }),
  nonce: string | null,
): Promise<{ id: string; queryCode: string }> {
  const queryCode = formatQueryCode(randomBytes(12));
  const m = await createMatter(tx, ctx, actor, {
    type: 'disclosureRequest',
    orgId: bodyId,
    title: `政府信息公开申请：${input.description.length > 40 ? `${input.description.slice(0, 40)}…` : input.description}`,
  });
  await ctx.ledger.append(tx, {
    actor,
    orgId: bodyId,
    matterType: 'disclosureRequest',
    matterId: m.id,
    eventType: 'disclosureRequest.registered',
    payload: {
      requestId: m.id,
      bodyId,
      channel: input.channel,
      applicantKind: input.applicantKind,
      description: input.description,
      form: input.form ?? '',
      receivedOn: input.receivedOn,
    },
  });
  await tx.query(
    `insert into disclosure_requests (id, body_id, query_code, channel, applicant_kind, applicant_name, applicant_id_number, applicant_contact, description, form, received_on, challenge_nonce)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      m.id,
      bodyId,
      queryCode,
      input.channel,
      input.applicantKind,
      input.applicantName,
      input.applicantIdNumber || null,
      input.applicantContact,
      input.description,
      input.form ?? '',
      input.receivedOn,
      nonce,
    ],
  );
  await openDeadline(tx, m, 'disclosure.answer', input.receivedOn, 'register');
  return { id: m.id, queryCode };
}

/** Staff registration (the body's 政府信息公开工作机构: legal office, leaders, the body's administrators). */
export async function registerDisclosure(tx: Queryable, ctx: AppContext, p: Principal, raw: DisclosureInput, today = chinaToday()) {
  const input = parseOrThrow(ZDisclosureInput, raw);
  if (input.receivedOn > today) throw new AppError('VALIDATION_FAILED', '收到申请日期不能晚于今天');
  const bodyId = await bodyOfCaller(tx, p);
  if (!(await disclosureAbilities(tx, p, bodyId)).handle) throw forbidden();
  return insertRequest(tx, ctx, actorOf(p), bodyId, input, null);
}

/** Portal filing: the challenge first, then the body must be an enforcement body; one answer files one request. */
export async function submitPublicDisclosure(ctx: AppContext, raw: PublicDisclosureInput, now = new Date()) {
  const input = parseOrThrow(ZPublicDisclosureInput, raw);
  const nonce = checkChallenge(ctx.ledger.signer, CHALLENGE_SUBJECT, input.challengeToken, input.challengeAnswer, now.getTime());
  if (!nonce) throw new AppError('COMMENT_CHALLENGE_FAILED', '验证题答案不正确或者已过期，请重新作答');
  return ctx.db.transaction(async (tx) => {
    const body = (await tx.query('select 1 from orgs where id = $1 and is_enforcement_body', [input.bodyId])).rows[0];
    if (!body) throw new AppError('NOT_FOUND', '所选行政机关不存在');
    const used = await tx.query('select 1 from disclosure_requests where challenge_nonce = $1', [nonce]);
    if (used.rows.length) throw new AppError('COMMENT_CHALLENGE_FAILED', '该验证题已经使用过，请刷新页面后重新作答');
    return insertRequest(tx, ctx, PUBLIC_ACTOR, input.bodyId, { ...input, channel: 'portal', receivedOn: chinaToday(now) }, nonce);
  });
}
