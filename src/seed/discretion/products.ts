/** 产品质量法 (2018) and 计量法 / 计量法实施细则 violations, quoted from laws/. */
import type { CircumstanceRule, PenaltyProvision } from '../../domain/discretion/model.ts';
import {
  V,
  art,
  bothExemptions,
  branch,
  commonCircumstances,
  condition,
  conventionTiers,
  fen,
  present,
  provide,
  times,
  yuan,
  type SampleViolation,
} from './build.ts';

/** 产品质量法 第五十五条: a seller who did not know and names the supplier — 可以从轻或者减轻处罚. */
const sellerUnaware: CircumstanceRule = {
  id: 'sellerUnaware',
  label: '销售者有充分证据证明不知道该产品为禁止销售的产品并如实说明其进货来源',
  kind: 'statutory',
  effect: 'lighterOrMitigate',
  // "可以从轻或者减轻处罚": the law permits, it does not command
  force: 'may',
  articleId: art(V.product, '第五十五条'),
};

/** 第四十九条至第五十三条: a fine of a multiple of the goods value, confiscation, and 吊销营业执照 when serious. */
function goodsValueFine(label: string, minX: number, maxX: number, text: string, confiscation = '没收违法生产、销售的产品'): PenaltyProvision[] {
  const a = art(V.product, label);
  return [
    provide('confiscateIllegalProperty', 'required', a, confiscation),
    provide('fine', 'required', a, text, {
      branches: [branch('multiple', '按货值金额计算', [present('goodsValue')], times('goodsValue', minX), times('goodsValue', maxX), a, text)],
    }),
    provide('confiscateIllegalGains', 'required', a, '有违法所得的，并处没收违法所得'),
    provide('revokeLicence', 'required', a, '情节严重的，吊销营业执照', { onlyIf: 'serious' }),
  ];
}

function productViolation(code: string, name: string, violates: string[], punishLabel: string, provisions: PenaltyProvision[]): SampleViolation {
  const a = art(V.product, punishLabel);
  return {
    code,
    name,
    field: 'productQuality',
    violates: violates.map((l) => art(V.product, l)),
    punishes: [a],
    conditions: [condition('serious', '情节严重', a)],
    provisions,
    benchmark: { tiers: conventionTiers(provisions), circumstances: [...commonCircumstances(), { ...sellerUnaware }], exemptions: [] },
  };
}

const A54 = art(V.product, '第五十四条');
const labelling: PenaltyProvision[] = [
  provide('fine', 'required', A54, '并处违法生产、销售产品货值金额百分之三十以下的罚款', {
    onlyIf: 'packagedSerious',
    branches: [
      branch(
        'multiple',
        '按货值金额计算',
        [present('goodsValue')],
        times('goodsValue', 0),
        times('goodsValue', 0.3),
        A54,
        '并处违法生产、销售产品货值金额百分之三十以下的罚款',
      ),
    ],
  }),
  provide('confiscateIllegalGains', 'required', A54, '有违法所得的，并处没收违法所得', { onlyIf: 'packagedSerious' }),
];

const MT25 = art(V.metrology, '第二十五条');
const MTR43 = art(V.metrologyRules, '第四十三条');
const MT26 = art(V.metrology, '第二十六条');
const MTR46 = art(V.metrologyRules, '第四十六条');
const verification: PenaltyProvision[] = [
  provide('fine', 'optional', MTR43, '可并处1000元以下的罚款', {
    branches: [branch('fixed', '法定幅度', [], fen(0), fen(yuan(1000)), MTR43, '责令其停止使用，可并处1000元以下的罚款')],
  }),
];
const badInstrument: PenaltyProvision[] = [
  provide('confiscateIllegalProperty', 'required', MTR46, '没收计量器具和全部违法所得'),
  provide('confiscateIllegalGains', 'required', MTR46, '没收计量器具和全部违法所得'),
  provide('fine', 'optional', MTR46, '可并处2000元以下的罚款', {
    branches: [branch('fixed', '法定幅度', [], fen(0), fen(yuan(2000)), MTR46, '没收计量器具和全部违法所得，可并处2000元以下的罚款')],
  }),
];

export const productViolations: SampleViolation[] = [
  productViolation(
    'CP-001',
    '生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品',
    ['第十三条'],
    '第四十九条',
    goodsValueFine('第四十九条', 1, 3, '并处违法生产、销售产品（包括已售出和未售出的产品，下同）货值金额等值以上三倍以下的罚款'),
  ),
  productViolation(
    'CP-002',
    '在产品中掺杂、掺假，以假充真，以次充好，或者以不合格产品冒充合格产品',
    ['第三十二条', '第三十九条'],
    '第五十条',
    goodsValueFine('第五十条', 0.5, 3, '并处违法生产、销售产品货值金额百分之五十以上三倍以下的罚款'),
  ),
  productViolation(
    'CP-003',
    '销售失效、变质的产品',
    ['第三十五条'],
    '第五十二条',
    goodsValueFine('第五十二条', 0, 2, '并处违法销售产品货值金额二倍以下的罚款', '没收违法销售的产品'),
  ),
  productViolation(
    'CP-004',
    '伪造产品产地，伪造或者冒用他人厂名、厂址',
    ['第三十七条'],
    '第五十三条',
    goodsValueFine('第五十三条', 0, 1, '并处违法生产、销售产品货值金额等值以下的罚款'),
  ),
  {
    code: 'CP-005',
    name: '产品标识不符合规定',
    field: 'productQuality',
    violates: [art(V.product, '第二十七条')],
    punishes: [A54],
    conditions: [condition('packagedSerious', '有包装的产品标识不符合第二十七条第（四）项、第（五）项规定，情节严重', A54)],
    provisions: labelling,
    benchmark: { tiers: conventionTiers(labelling), circumstances: commonCircumstances(), exemptions: bothExemptions() },
  },
  {
    code: 'JL-001',
    name: '属于强制检定范围的计量器具未按照规定申请检定或者经检定不合格继续使用',
    field: 'metrology',
    violates: [art(V.metrology, '第九条')],
    punishes: [MT25, MTR43],
    conditions: [],
    provisions: verification,
    benchmark: { tiers: conventionTiers(verification), circumstances: commonCircumstances(), exemptions: bothExemptions() },
  },
  {
    code: 'JL-002',
    name: '使用不合格计量器具或者破坏计量器具准确度，给国家和消费者造成损失',
    field: 'metrology',
    violates: [art(V.metrology, '第十六条')],
    punishes: [MT26, MTR46],
    conditions: [],
    provisions: badInstrument,
    benchmark: { tiers: conventionTiers(badInstrument), circumstances: commonCircumstances(), exemptions: [] },
  },
];
