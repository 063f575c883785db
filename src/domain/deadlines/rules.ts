/**
 * Legal time limits (法定期限) as dated, cited data. Change a limit here, in one place; the
 * deadline calculator, the CLI and every module that schedules deadlines read it.
 *
 * Counting (RULES.md): 行政处罚法 第八十五条 — its "二日""三日""五日""七日" are working days;
 * other periods are calendar days unless the text says 工作日. A period starts the day after the
 * event; a period in days, months or years that ends on a rest day ends on the next working day
 * (民法典 第二百零三条). `basis` links article versions of the law library; `sourceNote` names a
 * source that is not in the library yet.
 */

export type DeadlineUnit = 'workingDays' | 'calendarDays' | 'months' | 'years';

export interface DeadlineRule {
  id: string;
  label: string;
  amount: number;
  unit: DeadlineUnit;
  /** 'after': due N units after the event; 'before': the latest date N units before the event */
  direction: 'after' | 'before';
  event: string;
  basis: readonly string[];
  sourceNote?: string;
  /** periods that may be excluded (中止/扣除), e.g. hearing, testing, public notice */
  suspendable: boolean;
  extension?: { amount: number; unit: DeadlineUnit; approval: string };
  /** warn this many working days before the due date */
  warnWorkingDays: number;
  validFrom: string;
  /**
   * Worked examples, run by the tests and shown in the 规则目录: with the shipped calendar, the event
   * on `start` gives `due`. `text` says it in Chinese, quoting the article.
   */
  examples?: readonly { text: string; start: string; due: string }[];
}

const APL = '行政处罚法@2021-01-22';
const PUB = '市场监督管理行政处罚信息公示规定@2021-07-30';
const REF = '行政执法机关移送涉嫌犯罪案件的规定@2020-08-07';

