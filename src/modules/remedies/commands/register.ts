/**
 * 登记行政复议 / 登记行政诉讼: the bureau receives the application copy from the reviewing body, or the complaint copy
 * from the court. The subject — any matter of the registry the caller may see, checked through its type's resolver — is
 * the act challenged; the respondent is the enforcement body of its org. A case's decision gets the entry in its
 * 复议/诉讼 list; the answer (第四十八条) or defence (第六十七条) deadline is opened from the day of receipt.
 */
import type { z } from 'zod';
import { answerRuleOf, subjectKindOf, type LawVersion } from '../../../domain/remedies/rules.ts';
import { actorOf, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { enforcementBodyOf } from '../../../platform/orgs.ts';
import type { Principal } from '../../../platform/policies.ts';
import { openDeadline } from '../../../platform/workflow/deadlines.ts';
import { createMatter } from '../../../platform/workflow/engine.ts';
import { findCase, recordRemedyOnCase } from '../../cases/index.ts';
import { resolveMatter } from '../../record/index.ts';
import { remedyAbilities } from '../access.ts';
import type { ZRegisterLawsuit, ZRegisterReconsideration } from '../schema.ts';
import { findReconsideration } from '../store.ts';

interface Subject {
  type: string;
  id: string;
  title: string;
  bodyId: string;
  kind: ReturnType<typeof subjectKindOf>;
}

/** The subject as its own module answers for it; the caller must see it and handle remedies of its body. */
async function resolveSubject(tx: Queryable, ctx: AppContext, p: Principal, s: { type: string; id: string }): Promise<Subject> {
  if (!ctx.registry.resolverOf(s.type)) throw new AppError('REMEDY_SUBJECT_NOT_FOUND', `没有“${s.type}”这类事项，不能作为复议或者诉讼的对象`);
  const access = await resolveMatter(ctx.registry, tx, p, s.type, s.id);
  if (!access) throw new AppError('REMEDY_SUBJECT_NOT_FOUND', '被申请复议或者被诉的事项不存在或者无权查看');
  let bodyId = (await enforcementBodyOf(tx, access.orgId)) ?? access.orgId;
  let title = access.title;
  if (s.type === 'case') {
    const c = await findCase(tx, s.id);
    if (!c?.decision) throw new AppError('REMEDY_SUBJECT_UNDECIDED', '该案件尚未作出行政处罚决定，不能对其登记行政复议或者行政诉讼');
    bodyId = c.bodyId;
    title = `${c.decision.number}（${c.party.name}）`;
  }
  const a = await remedyAbilities(tx, p, bodyId);
  if (!a.handle) throw forbidden('只有本机关的法制机构和负责人可以登记行政复议、行政应诉案件');
  return { type: s.type, id: s.id, title, bodyId, kind: subjectKindOf(s.type) };
}

export async function registerReconsideration(
  tx: Queryable,
  ctx: AppContext,
  p: Principal,
  input: z.output<typeof ZRegisterReconsideration>,
): Promise<{ id: string }> {
  const subject = await resolveSubject(tx, ctx, p, input.subject);
  const lawVersion: LawVersion = input.lawVersion ?? (input.receivedOn < '2024-01-01' ? '2017' : '2023');
  if (lawVersion === '2023' && input.receivedOn < '2024-01-01')
    throw new AppError('REMEDY_LAW_VERSION', '2024年1月1日前收到的行政复议案件适用2017年《行政复议法》');
  const selfDecided = !!input.selfDecided;
  if (selfDecided && lawVersion !== '2017')
    throw new AppError(
      'REMEDY_LAW_VERSION',
      '2023年修订的《行政复议法》施行后，县级以上地方政府工作部门不再作为行政复议机关，本机关办理的复议仅可按2017年法登记历史案件',
    );
  const actor = actorOf(p);
  const m = await createMatter(tx, ctx, actor, { type: 'reconsideration', orgId: subject.bodyId, title: `行政复议：${input.applicant}诉${subject.title}` });
  const challengeId =
    subject.type === 'case'
      ? await recordRemedyOnCase(tx, ctx, actor, subject.id, { kind: 'reconsideration', filedOn: input.filedOn ?? input.receivedOn, body: input.reviewingBody })
      : null;
  const due = selfDecided ? null : await openDeadline(tx, m, answerRuleOf(lawVersion), input.receivedOn, 'register');
  await ctx.ledger.append(tx, {
    actor,
    orgId: subject.bodyId,
    matterType: 'reconsideration',
    matterId: m.id,
    eventType: 'reconsideration.received',
    payload: {
      reconsiderationId: m.id,
      subjectType: subject.type,
      subjectId: subject.id,
      subjectKind: subject.kind,
      subjectTitle: subject.title,
      bodyId: subject.bodyId,
      applicant: input.applicant,
      reviewingBody: input.reviewingBody,
      fileNumber: input.fileNumber || null,
      request: input.request,
      receivedOn: input.receivedOn,
      lawVersion,
      selfDecided,
      answerDue: due?.due ?? null,
    },
  });
  await tx.query(
    `insert into reconsiderations (id, subject_type, subject_id, subject_kind, subject_title, body_id, applicant, reviewing_body, file_number, request,
       received_on, law_version, self_decided, challenge_id)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      m.id,
      subject.type,
      subject.id,
      subject.kind,
      subject.title,
      subject.bodyId,
      input.applicant,
      input.reviewingBody,
      input.fileNumber || null,
      input.request,
      input.receivedOn,
      lawVersion,
      selfDecided,
      challengeId,
    ],
  );
  return { id: m.id };
}

export async function registerLawsuit(tx: Queryable, ctx: AppContext, p: Principal, input: z.output<typeof ZRegisterLawsuit>): Promise<{ id: string }> {
  const subject = await resolveSubject(tx, ctx, p, input.subject);
  if (input.afterReconsiderationId) {
    const r = await findReconsideration(tx, input.afterReconsiderationId);
    if (!r || r.subjectId !== subject.id || r.subjectType !== subject.type)
      throw new AppError('VALIDATION_FAILED', '所称行政复议案件不存在或者与被诉行为不一致');
  }
  const actor = actorOf(p);
  const m = await createMatter(tx, ctx, actor, { type: 'lawsuit', orgId: subject.bodyId, title: `行政诉讼：${input.plaintiff}诉${subject.title}` });
  const challengeId =
    subject.type === 'case'
      ? await recordRemedyOnCase(tx, ctx, actor, subject.id, { kind: 'litigation', filedOn: input.filedOn ?? input.receivedOn, body: input.court })
      : null;
  const due = await openDeadline(tx, m, 'litigation.defence', input.receivedOn, 'register');
  await ctx.ledger.append(tx, {
    actor,
    orgId: subject.bodyId,
    matterType: 'lawsuit',
    matterId: m.id,
    eventType: 'lawsuit.registered',
    payload: {
      lawsuitId: m.id,
      subjectType: subject.type,
      subjectId: subject.id,
      subjectKind: subject.kind,
      subjectTitle: subject.title,
      bodyId: subject.bodyId,
      plaintiff: input.plaintiff,
      court: input.court,
      fileNumber: input.fileNumber || null,
      claims: input.claims,
      receivedOn: input.receivedOn,
      afterReconsiderationId: input.afterReconsiderationId ?? null,
      defenceDue: due.due,
    },
  });
  await tx.query(
    `insert into lawsuits (id, subject_type, subject_id, subject_kind, subject_title, body_id, plaintiff, court, file_number, claims, received_on,
       after_reconsideration_id, challenge_id)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      m.id,
      subject.type,
      subject.id,
      subject.kind,
      subject.title,
      subject.bodyId,
      input.plaintiff,
      input.court,
      input.fileNumber || null,
      input.claims,
      input.receivedOn,
      input.afterReconsiderationId ?? null,
      challengeId,
    ],
  );
  return { id: m.id };
}
