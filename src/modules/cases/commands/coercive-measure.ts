/**
 * 查封、扣押 (行政强制措施) as a decision of its own, not only an evidence kind (行政强制法 第十八条、第二十四条—第二十八条):
 * - impose: a leader's approval beforehand, two certified officers (持证上岗), the A/V record of the act (音像记录事项清单),
 *   the 查封、扣押决定书 with the items, the place and the period (at most 三十日, 第二十五条第一款), and the time limit as
 *   a deadline of the case of its own (rule `coercive.seizure`, opened by 'measure:<id>');
 * - extend: once, by a leader, at most 三十日, with the 延长查封、扣押期限通知书 (第二十五条第一款、第二款);
 * - testing: a period of 检测、检验、检疫或者技术鉴定 that does not count (第二十五条第三款) — a suspension of its deadline;
 * - end: 解除 on a ground of 第二十八条 with the 解除查封、扣押决定书, or a 处理决定 of 第二十七条 (没收 by the penalty
 *   decision, 销毁). Either meets the deadline.
 * Each act locks the case, appends its record entry and writes its rows in one transaction (`actOnCase`).
 */
import { randomUUID } from 'node:crypto';
import {
  disposalGrounds,
  MEASURE_MAX_DAYS,
  MEASURE_MAX_EXTENSION_DAYS,
  measureKinds,
  releaseGrounds,
  type DisposalGround,
  type ReleaseGround,
} from '../../../domain/cases/measures.ts';
import { avChecklist } from '../../../domain/cases/rules.ts';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { closeDeadlineOf, deadlineOpenedBy, openDeadline, recomputeDeadlineOf } from '../../../platform/workflow/deadlines.ts';
import { checkOfficersMayAct } from '../../officers/index.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { assertCaseOpenFor, checkApprover, findMeasure, measureDeadlineName, type MeasureRow } from '../measures.ts';
import type { TEndMeasureRequest, TExtendMeasureRequest, TImposeMeasureRequest, TMeasureTestingRequest } from '../schema.ts';
import type { CaseRow } from '../store.ts';
import { actOnCase } from './act-on-case.ts';

async function caseFiles(tx: Queryable, caseId: string, ids: string[]) {
  const files = ids.length
    ? (
        await tx.query<{ id: string; contentType: string; contentHash: string }>(
          `select id, content_type as "contentType", content_hash as "contentHash" from evidence_files where matter_type = 'case' and matter_id = $1 and id = any($2)`,
          [caseId, ids],
        )
      ).rows
    : [];
  const unknown = ids.filter((f) => !files.some((x) => x.id === f));
  if (unknown.length) throw new AppError('EVIDENCE_FILE_UNKNOWN', `证据文件 ${unknown.join('、')} 不属于本案`);
  return files;
}

/** What the measure's instruments say about it. */
const measureData = (m: Pick<MeasureRow, 'kind' | 'reason' | 'basis' | 'items' | 'place' | 'imposedOn' | 'periodDays'>, decisionNumber: string | null) => ({
  measureLabel: measureKinds[m.kind],
  reason: m.reason,
  basis: m.basis,
  items: m.items.map((i) => ({ name: i.name, quantity: i.quantity, note: i.note ?? null })),
  place: m.place,
  imposedOn: m.imposedOn,
  periodDays: m.periodDays,
  decisionNumber,
});

async function instrumentNumber(tx: Queryable, id: string | null): Promise<string | null> {
  return id ? ((await tx.query<{ number: string }>('select number from instruments where id = $1', [id])).rows[0]?.number ?? null) : null;
}

async function activeMeasure(tx: Queryable, c: CaseRow, measureId: string): Promise<MeasureRow> {
  const m = await findMeasure(tx, c.id, measureId);
  if (!m) throw new AppError('MEASURE_NOT_FOUND', '本案没有该查封、扣押措施');
  if (m.status !== 'active') throw new AppError('MEASURE_NOT_ACTIVE', `该${measureKinds[m.kind]}已于${m.ended?.on ?? ''}解除或者已作出处理决定`);
  return m;
}

