/**
 * The case workflow's shared guards: pure functions of what a transition's `load` read (facts.ts) — no
 * database, so a test calls them with plain objects. Each returns its problems with a stable code and
 * cites the article of 行政处罚法 it enforces.
 */
import {
  deviations,
  exceedsNotice,
  mitigationText,
  onSiteCollectionAllowed,
  type ChosenPenalty,
  type HearingRights,
  type OnSiteCollectionGround,
} from '../../domain/cases/decide.ts';
import { avChecklist, type AvStep } from '../../domain/cases/rules.ts';
import type { ErrorCode } from '../../domain/errorCatalogue.ts';
import type { Problem } from '../../domain/workflow.ts';
import type { Limitation } from './facts.ts';
import type { CaseRow, DiscussionRow, EvidenceRow, OpenDeadline, ReviewRow } from './store.ts';

export const problem = (code: ErrorCode, message: string): Problem[] => [{ code, message }];

/**
 * 追责时效 (行政处罚法 第三十六条 "违法行为在二年内未被发现的，不再给予行政处罚"): the violation must have been
 * discovered (the lead's date) by the last day of its limitation — whatever the date of filing or of this act.
 * The act itself cannot lie after the day it is acted on.
 */
export function withinLimitation(l: Limitation, date: string): Problem[] {
  if (l.violationDate > date) return problem('VIOLATION_DATE_IN_FUTURE', `违法行为发生日期 ${l.violationDate} 晚于办理日期`);
  return l.discoveredOn > l.due
    ? problem(
        'LIMITATION_EXPIRED',
        `违法行为发生（或终了）于 ${l.violationDate}，至 ${l.discoveredOn} 才被发现，已超过${l.years}年追责时效（${l.due} 届满，${l.article}），不再给予行政处罚`,
      )
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

/**
 * The decision is no heavier than the last notice (行政处罚法 第四十四条 "应当告知当事人拟作出的行政处罚内容"; 第四十五条第二款
 * "行政机关不得因当事人陈述、申辩而给予更重的处罚"; 第六十二条): a kind not announced or a larger amount, and hearing rights the
 * decided penalty gives (第六十三条) that the notice did not announce, need a new notice (`notify` again). The notice's own
 * `penalties` are compared; a notice recorded before they were kept is compared with the proposal it announced.
 */
export function noticeCovers(c: Pick<CaseRow, 'notice' | 'proposed'>, decided: ChosenPenalty[], eligibleNow: HearingRights): Problem[] {
  if (!c.notice || !decided.length) return [];
  const notified = c.notice.penalties ?? c.proposed ?? [];
  const out: Problem[] = [];
  const heavier = exceedsNotice(notified, decided);
  if (heavier.length)
    out.push({
      code: 'DECISION_EXCEEDS_NOTICE',
      message: `${heavier.join('；')}。拟作出的处罚重于告知的内容，须重新告知当事人并重新给予陈述、申辩（和听证）的期限（行政处罚法 第四十四条、第四十五条第二款、第六十二条）`,
    });
  if (eligibleNow.eligible && !c.notice.hearingEligible)
    out.push({
      code: 'HEARING_RIGHTS_NOT_NOTIFIED',
      message: `${eligibleNow.reasons.join('；')}，当事人依法有权要求听证，而告知书未告知听证权利：须重新告知（行政处罚法 第六十三条、第六十四条）`,
    });
  return out;
}

/** 减轻处罚 needs the leaders' collective discussion (行政处罚法 第五十七条第二款), whether or not the case is major. */
export function mitigationDiscussed(mitigated: boolean, discussions: Pick<DiscussionRow, 'decision'>[]): Problem[] {
  return mitigated && !discussions.length ? problem('COLLECTIVE_DISCUSSION_REQUIRED', mitigationText.discussion) : [];
}

/** 当场收缴罚款 (行政处罚法 第六十八条、第六十九条、第七十条), when the officer collects. */
export function collectionAllowed(
  collected: boolean,
  fineFen: number,
  c: { ground?: OnSiteCollectionGround | null; reason?: string | null; receiptNo?: string | null },
): Problem[] {
  return collected ? onSiteCollectionAllowed(fineFen, c) : [];
}

/** The last row (of the kind). */
export const latest = <T extends object>(rows: T[], kind?: string): T | undefined =>
  [...rows].reverse().find((r) => !kind || (r as { kind?: string }).kind === kind);

/**
 * A penalty the statute reserves to another authority (e.g. 药品管理法 第一百三十九条 "撤销许可、吊销许可证件的，由原批准、
 * 发证的部门决定") is not the bureau's act: the decision may not impose it; the bureau recommends it to that authority.
 */
export function notReserved(c: Pick<CaseRow, 'discretion'>, chosen: ChosenPenalty[]): Problem[] {
  const reserved = new Map((c.discretion?.penalties ?? []).flatMap((p) => (p.reservedTo ? [[p.kind, p.reservedTo] as const] : [])));
  return chosen.flatMap((p) => {
    const r = reserved.get(p.kind);
    return r
      ? [
          {
            code: 'PENALTY_RESERVED' as const,
            message: `${r.text}：该处罚由${r.authority}决定，本局不得作出，可以建议${r.authority}依法处理（${r.articleId.replace(/@[^#]*#/, ' ')}）`,
          },
        ]
      : [];
  });
}
