/** 特种设备安全法 (2013) and 药品管理法 (2019) violations, quoted from laws/. */
import type { CircumstanceRule, PenaltyProvision } from '../../domain/discretion/model.ts';
import {
  V,
  art,
  atLeast,
  below,
  branch,
  commonCircumstances,
  cond,
  condition,
  conventionTiers,
  fen,
  provide,
  times,
  wan,
  type SampleViolation,
} from './build.ts';

// ─── 特种设备安全法 ──────────────────────────────────────────────────────
const S83 = art(V.equipment, '第八十三条');
const S84 = art(V.equipment, '第八十四条');
const S86 = art(V.equipment, '第八十六条');
const overdue = (a: string) => condition('overdueUncorrected', '逾期未改正', a);

const uninspected: PenaltyProvision[] = [
  provide('fine', 'required', S84, '处三万元以上三十万元以下罚款', {
    branches: [branch('fixed', '法定幅度', [], fen(wan(3)), fen(wan(30)), S84, '责令停止使用有关特种设备，处三万元以上三十万元以下罚款')],
  }),
];
const unregistered: PenaltyProvision[] = [
  provide('fine', 'required', S83, '逾期未改正的，责令停止使用有关特种设备，处一万元以上十万元以下罚款', {
    onlyIf: 'overdueUncorrected',
    branches: [branch('fixed', '逾期未改正', [], fen(wan(1)), fen(wan(10)), S83, '逾期未改正的，责令停止使用有关特种设备，处一万元以上十万元以下罚款')],
  }),
];
const unqualifiedOperators: PenaltyProvision[] = [
  provide('fine', 'required', S86, '逾期未改正的，责令停止使用有关特种设备或者停产停业整顿，处一万元以上五万元以下罚款', {
    onlyIf: 'overdueUncorrected',
    branches: [
      branch('fixed', '逾期未改正', [], fen(wan(1)), fen(wan(5)), S86, '逾期未改正的，责令停止使用有关特种设备或者停产停业整顿，处一万元以上五万元以下罚款'),
    ],
  }),
  provide('suspendBusiness', 'optional', S86, '责令停止使用有关特种设备或者停产停业整顿', { onlyIf: 'overdueUncorrected' }),
];

// ─── 药品管理法 ─────────────────────────────────────────────────────────
const D116 = art(V.drug, '第一百一十六条');
const D117 = art(V.drug, '第一百一十七条');
const D126 = art(V.drug, '第一百二十六条');
const D137 = art(V.drug, '第一百三十七条');
const D139 = art(V.drug, '第一百三十九条');
/** 第一百三十九条: "撤销许可、吊销许可证件的，由原批准、发证的部门决定" — the bureau recommends, it does not revoke. */
const issuingDepartment = { authority: '原批准、发证的部门', articleId: D139, text: '撤销许可、吊销许可证件的，由原批准、发证的部门决定' };

/** 第一百三十七条: 在本法规定的处罚幅度内从重处罚. */
const drugCircumstances = (): CircumstanceRule[] => [
  ...commonCircumstances(),
  { id: 'drugForVulnerable', label: '生产、销售以孕产妇、儿童为主要使用对象的假药、劣药', kind: 'statutory', effect: 'heavier', articleId: D137 },
  { id: 'drugHarm', label: '生产、销售假药、劣药，造成人身伤害后果', kind: 'statutory', effect: 'heavier', articleId: D137 },
  { id: 'drugReoffence', label: '生产、销售假药、劣药，经处理后再犯', kind: 'statutory', effect: 'heavier', articleId: D137 },
  {
    id: 'drugObstruction',
    label: '拒绝、逃避监督检查，伪造、销毁、隐匿有关证据材料，或者擅自动用查封、扣押物品',
    kind: 'statutory',
    effect: 'heavier',
    articleId: D137,
  },
];

