/**
 * 决定: 行政处罚决定书 (行政处罚法 第五十九条 lists what it must state), 当场行政处罚决定书 (第五十二条;
 * reconsideration first, 行政复议法 第二十三条), 不予行政处罚决定书 (第三十三条).
 */
import type { InstrumentTemplate } from '../model.ts';
import { partyBlock, remediesParagraph, sampleCase, sampleOfficers, sampleParty } from './common.ts';
import { SAMR_FORMS } from './approvals.ts';

/**
 * 履行方式和期限: 15 days (行政处罚法 第六十七条第三款 "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者
 * 通过电子支付系统缴纳罚款"). What is paid is every money penalty of the decision — 罚款 and 没收违法所得 (`payable`,
 * each line in `payableLines`, the total when there are several); the value of confiscated property is not money
 * to pay. The late fee is on the fine only (第七十二条第一款第（一）项 "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，
 * 加处罚款的数额不得超出罚款的数额").
 */
const paymentParagraphs = [
  {
    type: 'paragraph' as const,
    when: 'payableSeveral',
    text:
      '当事人应当自收到本行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚没款共计{payable|yuan}（大写：人民币{payable|yuanUpper}），其中{payableLines}' +
      '（《中华人民共和国行政处罚法》第六十七条第三款）。',
  },
  {
    type: 'paragraph' as const,
    when: 'payable',
    unless: 'payableSeveral',
    text: '当事人应当自收到本行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳{payableLines}（大写：人民币{payable|yuanUpper}）（《中华人民共和国行政处罚法》第六十七条第三款）。',
  },
  {
    type: 'paragraph' as const,
    when: 'fine',
    text: '到期不缴纳罚款的，本局可以依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。',
  },
  { type: 'paragraph' as const, when: 'paymentNote', text: '{paymentNote}' },
];

export const penaltyDecision: InstrumentTemplate = {
  kind: 'penaltyDecision',
  title: '行政处罚决定书',
  family: '决定',
  version: 2,
  numberPattern: '{orgShort}市监处罚〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政处罚法》第五十九条`,
  blocks: [
    partyBlock(),
    { type: 'spacer', lines: 0.5 },
    { type: 'paragraph', text: '{caseIntro}' },
    { type: 'paragraph', text: '经查，{facts}' },
    { type: 'paragraph', text: '上述事实，主要有以下证据证明：' },
    { type: 'list', items: 'evidence' },
    { type: 'paragraph', text: '{noticeAndDefence}' },
    { type: 'paragraph', when: 'hearingSummary', text: '{hearingSummary}' },
    { type: 'paragraph', text: '本局认为，当事人的上述行为违反了{violatedProvision}的规定，构成{violation}。' },
    { type: 'paragraph', when: 'discretion', text: '{discretion}' },
    { type: 'paragraph', text: '依据{penaltyBasis}的规定，本局决定对当事人作出如下行政处罚：' },
    { type: 'list', items: 'penalties' },
    ...paymentParagraphs,
    remediesParagraph('行政处罚决定'),
    {
      type: 'paragraph',
      unless: 'noPublicity',
      text: '依据《市场监督管理行政处罚信息公示规定》第八条的规定，本行政处罚决定信息将通过国家企业信用信息公示系统向社会公示。',
    },
    { type: 'signature' },
  ],
  sample: {
    ...sampleCase,
    caseIntro:
      '2026年8月28日，本局接到消费者投诉，反映当事人销售超过保质期的食品。2026年9月2日，本局执法人员对当事人经营场所进行了现场检查，对涉案食品依法予以先行登记保存。' +
      '经批准，本局于2026年9月3日对当事人涉嫌经营超过保质期食品一案立案调查。',
    noticeAndDefence:
      '2026年10月12日，本局向当事人送达了《行政处罚告知书》（示市监罚告〔2026〕7号），告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有陈述、申辩和要求听证的权利。当事人于2026年10月13日提出听证要求。',
    hearingSummary:
      '本局于2026年10月20日依法公开举行听证。当事人对违法事实和证据无异议，以初次违法、货值金额较小、已主动下架为由请求从轻处罚。本局经复核认为，当事人的意见已在裁量中予以考虑。',
    fine: 5000000,
    payable: 5033600,
    payableLines: '罚款50000元、没收违法所得336元',
    payableSeveral: true,
    paymentNote: '缴款方式：凭本决定书所附《非税收入一般缴款书》，到指定的银行或者通过电子支付系统缴纳。',
  },
};

