/** 食品安全法 (2021) violations. Texts quoted from laws/食品安全法(2021-04-29).md. */
import type { CircumstanceRule, PenaltyProvision } from '../../domain/discretion/model.ts';
import {
  V,
  art,
  atLeast,
  below,
  bothExemptions,
  branch,
  commonCircumstances,
  condition,
  conventionTiers,
  fen,
  provide,
  row,
  times,
  wan,
  yuan,
  type SampleViolation,
} from './build.ts';

const A124 = art(V.food, '第一百二十四条');
const A125 = art(V.food, '第一百二十五条');
const A126 = art(V.food, '第一百二十六条');
const A122 = art(V.food, '第一百二十二条');

const serious = (articleId: string) => condition('serious', '情节严重', articleId);
const refused = (articleId: string) => condition('refusedToCorrect', '拒不改正', articleId);

/** 食品安全法 第一百三十六条: a seller who met its duties and did not know — 可以免予处罚, but the food is confiscated. */
const purchaseDutyMet: CircumstanceRule = {
  id: 'purchaseDutyMet',
  label: '履行了进货查验等义务，有充分证据证明不知道所采购的食品不符合食品安全标准，并能如实说明进货来源',
  kind: 'statutory',
  effect: 'noPenalty',
  // "可以免予处罚": the law permits, it does not command
  force: 'may',
  articleId: art(V.food, '第一百三十六条'),
  keeps: ['confiscateIllegalProperty'],
};

/** 第一百二十四条 第一款 (and 第一百二十二条 第一款, which has the same amounts). */
function tenToTwenty(articleId: string, withRevocation: boolean): PenaltyProvision[] {
  const out = [
    provide('confiscateIllegalGains', 'required', articleId, '没收违法所得'),
    provide(
      'confiscateIllegalProperty',
      'required',
      articleId,
      withRevocation
        ? '没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、原料等物品'
        : '没收违法所得和违法生产经营的食品、食品添加剂以及用于违法生产经营的工具、设备、原料等物品',
    ),
    provide(
      'fine',
      'required',
      articleId,
      '违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款',
      {
        branches: [
          branch(
            'belowFloor',
            '货值金额不足一万元',
            [below('goodsValue', wan(1))],
            fen(wan(5)),
            fen(wan(10)),
            articleId,
            '违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款',
          ),
          branch(
            'multiple',
            '货值金额一万元以上',
            [atLeast('goodsValue', wan(1))],
            times('goodsValue', 10),
            times('goodsValue', 20),
            articleId,
            '货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款',
          ),
        ],
      },
    ),
  ];
  if (withRevocation) out.push(provide('revokeLicence', 'required', articleId, '情节严重的，吊销许可证', { onlyIf: 'serious' }));
  return out;
}

function fiveToTen(): PenaltyProvision[] {
  return [
    provide('confiscateIllegalGains', 'required', A125, '没收违法所得'),
    provide('confiscateIllegalProperty', 'required', A125, '没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、设备、原料等物品'),
    provide(
      'fine',
      'required',
      A125,
      '违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五千元以上五万元以下罚款；货值金额一万元以上的，并处货值金额五倍以上十倍以下罚款',
      {
        branches: [
          branch(
            'belowFloor',
            '货值金额不足一万元',
            [below('goodsValue', wan(1))],
            fen(yuan(5000)),
            fen(wan(5)),
            A125,
            '违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五千元以上五万元以下罚款',
          ),
          branch(
            'multiple',
            '货值金额一万元以上',
            [atLeast('goodsValue', wan(1))],
            times('goodsValue', 5),
            times('goodsValue', 10),
            A125,
            '货值金额一万元以上的，并处货值金额五倍以上十倍以下罚款',
          ),
        ],
      },
    ),
    provide('suspendBusiness', 'required', A125, '情节严重的，责令停产停业，直至吊销许可证', { onlyIf: 'serious' }),
    provide('revokeLicence', 'optional', A125, '情节严重的，责令停产停业，直至吊销许可证', { onlyIf: 'serious' }),
  ];
}

/** 第一百二十六条 第一款: 责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款；情节严重的，责令停产停业，直至吊销许可证. */
function warningThenFine(): PenaltyProvision[] {
  return [
    provide('warning', 'required', A126, '责令改正，给予警告'),
    provide('fine', 'required', A126, '拒不改正的，处五千元以上五万元以下罚款', {
      onlyIf: 'refusedToCorrect',
      branches: [branch('fixed', '拒不改正', [], fen(yuan(5000)), fen(wan(5)), A126, '拒不改正的，处五千元以上五万元以下罚款')],
    }),
    provide('suspendBusiness', 'required', A126, '情节严重的，责令停产停业，直至吊销许可证', { onlyIf: 'serious' }),
    provide('revokeLicence', 'optional', A126, '情节严重的，责令停产停业，直至吊销许可证', { onlyIf: 'serious' }),
  ];
}

