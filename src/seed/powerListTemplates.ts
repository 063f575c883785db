/**
 * The standard 责任事项, 追责情形 and 办理流程 of each power category, in the wording the
 * provincial templates use (the accountability grounds follow the liability chapters of
 * 行政许可法, 行政处罚法 and 行政强制法). Items of the demo list start from these.
 */
import type { PowerCategory, PowerStep } from '../domain/powers.ts';

export interface CategoryTemplate {
  responsibilities: string[];
  accountability: string[];
  steps: PowerStep[];
  timeLimit: string | null;
}

const OTHER_DUTY = '其他责任：法律法规规章文件规定应履行的其他责任。';
const OTHER_GROUND = '其他违反法律法规规章文件规定的行为。';
const BRIBE = '在履行职责过程中索取、收受他人财物或者谋取其他利益的；';

export const categoryTemplates: Record<PowerCategory, CategoryTemplate> = {
  licensing: {
    responsibilities: [
      '受理责任：公示依法应当提交的材料目录和示范文本；申请材料不齐全或者不符合法定形式的，当场或者五日内一次告知需要补正的全部内容；依法受理或者不予受理，不予受理的书面说明理由。',
      '审查责任：对申请材料进行审查，需要核实的组织现场核查；许可直接关系他人重大利益的，告知申请人、利害关系人享有陈述申辩和要求听证的权利。',
      '决定责任：在法定期限内作出准予或者不予许可的决定；不予许可的书面说明理由，并告知申请行政复议或者提起行政诉讼的权利。',
      '送达责任：准予许可的，自作出决定之日起十日内颁发、送达许可证件，并依法公开许可决定。',
      '事后监管责任：对被许可人从事许可事项的活动进行监督检查，依法处理违法行为。',
      OTHER_DUTY,
    ],
    accountability: [
      '对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出准予许可决定的；',
      '对不符合法定条件的申请人准予许可或者超越法定职权作出准予许可决定的；',
      '未依法说明不受理申请或者不予许可理由的；',
      '未依法一次告知申请人必须补正的全部内容的；',
      '违反法定程序实施许可的；',
      BRIBE,
      '不依法履行监督职责或者监督不力，造成严重后果的；',
      OTHER_GROUND,
    ],
    steps: [
      { name: '申请', timeLimit: null },
      { name: '受理', timeLimit: '当场或者五日内' },
      { name: '审查（必要时现场核查）', timeLimit: '十个工作日' },
      { name: '决定', timeLimit: '受理之日起二十个工作日内' },
      { name: '送达证件', timeLimit: '决定之日起十个工作日内' },
    ],
    timeLimit: '法定20个工作日，承诺10个工作日',
  },
  penalty: {
    responsibilities: [
      '立案责任：对监督检查发现或者投诉、举报、移送等途径获得的违法线索，自发现之日起十五个工作日内核查并决定是否立案。',
      '调查责任：由两名以上持有行政执法证件的执法人员调查取证，出示证件，告知当事人申请回避的权利，全面、客观、公正地收集证据，制作笔录。',
      '审查责任：对案件事实、证据、程序、法律适用、处罚种类和幅度进行审核；属于重大执法决定的，作出决定前进行法制审核。',
      '告知责任：作出行政处罚决定前，书面告知当事人拟作出的行政处罚内容及事实、理由、依据，以及陈述、申辩和要求听证的权利。',
      '决定责任：依法作出行政处罚决定；情节复杂或者重大违法行为给予行政处罚的，由负责人集体讨论决定。',
      '送达责任：行政处罚决定书在宣告后当场交付当事人；当事人不在场的，在七日内依法送达。',
      '执行责任：督促当事人履行处罚决定；逾期不履行的，依法加处罚款或者申请人民法院强制执行；依法公示行政处罚信息。',
      OTHER_DUTY,
    ],
    accountability: [
      '没有法定的行政处罚依据的；',
      '擅自改变行政处罚种类、幅度的；',
      '违反法定的行政处罚程序的；',
      '违反规定委托实施行政处罚的；',
      '对应当予以制止和处罚的违法行为不予制止、处罚，致使公民、法人或者其他组织的合法权益、公共利益和社会秩序遭受损害的；',
      '对应当依法移交司法机关追究刑事责任的案件不移交，以行政处罚代替刑事处罚的；',
      '截留、私分或者变相私分罚款、没收的违法所得或者财物的；',
      BRIBE,
      OTHER_GROUND,
    ],
    steps: [
      { name: '立案', timeLimit: '发现线索之日起十五个工作日内' },
      { name: '调查取证', timeLimit: null },
      { name: '案件审核及法制审核', timeLimit: null },
      { name: '告知陈述申辩和听证权利', timeLimit: '当事人收到告知书之日起五个工作日内提出' },
      { name: '作出处罚决定', timeLimit: '立案之日起九十日内' },
      { name: '送达', timeLimit: '七日内' },
      { name: '执行', timeLimit: '当事人收到决定书之日起十五日内缴纳罚款' },
      { name: '结案归档', timeLimit: null },
    ],
    timeLimit: '立案之日起九十日内作出处理决定',
  },
  coercion: {
    responsibilities: [
      '审批责任：实施前向行政机关负责人报告并经批准；情况紧急需要当场实施的，在二十四小时内补办批准手续。',
      '实施责任：由两名以上行政执法人员实施，出示执法证件，通知当事人到场，当场告知理由、依据和当事人的权利、救济途径，听取陈述申辩，制作现场笔录。',
      '送达责任：制作并当场交付查封、扣押决定书和清单。',
      '保管责任：妥善保管查封、扣押的场所、设施或者财物，不得使用或者损毁。',
      '处理责任：在法定期限内作出处理决定；不再需要查封、扣押的，及时解除并退还财物。',
      OTHER_DUTY,
    ],
    accountability: [
      '没有法律、法规依据实施行政强制措施的；',
      '改变行政强制对象、条件、方式的；',
      '违反法定程序实施行政强制措施的；',
      '扩大查封、扣押范围的，或者使用、损毁查封、扣押的场所、设施或者财物的；',
      '在查封、扣押法定期间不作出处理决定或者未依法及时解除查封、扣押的；',
      '截留、私分或者变相私分查封、扣押的财物的；',
      BRIBE,
      OTHER_GROUND,
    ],
    steps: [
      { name: '报告并经负责人批准', timeLimit: '紧急情况二十四小时内补办' },
      { name: '现场实施并制作笔录', timeLimit: '当场' },
      { name: '交付决定书和清单', timeLimit: '当场' },
      { name: '作出处理决定', timeLimit: '三十日内，情况复杂的经批准可延长三十日' },
    ],
    timeLimit: '查封、扣押的期限不超过三十日，情况复杂的经批准可延长三十日',
  },
  levy: {
    responsibilities: [
      '核定责任：按照国家规定的收费项目和标准核定应收金额，并公示收费依据和标准。',
      '收取责任：收费时开具财政部门统一监制的票据。',
      '上缴责任：收取的费用全额上缴国库，实行收支两条线管理。',
      OTHER_DUTY,
    ],
    accountability: ['擅自设立收费项目、扩大收费范围或者提高收费标准的；', '收费不开具合法票据的；', '截留、挪用、私分收取的费用的；', OTHER_GROUND],
    steps: [
      { name: '核定', timeLimit: null },
      { name: '收取并开具票据', timeLimit: '当场' },
      { name: '上缴国库', timeLimit: null },
    ],
    timeLimit: null,
  },
  benefit: {
    responsibilities: [
      '受理责任：告知申请补偿应当提交的材料，依法受理申请。',
      '审核责任：核实财产损失的事实和数额。',
      '决定责任：依法作出给予或者不予补偿的决定，不予补偿的说明理由。',
      '兑付责任：按照决定及时兑付补偿款项。',
      OTHER_DUTY,
    ],
    accountability: ['对符合条件的申请不予受理或者不予补偿的；', '违反规定确定补偿数额的；', '截留、挪用补偿款项的；', OTHER_GROUND],
    steps: [
      { name: '申请', timeLimit: null },
      { name: '核实损失', timeLimit: null },
      { name: '作出补偿决定', timeLimit: null },
      { name: '兑付', timeLimit: null },
    ],
    timeLimit: null,
  },
  inspection: {
    responsibilities: [
      '检查计划责任：按照“双随机、一公开”要求制定年度检查计划，随机抽取检查对象和执法检查人员。',
      '检查实施责任：由两名以上执法人员实施检查，出示执法证件，按照检查要点如实记录检查情况，由被检查单位确认。',
      '处置责任：对检查中发现的问题依法责令改正或者采取相应措施；涉嫌违法的，依法立案查处；涉嫌犯罪的，依法移送。',
      '信息公开责任：依法公示检查结果，并记入市场主体信用记录。',
      OTHER_DUTY,
    ],
    accountability: [
      '未按规定开展监督检查，或者对检查中发现的违法行为未依法处理，造成严重后果的；',
      '检查中滥用职权、玩忽职守、徇私舞弊的；',
      '违反规定泄露被检查单位的商业秘密或者个人信息的；',
      '违反规定重复检查、干扰正常生产经营活动的；',
      BRIBE,
      OTHER_GROUND,
    ],
    steps: [
      { name: '制定检查计划', timeLimit: null },
      { name: '随机抽取检查对象和检查人员', timeLimit: null },
      { name: '实施检查并记录', timeLimit: null },
      { name: '处理检查发现的问题', timeLimit: null },
      { name: '公示检查结果', timeLimit: '检查结束之日起二十个工作日内' },
    ],
    timeLimit: null,
  },
  confirmation: {
    responsibilities: [
      '受理责任：公示登记所需材料，一次性告知需要补正的材料；依法受理或者不予受理。',
      '审查责任：对申请材料进行形式审查。',
      '决定责任：申请材料齐全、符合法定形式的予以确认并当场登记；不予登记的出具不予登记通知书并说明理由。',
      '送达责任：出具登记通知书，及时制发证照。',
      '事后监管责任：依法对登记事项进行监督管理。',
      OTHER_DUTY,
    ],
    accountability: [
      '对符合条件的申请不予受理、不予登记或者不在法定期限内办理的；',
      '对不符合条件的申请予以登记的；',
      '未依法说明不予登记理由的；',
      BRIBE,
      OTHER_GROUND,
    ],
    steps: [
      { name: '申请', timeLimit: null },
      { name: '受理', timeLimit: '当场' },
      { name: '审查', timeLimit: '当场' },
      { name: '登记', timeLimit: '当场；不能当场登记的三个工作日内' },
      { name: '发照', timeLimit: '当场' },
    ],
    timeLimit: '当场办结；不能当场登记的三个工作日内',
  },
  reward: {
    responsibilities: [
      '受理责任：公布举报方式，登记举报内容和举报人奖励信息。',
      '核实责任：对举报事项依法核查，确认举报是否查证属实。',
      '决定责任：按照奖励标准提出奖励意见，报负责人批准。',
      '兑现责任：通知举报人领取奖金，按规定兑付。',
      '保密责任：对举报人信息予以保密。',
      OTHER_DUTY,
    ],
    accountability: [
      '对符合奖励条件的举报不予奖励或者不按标准奖励的；',
      '泄露举报人信息或者将举报情况透露给被举报人的；',
      '弄虚作假、骗取或者截留、挪用奖金的；',
      OTHER_GROUND,
    ],
    steps: [
      { name: '受理举报', timeLimit: null },
      { name: '核查', timeLimit: null },
      { name: '审批奖励', timeLimit: null },
      { name: '兑付奖金', timeLimit: null },
    ],
    timeLimit: null,
  },
  adjudication: {
    responsibilities: [
      '受理责任：对当事人的申请依法审查，决定是否受理。',
      '调解责任：组织当事人调解，制作调解书。',
      '仲裁检定责任：调解不成的，指定有关计量检定机构进行仲裁检定，出具仲裁检定通知书。',
      '告知责任：告知当事人结果及不服时的申诉途径。',
      OTHER_DUTY,
    ],
    accountability: ['对符合条件的申请不予受理的；', '调解、仲裁检定中徇私舞弊、偏袒一方当事人的；', BRIBE, OTHER_GROUND],
    steps: [
      { name: '申请', timeLimit: null },
      { name: '受理', timeLimit: null },
      { name: '调解或者仲裁检定', timeLimit: null },
      { name: '告知结果', timeLimit: null },
    ],
    timeLimit: null,
  },
  other: {
    responsibilities: [
      '受理责任：依法受理或者告知不予受理的理由。',
      '办理责任：依照法定程序和时限办理。',
      '告知责任：将办理结果告知当事人，并告知救济途径。',
      OTHER_DUTY,
    ],
    accountability: ['不依法履行职责或者拖延履行职责的；', '违反法定程序办理的；', BRIBE, OTHER_GROUND],
    steps: [
      { name: '受理', timeLimit: null },
      { name: '办理', timeLimit: null },
      { name: '告知结果', timeLimit: null },
    ],
    timeLimit: null,
  },
};