export const summaryPenaltyDecision: InstrumentTemplate = {
  kind: 'summaryPenaltyDecision',
  title: '当场行政处罚决定书',
  family: '决定',
  version: 1,
  numberPattern: '{orgShort}市监当罚〔{year}〕{n}号',
  numberPlacement: 'center',
  source: `${SAMR_FORMS}；《中华人民共和国行政处罚法》第五十一条、第五十二条；《中华人民共和国行政复议法》第二十三条`,
  labels: { occurredAt: '违法行为时间', penalty: '处罚内容', collectedOnSite: '当场收缴罚款' },
  blocks: [
    partyBlock(),
    {
      type: 'fields',
      lines: [
        { label: '违法行为时间', value: '{occurredAt|datetime}' },
        { label: '违法行为地点', value: '{place}' },
      ],
    },
    { type: 'paragraph', text: '经查，{facts}' },
    {
      type: 'paragraph',
      text: '当事人的上述行为违反了{violatedProvision}的规定。依据{penaltyBasis}及《中华人民共和国行政处罚法》第五十一条、第五十二条的规定，决定给予当事人如下行政处罚：{penalty}',
    },
    {
      type: 'paragraph',
      when: 'fine',
      unless: 'collectedOnSite',
      text:
        '当事人应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款{fine|yuan}（《中华人民共和国行政处罚法》第五十三条、第六十七条第三款）。' +
        '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额（同法第七十二条第一款第（一）项）。',
    },
    {
      type: 'paragraph',
      when: 'collectedOnSite',
      text: '依据《中华人民共和国行政处罚法》第六十八条的规定，执法人员当场收缴罚款{fine|yuan}，并向当事人出具专用票据。',
    },
    {
      type: 'paragraph',
      text:
        '当事人对本决定不服的，应当自收到本决定书之日起六十日内先向{reconsiderationBody}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼' +
        '（《中华人民共和国行政复议法》第二十条、第二十三条，《中华人民共和国行政诉讼法》第四十五条）。申请行政复议或者提起行政诉讼期间，行政处罚不停止执行，法律另有规定的除外。',
    },
    { type: 'fields', lines: [{ label: '执法人员', value: '{officers|officers}' }] },
    { type: 'signLines', lines: ['当事人签收：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（当事人拒绝签收的，由执法人员注明）'] },
    { type: 'signature' },
    { type: 'note', text: '注：本决定书当场交付当事人（《中华人民共和国行政处罚法》第五十二条）。' },
  ],
  sample: {
    party: { ...sampleParty, name: '示例区好邻居水果店', uscc: '92990105MA01JKLM6K', legalRep: '赵小兵', address: '示例市示例区建设路16号' },
    occurredAt: '2026-11-23T10:20',
    place: '示例市示例区建设路16号店内',
    facts: '当事人经营的水果未按规定明码标价，货架上6种水果均未标示价格。',
    violatedProvision: '《中华人民共和国价格法》第十三条第一款和《明码标价和禁止价格欺诈规定》第五条',
    penaltyBasis: '《中华人民共和国价格法》第四十二条',
    penalty: '罚款200元。',
    fine: 20000,
    reconsiderationBody: '示例区人民政府',
    officers: sampleOfficers,
  },
};

