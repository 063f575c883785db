import { demoPenaltyItems } from './powerListPenalties.ts';

export { demoUnitPhones, type DemoPowerItem, type UnitKey } from './powerListUnits.ts';
import type { DemoPowerItem, UnitKey } from './powerListUnits.ts';

const FOOD_LICENCE_MATERIALS = [
  '食品经营许可申请书',
  '营业执照或者其他主体资格证明文件',
  '与食品经营相适应的主要设备设施布局、操作流程等文件',
  '食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度',
];
const REGISTRATION_OFFICE = '示例区政务服务中心一楼市场主体登记窗口';
const LICENCE_OFFICE = '示例区政务服务中心二楼市场监管综合窗口';

export const demoPowerItems: DemoPowerItem[] = [
  // ─── 行政许可 ───
  {
    code: '990105-XK-001',
    name: '食品经营许可',
    category: 'licensing',
    unit: 'food',
    basis: ['《中华人民共和国食品安全法》第三十五条'],
    materials: FOOD_LICENCE_MATERIALS,
    office: LICENCE_OFFICE,
    fee: '不收费',
    remarks: '纳入“开办餐馆一件事”集成办理',
    sub: [
      {
        code: '990105-XK-001-01',
        name: '食品经营许可（新办）',
        unit: 'food',
        basis: ['《中华人民共和国食品安全法》第三十五条'],
        materials: FOOD_LICENCE_MATERIALS,
        office: LICENCE_OFFICE,
        fee: '不收费',
      },
      {
        code: '990105-XK-001-02',
        name: '食品经营许可（变更）',
        unit: 'food',
        basis: ['《中华人民共和国食品安全法》第三十五条'],
        materials: ['食品经营许可变更申请书', '与变更食品经营许可事项有关的材料'],
        office: LICENCE_OFFICE,
        fee: '不收费',
      },
      {
        code: '990105-XK-001-03',
        name: '食品经营许可（延续）',
        unit: 'food',
        basis: ['《中华人民共和国食品安全法》第三十五条'],
        materials: ['食品经营许可延续申请书', '与延续食品经营许可事项有关的其他材料'],
        office: LICENCE_OFFICE,
        fee: '不收费',
      },
      {
        code: '990105-XK-001-04',
        name: '食品经营许可（注销）',
        unit: 'food',
        basis: ['《中华人民共和国食品安全法》第三十五条', '《中华人民共和国行政许可法》第七十条'],
        materials: ['食品经营许可注销申请书', '食品经营许可证正副本'],
        office: LICENCE_OFFICE,
        fee: '不收费',
      },
    ],
  },
  {
    code: '990105-XK-002',
    name: '药品零售企业经营许可',
    category: 'licensing',
    unit: 'station3',
    basis: ['《中华人民共和国药品管理法》第五十一条、第五十二条'],
    materials: ['药品经营许可证申请表', '营业场所、仓储设施平面布置图', '执业药师资格证书', '药品质量管理制度文件'],
    office: LICENCE_OFFICE,
    fee: '不收费',
  },
  {
    code: '990105-XK-003',
    name: '特种设备使用登记',
    category: 'licensing',
    unit: 'se',
    basis: ['《中华人民共和国特种设备安全法》第三十三条'],
    materials: ['特种设备使用登记表', '产品合格证和监督检验证明', '定期检验报告（在用设备）'],
    office: LICENCE_OFFICE,
    fee: '不收费',
    timeLimit: '法定15个工作日，承诺5个工作日',
  },
  {
    code: '990105-XK-004',
    name: '食品生产许可（食品生产加工小作坊除外）',
    category: 'licensing',
    unit: 'food',
    basis: ['《中华人民共和国食品安全法》第三十五条'],
    materials: ['食品生产许可申请书', '食品生产设备布局图和工艺流程图', '食品生产主要设备设施清单', '食品安全管理制度'],
    office: LICENCE_OFFICE,
    fee: '不收费',
  },

  // ─── 行政处罚 ───
  ...demoPenaltyItems,
  {
    code: '990105-QZ-001',
    name: '查封、扣押不符合食品安全标准或者存在安全隐患的食品以及用于违法生产经营的工具、设备，查封违法从事生产经营活动的场所',
    category: 'coercion',
    unit: 'squad',
    basis: ['《中华人民共和国食品安全法》第一百一十条', '《中华人民共和国行政强制法》第九条、第二十二条、第二十五条'],
  },
  {
    code: '990105-QZ-002',
    name: '查封、扣押有根据认为不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品',
    category: 'coercion',
    unit: 'squad',
    basis: ['《中华人民共和国产品质量法》第十八条', '《中华人民共和国行政强制法》第九条'],
  },
  {
    code: '990105-QZ-003',
    name: '查封、扣押不符合安全技术规范要求或者存在严重事故隐患的特种设备',
    category: 'coercion',
    unit: 'se',
    basis: ['《中华人民共和国特种设备安全法》第六十一条', '《中华人民共和国行政强制法》第九条'],
  },
  {
    code: '990105-QZ-004',
    name: '查封、扣押与涉嫌违法广告直接相关的广告物品、经营工具、设备等财物',
    category: 'coercion',
    unit: 'price',
    basis: ['《中华人民共和国广告法》第四十九条'],
  },
  {
    code: '990105-QZ-005',
    name: '查封、扣押有证据证明可能危害人体健康的药品及其有关材料',
    category: 'coercion',
    unit: 'station3',
    basis: ['《中华人民共和国药品管理法》第一百条'],
  },
  {
    code: '990105-QZ-006',
    name: '查封、扣押与涉嫌不正当竞争行为有关的财物',
    category: 'coercion',
    unit: 'price',
    basis: ['《中华人民共和国反不正当竞争法》第十三条'],
  },
  {
    code: '990105-QZ-007',
    name: '对逾期不缴纳罚款的加处罚款',
    category: 'coercion',
    unit: 'legal',
    basis: ['《中华人民共和国行政强制法》第四十五条', '《中华人民共和国行政处罚法》第七十二条'],
    timeLimit: '每日按罚款数额的百分之三加处，加处罚款的数额不超过罚款数额',
  },

  // ─── 行政征收 ───
  {
    code: '990105-ZS-001',
    name: '计量仲裁检定费的收取',
    category: 'levy',
    unit: 'station2',
    basis: ['《中华人民共和国计量法实施细则》第三十七条'],
    fee: '按国务院计量行政部门会同财政、价格部门制定的收费标准执行',
  },

  // ─── 行政给付 ───
  { code: '990105-JF-001', name: '因变更或者撤回已生效的行政许可给予补偿', category: 'benefit', unit: 'legal', basis: ['《中华人民共和国行政许可法》第八条'] },

  // ─── 行政检查 ───
  {
    code: '990105-JC-001',
    name: '对食品生产经营活动的监督检查',
    category: 'inspection',
    unit: 'food',
    basis: ['《中华人民共和国食品安全法》第一百一十条', '《食品生产经营监督检查管理办法》第五条、第二十五条'],
  },
  {
    code: '990105-JC-002',
    name: '对食品的抽样检验',
    category: 'inspection',
    unit: 'food',
    basis: ['《中华人民共和国食品安全法》第八十七条'],
    fee: '不收取检验费和其他费用',
  },
  {
    code: '990105-JC-003',
    name: '对特种设备生产、经营、使用单位的监督检查',
    category: 'inspection',
    unit: 'se',
    basis: ['《中华人民共和国特种设备安全法》第五十七条、第六十一条'],
  },
  { code: '990105-JC-004', name: '对产品质量的监督抽查', category: 'inspection', unit: 'squad', basis: ['《中华人民共和国产品质量法》第十五条'] },
  {
    code: '990105-JC-005',
    name: '对制造、修理、销售、使用计量器具等计量活动的监督检查',
    category: 'inspection',
    unit: 'station2',
    basis: ['《中华人民共和国计量法》第十八条'],
  },
  { code: '990105-JC-006', name: '对广告活动的监督检查', category: 'inspection', unit: 'price', basis: ['《中华人民共和国广告法》第四十九条'] },
  { code: '990105-JC-007', name: '对价格活动的监督检查', category: 'inspection', unit: 'price', basis: ['《中华人民共和国价格法》第三十三条、第三十四条'] },
  {
    code: '990105-JC-008',
    name: '对药品经营、使用活动的监督检查',
    category: 'inspection',
    unit: 'station3',
    basis: ['《中华人民共和国药品管理法》第九十九条'],
  },
  {
    code: '990105-JC-009',
    name: '对进入批发、零售市场的食用农产品的监督检查',
    category: 'inspection',
    unit: 'station1',
    basis: ['《中华人民共和国农产品质量安全法》第六十条'],
  },

  // ─── 行政确认 ───
  {
    code: '990105-QR-001',
    name: '市场主体登记',
    category: 'confirmation',
    unit: 'station1',
    basis: ['《中华人民共和国市场主体登记管理条例实施细则》第十七条、第十八条'],
    materials: ['登记申请书', '申请人主体资格文件或者自然人身份证明', '住所（主要经营场所、经营场所）相关文件'],
    office: REGISTRATION_OFFICE,
    fee: '不收费',
    sub: [
      {
        code: '990105-QR-001-01',
        name: '市场主体设立登记',
        unit: 'station1',
        basis: ['《中华人民共和国市场主体登记管理条例实施细则》第十八条'],
        office: REGISTRATION_OFFICE,
        fee: '不收费',
      },
      {
        code: '990105-QR-001-02',
        name: '市场主体变更登记',
        unit: 'station1',
        basis: ['《中华人民共和国市场主体登记管理条例实施细则》第三十一条'],
        office: REGISTRATION_OFFICE,
        fee: '不收费',
      },
      {
        code: '990105-QR-001-03',
        name: '市场主体注销登记',
        unit: 'station1',
        basis: ['《中华人民共和国市场主体登记管理条例实施细则》第四十四条'],
        office: REGISTRATION_OFFICE,
        fee: '不收费',
      },
    ],
  },
  {
    code: '990105-QR-002',
    name: '仅销售预包装食品备案',
    category: 'confirmation',
    unit: 'food',
    basis: ['《中华人民共和国食品安全法》第三十五条'],
    materials: ['仅销售预包装食品备案信息采集表', '营业执照'],
    office: LICENCE_OFFICE,
    fee: '不收费',
  },

  // ─── 行政奖励 ───
  {
    code: '990105-JL-001',
    name: '对举报食品安全违法行为的奖励',
    category: 'reward',
    unit: 'food',
    basis: ['《中华人民共和国食品安全法》第一百一十五条', '《中华人民共和国食品安全法实施条例》第六十五条'],
  },
  { code: '990105-JL-002', name: '对检举产品质量违法行为的奖励', category: 'reward', unit: 'squad', basis: ['《中华人民共和国产品质量法》第十条'] },

  // ─── 行政裁决 ───
  {
    code: '990105-CJ-001',
    name: '计量纠纷的调解和仲裁检定',
    category: 'adjudication',
    unit: 'station2',
    basis: ['《中华人民共和国计量法》第二十一条', '《中华人民共和国计量法实施细则》第三十四条'],
    fee: '仲裁检定按规定收费',
  },

  // ─── 其他 ───
  {
    code: '990105-QT-001',
    name: '消费者投诉的受理和调解',
    category: 'other',
    unit: 'station2',
    phone: '12315',
    basis: ['《中华人民共和国消费者权益保护法》第三十九条、第四十六条', '《市场监督管理投诉举报处理暂行办法》第十四条'],
    steps: [
      { name: '受理或者不予受理', timeLimit: '收到投诉之日起七个工作日内' },
      { name: '组织调解', timeLimit: null },
      { name: '达成协议或者终止调解', timeLimit: '受理之日起四十五个工作日内' },
    ],
    timeLimit: '七个工作日内决定是否受理；四十五个工作日内调解终结',
  },
  {
    code: '990105-QT-002',
    name: '对举报的处理',
    category: 'other',
    unit: 'squad',
    phone: '12315',
    basis: ['《市场监督管理投诉举报处理暂行办法》第二十五条、第三十一条'],
  },
  {
    code: '990105-QT-003',
    name: '对食品生产经营者的法定代表人或者主要负责人进行责任约谈',
    category: 'other',
    unit: 'food',
    basis: ['《中华人民共和国食品安全法》第一百一十四条'],
  },
  { code: '990105-QT-004', name: '行政处罚信息公示', category: 'other', unit: 'legal', basis: ['《市场监督管理行政处罚信息公示规定》第二条'] },
  {
    code: '990105-QT-005',
    name: '涉嫌犯罪案件移送',
    category: 'other',
    unit: 'legal',
    basis: ['《中华人民共和国行政处罚法》第二十七条', '《行政执法机关移送涉嫌犯罪案件的规定》第三条'],
  },
  {
    code: '990105-QT-006',
    name: '责令经营者对存在缺陷的商品或者服务采取停止销售、警示、召回等措施',
    category: 'other',
    unit: 'squad',
    basis: ['《中华人民共和国消费者权益保护法》第三十三条'],
  },
];

