/**
 * The case workflow's shared guards: pure functions of what a transition's `load` read (facts.ts) — no
 * database, so a test calls them with plain objects. Each returns its problems with a stable code and
 * cites the article of 行政处罚法 it enforces.
 */
import { deviations, type ChosenPenalty } from '../../domain/cases/decide.ts';
import { avChecklist, type AvStep } from '../../domain/cases/rules.ts';
import type { ErrorCode } from '../../domain/errorCatalogue.ts';
import type { Problem } from '../../domain/workflow.ts';
import type { Limitation } from './facts.ts';
import type { CaseRow, EvidenceRow, OpenDeadline, ReviewRow } from './store.ts';

export const problem = (code: ErrorCode, message: string): Problem[] => [{ code, message }];

/** 追责时效 (行政处罚法 第三十六条): two years from the act, five where life/health safety was harmed. */
export function withinLimitation(l: Limitation, date: string): Problem[] {
  if (l.violationDate > date) return problem('VIOLATION_DATE_IN_FUTURE', `违法行为发生日期 ${l.violationDate} 晚于办理日期`);
  return date > l.due
    ? problem('LIMITATION_EXPIRED', `违法行为发生于 ${l.violationDate}，已超过${l.years}年追责时效（${l.due} 届满，行政处罚法 第三十六条），不再给予行政处罚`)
    : [];
}

export interface FileFact {
  id: string;
  contentType: string;
}

/** 音像记录事项清单: the act needs an audio/video file of this case among the given files (`caseFiles`: those of them attached to the case). */
export function avRecorded(step: AvStep, fileIds: string[], caseFiles: FileFact[]): Problem[] {
  const files = caseFiles.filter((f) => fileIds.includes(f.id));
  const unknown = fileIds.filter((f) => !files.some((x) => x.id === f));
  if (unknown.length) return problem('EVIDENCE_FILE_UNKNOWN', `证据文件 ${unknown.join('、')} 不属于本案`);
  if (!files.some((f) => /^(video|audio)\//.test(f.contentType))) {
    return problem(
      'AV_RECORD_MISSING',
      `“${avChecklist[step].label}”属于音像记录事项清单（${avChecklist[step].source}），须附本案的音像记录（音频或视频文件）`,
    );
  }
  return [];
}

/** 调查终结: at least one item of evidence, each of a kind on the 音像记录事项清单 with its audio/video record. */
export function evidenceComplete(
  evidence: Pick<EvidenceRow, 'kind' | 'title' | 'fileIds'>[],
  avStepOf: (kind: string) => AvStep | null | undefined,
  files: FileFact[],
): Problem[] {
  if (!evidence.length) return problem('EVIDENCE_MISSING', '调查终结前须至少登记一项证据');
  return evidence.flatMap((e) => {
    const step = avStepOf(e.kind);
    return step ? avRecorded(step, e.fileIds, files).map((p) => ({ ...p, message: `证据“${e.title}”：${p.message}` })) : [];
  });
}

/** The acting officer is not one of the case's investigators (案件审核、法制审核、听证主持 must be independent). */
export function notInvestigator(investigatorIds: string[], officer: { id: string; name: string } | null, what: string): Problem[] {
  return officer && investigatorIds.includes(officer.id) ? problem('REVIEWER_IS_INVESTIGATOR', `${officer.name}是本案承办人员，不能进行${what}`) : [];
}

/** 陈述申辩 and 听证 windows closed (or the rights waived in writing) before the decision (行政处罚法 第四十四条、第六十二条、第六十四条). */
export function windowsClosed(c: Pick<CaseRow, 'notice' | 'proposed' | 'waivers' | 'hearing'>, openWindows: OpenDeadline[], date: string): Problem[] {
  if (!c.notice)
    return (c.proposed ?? []).length
      ? problem(
          'PRIOR_NOTICE_MISSING',
          '作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据和陈述、申辩、要求听证的权利（行政处罚法 第四十四条）',
        )
      : [];
  const out: Problem[] = [];
  for (const d of openWindows) {
    const waived = d.ruleId === 'penalty.statement' ? c.waivers.statement : c.waivers.hearing;
    if (!waived && date <= d.due)
      out.push({ code: 'DEFENCE_WINDOW_OPEN', message: `“${d.label}”期限至 ${d.due} 届满，期满（或当事人书面放弃）前不能作出决定` });
  }
  if (c.hearing && !c.hearing.heldOn) out.push({ code: 'HEARING_PENDING', message: '当事人已要求听证，听证结束前不能作出决定' });
  return out;
}

/**
 * A chosen penalty outside the discretion benchmark's recommendation needs a written reason (行政处罚法 第五条、第三十四条)
 * and, at the decision (`reviews` given), a review that accepted it.
 */
export function deviationAccepted(
  c: Pick<CaseRow, 'discretion'>,
  chosen: ChosenPenalty[],
  reason: string | null | undefined,
  reviews: Pick<ReviewRow, 'acceptsDeviation'>[] | null,
): Problem[] {
  if (!c.discretion) return [];
  const devs = deviations(chosen, c.discretion.penalties);
  if (!devs.length) return [];
  const what = devs.map((d) => d.message).join('；');
  if (!reason) return problem('DISCRETION_DEVIATION_UNEXPLAINED', `所选处罚超出裁量基准建议（${what}），须书面说明理由`);
  if (reviews && !reviews.some((r) => r.acceptsDeviation))
    return problem('DISCRETION_DEVIATION_NOT_ACCEPTED', `所选处罚超出裁量基准建议（${what}），其理由须经案件审核或法制审核认可`);
  return [];
}

/** The last row (of the kind). */
export const latest = <T extends object>(rows: T[], kind?: string): T | undefined =>
  [...rows].reverse().find((r) => !kind || (r as { kind?: string }).kind === kind);