/**
 * A decision not to punish: 不予行政处罚 on a ground of the law (第三十条、第三十一条、第三十三条), or 免予行政处罚 under an
 * entry of the body's published 免罚清单 (首违不罚、轻微不罚) — kept apart (issue 10 item 3), the same form otherwise.
 */
function reliefDecision(a: {
  kind: string;
  title: string;
  numberWord: string;
  source: string;
  verb: string;
  basisLabel: string;
  basisText: string;
  sampleBasis: string;
}): InstrumentTemplate {
  return {
    kind: a.kind,
    title: a.title,
    family: '决定',
    version: 1,
    numberPattern: `{orgShort}市监${a.numberWord}〔{year}〕{n}号`,
    numberPlacement: 'center',
    source: `${SAMR_FORMS}；${a.source}`,
    labels: { noPenaltyReason: `${a.verb}处罚的理由`, noPenaltyBasis: a.basisLabel, education: '教育情况' },
    blocks: [
      partyBlock(),
      { type: 'spacer', lines: 0.5 },
      { type: 'paragraph', text: '{caseIntro}' },
      { type: 'paragraph', text: '经查，{facts}' },
      { type: 'paragraph', text: '上述事实，主要有以下证据证明：' },
      { type: 'list', items: 'evidence' },
      { type: 'paragraph', when: 'noticeAndDefence', text: '{noticeAndDefence}' },
      {
        type: 'paragraph',
        text: `本局认为，当事人的上述行为违反了{violatedProvision}的规定，鉴于{noPenaltyReason}，依据{noPenaltyBasis}${a.basisText}，本局决定${a.verb}行政处罚。`,
      },
      { type: 'paragraph', when: 'education', text: '依据《中华人民共和国行政处罚法》第三十三条第三款的规定，本局已对当事人进行教育：{education}' },
      remediesParagraph('决定', { notSuspended: false }),
      { type: 'signature' },
    ],
    sample: {
      party: { ...sampleParty, name: '示例区佳惠便利店', uscc: '92990105MA01EFGH3K', legalRep: '张红', address: '示例市示例区光明街12号' },
      caseIntro: '2026年6月10日，本局执法人员在日常检查中发现当事人涉嫌经营标签不符合规定的预包装食品，经批准于2026年6月11日立案调查。',
      facts:
        '当事人在售的“好味”牌饼干（规格：300克/袋）5袋，标签未标注食品生产许可证编号。当事人系初次违法，货值金额75元，尚未售出，已于检查当日全部下架并退回供货商。',
      evidence: ['2026年6月10日现场笔录1份及现场照片3张；', '对当事人经营者张红的询问笔录1份；', '退货凭证1份。'],
      violatedProvision: '《中华人民共和国食品安全法》第六十七条第一款',
      noPenaltyReason: '当事人系初次违法且危害后果轻微并及时改正',
      noPenaltyBasis: a.sampleBasis,
      education: '向当事人讲解了预包装食品标签的法定要求，当事人承诺加强进货查验。',
      reconsiderationBody: '示例区人民政府',
      court: '示例区人民法院',
    },
  };
}

export const noPenaltyDecision = reliefDecision({
  kind: 'noPenaltyDecision',
  title: '不予行政处罚决定书',
  numberWord: '不罚',
  source: '《中华人民共和国行政处罚法》第三十三条',
  verb: '不予',
  basisLabel: '不予处罚的依据',
  basisText: '的规定',
  sampleBasis: '《中华人民共和国行政处罚法》第三十三条第一款',
});

export const exemptionDecision = reliefDecision({
  kind: 'exemptionDecision',
  title: '免予行政处罚决定书',
  numberWord: '免罚',
  source: '《中华人民共和国行政处罚法》第三十三条；本局免罚清单',
  verb: '免予',
  basisLabel: '免予处罚的依据（免罚清单事项）',
  basisText: '',
  sampleBasis: '本局公布的首违不罚清单第3项（《中华人民共和国行政处罚法》第三十三条第一款）',
});