/** Changes made after the list was first published, each approved by a leader: the list's history. */
export const demoPowerChanges = {
  initial: {
    effectiveOn: '2024-01-01',
    reason: 'superiorRequirement' as const,
    note: '依据《示例市人民政府办公室关于公布2024年版权责清单的通知》编制示例区市场监督管理局权责清单',
  },
  seBasis: {
    effectiveOn: '2024-07-01',
    reason: 'lawChange' as const,
    note: '依据《特种设备安全监督检查办法》（国家市场监督管理总局令第57号）补充设定依据：证后监督检查采用“双随机、一公开”方式',
    code: '990105-JC-003',
    add: '《特种设备安全监督检查办法》第十五条',
  },
  ecommerce: {
    effectiveOn: '2025-01-01',
    reason: 'superiorRequirement' as const,
    note: '根据市局关于网络交易监管事权下放的通知，增补电子商务经营者违法行为的处罚事项',
  },
  foodLicenceFaster: {
    effectiveOn: '2025-03-01',
    reason: 'superiorRequirement' as const,
    note: '落实《优化营商环境条例》第三十五条“减环节、减材料、减时限”要求，承诺办理时限压缩至5个工作日',
    code: '990105-XK-001',
    timeLimit: '法定20个工作日，承诺5个工作日',
  },
  drugLicenceTransferred: {
    effectiveOn: '2025-07-01',
    reason: 'orgChange' as const,
    note: '相对集中行政许可权改革：药品零售企业经营许可划转区行政审批局实施，本局不再行使',
    code: '990105-XK-002',
  },
  complaintsToStation1: {
    reason: 'orgChange' as const,
    note: '局党组会议决定：消费者投诉受理和调解工作调整由第一市场监管所承办（下月起施行）',
    code: '990105-QT-001',
    unit: 'station1' as UnitKey,
  },
};

export const demoEcommerceItem: DemoPowerItem = {
  code: '990105-CF-027',
  name: '对电子商务经营者未在首页显著位置公示营业执照信息、行政许可信息等的行政处罚',
  category: 'penalty',
  unit: 'station3',
  basis: ['《中华人民共和国电子商务法》第十五条、第七十六条'],
};
