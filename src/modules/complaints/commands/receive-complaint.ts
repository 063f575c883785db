/**
 * 登记投诉举报: one intake for every channel — the portal (no account), staff for a phone call or a walk-in (第九条第二款,
 * 第二十四条第一款: "采取非书面方式……工作人员应当记录"), and the 12315 platform's export. A submission that is both a
 * complaint and a report becomes one matter of each, linked (第七条 "予以分别处理"). The record entry
 * (`complaint.received`) holds the respondent, the facts and whether a person was named — never the person: the
 * complainant or named reporter goes to `complaint_persons` (第三十三条). A complaint opens the 7-working-day
 * acceptance deadline (第十四条); a report the lead-verification deadline of the penalty procedure (第三十一条第一款).
 * Same respondent and matter within the window → the same group (handled together).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintKind,
  complaintCategories,
  complaintKinds,
  complaintMaterialsMissing,
  GROUP_WINDOW_DAYS,
  groupKey,
  queryCodeFrom,
} from '../../../domain/complaints/rules.ts';
import { addDays, chinaToday, isRealDate } from '../../../domain/dates.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { openDeadline } from '../../../platform/workflow/deadlines.ts';
import { createMatter } from '../../../platform/workflow/engine.ts';

export interface PersonInput {
  name: string;
  phone?: string | null;
  address?: string | null;
  idNumber?: string | null;
}

export interface AttachmentInput {
  fileName: string;
  mime: string;
  hash: string;
  sizeBytes: number;
}

export interface IntakeInput {
  kind: ComplaintKind | 'both';
  channel: ComplaintChannel;
  orgId: string;
  receivedOn?: string;
  respondent: { name: string; uscc?: string | null; address?: string | null };
  category: ComplaintCategory;
  summary: string;
  request?: string | null;
  /** 匿名举报: no person is stored (a complaint cannot be anonymous: 第九条第一款第（一）项) */
  anonymous?: boolean;
  person?: PersonInput | null;
  externalNo?: string | null;
  attachments?: readonly AttachmentInput[];
  challengeNonce?: string | null;
}

export interface Received {
  id: string;
  kind: ComplaintKind;
  queryCode: string;
}

export const ATTACHMENT_LIMITS = { files: 5, bytes: 5 * 1024 * 1024 } as const;

/** Stores an attachment's bytes (before the transaction: the blob store is content-addressed). */
export async function storeAttachment(ctx: AppContext, file: { fileName: string; mime: string; content: Buffer }): Promise<AttachmentInput> {
  if (file.content.length > ATTACHMENT_LIMITS.bytes) throw new AppError('VALIDATION_FAILED', `附件“${file.fileName}”超过 5 MB`);
  const stored = await ctx.blobs.put(Readable.from([file.content]), ATTACHMENT_LIMITS.bytes);
  return {
    fileName: file.fileName.slice(0, 200) || '附件',
    mime: file.mime.slice(0, 100) || 'application/octet-stream',
    hash: stored.hash,
    sizeBytes: stored.sizeBytes,
  };
}

