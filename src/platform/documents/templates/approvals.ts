/** 审批表: 立案审批表, 不予立案审批表, 结案审批表 — form grids signed off by the handler, the unit head and the leader. */
import type { FormCell, InstrumentTemplate } from '../model.ts';
import { sampleCase, sampleParty } from './common.ts';

export const SAMR_FORMS = '参照《市场监督管理行政处罚文书格式范本》（2021年修订）';

const W = [19, 31, 19, 31];
const wide = (label: string, cell: Omit<FormCell, 'colSpan'>): FormCell[] => [{ label }, { ...cell, colSpan: 3 }];

/** The three sign-offs every 审批表 ends with. */
const signOffs = (handlerLabel = '承办人意见'): FormCell[][] => [
  wide(handlerLabel, { text: '{handlerOpinion}', sign: '承办人：{handlers|names}\u3000\u3000{handlerDate|date}', minHeight: 18 }),
  // written only when the unit head's own opinion is on the record; otherwise left for the unit head's hand
  wide('办案机构负责人意见', { text: '{unitOpinion}', sign: '负责人：{unitHead}\u3000\u3000{unitDate|date}', minHeight: 16, optional: true }),
  wide('部门负责人审批意见', { text: '{leaderOpinion}', sign: '负责人：{leader}\u3000\u3000{leaderDate|date}', minHeight: 16 }),
];

const partyRows: FormCell[][] = [
  wide('当事人', { text: '{party.name}' }),
  [{ label: '统一社会信用代码（身份证件号码）' }, { text: '{party.uscc||party.idNumber}' }, { label: '联系电话' }, { text: '{party.phone}', optional: true }],
  wide('住所（住址）', { text: '{party.address}' }),
  [{ label: '法定代表人（负责人）' }, { text: '{party.legalRep}', optional: true }, { label: '承办机构' }, { text: '{unit}' }],
];

const approvals = {
  handlerDate: '2026-09-03',
  unitHead: '陈志强',
  unitDate: '2026-09-03',
  leader: '刘卫东',
  leaderDate: '2026-09-03',
};

export const filingApproval: InstrumentTemplate = {
  kind: 'filingApproval',
  title: '立案审批表',
  family: '立案',
  version: 2,
  numberPattern: '{orgShort}市监立审〔{year}〕{n}号',
  numberPlacement: 'right',
  source: SAMR_FORMS,
  labels: { summary: '简要案情及立案依据' },
  blocks: [
    {
      type: 'form',
      widths: W,
      rows: [
        [{ label: '案件来源' }, { text: '{source}' }, { label: '受理（发现）日期' }, { text: '{receivedOn|date}' }],
        wide('案由', { text: '{cause}' }),
        ...partyRows,
        wide('简要案情及立案依据', { text: '{summary}', minHeight: 30 }),
        ...signOffs(),
        wide('备注', { text: '{remarks}', optional: true, minHeight: 10 }),
      ],
    },
  ],
  sample: {
    ...sampleCase,
    receivedOn: '2026-08-28',
    summary:
      '2026年8月28日，本局接到消费者投诉，反映当事人销售的“鲜味源”牌牛肉干已超过保质期。2026年9月2日，执法人员对当事人经营场所进行现场检查，发现货架上在售的该牛肉干18袋，标注保质期至2026年8月15日。' +
      '当事人涉嫌违反《中华人民共和国食品安全法》第三十四条第（十）项的规定，有违法事实，属于本局管辖，在行政处罚时效内，依据《中华人民共和国行政处罚法》第五十四条第二款的规定，建议立案调查。',
    handlerOpinion: '建议立案，由李明、赵敏承办。',
    unitOpinion: '同意立案。',
    leaderOpinion: '同意立案。',
    ...approvals,
  },
};

