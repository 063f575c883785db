/**
 * 价格法 / 明码标价和禁止价格欺诈规定, 反不正当竞争法, 商标法, 电子商务法, 消费者权益保护法 /
 * 侵害消费者权益行为处罚办法 violations, quoted from laws/.
 */
import { firstOffenceExemption, minorOffenceExemption } from '../../domain/discretion/circumstances.ts';
import type { CircumstanceRule, ExemptionRule, PenaltyProvision } from '../../domain/discretion/model.ts';
import {
  V,
  anyOf,
  art,
  atLeast,
  below,
  bothExemptions,
  branch,
  commonCircumstances,
  cond,
  condition,
  conventionTiers,
  fen,
  missing,
  notCond,
  present,
  provide,
  row,
  times,
  wan,
  yuan,
  type SampleViolation,
} from './build.ts';

// ─── 明码标价 ───────────────────────────────────────────────────────────
const P42 = art(V.price, '第四十二条');
const MB22 = art(V.priceTag, '第二十二条');
const MB26 = art(V.priceTag, '第二十六条');
const priceTag: PenaltyProvision[] = [
  provide('confiscateIllegalGains', 'required', P42, '没收违法所得'),
  provide('fine', 'optional', P42, '可以并处五千元以下的罚款', {
    branches: [branch('fixed', '法定幅度', [], fen(0), fen(yuan(5000)), P42, '经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款')],
  }),
];
/** 明码标价和禁止价格欺诈规定 第二十六条 第一款. */
const refunded: CircumstanceRule = {
  id: 'priceRefunded',
  label: '主动消除或者减轻危害后果，及时退还消费者或者其他经营者多付价款',
  kind: 'statutory',
  effect: 'lighterOrMitigate',
  articleId: MB26,
};
const priceTagBenchmark = () => ({
  tiers: conventionTiers(priceTag, [
    row('lighter', 'fine', { kind: 'amount', minFen: 0, maxFen: yuan(1000) }, null, '一千元以下'),
    row('standard', 'fine', { kind: 'amount', minFen: yuan(1000), maxFen: yuan(3000) }, null, '一千元以上三千元以下'),
    row('heavier', 'fine', { kind: 'amount', minFen: yuan(3000), maxFen: yuan(5000) }, null, '三千元以上五千元以下'),
  ]),
  circumstances: [...commonCircumstances(), refunded],
  exemptions: [minorOffenceExemption(MB26), firstOffenceExemption(MB26)],
});

// ─── 反不正当竞争法 ──────────────────────────────────────────────────────
const U18 = art(V.competition, '第十八条');
const U19 = art(V.competition, '第十九条');
const U20 = art(V.competition, '第二十条');
const U25 = art(V.competition, '第二十五条');
const confusion: PenaltyProvision[] = [
  provide('confiscateIllegalProperty', 'required', U18, '没收违法商品'),
  provide(
    'fine',
    'optional',
    U18,
    '违法经营额五万元以上的，可以并处违法经营额五倍以下的罚款；没有违法经营额或者违法经营额不足五万元的，可以并处二十五万元以下的罚款',
    {
      branches: [
        branch(
          'multiple',
          '违法经营额五万元以上',
          [atLeast('illegalTurnover', wan(5))],
          times('illegalTurnover', 0),
          times('illegalTurnover', 5),
          U18,
          '违法经营额五万元以上的，可以并处违法经营额五倍以下的罚款',
        ),
        branch(
          'fixed',
          '没有违法经营额或者违法经营额不足五万元',
          [anyOf(missing('illegalTurnover'), below('illegalTurnover', wan(5)))],
          fen(0),
          fen(wan(25)),
          U18,
          '没有违法经营额或者违法经营额不足五万元的，可以并处二十五万元以下的罚款',
        ),
      ],
    },
  ),
  provide('revokeLicence', 'required', U18, '情节严重的，吊销营业执照', { onlyIf: 'serious' }),
];
const falsePromotion: PenaltyProvision[] = [
  provide('fine', 'required', U20, '处二十万元以上一百万元以下的罚款', {
    branches: [
      branch('serious', '情节严重', [cond('serious')], fen(wan(100)), fen(wan(200)), U20, '情节严重的，处一百万元以上二百万元以下的罚款'),
      branch('fixed', '一般', [notCond('serious')], fen(wan(20)), fen(wan(100)), U20, '处二十万元以上一百万元以下的罚款'),
    ],
  }),
  provide('revokeLicence', 'optional', U20, '可以吊销营业执照', { onlyIf: 'serious' }),
];
const bribery: PenaltyProvision[] = [
  provide('confiscateIllegalGains', 'required', U19, '没收违法所得'),
  provide('fine', 'required', U19, '处十万元以上三百万元以下的罚款', {
    branches: [branch('fixed', '法定幅度', [], fen(wan(10)), fen(wan(300)), U19, '处十万元以上三百万元以下的罚款')],
  }),
  provide('revokeLicence', 'required', U19, '情节严重的，吊销营业执照', { onlyIf: 'serious' }),
];