const counterfeit: PenaltyProvision[] = [
  provide('confiscateIllegalProperty', 'required', D116, '没收违法生产、销售的药品和违法所得'),
  provide('confiscateIllegalGains', 'required', D116, '没收违法生产、销售的药品和违法所得'),
  provide('suspendBusiness', 'required', D116, '责令停产停业整顿'),
  provide('revokeLicence', 'required', D116, '吊销药品批准证明文件', { reservedTo: issuingDepartment }),
  provide('fine', 'required', D116, '并处违法生产、销售的药品货值金额十五倍以上三十倍以下的罚款', {
    branches: [
      branch(
        'floor',
        '货值金额不足十万元（按十万元计算）',
        [below('goodsValue', wan(10))],
        fen(wan(150)),
        fen(wan(300)),
        D116,
        '货值金额不足十万元的，按十万元计算',
      ),
      branch(
        'multiple',
        '货值金额十万元以上',
        [atLeast('goodsValue', wan(10))],
        times('goodsValue', 15),
        times('goodsValue', 30),
        D116,
        '并处违法生产、销售的药品货值金额十五倍以上三十倍以下的罚款',
      ),
    ],
  }),
];
const substandardRetail: PenaltyProvision[] = [
  provide('confiscateIllegalProperty', 'required', D117, '没收违法生产、销售的药品和违法所得'),
  provide('confiscateIllegalGains', 'required', D117, '没收违法生产、销售的药品和违法所得'),
  provide('fine', 'required', D117, '并处违法生产、销售的药品货值金额十倍以上二十倍以下的罚款', {
    branches: [
      branch(
        'floor',
        '零售货值金额不足一万元（按一万元计算）',
        [below('goodsValue', wan(1))],
        fen(wan(10)),
        fen(wan(20)),
        D117,
        '违法零售的药品货值金额不足一万元的，按一万元计算',
      ),
      branch(
        'multiple',
        '货值金额一万元以上',
        [atLeast('goodsValue', wan(1))],
        times('goodsValue', 10),
        times('goodsValue', 20),
        D117,
        '并处违法生产、销售的药品货值金额十倍以上二十倍以下的罚款',
      ),
    ],
  }),
  provide('suspendBusiness', 'optional', D117, '情节严重的，责令停产停业整顿直至吊销药品批准证明文件、药品生产许可证、药品经营许可证或者医疗机构制剂许可证', {
    onlyIf: 'serious',
  }),
  provide('revokeLicence', 'optional', D117, '情节严重的，责令停产停业整顿直至吊销药品批准证明文件、药品生产许可证、药品经营许可证或者医疗机构制剂许可证', {
    onlyIf: 'serious',
    reservedTo: issuingDepartment,
  }),
];
const gsp: PenaltyProvision[] = [
  provide('warning', 'required', D126, '责令限期改正，给予警告'),
  provide('fine', 'required', D126, '逾期不改正的，处十万元以上五十万元以下的罚款；情节严重的，处五十万元以上二百万元以下的罚款', {
    branches: [
      branch('serious', '情节严重', [cond('serious')], fen(wan(50)), fen(wan(200)), D126, '情节严重的，处五十万元以上二百万元以下的罚款'),
      branch('overdue', '逾期不改正', [cond('overdueUncorrected')], fen(wan(10)), fen(wan(50)), D126, '逾期不改正的，处十万元以上五十万元以下的罚款'),
    ],
  }),
  provide('suspendBusiness', 'required', D126, '责令停产停业整顿直至吊销药品批准证明文件、药品生产许可证、药品经营许可证等', { onlyIf: 'serious' }),
  provide('revokeLicence', 'optional', D126, '责令停产停业整顿直至吊销药品批准证明文件、药品生产许可证、药品经营许可证等', {
    onlyIf: 'serious',
    reservedTo: issuingDepartment,
  }),
];

const tiers = (p: PenaltyProvision[]) => conventionTiers(p);

export const equipmentDrugViolations: SampleViolation[] = [
  {
    code: 'TS-001',
    name: '使用未经定期检验或者检验不合格的特种设备',
    field: 'specialEquipment',
    violates: [art(V.equipment, '第四十条')],
    punishes: [S84],
    conditions: [],
    provisions: uninspected,
    benchmark: { tiers: tiers(uninspected), circumstances: commonCircumstances(), exemptions: [] },
  },
  {
    code: 'TS-002',
    name: '使用特种设备未按照规定办理使用登记',
    field: 'specialEquipment',
    violates: [art(V.equipment, '第三十三条')],
    punishes: [S83],
    conditions: [overdue(S83)],
    provisions: unregistered,
    benchmark: { tiers: tiers(unregistered), circumstances: commonCircumstances(), exemptions: [] },
  },
  {
    code: 'TS-003',
    name: '使用未取得相应资格的人员从事特种设备安全管理、检测和作业',
    field: 'specialEquipment',
    violates: [art(V.equipment, '第十四条')],
    punishes: [S86],
    conditions: [overdue(S86)],
    provisions: unqualifiedOperators,
    benchmark: { tiers: tiers(unqualifiedOperators), circumstances: commonCircumstances(), exemptions: [] },
  },
  {
    code: 'YP-001',
    name: '销售假药',
    field: 'drugs',
    violates: [art(V.drug, '第九十八条')],
    punishes: [D116],
    conditions: [],
    provisions: counterfeit,
    benchmark: { tiers: tiers(counterfeit), circumstances: drugCircumstances(), exemptions: [] },
  },
  {
    code: 'YP-002',
    name: '零售劣药',
    field: 'drugs',
    violates: [art(V.drug, '第九十八条')],
    punishes: [D117],
    conditions: [condition('serious', '情节严重', D117)],
    provisions: substandardRetail,
    benchmark: { tiers: tiers(substandardRetail), circumstances: drugCircumstances(), exemptions: [] },
  },
  {
    code: 'YP-003',
    name: '药品经营企业未遵守药品经营质量管理规范',
    field: 'drugs',
    violates: [art(V.drug, '第五十三条')],
    punishes: [D126],
    conditions: [overdue(D126), condition('serious', '情节严重', D126)],
    provisions: gsp,
    benchmark: { tiers: tiers(gsp), circumstances: commonCircumstances(), exemptions: [] },
  },
];