const clean = (s: string | null | undefined) => {
  const v = (s ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return v || null;
};

/** Registers the submission in the caller's transaction; returns one matter per kind. */
export async function insertComplaint(tx: Queryable, ctx: AppContext, actor: Actor, input: IntakeInput): Promise<Received[]> {
  const receivedOn = input.receivedOn ?? chinaToday();
  if (!isRealDate(receivedOn) || receivedOn > chinaToday()) throw new AppError('VALIDATION_FAILED', '收到日期无效或晚于今天');
  const kinds: ComplaintKind[] = input.kind === 'both' ? ['complaint', 'report'] : [input.kind];
  const anonymous = !!input.anonymous;
  const person = anonymous ? null : input.person && clean(input.person.name) ? input.person : null;
  if (kinds.includes('complaint')) {
    const missing = complaintMaterialsMissing({ kind: 'complaint', anonymous, name: person?.name, phone: person?.phone, address: person?.address });
    if (missing.length) throw new AppError('COMPLAINT_PERSON_REQUIRED', `投诉应当提供：${missing.join('、')}（市场监督管理投诉举报处理暂行办法 第九条第一款）`);
  }
  if (!anonymous && !person) throw new AppError('COMPLAINT_PERSON_REQUIRED', '实名提出的，应当填写姓名；不愿留下姓名的，请选择匿名举报');
  if (!Object.hasOwn(complaintCategories, input.category)) throw new AppError('VALIDATION_FAILED', '事项类别无效');
  const org = await tx.query('select 1 from orgs where id = $1', [input.orgId]);
  if (!org.rows.length) throw new AppError('VALIDATION_FAILED', '受理机关不存在');
  if (input.externalNo) {
    const dup = await tx.query('select 1 from complaints where external_no = $1', [input.externalNo]);
    if (dup.rows.length) throw new AppError('VALIDATION_FAILED', `12315平台编号 ${input.externalNo} 已经登记`);
  }
  const respondent = { name: input.respondent.name.trim(), uscc: clean(input.respondent.uscc), address: clean(input.respondent.address) };
  const key = groupKey({ respondentName: respondent.name, respondentUscc: respondent.uscc, category: input.category });
  const out: Received[] = [];
  let siblingId: string | null = null;
  for (const kind of kinds) {
    const id = randomUUID();
    const queryCode = queryCodeFrom(randomBytes(10));
    const group = (
      await tx.query<{ groupId: string }>(
        `select group_id as "groupId" from complaints where group_key = $1 and kind = $2 and org_id = $3 and received_on >= $4
          order by received_on, created_at limit 1`,
        [key, kind, input.orgId, addDays(receivedOn, -GROUP_WINDOW_DAYS)],
      )
    ).rows[0];
    const groupId = group?.groupId ?? id;
    const title = `${complaintKinds[kind]}：${respondent.name}（${complaintCategories[input.category]}）`;
    await createMatter(tx, ctx, actor, { type: kind, orgId: input.orgId, title, id });
    const attachments = (input.attachments ?? []).map((a) => ({ id: randomUUID(), ...a }));
    await ctx.ledger.append(tx, {
      actor,
      orgId: input.orgId,
      matterType: kind,
      matterId: id,
      eventType: 'complaint.received',
      payload: {
        complaintId: id,
        kind,
        channel: input.channel,
        receivedOn,
        respondent,
        category: input.category,
        summary: input.summary.trim(),
        request: kind === 'complaint' ? clean(input.request) : null,
        anonymous,
        personGiven: !!person,
        externalNo: input.externalNo ?? null,
        groupId,
        siblingId,
        attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, hash: a.hash, sizeBytes: a.sizeBytes })),
      },
    });
    await tx.query(
      `insert into complaints (id, kind, channel, org_id, query_code, received_on, respondent_name, respondent_uscc, respondent_address, category, summary,
         request, anonymous, external_no, sibling_id, group_id, group_key, challenge_nonce, state)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,'received')`,
      [
        id,
        kind,
        input.channel,
        input.orgId,
        queryCode,
        receivedOn,
        respondent.name,
        respondent.uscc,
        respondent.address,
        input.category,
        input.summary.trim(),
        kind === 'complaint' ? clean(input.request) : null,
        anonymous,
        input.externalNo ?? null,
        siblingId,
        groupId,
        key,
        out.length === 0 ? (input.challengeNonce ?? null) : null,
      ],
    );
    if (person)
      await tx.query('insert into complaint_persons (complaint_id, kind, name, phone, address, id_number) values ($1,$2,$3,$4,$5,$6)', [
        id,
        kind,
        clean(person.name),
        clean(person.phone),
        clean(person.address),
        clean(person.idNumber),
      ]);
    for (const a of attachments)
      await tx.query('insert into complaint_attachments (id, complaint_id, kind, file_name, mime, size_bytes, hash) values ($1,$2,$3,$4,$5,$6,$7)', [
        a.id,
        id,
        kind,
        a.fileName,
        a.mime,
        a.sizeBytes,
        a.hash,
      ]);
    await openDeadline(tx, { id, type: kind }, kind === 'complaint' ? 'complaint.acceptance' : 'lead.verification', receivedOn, 'receive');
    if (siblingId) await tx.query('update complaints set sibling_id = $2 where id = $1', [siblingId, id]);
    siblingId = id;
    out.push({ id, kind, queryCode });
  }
  return out;
}