// ─── 商标法 ─────────────────────────────────────────────────────────────
const T60 = art(V.trademark, '第六十条');
const T52 = art(V.trademark, '第五十二条');
const infringement: PenaltyProvision[] = [
  provide('confiscateIllegalProperty', 'required', T60, '没收、销毁侵权商品和主要用于制造侵权商品、伪造注册商标标识的工具'),
  provide(
    'fine',
    'optional',
    T60,
    '违法经营额五万元以上的，可以处违法经营额五倍以下的罚款，没有违法经营额或者违法经营额不足五万元的，可以处二十五万元以下的罚款',
    {
      branches: [
        branch(
          'multiple',
          '违法经营额五万元以上',
          [atLeast('illegalTurnover', wan(5))],
          times('illegalTurnover', 0),
          times('illegalTurnover', 5),
          T60,
          '违法经营额五万元以上的，可以处违法经营额五倍以下的罚款',
        ),
        branch(
          'fixed',
          '没有违法经营额或者违法经营额不足五万元',
          [anyOf(missing('illegalTurnover'), below('illegalTurnover', wan(5)))],
          fen(0),
          fen(wan(25)),
          T60,
          '没有违法经营额或者违法经营额不足五万元的，可以处二十五万元以下的罚款',
        ),
      ],
    },
  ),
];
const trademarkCircumstances = (): CircumstanceRule[] => [
  ...commonCircumstances(),
  { id: 'trademarkRepeat', label: '五年内实施两次以上商标侵权行为或者有其他严重情节', kind: 'statutory', effect: 'heavier', articleId: T60 },
  {
    id: 'trademarkSellerUnaware',
    label: '销售不知道是侵犯注册商标专用权的商品，能证明该商品是自己合法取得并说明提供者',
    kind: 'statutory',
    effect: 'noPenalty',
    articleId: T60,
  },
];
const fakeRegistered: PenaltyProvision[] = [
  provide('publicCriticism', 'optional', T52, '并可以予以通报'),
  provide(
    'fine',
    'optional',
    T52,
    '违法经营额五万元以上的，可以处违法经营额百分之二十以下的罚款，没有违法经营额或者违法经营额不足五万元的，可以处一万元以下的罚款',
    {
      branches: [
        branch(
          'multiple',
          '违法经营额五万元以上',
          [atLeast('illegalTurnover', wan(5))],
          times('illegalTurnover', 0),
          times('illegalTurnover', 0.2),
          T52,
          '违法经营额五万元以上的，可以处违法经营额百分之二十以下的罚款',
        ),
        branch(
          'fixed',
          '没有违法经营额或者违法经营额不足五万元',
          [anyOf(missing('illegalTurnover'), below('illegalTurnover', wan(5)))],
          fen(0),
          fen(wan(1)),
          T52,
          '没有违法经营额或者违法经营额不足五万元的，可以处一万元以下的罚款',
        ),
      ],
    },
  ),
];

// ─── 电子商务法 ──────────────────────────────────────────────────────────
const E76 = art(V.ecommerce, '第七十六条');
const E81 = art(V.ecommerce, '第八十一条');
const licenceDisplay: PenaltyProvision[] = [
  provide('fine', 'optional', E76, '可以处一万元以下的罚款', {
    branches: [branch('fixed', '法定幅度', [], fen(0), fen(wan(1)), E76, '由市场监督管理部门责令限期改正，可以处一万元以下的罚款')],
  }),
];
const reviews: PenaltyProvision[] = [
  provide('fine', 'optional', E81, '可以处二万元以上十万元以下的罚款', {
    branches: [
      // "情节严重的，处十万元以上五十万元以下的罚款": 处, not 可以处 — the fine is mandatory in this branch
      { ...branch('serious', '情节严重', [cond('serious')], fen(wan(10)), fen(wan(50)), E81, '情节严重的，处十万元以上五十万元以下的罚款'), mode: 'required' },
      branch('fixed', '一般', [notCond('serious')], fen(wan(2)), fen(wan(10)), E81, '由市场监督管理部门责令限期改正，可以处二万元以上十万元以下的罚款'),
    ],
  }),
];

