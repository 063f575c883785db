/**
 * The form of each normative-document transition, declared once (typed against the server's inputs: a new
 * transition without a form does not compile).
 */
import { deliberationResults, filingResults } from '../../../../src/domain/normativeDocuments/rules';
import type { TransitionName } from './api';

export type Field =
  | { name: string; label: string; kind: 'text' | 'textarea'; required?: boolean; max?: number }
  | { name: string; label: string; kind: 'date'; required?: boolean }
  | { name: string; label: string; kind: 'number'; required?: boolean }
  | { name: string; label: string; kind: 'select'; options: Record<string, string>; required?: boolean }
  | { name: string; label: string; kind: 'names'; required?: boolean };

export interface FormSpec {
  fields: Field[];
  intro?: string;
  danger?: boolean;
  /** the act's legal date is asked (default today) */
  date?: boolean;
}

const reason = (label = '理由'): Field => ({ name: 'reason', label, kind: 'textarea', required: true, max: 2000 });

export const forms: Record<TransitionName, FormSpec> = {
  openComment: {
    intro: '草案通过门户网站公开征求意见，期限一般不少于30日（优化营商环境条例 第六十二条）；缩短的须说明理由。',
    fields: [
      { name: 'startsOn', label: '公开日期', kind: 'date' },
      { name: 'days', label: '征求意见期限（日）', kind: 'number' },
      { name: 'shortenedReason', label: '缩短期限的理由', kind: 'textarea', max: 1000 },
    ],
  },
  skipComment: { intro: '不涉及公民、法人和其他组织权利义务的，可以不公开征求意见，须记录理由。', fields: [reason('不公开征求意见的理由')] },
  closeComment: { intro: '征求意见期满且意见采纳情况已公布后，结束征求意见。', fields: [] },
  requestFairCompetitionReview: { intro: '涉及经营者经济活动的，提请公平竞争审查（公平竞争审查条例 第二条）。', fields: [] },
  requestLegalityReview: {
    intro: '送法制机构合法性审核，附起草说明、征求意见和公平竞争审查情况。',
    fields: [{ name: 'note', label: '补充说明', kind: 'textarea', max: 2000 }],
  },
  deliberate: {
    intro: '未经合法性审核或者经审核不合法的，不得提交集体审议。',
    fields: [
      { name: 'meetingOn', label: '会议日期', kind: 'date', required: true },
      { name: 'meeting', label: '会议名称', kind: 'text', required: true, max: 200 },
      { name: 'attendees', label: '出席人员（逗号或顿号分隔）', kind: 'names', required: true },
      { name: 'minutes', label: '会议纪要', kind: 'textarea', required: true, max: 20000 },
      { name: 'result', label: '审议结果', kind: 'select', options: deliberationResults, required: true },
    ],
  },
  register: {
    intro: '统一登记、统一编号、统一印发：取得本机关本年度的下一个文号，生成正式文本。',
    fields: [{ name: 'signedOn', label: '成文日期', kind: 'date' }],
  },
  publish: {
    intro: '公布后方可作为行政管理依据；同时公布政策解读。',
    date: true,
    fields: [
      { name: 'effectiveOn', label: '施行日期', kind: 'date', required: true },
      { name: 'interpretation', label: '政策解读', kind: 'textarea', required: true, max: 20000 },
    ],
  },
  file: {
    intro: '向备案机关报送备案（期限按本省规定）。',
    date: true,
    fields: [{ name: 'filedWith', label: '备案机关（默认本级人民政府）', kind: 'text', max: 200 }],
  },
  recordFilingResult: {
    fields: [
      { name: 'result', label: '备案审查结果', kind: 'select', options: filingResults, required: true },
      { name: 'resultOn', label: '结果日期', kind: 'date', required: true },
      { name: 'note', label: '说明', kind: 'textarea', max: 2000 },
    ],
  },
  returnForRevision: { fields: [reason('退回修改的理由')], danger: true },
  abandon: { fields: [reason('终止制定的理由')], danger: true },
  supersede: { fields: [{ name: 'newVersionId', label: '新版本', kind: 'text', required: true }] },
  repeal: { fields: [reason('废止理由')], danger: true },
  declareInvalid: { fields: [reason('宣布失效的理由')], danger: true },
  expire: { intro: '有效期届满，文件自动失效（系统每日检查，也可手动办理）。', fields: [] },
};
