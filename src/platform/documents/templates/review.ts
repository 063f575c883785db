/** Before the decision: 案件调查终结报告, 案件审核表, 法制审核意见书. */
import type { InstrumentTemplate } from '../model.ts';
import { partyBlock, sampleCase } from './common.ts';
import { SAMR_FORMS } from './approvals.ts';

export const investigationReport: InstrumentTemplate = {
  kind: 'investigationReport',
  title: '案件调查终结报告',
  family: '调查',
  version: 2,
  numberPattern: '{orgShort}市监调终〔{year}〕{n}号',
  numberPlacement: 'right',
  source: SAMR_FORMS,
  labels: {
    investigation: '案件来源、调查经过及采取行政强制措施的情况',
    analysis: '违法行为性质',
    proposal: '处理意见及依据',
    otherMatters: '其他需要说明的事项',
    reportDate: '报告日期',
  },
  blocks: [
    {
      type: 'fields',
      lines: [
        { label: '案件名称', value: '{caseName}' },
        { label: '承办机构', value: '{unit}' },
        { label: '办案人员', value: '{handlers|officers}' },
      ],
    },
    { type: 'heading', text: '一、当事人基本情况' },
    partyBlock(),
    { type: 'heading', text: '二、案件来源、调查经过及采取行政强制措施的情况' },
    { type: 'paragraph', text: '{investigation}' },
    { type: 'heading', text: '三、调查认定的事实及主要证据' },
    { type: 'paragraph', text: '经查，{facts}' },
    { type: 'paragraph', text: '上述事实，有以下证据证明：' },
    { type: 'list', items: 'evidence' },
    { type: 'heading', text: '四、违法行为性质' },
    { type: 'paragraph', text: '当事人的上述行为违反了{violatedProvision}的规定，构成{violation}。' },
    { type: 'paragraph', when: 'analysis', text: '{analysis}' },
    { type: 'heading', text: '五、自由裁量的理由' },
    { type: 'paragraph', text: '{discretion}' },
    { type: 'heading', text: '六、处理意见及依据' },
    { type: 'paragraph', text: '{proposal}' },
    { type: 'heading', when: 'otherMatters', text: '七、其他需要说明的事项' },
    { type: 'paragraph', when: 'otherMatters', text: '{otherMatters}' },
    { type: 'signature', org: false, seal: false, lines: ['办案人员：{handlers|names}'], date: '{reportDate}' },
  ],
  sample: {
    ...sampleCase,
    investigation:
      '2026年8月28日，本局接到消费者投诉，反映当事人销售过期牛肉干。2026年9月2日，执法人员对当事人经营场所进行现场检查，对涉案食品依法先行登记保存。经批准，本局于2026年9月3日立案调查，' +
      '先后询问了当事人法定代表人，调取了进货单据及销售记录。',
    analysis: '违法事实清楚，证据确凿。',
    proposal:
      '依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，建议对当事人作出如下行政处罚：1.没收超过保质期的“鲜味源”牌牛肉干18袋；2.没收违法所得336元；3.罚款50000元。本案拟罚款数额达到本局重大执法决定法制审核目录规定的标准，建议提交法制审核。',
    reportDate: '2026-10-08',
  },
};

export const caseAudit: InstrumentTemplate = {
  kind: 'caseAudit',
  title: '案件审核表',
  family: '审核',
  version: 2,
  numberPattern: '{orgShort}市监案审〔{year}〕{n}号',
  numberPlacement: 'right',
  source: SAMR_FORMS,
  labels: {
    submittedOn: '送审日期',
    auditUnit: '审核机构',
    summary: '案件基本情况及拟处理意见',
    auditOpinion: '审核意见',
    auditors: '审核人',
    'auditors[]': '姓名',
    auditDate: '审核日期',
    auditHeadOpinion: '审核机构负责人意见',
    auditHead: '审核机构负责人',
    auditHeadDate: '审核机构负责人签署日期',
  },
  blocks: [
    {
      type: 'form',
      widths: [22, 28, 22, 28],
      rows: [
        [{ label: '案件名称' }, { text: '{caseName}', colSpan: 3 }],
        [{ label: '当事人' }, { text: '{party.name}', colSpan: 3 }],
        [{ label: '承办机构' }, { text: '{unit}' }, { label: '办案人员' }, { text: '{handlers|names}' }],
        [{ label: '送审日期' }, { text: '{submittedOn|date}' }, { label: '审核机构' }, { text: '{auditUnit}' }],
        [{ label: '案件基本情况及拟处理意见' }, { text: '{summary}', colSpan: 3, minHeight: 40 }],
        [{ label: '审核意见' }, { text: '{auditOpinion}', sign: '审核人：{auditors|names}\u3000\u3000{auditDate|date}', colSpan: 3, minHeight: 50 }],
        [
          { label: '审核机构负责人意见' },
          // the head's own opinion only; never written for the head by the auditor
          { text: '{auditHeadOpinion}', sign: '负责人：{auditHead}\u3000\u3000{auditHeadDate|date}', colSpan: 3, minHeight: 20, optional: true },
        ],
        [{ label: '备注' }, { text: '{remarks}', optional: true, colSpan: 3, minHeight: 10 }],
      ],
    },
  ],
  sample: {
    ...sampleCase,
    submittedOn: '2026-10-08',
    auditUnit: '法制审核科',
    summary:
      '当事人经营超过保质期的食品，货值金额840元，违法所得336元。办案机构拟依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，没收涉案食品和违法所得，并处罚款50000元。',
    auditOpinion:
      '一、执法主体合法，办案人员均持有有效执法证件；二、违法事实清楚，证据确凿充分；三、适用法律正确，定性准确；四、处罚幅度符合裁量基准；五、程序合法，文书规范齐备；六、未发现涉嫌犯罪需移送的情形。同意办案机构的处理意见。',
    auditors: ['孙丽', '周涛'],
    auditDate: '2026-10-10',
    auditHeadOpinion: '同意审核意见。',
    auditHead: '孙丽',
    auditHeadDate: '2026-10-10',
  },
};