// ─── 消费者权益保护 ──────────────────────────────────────────────────────
const C56 = art(V.consumer, '第五十六条');
const CR14 = art(V.consumerRules, '第十四条');
const CR15 = art(V.consumerRules, '第十五条');
const refusal: PenaltyProvision[] = [
  provide('warning', 'optional', C56, '可以根据情节单处或者并处警告'),
  provide('confiscateIllegalGains', 'optional', C56, '没收违法所得'),
  provide('fine', 'optional', C56, '处以违法所得一倍以上十倍以下的罚款', {
    branches: [
      branch(
        'multiple',
        '有违法所得',
        [present('illegalGains')],
        times('illegalGains', 1),
        times('illegalGains', 10),
        C56,
        '处以违法所得一倍以上十倍以下的罚款',
      ),
      branch('fixed', '没有违法所得', [missing('illegalGains')], fen(0), fen(wan(50)), C56, '没有违法所得的，处以五十万元以下的罚款'),
    ],
  }),
  provide('suspendBusiness', 'optional', C56, '情节严重的，责令停业整顿、吊销营业执照', { onlyIf: 'serious' }),
  provide('revokeLicence', 'optional', C56, '情节严重的，责令停业整顿、吊销营业执照', { onlyIf: 'serious' }),
];
const unfairTerms: PenaltyProvision[] = [
  provide('warning', 'optional', CR15, '可以单处或者并处警告'),
  provide('fine', 'optional', CR15, '违法所得三倍以下、但最高不超过三万元的罚款', {
    branches: [
      branch('multiple', '有违法所得', [present('illegalGains')], fen(0), times('illegalGains', 3, wan(3)), CR15, '违法所得三倍以下、但最高不超过三万元的罚款'),
      branch('fixed', '没有违法所得', [missing('illegalGains')], fen(0), fen(wan(1)), CR15, '没有违法所得的，处以一万元以下的罚款'),
    ],
  }),
];

const simple = (
  code: string,
  name: string,
  field: string,
  violates: string[],
  punishes: string[],
  provisions: PenaltyProvision[],
  opts: { serious?: string; exemptions?: boolean | string | ExemptionRule[]; circumstances?: CircumstanceRule[] } = {},
): SampleViolation => ({
  code,
  name,
  field,
  violates,
  punishes,
  provisions,
  conditions: opts.serious ? [condition('serious', '情节严重', opts.serious)] : [],
  benchmark: {
    tiers: conventionTiers(provisions),
    circumstances: opts.circumstances ?? commonCircumstances(),
    exemptions: Array.isArray(opts.exemptions)
      ? opts.exemptions
      : opts.exemptions
        ? bothExemptions(typeof opts.exemptions === 'string' ? opts.exemptions : undefined)
        : [],
  },
});

export const marketViolations: SampleViolation[] = [
  {
    code: 'JG-001',
    name: '不按规定明码标价',
    field: 'pricing',
    violates: [art(V.price, '第十三条'), art(V.priceTag, '第五条')],
    punishes: [P42, MB22],
    conditions: [],
    provisions: priceTag,
    benchmark: priceTagBenchmark(),
  },
  {
    code: 'JG-002',
    name: '在标价之外加价出售商品或者收取未予标明的费用',
    field: 'pricing',
    violates: [art(V.price, '第十三条'), art(V.priceTag, '第八条')],
    punishes: [P42, MB22],
    conditions: [],
    provisions: priceTag,
    benchmark: priceTagBenchmark(),
  },
  simple('JZ-001', '实施混淆行为，引人误认为是他人商品或者与他人存在特定联系', 'competition', [art(V.competition, '第六条')], [U18], confusion, {
    serious: U18,
    // 第二十五条 says only "违法行为轻微并及时纠正，没有造成危害后果的，不予行政处罚"; the first-offence ground
    // ("初次违法且危害后果轻微并及时改正的，可以不予行政处罚") is 行政处罚法 第三十三条第一款's, not this article's
    exemptions: [minorOffenceExemption(U25), firstOffenceExemption()],
  }),
  simple('JZ-002', '对商品作虚假或者引人误解的商业宣传', 'competition', [art(V.competition, '第八条')], [U20], falsePromotion, { serious: U20 }),
  simple('JZ-003', '经营者采用财物或者其他手段贿赂他人', 'competition', [art(V.competition, '第七条')], [U19], bribery, { serious: U19 }),
  simple('SB-001', '销售侵犯注册商标专用权的商品', 'trademark', [art(V.trademark, '第五十七条')], [T60], infringement, {
    circumstances: trademarkCircumstances(),
  }),
  simple('SB-002', '将未注册商标冒充注册商标使用', 'trademark', [T52], [T52], fakeRegistered, { exemptions: true }),
  simple('DS-001', '电子商务经营者未在首页显著位置公示营业执照信息', 'ecommerce', [art(V.ecommerce, '第十五条')], [E76], licenceDisplay, { exemptions: true }),
  simple('DS-002', '电子商务平台经营者未为消费者提供评价途径或者擅自删除消费者的评价', 'ecommerce', [art(V.ecommerce, '第三十九条')], [E81], reviews, {
    serious: E81,
  }),
  simple('XB-001', '对消费者提出的修理、更换、退货等要求故意拖延或者无理拒绝', 'consumerProtection', [art(V.consumerRules, '第八条')], [C56, CR14], refusal, {
    serious: C56,
  }),
  simple('XB-002', '使用含有对消费者不公平、不合理内容的格式条款', 'consumerProtection', [art(V.consumerRules, '第十二条')], [CR15], unfairTerms, {
    exemptions: true,
  }),
];