export async function imposeMeasure(ctx: AppContext, p: Principal, caseId: string, input: TImposeMeasureRequest) {
  return actOnCase(ctx, p, caseId, { act: 'imposeMeasure', event: 'case.measureImposed' }, async (tx, c) => {
    const label = measureKinds[input.kind];
    if (input.periodDays > MEASURE_MAX_DAYS)
      throw new AppError('MEASURE_PERIOD_INVALID', `${label}的期限不得超过三十日（《行政强制法》第二十五条第一款），本次为${input.periodDays}日`);
    await checkApprover(tx, input.approvedBy, c.bodyId);
    const check = await checkOfficersMayAct(tx, null, { officerIds: input.officerIds, field: c.field, act: 'coerciveMeasure', date: input.imposedOn });
    if (!check.allowed) throw new AppError('OFFICER_NOT_CERTIFIED', check.problems.map((x) => x.message).join('；'), check);
    const files = await caseFiles(tx, caseId, input.fileIds);
    if (!files.some((f) => /^(video|audio)\//.test(f.contentType)))
      throw new AppError(
        'AV_RECORD_MISSING',
        `“${avChecklist.coerciveMeasure.label}”属于音像记录事项清单（${avChecklist.coerciveMeasure.source}），须附本案的音像记录（音频或视频文件）`,
      );
    const id = randomUUID();
    const deadline = await openDeadline(tx, { id: caseId, type: 'case' }, 'coercive.seizure', input.imposedOn, measureDeadlineName(id));
    const row = (await deadlineOpenedBy(tx, caseId, measureDeadlineName(id)))!;
    const due = input.periodDays < MEASURE_MAX_DAYS ? await recomputeDeadlineOf(tx, row, { amount: input.periodDays }) : deadline.due;
    const measure = { ...input, items: input.items.map((i) => ({ ...i, note: i.note ?? null })) };
    const ins = await issueCaseInstrument(ctx, tx, actorOf(p), c, {
      kind: 'seizureDecision',
      date: input.imposedOn,
      override: input.instrumentData,
      specific: { ...measureData(measure, null), endOn: due },
    });
    await tx.query(
      `insert into case_measures (id, case_id, kind, reason, basis, items, place, imposed_on, period_days, approved_by, officer_ids, file_ids, decision_instrument_id, status, created_by)
       values ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$9,$10,$11,$12,$13,'active',$14)`,
      [
        id,
        caseId,
        input.kind,
        input.reason,
        input.basis,
        JSON.stringify(measure.items),
        input.place,
        input.imposedOn,
        input.periodDays,
        input.approvedBy,
        input.officerIds,
        input.fileIds,
        ins.id,
        p.userId,
      ],
    );
    return {
      measureId: id,
      kind: input.kind,
      reason: input.reason,
      basis: input.basis,
      items: measure.items,
      place: input.place,
      imposedOn: input.imposedOn,
      periodDays: input.periodDays,
      approvedBy: input.approvedBy,
      officerIds: input.officerIds,
      files: files.map((f) => ({ id: f.id, contentHash: f.contentHash })),
      instrumentNumber: ins.number,
      due,
    };
  });
}

export async function extendMeasure(ctx: AppContext, p: Principal, caseId: string, measureId: string, input: TExtendMeasureRequest) {
  return actOnCase(ctx, p, caseId, { act: 'extendMeasure', event: 'case.measureExtended' }, async (tx, c, mt) => {
    assertCaseOpenFor(ctx, mt, 'extendMeasure');
    const m = await activeMeasure(tx, c, measureId);
    const label = measureKinds[m.kind];
    if (m.extension)
      throw new AppError(
        'MEASURE_ALREADY_EXTENDED',
        `该${label}的期限已于${m.extension.extendedOn}延长过一次（《行政强制法》第二十五条第一款“延长期限不得超过三十日”）`,
      );
    if (input.days > MEASURE_MAX_EXTENSION_DAYS)
      throw new AppError('MEASURE_PERIOD_INVALID', `延长${label}的期限不得超过三十日（《行政强制法》第二十五条第一款），本次为${input.days}日`);
    const d = await deadlineOpenedBy(tx, caseId, measureDeadlineName(m.id));
    if (d?.status !== 'open') throw new AppError('MEASURE_NOT_ACTIVE', `该${label}的期限已不在进行中`);
    if (input.extendedOn > d.due)
      throw new AppError(
        'MEASURE_PERIOD_INVALID',
        `${label}的期限已于${d.due}届满，届满后不能再延长（《行政强制法》第二十八条第一款第（四）项：期限届满的，应当解除）`,
      );
    const due = await recomputeDeadlineOf(tx, d, { extended: true, amount: m.periodDays, extensionAmount: input.days });
    const ins = await issueCaseInstrument(ctx, tx, actorOf(p), c, {
      kind: 'seizureExtensionNotice',
      date: input.extendedOn,
      override: input.instrumentData,
      specific: {
        ...measureData(m, await instrumentNumber(tx, m.decisionInstrumentId)),
        previousDue: d.due,
        days: input.days,
        newDue: due,
        extensionReason: input.reason,
      },
    });
    const extension = { extendedOn: input.extendedOn, days: input.days, reason: input.reason, approvedBy: p.userId, instrumentId: ins.id };
    await tx.query('update case_measures set extension = $2::jsonb, updated_at = now() where id = $1', [m.id, JSON.stringify(extension)]);
    return {
      measureId: m.id,
      extendedOn: input.extendedOn,
      days: input.days,
      reason: input.reason,
      approvedBy: p.userId,
      from: d.due,
      to: due,
      instrumentNumber: ins.number,
    };
  });
}

export async function recordMeasureTesting(ctx: AppContext, p: Principal, caseId: string, measureId: string, input: TMeasureTestingRequest) {
  return actOnCase(ctx, p, caseId, { act: 'recordMeasureTesting', event: 'case.measureTestingExcluded' }, async (tx, c, mt) => {
    assertCaseOpenFor(ctx, mt, 'recordMeasureTesting');
    const m = await activeMeasure(tx, c, measureId);
    if (input.to < input.from) throw new AppError('PERIOD_INVALID', '检测、检验期间的结束日期不能早于开始日期');
    if (input.from < m.imposedOn) throw new AppError('PERIOD_INVALID', `检测、检验期间不能早于${measureKinds[m.kind]}之日（${m.imposedOn}）`);
    const d = await deadlineOpenedBy(tx, caseId, measureDeadlineName(m.id));
    if (d?.status !== 'open') throw new AppError('MEASURE_NOT_ACTIVE', '该措施的期限已不在进行中');
    const period = { from: input.from, to: input.to, reason: input.reason };
    const due = await recomputeDeadlineOf(tx, d, {
      suspensions: [...d.suspensions, period],
      amount: m.periodDays,
      ...(m.extension ? { extensionAmount: m.extension.days } : {}),
    });
    await tx.query('update case_measures set testing = testing || $2::jsonb, updated_at = now() where id = $1', [m.id, JSON.stringify([period])]);
    return { measureId: m.id, from: input.from, to: input.to, reason: input.reason, dueFrom: d.due, dueTo: due };
  });
}

export async function endMeasure(ctx: AppContext, p: Principal, caseId: string, measureId: string, input: TEndMeasureRequest) {
  return actOnCase(ctx, p, caseId, { act: 'endMeasure', event: 'case.measureEnded' }, async (tx, c, mt) => {
    assertCaseOpenFor(ctx, mt, 'endMeasure');
    const m = await activeMeasure(tx, c, measureId);
    const label = measureKinds[m.kind];
    const release = input.kind === 'release';
    const groundText = release ? releaseGrounds[input.ground as ReleaseGround] : disposalGrounds[input.ground as DisposalGround];
    if (!groundText)
      throw new AppError(
        'INPUT_INVALID',
        release ? '解除查封、扣押的情形应为《行政强制法》第二十八条第一款所列情形之一' : '处理决定应为《行政强制法》第二十七条的没收或者销毁',
      );
    if (input.endedOn < m.imposedOn) throw new AppError('PERIOD_INVALID', `解除或处理日期不能早于${label}之日（${m.imposedOn}）`);
    await checkApprover(tx, input.approvedBy, c.bodyId);
    // 第二十七条: 没收 is the penalty decision's; it ends the measure only once that decision is made
    if (!release && input.ground === 'confiscate' && !c.decision)
      throw new AppError(
        'MEASURE_NOT_ACTIVE',
        `本案尚未作出行政处罚决定，不能以没收了结该${label}；在期限内未作出处理决定的，应当解除（《行政强制法》第二十七条、第二十八条）`,
      );
    let instrument: { id: string; number: string } | null = null;
    if (release) {
      const ins = await issueCaseInstrument(ctx, tx, actorOf(p), c, {
        kind: 'seizureRelease',
        date: input.endedOn,
        override: input.instrumentData,
        specific: {
          ...measureData(m, await instrumentNumber(tx, m.decisionInstrumentId)),
          ground: groundText,
          releaseReason: input.reason,
          endedOn: input.endedOn,
        },
      });
      instrument = { id: ins.id, number: ins.number };
    }
    const ended = {
      on: input.endedOn,
      kind: input.kind,
      ground: input.ground,
      reason: input.reason,
      approvedBy: input.approvedBy,
      instrumentId: instrument?.id ?? null,
    };
    await tx.query('update case_measures set status = $2, ended = $3::jsonb, updated_at = now() where id = $1', [
      m.id,
      release ? 'released' : 'disposed',
      JSON.stringify(ended),
    ]);
    const d = await deadlineOpenedBy(tx, caseId, measureDeadlineName(m.id));
    if (d?.status === 'open') await closeDeadlineOf(tx, d.id, 'met', release ? 'releaseMeasure' : 'disposeMeasure');
    return {
      measureId: m.id,
      endedOn: input.endedOn,
      kind: input.kind,
      ground: groundText,
      reason: input.reason,
      instrumentNumber: instrument?.number ?? null,
    };
  });
}
