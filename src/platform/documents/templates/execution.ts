/**
 * 执行: 催告书 (行政强制法 第五十四条: before applying to the people's court the body demands performance; the
 * application may follow when the party still has not performed ten days — working days, 第六十九条 — after it was
 * served; what it states follows 第三十五条) and 强制执行申请书 (第五十三条, 第五十五条: the materials the application
 * provides; 行政处罚法 第七十二条第一款第（四）项).
 */
import type { InstrumentTemplate } from '../model.ts';
import { addressee, contactBlock, partyBlock, sampleCase } from './common.ts';

const sampleExecution = {
  ...sampleCase,
  decisionNumber: '示市监处罚〔2026〕12号',
  decidedOn: '2026-03-02',
  decisionServedOn: '2026-03-02',
  obligations: ['罚款50000元，尚未缴纳50000元；', '加处罚款（截至2026年9月3日）50000元；', '没收违法所得336元，尚未缴纳336元。'],
  money: { totalFen: 10033600, asOf: '2026-09-03' },
  demand: { servedOn: '2026-09-03', number: '示市监催〔2026〕3号' },
};

export const enforcementDemand: InstrumentTemplate = {
  kind: 'enforcementDemand',
  title: '催告书',
  family: '送达与执行',
  version: 1,
  numberPattern: '{orgShort}市监催〔{year}〕{n}号',
  numberPlacement: 'center',
  source: '《中华人民共和国行政强制法》第三十五条、第五十四条、第六十九条；《中华人民共和国行政处罚法》第七十二条',
  labels: {
    decisionNumber: '行政处罚决定书文号',
    decidedOn: '决定日期',
    decisionServedOn: '决定书送达日期',
    obligations: '未履行的义务',
    money: '应缴金额',
    'money.totalFen': '应缴金额合计',
    'money.asOf': '计算截止日期',
  },
  blocks: [
    addressee(),
    {
      type: 'paragraph',
      text: '本局于{decidedOn|date}对你（单位）作出{decisionNumber}《行政处罚决定书》，并于{decisionServedOn|date}送达。你（单位）在该决定书载明的期限内未履行下列义务：',
    },
    { type: 'list', items: 'obligations' },
    {
      type: 'paragraph',
      text: '依据《中华人民共和国行政强制法》第五十四条的规定，现催告你（单位）自收到本催告书之日起十日内（工作日，《中华人民共和国行政强制法》第六十九条）履行上述义务。',
    },
    {
      type: 'paragraph',
      when: 'money',
      text:
        '截至{money.asOf|date}，你（单位）应缴金额共计{money.totalFen|yuan}（大写：人民币{money.totalFen|yuanUpper}），请到指定的银行或者通过电子支付系统缴纳。' +
        '罚款未缴清的，每日按罚款数额的百分之三继续加处罚款，加处罚款的数额不得超出罚款的数额（《中华人民共和国行政处罚法》第七十二条第一款第（一）项）。',
    },
    {
      type: 'paragraph',
      text: '你（单位）有权进行陈述和申辩（《中华人民共和国行政强制法》第三十六条）。逾期仍不履行的，本局将依法申请人民法院强制执行（《中华人民共和国行政强制法》第五十三条、第五十四条）。',
    },
    contactBlock,
    { type: 'signature' },
  ],
  sample: sampleExecution,
};

export const enforcementApplication: InstrumentTemplate = {
  kind: 'enforcementApplication',
  title: '强制执行申请书',
  family: '送达与执行',
  version: 1,
  numberPattern: '{orgShort}市监强申〔{year}〕{n}号',
  numberPlacement: 'center',
  source: '《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条；《中华人民共和国行政处罚法》第七十二条第一款第（四）项',
  labels: {
    decisionNumber: '行政处罚决定书文号',
    decidedOn: '决定日期',
    decisionServedOn: '决定书送达日期',
    obligations: '申请强制执行的义务',
    'demand.servedOn': '催告书送达日期',
    'demand.number': '催告书文号',
    court: '受理申请的人民法院',
  },
  blocks: [
    { type: 'fields', lines: [{ label: '申请人', value: '{org.name}' }] },
    partyBlock('被申请人'),
    { type: 'paragraph', text: '申请事项：请求依法强制执行本局{decisionNumber}《行政处罚决定书》确定的下列义务：' },
    { type: 'list', items: 'obligations' },
    {
      type: 'paragraph',
      text:
        '事实和理由：本局于{decidedOn|date}对被申请人作出{decisionNumber}《行政处罚决定书》，并于{decisionServedOn|date}送达。' +
        '被申请人在法定期限内未申请行政复议或者提起行政诉讼，又不履行行政处罚决定。本局于{demand.servedOn|date}向被申请人送达{demand.number}《催告书》，催告书送达十日后被申请人仍未履行义务。' +
        '依据《中华人民共和国行政处罚法》第七十二条第一款第（四）项、《中华人民共和国行政强制法》第五十三条、第五十四条的规定，特申请你院强制执行。',
    },
    { type: 'paragraph', text: '此致', indent: true },
    { type: 'paragraph', text: '{court}', indent: false, align: 'left' },
    {
      type: 'paragraph',
      text: '附：1. 行政处罚决定书及作出决定的事实、理由和依据；2. 当事人的意见及本局催告情况；3. 申请强制执行标的情况；4. 法律、行政法规规定的其他材料（《中华人民共和国行政强制法》第五十五条）。',
    },
    { type: 'signature' },
  ],
  sample: sampleExecution,
};
