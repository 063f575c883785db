/** The procedure a decision went through, in words (决策说明, the archive, the console): one line per step of 第二章、第三章. */
import {
  expertMethods,
  expertSkipGrounds,
  meetingKinds,
  participationMethods,
  participationSkipGrounds,
  riskConclusions,
  riskLevels,
  riskSkipGrounds,
} from '../../domain/majorDecisions/rules.ts';
import type { DecisionRow } from './store.ts';

const label = (t: Record<string, string>, k: unknown) => t[String(k)] ?? String(k);

export function procedureLines(d: DecisionRow): string[] {
  const out: string[] = [];
  const p = d.participation;
  if (p?.skipped) out.push(`公众参与：未履行，${label(participationSkipGrounds, p.skipped)}；理由：${p.reason}`);
  else if (p) {
    const parts: string[] = [];
    const pc = p.publicComment as { startsOn: string; days: number } | undefined;
    if (pc) parts.push(`自${pc.startsOn}起向社会公开征求意见${pc.days}日`);
    for (const r of (p.records as { method: string; heldOn: string }[] | undefined) ?? []) parts.push(`${r.heldOn}${label(participationMethods, r.method)}`);
    out.push(`公众参与：${parts.join('；') || '进行中'}`);
  }
  const e = d.expert;
  if (e?.skipped) out.push(`专家论证：未组织，${label(expertSkipGrounds, e.skipped)}；理由：${e.reason}`);
  else if (e) out.push(`专家论证：${e.heldOn}以${label(expertMethods, e.method)}方式论证，${(e.experts as unknown[]).length}位专家、专业机构提出意见`);
  const r = d.risk;
  if (r?.skipped) out.push(`风险评估：未作评估，${label(riskSkipGrounds, r.skipped)}；理由：${r.reason}`);
  else if (r)
    out.push(
      `风险评估：${r.assessor}评估，${label(riskLevels, r.level)}，结论为${label(riskConclusions, r.conclusion)}${r.measuresTaken ? `，已采取措施：${r.measuresTaken}` : ''}`,
    );
  if (d.legalityReviewId) out.push('合法性审查：已经负责合法性审查的部门审查');
  const dis = d.discussion;
  if (dis)
    out.push(`集体讨论决定：${dis.heldOn}${label(meetingKinds, dis.meetingKind)}（${dis.meetingName}）讨论，${dis.adopted ? '决定通过' : '决定不予通过'}`);
  return out;
}
