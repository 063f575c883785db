/**
 * 调查取证: registers an evidence item with the officers who took it (two certified officers for
 * investigation acts, 行政处罚法 第四十二条) and its files; an act on the A/V checklist needs an
 * audio/video file of the case. A 询问笔录 / 现场笔录 can be generated as its instrument. A 先行登记保存 opens the
 * seven-working-day limit of its 处理决定 (decide-preservation.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { avChecklist, evidenceKinds } from '../../../domain/cases/rules.ts';
import { checkOfficersMayAct } from '../../officers/index.ts';
import { issueCaseInstrument, officerRefs } from '../instruments.ts';
import type { TAddEvidenceRequest } from '../schema.ts';
import { actOnCase } from './act-on-case.ts';
import { openDeadline } from '../../../platform/workflow/deadlines.ts';
import { checkApprover, preservationDeadlineName } from '../measures.ts';

/** 行政处罚法 第五十六条 "在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存" */
const PRESERVATION_APPROVAL = '《行政处罚法》第五十六条';

export async function addEvidence(ctx: AppContext, p: Principal, caseId: string, input: TAddEvidenceRequest) {
  return actOnCase(ctx, p, caseId, { act: 'addEvidence', event: 'case.evidenceAdded' }, async (tx, c) => {
    const kind = evidenceKinds[input.kind];
    if (kind.act) {
      const check = await checkOfficersMayAct(tx, null, { officerIds: input.officerIds, field: c.field, act: kind.act, date: input.collectedOn });
      if (!check.allowed) throw new AppError('OFFICER_NOT_CERTIFIED', check.problems.map((x) => x.message).join('；'), check);
    }
    const files = input.fileIds.length
      ? (
          await tx.query<{ id: string; contentType: string; contentHash: string }>(
            `select id, content_type as "contentType", content_hash as "contentHash" from evidence_files where matter_type = 'case' and matter_id = $1 and id = any($2)`,
            [caseId, input.fileIds],
          )
        ).rows
      : [];
    const unknown = input.fileIds.filter((f) => !files.some((x) => x.id === f));
    if (unknown.length) throw new AppError('EVIDENCE_FILE_UNKNOWN', `证据文件 ${unknown.join('、')} 不属于本案`);
    if (kind.av && !files.some((f) => /^(video|audio)\//.test(f.contentType))) {
      throw new AppError(
        'AV_RECORD_MISSING',
        `“${avChecklist[kind.av].label}”属于音像记录事项清单（${avChecklist[kind.av].source}），须附本案的音像记录（音频或视频文件）`,
      );
    }
    let approvedBy: { id: string; name: string } | null = null;
    if (input.kind === 'evidencePreservation') {
      if (!input.approvedBy) throw new AppError('APPROVER_REQUIRED', `先行登记保存须经行政机关负责人批准（${PRESERVATION_APPROVAL}），请选择批准的负责人`);
      approvedBy = { id: input.approvedBy, name: await checkApprover(tx, input.approvedBy, c.bodyId, PRESERVATION_APPROVAL) };
    }
    const id = randomUUID();
    let instrument: { id: string; number: string } | null = null;
    if (input.instrument) {
      const officers = await officerRefs(tx, input.officerIds, input.collectedOn);
      const ins = await issueCaseInstrument(ctx, tx, actorOf(p), c, {
        kind: input.instrument,
        date: input.collectedOn,
        override: input.instrumentData,
        specific:
          input.instrument === 'inquiryRecord'
            ? { inquirers: officers, recorder: officers[1] ?? officers[0], place: input.place }
            : { officers, recorder: officers[1] ?? officers[0], place: input.place, findings: input.description },
      });
      instrument = { id: ins.id, number: ins.number };
    }
    await tx.query(
      `insert into case_evidence (id, case_id, kind, title, collected_on, place, officer_ids, file_ids, description, instrument_id, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [
        id,
        caseId,
        input.kind,
        input.title,
        input.collectedOn,
        input.place ?? null,
        input.officerIds,
        input.fileIds,
        input.description ?? null,
        instrument?.id ?? null,
        p.userId,
      ],
    );
    // 先行登记保存: the 处理决定 is due within seven (working) days (行政处罚法 第五十六条、第八十五条)
    if (input.kind === 'evidencePreservation')
      await openDeadline(tx, { id: caseId, type: 'case' }, 'evidence.preservationDecision', input.collectedOn, preservationDeadlineName(id));
    return {
      evidenceId: id,
      kind: input.kind,
      title: input.title,
      collectedOn: input.collectedOn,
      officerIds: input.officerIds,
      files: files.map((f) => ({ id: f.id, contentHash: f.contentHash })),
      instrumentNumber: instrument?.number ?? null,
      ...(approvedBy ? { approvedBy } : {}),
    };
  });
}
