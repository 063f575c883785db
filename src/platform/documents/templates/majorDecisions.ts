/**
 * 重大行政决策 (重大行政决策程序暂行条例): the published decision (第三十二条 "决策机关应当通过本级人民政府公报和政府网站
 * 以及在本行政区域内发行的报纸等途径及时公布重大行政决策") and its 决策说明 — "对社会公众普遍关心或者专业性、技术性较强的重大
 * 行政决策，应当说明公众意见、专家论证意见的采纳情况". The wording around the data names only what the record holds.
 */
import type { InstrumentTemplate } from '../model.ts';

const SOURCE = '《重大行政决策程序暂行条例》第三十二条（格式：GB/T 9704-2012）';

export const policyDecision: InstrumentTemplate = {
  kind: 'policyDecision',
  title: '重大行政决策',
  family: '重大行政决策',
  version: 1,
  numberPattern: '{orgShort}市监决〔{year}〕{n}号',
  numberPlacement: 'center',
  footer: { kind: 'pageNumber' },
  source: SOURCE,
  labels: {
    decisionTitle: '决策名称',
    decisionText: '决策内容',
    discussedAt: '讨论决定的会议',
    discussedOn: '讨论决定日期',
  },
  blocks: [
    { type: 'paragraph', align: 'center', indent: false, bold: true, text: '{decisionTitle}' },
    { type: 'spacer', lines: 0.5 },
    { type: 'paragraph', text: '{decisionText}' },
    { type: 'paragraph', text: '本决策经{discussedAt}于{discussedOn|cnDate}讨论决定。' },
    { type: 'signature' },
  ],
  sample: {
    decisionTitle: '关于在全区推行食品小作坊“阳光工坊”建设的决定',
    decisionText: '一、自2027年起，在全区食品小作坊推行“阳光工坊”建设，生产加工场所实行视频公开。\n二、区市场监督管理局会同各街道组织实施。',
    discussedAt: '局务会议',
    discussedOn: '2026-11-20',
  },
};

export const policyDecisionExplanation: InstrumentTemplate = {
  kind: 'policyDecisionExplanation',
  title: '重大行政决策说明',
  family: '重大行政决策',
  version: 1,
  numberPattern: '{orgShort}市监决说〔{year}〕{n}号',
  numberPlacement: 'right',
  footer: { kind: 'pageNumber' },
  source: SOURCE,
  labels: {
    decisionTitle: '决策名称',
    explanation: '决策说明',
    procedure: '履行决策程序的情况',
    publicOpinions: '公众意见的采纳情况',
    expertOpinions: '专家论证意见的采纳情况',
  },
  blocks: [
    { type: 'fields', lines: [{ label: '决策名称', value: '{decisionTitle}' }] },
    { type: 'heading', text: '决策说明' },
    { type: 'paragraph', text: '{explanation}' },
    { type: 'heading', text: '履行决策程序的情况' },
    { type: 'list', items: 'procedure', style: 'paren' },
    { type: 'heading', when: 'publicOpinions', text: '公众意见的采纳情况' },
    { type: 'paragraph', when: 'publicOpinions', text: '{publicOpinions}' },
    { type: 'heading', when: 'expertOpinions', text: '专家论证意见的采纳情况' },
    { type: 'paragraph', when: 'expertOpinions', text: '{expertOpinions}' },
    { type: 'signature' },
  ],
  sample: {
    decisionTitle: '关于在全区推行食品小作坊“阳光工坊”建设的决定',
    explanation: '为落实食品安全主体责任，提升小作坊生产加工透明度，本局拟订本决策。',
    procedure: [
      '公众参与：2026年9月1日至9月30日向社会公开征求意见，收到意见12条，采纳5条',
      '专家论证：2026年10月10日召开论证会',
      '风险评估：风险可控',
      '合法性审查：合法',
    ],
    publicOpinions: '收到意见12条，采纳5条，部分采纳3条，未采纳4条（理由已在意见采纳情况中说明）。',
    expertOpinions: '专家建议分步推进，已采纳。',
  },
};
