/** 广告法 (2021) violations of an advertiser (广告主), quoted from laws/广告法(2021-04-29).md. */
import type { PenaltyProvision } from '../../domain/discretion/model.ts';
import {
  V,
  art,
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
  times,
  wan,
  type SampleViolation,
} from './build.ts';

const A55 = art(V.ad, '第五十五条');
const A57 = art(V.ad, '第五十七条');
const A58 = art(V.ad, '第五十八条');

/**
 * 第五十五条 第一款: the range depends on 情节严重 and on whether the advertising cost can be computed —
 * four statutory branches, tried in this order.
 */
const falseAd: PenaltyProvision[] = [
  provide('fine', 'required', A55, '处广告费用三倍以上五倍以下的罚款', {
    branches: [
      branch(
        'seriousMultiple',
        '情节严重，按广告费用计算',
        [cond('serious'), present('advertisingCost')],
        times('advertisingCost', 5),
        times('advertisingCost', 10),
        A55,
        '两年内有三次以上违法行为或者有其他严重情节的，处广告费用五倍以上十倍以下的罚款',
      ),
      branch(
        'seriousFixed',
        '情节严重，广告费用无法计算或者明显偏低',
        [cond('serious'), missing('advertisingCost')],
        fen(wan(100)),
        fen(wan(200)),
        A55,
        '广告费用无法计算或者明显偏低的，处一百万元以上二百万元以下的罚款',
      ),
      branch(
        'multiple',
        '按广告费用计算',
        [notCond('serious'), present('advertisingCost')],
        times('advertisingCost', 3),
        times('advertisingCost', 5),
        A55,
        '处广告费用三倍以上五倍以下的罚款',
      ),
      branch(
        'fixed',
        '广告费用无法计算或者明显偏低',
        [notCond('serious'), missing('advertisingCost')],
        fen(wan(20)),
        fen(wan(100)),
        A55,
        '广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款',
      ),
    ],
  }),
  provide('revokeLicence', 'optional', A55, '可以吊销营业执照', { onlyIf: 'serious' }),
];

/** 第五十八条 第一款: the same shape one step lower. */
const art58: PenaltyProvision[] = [
  provide('fine', 'required', A58, '处广告费用一倍以上三倍以下的罚款', {
    branches: [
      branch(
        'seriousMultiple',
        '情节严重，按广告费用计算',
        [cond('serious'), present('advertisingCost')],
        times('advertisingCost', 3),
        times('advertisingCost', 5),
        A58,
        '情节严重的，处广告费用三倍以上五倍以下的罚款',
      ),
      branch(
        'seriousFixed',
        '情节严重，广告费用无法计算或者明显偏低',
        [cond('serious'), missing('advertisingCost')],
        fen(wan(20)),
        fen(wan(100)),
        A58,
        '广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款',
      ),
      branch(
        'multiple',
        '按广告费用计算',
        [notCond('serious'), present('advertisingCost')],
        times('advertisingCost', 1),
        times('advertisingCost', 3),
        A58,
        '处广告费用一倍以上三倍以下的罚款',
      ),
      branch(
        'fixed',
        '广告费用无法计算或者明显偏低',
        [notCond('serious'), missing('advertisingCost')],
        fen(wan(10)),
        fen(wan(20)),
        A58,
        '广告费用无法计算或者明显偏低的，处十万元以上二十万元以下的罚款',
      ),
    ],
  }),
  provide('revokeLicence', 'optional', A58, '可以吊销营业执照', { onlyIf: 'serious' }),
];

const absoluteTerms: PenaltyProvision[] = [
  provide('fine', 'required', A57, '对广告主处二十万元以上一百万元以下的罚款', {
    branches: [branch('fixed', '法定幅度', [], fen(wan(20)), fen(wan(100)), A57, '对广告主处二十万元以上一百万元以下的罚款')],
  }),
  provide('revokeLicence', 'optional', A57, '情节严重的，并可以吊销营业执照', { onlyIf: 'serious' }),
];

function ad(
  code: string,
  name: string,
  violates: string,
  punishes: string,
  provisions: PenaltyProvision[],
  seriousLabel: string,
  exemptions = false,
): SampleViolation {
  return {
    code,
    name,
    field: 'advertising',
    violates: [art(V.ad, violates)],
    punishes: [punishes],
    conditions: [condition('serious', seriousLabel, punishes)],
    provisions,
    benchmark: { tiers: conventionTiers(provisions), circumstances: commonCircumstances(), exemptions: exemptions ? bothExemptions() : [] },
  };
}

export const advertisingViolations: SampleViolation[] = [
  ad('GG-001', '发布虚假广告（广告主）', '第二十八条', A55, falseAd, '两年内有三次以上违法行为或者有其他严重情节'),
  ad('GG-002', '在医疗、药品、医疗器械以外的广告中涉及疾病治疗功能或者使用医疗用语', '第十七条', A58, art58, '情节严重'),
  ad('GG-003', '发布含有禁止内容的保健食品广告', '第十八条', A58, art58, '情节严重'),
  ad('GG-004', '广告使用“国家级”“最高级”“最佳”等用语', '第九条', A57, absoluteTerms, '情节严重', true),
  ad('GG-005', '未经审查发布医疗、药品、医疗器械、保健食品等广告', '第四十六条', A58, art58, '情节严重'),
];