const foodCircumstances = () => [...commonCircumstances(), purchaseDutyMet];

function v124(code: string, name: string, violatesLabel: string): SampleViolation {
  const provisions = tenToTwenty(A124, true);
  return {
    code,
    name,
    field: 'food',
    violates: [art(V.food, violatesLabel)],
    punishes: [A124],
    conditions: [serious(A124)],
    provisions,
    benchmark: { tiers: conventionTiers(provisions), circumstances: foodCircumstances(), exemptions: [] },
  };
}

function v126(code: string, name: string, violates: string[], exemptions = true): SampleViolation {
  const provisions = warningThenFine();
  return {
    code,
    name,
    field: 'food',
    violates: violates.map((l) => art(V.food, l)),
    punishes: [A126],
    conditions: [refused(A126), serious(A126)],
    provisions,
    benchmark: { tiers: conventionTiers(provisions), circumstances: commonCircumstances(), exemptions: exemptions ? bothExemptions() : [] },
  };
}

const label125 = fiveToTen();
const label125b = [
  provide('fine', 'required', A125, '拒不改正的，处二千元以下罚款', {
    onlyIf: 'refusedToCorrect',
    branches: [branch('fixed', '拒不改正', [], fen(0), fen(yuan(2000)), A125, '由县级以上人民政府食品安全监督管理部门责令改正；拒不改正的，处二千元以下罚款')],
  }),
];
const noLicence = tenToTwenty(A122, false);

export const foodViolations: SampleViolation[] = [
  v124('SP-001', '经营超过保质期的食品', '第三十四条'),
  v124('SP-002', '生产经营腐败变质、霉变生虫、混有异物等感官性状异常的食品', '第三十四条'),
  v124('SP-003', '生产经营超范围、超限量使用食品添加剂的食品', '第三十四条'),
  {
    code: 'SP-004',
    name: '未取得食品经营许可从事食品经营活动',
    field: 'food',
    violates: [art(V.food, '第三十五条')],
    punishes: [A122],
    conditions: [],
    provisions: noLicence,
    benchmark: {
      // 无证经营: the benchmark sets explicit amounts for the fixed branch (从轻 5–6 万元)
      tiers: conventionTiers(noLicence, [
        row('lighter', 'fine', { kind: 'amount', minFen: wan(5), maxFen: wan(6) }, 'belowFloor', '货值金额不足一万元：五万元以上六万元以下'),
        row('standard', 'fine', { kind: 'amount', minFen: wan(6), maxFen: wan(8) }, 'belowFloor', '货值金额不足一万元：六万元以上八万元以下'),
        row('heavier', 'fine', { kind: 'amount', minFen: wan(8), maxFen: wan(10) }, 'belowFloor', '货值金额不足一万元：八万元以上十万元以下'),
      ]),
      circumstances: commonCircumstances(),
      exemptions: [],
    },
  },
  {
    code: 'SP-005',
    name: '经营标签、说明书不符合规定的预包装食品',
    field: 'food',
    violates: [art(V.food, '第六十七条'), art(V.food, '第七十一条')],
    punishes: [A125],
    conditions: [serious(A125)],
    provisions: label125,
    benchmark: { tiers: conventionTiers(label125), circumstances: foodCircumstances(), exemptions: [] },
  },
  {
    code: 'SP-006',
    name: '食品标签、说明书存在瑕疵且拒不改正',
    field: 'food',
    violates: [art(V.food, '第七十一条')],
    punishes: [A125],
    conditions: [refused(A125)],
    provisions: label125b,
    benchmark: { tiers: conventionTiers(label125b), circumstances: commonCircumstances(), exemptions: bothExemptions() },
  },
  v126('SP-007', '食品经营者进货时未查验许可证和相关证明文件，或者未建立并遵守进货查验记录制度', ['第五十三条']),
  v126('SP-008', '安排未取得健康证明的人员从事接触直接入口食品的工作', ['第四十五条']),
  v126('SP-009', '餐具、饮具和盛放直接入口食品的容器使用前未经洗净、消毒', ['第三十三条', '第五十六条'], false),
];