const rules = [
  {
    id: 'lead.verification',
    label: '线索核查并决定是否立案',
    amount: 15,
    unit: 'workingDays',
    direction: 'after',
    event: '发现或收到线索',
    basis: [],
    sourceNote: '《市场监督管理行政处罚程序规定》第十八条（国家市场监督管理总局令第42号，待入库）',
    suspendable: true,
    extension: { amount: 15, unit: 'workingDays', approval: '市场监督管理部门负责人批准' },
    warnWorkingDays: 3,
    validFrom: '2022-09-01',
  },
  {
    id: 'penalty.limitation',
    label: '行政处罚追责时效',
    amount: 2,
    unit: 'years',
    direction: 'after',
    event: '违法行为发生（有连续或者继续状态的，自行为终了）',
    basis: [`${APL}#第三十六条`],
    suspendable: false,
    warnWorkingDays: 20,
    validFrom: '2021-07-15',
  },
  {
    id: 'penalty.limitation.lifeHealth',
    label: '行政处罚追责时效（涉及生命健康安全、金融安全且有危害后果）',
    amount: 5,
    unit: 'years',
    direction: 'after',
    event: '违法行为发生（有连续或者继续状态的，自行为终了）',
    basis: [`${APL}#第三十六条`],
    suspendable: false,
    warnWorkingDays: 20,
    validFrom: '2021-07-15',
  },
  {
    id: 'penalty.decision',
    label: '作出行政处罚决定',
    amount: 90,
    unit: 'calendarDays',
    direction: 'after',
    event: '立案',
    basis: [`${APL}#第六十条`],
    suspendable: true,
    extension: { amount: 30, unit: 'calendarDays', approval: '市场监督管理部门负责人批准（《市场监督管理行政处罚程序规定》第六十四条）' },
    warnWorkingDays: 10,
    validFrom: '2021-07-15',
  },
  {
    id: 'penalty.statement',
    label: '当事人陈述、申辩',
    amount: 5,
    unit: 'workingDays',
    direction: 'after',
    event: '收到行政处罚告知书',
    basis: [`${APL}#第四十五条`],
    sourceNote:
      '《市场监督管理行政处罚程序规定》第五十七条：自告知书送达之日起五个工作日内未行使陈述、申辩权的，视为放弃（国家市场监督管理总局令第42号，待入库）',
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2022-09-01',
  },
  {
    id: 'penalty.hearingRequest',
    label: '当事人提出听证要求',
    amount: 5,
    unit: 'workingDays',
    direction: 'after',
    event: '行政机关告知听证权利',
    basis: [`${APL}#第六十四条`, `${APL}#第八十五条`],
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2021-07-15',
  },
  {
    id: 'penalty.hearingNotice',
    label: '通知当事人听证时间、地点',
    amount: 7,
    unit: 'workingDays',
    direction: 'before',
    event: '举行听证',
    basis: [`${APL}#第六十四条`, `${APL}#第八十五条`],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2021-07-15',
  },
  {
    id: 'penalty.service',
    label: '送达行政处罚决定书（当事人不在场）',
    amount: 7,
    unit: 'workingDays',
    direction: 'after',
    event: '作出行政处罚决定',
    basis: [`${APL}#第六十一条`, `${APL}#第八十五条`],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2021-07-15',
  },
  {
    id: 'penalty.payment',
    label: '当事人缴纳罚款',
    amount: 15,
    unit: 'calendarDays',
    direction: 'after',
    event: '收到行政处罚决定书',
    basis: [`${APL}#第六十七条`],
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2021-07-15',
  },
  {
    id: 'publicity.penalty',
    label: '公示行政处罚信息（国家企业信用信息公示系统）',
    amount: 20,
    unit: 'workingDays',
    direction: 'after',
    event: '作出行政处罚决定',
    basis: [`${PUB}#第九条`],
    suspendable: false,
    warnWorkingDays: 5,
    validFrom: '2021-09-01',
  },
  {
    id: 'publicity.withdrawal',
    label: '撤回已变更、撤销的行政处罚公示信息',
    amount: 3,
    unit: 'workingDays',
    direction: 'after',
    event: '行政处罚决定被变更、撤销、确认违法或无效',
    basis: [`${PUB}#第十一条`],
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2021-09-01',
  },
  {
    id: 'publicity.period',
    label: '行政处罚信息公示期（一般）',
    amount: 3,
    unit: 'years',
    direction: 'after',
    event: '公示',
    basis: [`${PUB}#第十三条`],
    suspendable: false,
    warnWorkingDays: 10,
    validFrom: '2021-09-01',
  },
  {
    id: 'publicity.period.low',
    label: '行政处罚信息公示期（通报批评或较低数额罚款）',
    amount: 3,
    unit: 'months',
    direction: 'after',
    event: '公示',
    basis: [`${PUB}#第十三条`],
    suspendable: false,
    warnWorkingDays: 5,
    validFrom: '2021-09-01',
  },
  {
    id: 'publicity.credit',
    label: '双公示：行政许可、行政处罚信息上报信用网站',
    amount: 7,
    unit: 'workingDays',
    direction: 'after',
    event: '作出行政许可或行政处罚决定',
    basis: [],
    sourceNote: '国务院办公厅、国家发展改革委 双公示 要求（RULES.md：未核实 / unverified）',
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2016-01-01',
  },
  {
    id: 'publicity.repair.minimum',
    label: '信用修复：一般行政处罚信息最短公示期',
    amount: 3,
    unit: 'months',
    direction: 'after',
    event: '公示',
    basis: [],
    sourceNote: '失信行为纠正后的信用信息修复管理办法（试行）（2023）（RULES.md：未核实 / unverified）',
    suspendable: false,
    warnWorkingDays: 0,
    validFrom: '2023-05-01',
  },
  {
    id: 'inspection.resultsPublication',
    label: '公开双随机抽查结果',
    amount: 20,
    unit: 'workingDays',
    direction: 'after',
    event: '检查结果信息形成（抽查任务检查结束）',
    basis: ['食品生产经营监督检查管理办法@2021-12-24#第三十九条', '优化营商环境条例@2019-10-22#第五十四条'],
    suspendable: false,
    warnWorkingDays: 5,
    validFrom: '2022-03-15',
  },
  {
    id: 'complaint.acceptance',
    label: '决定是否受理投诉',
    amount: 7,
    unit: 'workingDays',
    direction: 'after',
    event: '收到投诉',
    basis: ['市场监督管理投诉举报处理暂行办法@2022-03-24#第十四条'],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2022-05-01',
  },
  {
    id: 'referral.approval',
    label: '决定是否批准移送涉嫌犯罪案件',
    amount: 3,
    unit: 'calendarDays',
    direction: 'after',
    event: '专案组提出移送报告',
    basis: [`${REF}#第五条`],
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2020-08-07',
  },
  {
    id: 'referral.policeDecision',
    label: '公安机关决定是否立案',
    amount: 3,
    unit: 'calendarDays',
    direction: 'after',
    event: '公安机关接受移送',
    basis: [`${REF}#第八条`],
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2020-08-07',
  },
  {
    id: 'referral.reconsiderationRequest',
    label: '提请公安机关复议不予立案决定',
    amount: 3,
    unit: 'calendarDays',
    direction: 'after',
    event: '接到不予立案通知书',
    basis: [`${REF}#第九条`],
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2020-08-07',
  },
  {
    id: 'reconsideration.application',
    label: '申请行政复议',
    amount: 60,
    unit: 'calendarDays',
    direction: 'after',
    event: '知道或者应当知道行政行为',
    basis: ['行政复议法@2023-09-01#第二十条'],
    suspendable: false,
    warnWorkingDays: 5,
    validFrom: '2024-01-01',
  },
  {
    id: 'reconsideration.decision',
    label: '作出行政复议决定（普通程序）',
    amount: 60,
    unit: 'calendarDays',
    direction: 'after',
    event: '受理行政复议申请',
    basis: ['行政复议法@2023-09-01#第六十二条'],
    suspendable: true,
    extension: { amount: 30, unit: 'calendarDays', approval: '行政复议机构负责人批准' },
    warnWorkingDays: 5,
    validFrom: '2024-01-01',
  },
  {
    id: 'litigation.filing',
    label: '直接提起行政诉讼',
    amount: 6,
    unit: 'months',
    direction: 'after',
    event: '知道或者应当知道作出行政行为',
    basis: ['行政诉讼法@2017-06-27#第四十六条'],
    suspendable: false,
    warnWorkingDays: 10,
    validFrom: '2017-07-01',
  },
] as const satisfies readonly DeadlineRule[];

/** The id of a rule of this table: a literal, so `deadlineRule('…')` with a typo does not compile. */
export type DeadlineRuleId = (typeof rules)[number]['id'];
export const deadlineRules: readonly DeadlineRule[] = rules;

export const deadlineRuleById: ReadonlyMap<string, DeadlineRule> = new Map(deadlineRules.map((r) => [r.id, r]));

/** The rule with this id (known at compile time). */
export const deadlineRule = (id: DeadlineRuleId): DeadlineRule => deadlineRuleById.get(id)!;

export const isDeadlineRuleId = (id: string): id is DeadlineRuleId => deadlineRuleById.has(id);

export const deadlineUnitLabels: Record<DeadlineUnit, string> = { workingDays: '个工作日', calendarDays: '日', months: '个月', years: '年' };
