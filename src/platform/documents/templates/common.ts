/**
 * What the instrument templates share: the Chinese names of the data fields, the party block, the
 * contact block, the remedies paragraph, and the sample case the samples are drawn from.
 *
 * Data conventions (the case module fills these): dates YYYY-MM-DD, date-times YYYY-MM-DDTHH:mm
 * (China Standard Time), money in integer 分, officers as {name, certNo}.
 */
import type { Block, FieldsBlock } from '../model.ts';

/** Chinese names of the data paths, shared by every template (a template may add its own). */
export const sharedLabels: Record<string, string> = {
  party: '当事人',
  'party.name': '当事人名称（姓名）',
  'party.licenceName': '主体资格证照名称',
  'party.uscc': '统一社会信用代码',
  'party.idNumber': '当事人身份证件号码',
  'party.address': '当事人住所（住址）',
  'party.legalRep': '法定代表人（负责人、经营者）',
  'party.legalRepId': '法定代表人（负责人）身份证件号码',
  'party.phone': '当事人联系电话',
  caseName: '案件名称',
  cause: '案由',
  source: '案件来源',
  unit: '承办机构',
  handlers: '承办人员',
  'handlers[].name': '姓名',
  'handlers[].certNo': '执法证号',
  filedOn: '立案日期',
  facts: '违法事实',
  evidence: '证据',
  'evidence[]': '内容',
  evidenceSummary: '证据名称',
  violatedProvision: '违反的规定',
  violation: '违法行为定性',
  penaltyBasis: '处罚依据',
  penalties: '处罚内容',
  'penalties[]': '内容',
  discretion: '裁量理由',
  discretionProposed: '裁量理由（告知）',
  fine: '罚款金额（分）',
  payable: '应缴罚没款合计（分）',
  payableLines: '应缴罚没款各项',
  payableSeveral: '罚没款是否多项',
  paymentNote: '缴款说明',
  caseIntro: '案件来源及调查经过',
  noticeAndDefence: '告知及陈述申辩、听证情况',
  hearingSummary: '听证情况',
  hearingEligible: '是否告知听证权利',
  reconsiderationBody: '行政复议机关',
  court: '管辖人民法院',
  noPublicity: '不予公示',
  'contact.name': '联系人',
  'contact.phone': '联系电话',
  'contact.address': '联系地址',
  remarks: '备注',
  summary: '简要案情',
  handlerOpinion: '承办人意见',
  handlerDate: '承办人签署日期',
  unitOpinion: '办案机构负责人意见',
  unitHead: '办案机构负责人',
  unitDate: '办案机构负责人签署日期',
  leaderOpinion: '部门负责人审批意见',
  leader: '部门负责人',
  leaderDate: '部门负责人签署日期',
  receivedOn: '受理（发现）日期',
  startAt: '开始时间',
  endAt: '结束时间',
  place: '地点',
  recorder: '记录人',
  'recorder.name': '记录人姓名',
  'recorder.certNo': '记录人执法证号',
  officers: '执法人员',
  'officers[].name': '姓名',
  'officers[].certNo': '执法证号',
  recusalAnswer: '是否申请回避的回答',
  proposedPenalty: '拟处罚内容',
};

/**
 * 当事人 block of the decisions and notices (市场监督管理行政处罚文书格式范本): name, the code
 * (统一社会信用代码 for an entity, a personal id for a natural person), address, and for an entity its
 * legal representative.
 */
export const partyBlock = (label = '当事人'): FieldsBlock => ({
  type: 'fields',
  lines: [
    { label, value: '{party.name}' },
    { label: '主体资格证照名称', value: '{party.licenceName}', optional: true },
    { label: '统一社会信用代码', value: '{party.uscc}', when: 'party.uscc' },
    { label: '身份证件号码', value: '{party.idNumber||party.uscc}', unless: 'party.uscc' },
    { label: '住所（住址）', value: '{party.address}' },
    { label: '法定代表人（负责人、经营者）', value: '{party.legalRep}', when: 'party.uscc' },
    { label: '联系电话', value: '{party.phone}', optional: true },
  ],
});