export const legalReviewOpinion: InstrumentTemplate = {
  kind: 'legalReviewOpinion',
  title: '重大执法决定法制审核意见书',
  family: '审核',
  version: 1,
  numberPattern: '{orgShort}市监法审〔{year}〕{n}号',
  numberPlacement: 'center',
  source: '《中华人民共和国行政处罚法》第五十八条；重大执法决定法制审核制度（审核事项）',
  labels: {
    submittingUnit: '送审机构',
    submittedOn: '送审日期',
    proposedDecision: '拟作出的决定',
    majorReason: '属于重大执法决定的情形',
    items: '审核事项',
    'items[].point': '审核事项',
    'items[].verdict': '审核结论',
    'items[].note': '说明',
    opinion: '审核意见',
    reasons: '理由及建议',
    legalOffice: '法制审核机构',
    reviewers: '审核人员',
    'reviewers[]': '姓名',
    reviewDate: '审核日期',
  },
  blocks: [
    { type: 'paragraph', text: '{submittingUnit}：', indent: false, align: 'left' },
    {
      type: 'paragraph',
      text:
        '你（单位）于{submittedOn|date}送审的{caseName}，拟对当事人{party.name}作出{proposedDecision}的决定，属于重大执法决定（{majorReason}）。' +
        '依据《中华人民共和国行政处罚法》第五十八条的规定，本机构对送审材料进行了法制审核，审核情况如下：',
    },
    {
      type: 'table',
      rows: 'items',
      columns: [
        { header: '审核事项', value: '{point}', width: 34, align: 'left' },
        { header: '审核结论', value: '{verdict}', width: 16 },
        { header: '说明', value: '{note}', width: 50, align: 'left', optional: true },
      ],
    },
    { type: 'paragraph', lead: '审核意见：', text: '{opinion}' },
    { type: 'paragraph', lead: '理由及建议：', text: '{reasons}' },
    { type: 'signature', org: false, seal: false, lines: ['{legalOffice}', '审核人员：{reviewers|names}'], date: '{reviewDate}' },
  ],
  sample: {
    ...sampleCase,
    submittingUnit: '第二市场监管所',
    submittedOn: '2026-10-12',
    proposedDecision: '没收涉案食品和违法所得336元、罚款50000元',
    majorReason: '举行听证后拟作出的行政处罚决定',
    items: [
      { point: '执法主体是否合法', verdict: '合法', note: '本局依法具有食品安全监督管理职权。' },
      { point: '执法人员是否具备执法资格', verdict: '具备', note: '李明、赵敏均持有有效行政执法证。' },
      { point: '主要事实是否清楚', verdict: '清楚', note: '购进、销售数量及货值金额均有证据证明。' },
      { point: '证据是否确凿、充分', verdict: '确凿充分', note: '现场笔录、询问笔录、进货单据相互印证。' },
      { point: '适用法律法规规章是否准确', verdict: '准确', note: '定性及处罚依据条款适用正确。' },
      { point: '执行裁量基准是否适当', verdict: '适当', note: '在法定幅度内从轻处罚，理由充分。' },
      { point: '程序是否合法', verdict: '合法', note: '立案、调查、告知、听证程序符合规定。' },
      { point: '是否超越职权或者滥用职权', verdict: '否', note: '' },
      { point: '执法文书是否规范齐备', verdict: '规范齐备', note: '' },
      { point: '是否涉嫌犯罪需要移送司法机关', verdict: '否', note: '货值金额未达到刑事追诉标准。' },
    ],
    opinion: '同意',
    reasons: '本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意办案机构的处理意见。',
    legalOffice: '示例区市场监督管理局法制审核科',
    reviewers: ['孙丽', '周涛'],
    reviewDate: '2026-10-21',
  },
};