export const nonFilingApproval: InstrumentTemplate = {
  kind: 'nonFilingApproval',
  title: '不予立案审批表',
  family: '立案',
  version: 2,
  numberPattern: '{orgShort}市监不立审〔{year}〕{n}号',
  numberPlacement: 'right',
  source: SAMR_FORMS,
  labels: { summary: '核查情况', reason: '不予立案理由及依据' },
  blocks: [
    {
      type: 'form',
      widths: W,
      rows: [
        [{ label: '案件来源' }, { text: '{source}' }, { label: '受理（发现）日期' }, { text: '{receivedOn|date}' }],
        wide('涉嫌违法行为', { text: '{cause}' }),
        ...partyRows,
        wide('核查情况', { text: '{summary}', minHeight: 30 }),
        wide('不予立案理由及依据', { text: '{reason}', minHeight: 20 }),
        ...signOffs(),
        wide('备注', { text: '{remarks}', optional: true, minHeight: 10 }),
      ],
    },
  ],
  sample: {
    party: { ...sampleParty, name: '示例区佳惠便利店', uscc: '92990105MA01EFGH3K', legalRep: '张红', address: '示例市示例区光明街12号' },
    source: '投诉举报',
    cause: '涉嫌销售未标注生产日期的散装食品',
    unit: '第二市场监管所',
    handlers: [
      { name: '李明', certNo: '99010520220017' },
      { name: '赵敏', certNo: '99010520230042' },
    ],
    receivedOn: '2026-08-10',
    summary: '执法人员于2026年8月12日对当事人经营场所进行核查，在售散装食品均已按规定标注生产日期、保质期及生产者信息，未发现举报反映的违法行为。',
    reason: '经核查，没有证据证明存在违法事实，依据《中华人民共和国行政处罚法》第五十四条第二款的规定，建议不予立案，并将核查结果告知举报人。',
    handlerOpinion: '建议不予立案。',
    unitOpinion: '同意不予立案。',
    leaderOpinion: '同意。',
    ...approvals,
    handlerDate: '2026-08-13',
    unitDate: '2026-08-13',
    leaderDate: '2026-08-14',
  },
};

export const closureApproval: InstrumentTemplate = {
  kind: 'closureApproval',
  title: '结案审批表',
  family: '结案',
  version: 2,
  numberPattern: '{orgShort}市监结审〔{year}〕{n}号',
  numberPlacement: 'right',
  source: SAMR_FORMS,
  labels: { decisionNumber: '处理决定文书文号', outcome: '处理结果', execution: '执行情况' },
  blocks: [
    {
      type: 'form',
      widths: W,
      rows: [
        wide('案件名称', { text: '{caseName}' }),
        wide('当事人', { text: '{party.name}' }),
        [{ label: '立案日期' }, { text: '{filedOn|date}' }, { label: '处理决定文书文号' }, { text: '{decisionNumber}', optional: true }],
        [{ label: '承办机构' }, { text: '{unit}' }, { label: '承办人' }, { text: '{handlers|names}' }],
        wide('处理结果', { text: '{outcome}', minHeight: 20 }),
        wide('执行情况', { text: '{execution}', minHeight: 24 }),
        ...signOffs(),
        wide('备注', { text: '{remarks}', optional: true, minHeight: 10 }),
      ],
    },
  ],
  sample: {
    ...sampleCase,
    decisionNumber: '示市监处罚〔2026〕12号',
    outcome: '没收超过保质期的“鲜味源”牌牛肉干18袋，没收违法所得336元，罚款50000元。',
    execution:
      '行政处罚决定书已于2026年10月28日直接送达当事人。当事人于2026年11月6日缴纳罚没款50336元（缴款凭证附卷），没收物品已于2026年11月10日依法销毁，行政处罚决定已执行完毕。',
    handlerOpinion: '行政处罚决定已执行完毕，建议结案。',
    unitOpinion: '同意结案。',
    leaderOpinion: '同意结案。',
    handlerDate: '2026-11-12',
    unitHead: '陈志强',
    unitDate: '2026-11-12',
    leader: '刘卫东',
    leaderDate: '2026-11-13',
  },
};