/** 联系人 block at the end of a notice. */
export const contactBlock: FieldsBlock = {
  type: 'fields',
  lines: [
    { label: '联系人', value: '{contact.name}' },
    { label: '联系电话', value: '{contact.phone}' },
    { label: '联系地址', value: '{contact.address}', optional: true },
  ],
};

/** The addressee line of a notice: 示例市某某食品贸易有限公司： */
export const addressee = (path = 'party.name'): Block => ({ type: 'paragraph', text: `{${path}}：`, indent: false, align: 'left' });

/**
 * 救济途径和期限 (行政处罚法 第五十九条第一款第（五）项): reconsideration within 60 days (行政复议法 2023
 * 第二十条), or a lawsuit within 6 months (行政诉讼法 第四十六条); the decision is executed meanwhile
 * (行政处罚法 第七十三条).
 */
export const remediesParagraph = (what: string, o: { notSuspended?: boolean } = {}): Block => ({
  type: 'paragraph',
  text:
    `当事人如不服本${what}，可以自收到本${what}之日起六十日内向{reconsiderationBody}申请行政复议（《中华人民共和国行政复议法》第二十条），` +
    `也可以自收到本${what}之日起六个月内依法向{court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。` +
    (o.notSuspended === false ? '' : '申请行政复议或者提起行政诉讼期间，行政处罚不停止执行，法律另有规定的除外（《中华人民共和国行政处罚法》第七十三条）。'),
});

/** Blank signature line for hand signing: 被询问人签名：＿＿＿＿  年  月  日 */
export const signLine = (label: string) => `${label}：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日`;

// ─── the sample case every sample is drawn from ─────────────────────────────

export const sampleParty = {
  name: '示例市鲜味源食品贸易有限公司',
  licenceName: '营业执照',
  uscc: '91990105MA01ABCD2W',
  address: '示例市示例区和平路88号',
  legalRep: '王建国',
  phone: '0999-12345678',
};

export const sampleOfficers = [
  { name: '李明', certNo: '99010520220017' },
  { name: '赵敏', certNo: '99010520230042' },
];

export const sampleCase = {
  party: sampleParty,
  caseName: '示例市鲜味源食品贸易有限公司经营超过保质期食品案',
  cause: '经营超过保质期的食品',
  source: '投诉举报',
  unit: '第二市场监管所',
  handlers: sampleOfficers,
  filedOn: '2026-09-03',
  facts:
    '当事人于2026年8月20日从示例市某食品批发市场购进“鲜味源”牌牛肉干（规格：200克/袋，保质期至2026年8月15日）30袋，进货价每袋18元，' +
    '在其经营场所货架上以每袋28元的价格对外销售。截至2026年9月2日本局执法人员现场检查时，当事人已售出12袋，尚有18袋在售，货值金额共计840元，违法所得336元。',
  evidence: [
    '当事人营业执照、食品经营许可证复印件各1份，证明当事人的主体资格；',
    '2026年9月2日现场笔录1份及现场照片6张，证明当事人经营超过保质期食品的现场情况；',
    '2026年9月5日对当事人法定代表人王建国的询问笔录1份，证明当事人购进、销售涉案食品的经过及数量；',
    '进货单据及销售记录复印件各1份，证明涉案食品的进货价格、销售价格和销售数量。',
  ],
  evidenceSummary: '现场笔录、现场照片、询问笔录、进货单据及销售记录',
  violatedProvision: '《中华人民共和国食品安全法》第三十四条第（十）项',
  violation: '经营超过保质期的食品的违法行为',
  penaltyBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
  penalties: ['没收超过保质期的“鲜味源”牌牛肉干18袋；', '没收违法所得336元；', '罚款50000元。'],
  discretion:
    '当事人违法经营的食品货值金额不足一万元，案发后积极配合调查，主动下架涉案食品，依据《示例市市场监督管理行政处罚裁量权适用规则》，在法定幅度内按一般情形从轻处罚。',
  fine: 5000000,
  reconsiderationBody: '示例区人民政府',
  court: '示例区人民法院',
  contact: { name: '李明', phone: '0999-87654321', address: '示例市示例区人民路1号' },
};
