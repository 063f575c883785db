/**
 * Legal time limits (法定期限) as dated, cited data. Change a limit here, in one place; the
 * deadline calculator, the CLI and every module that schedules deadlines read it.
 *
 * Counting (RULES.md): 行政处罚法 第八十五条 — its "二日""三日""五日""七日" are working days;
 * other periods are calendar days unless the text says 工作日. A period starts the day after the
 * event; a period in days, months or years that ends on a rest day ends on the next working day
 * (民法典 第二百零三条) unless the rule declares otherwise (`restDay`: 追责时效 and 公示期 end when they end). `basis` links article versions of the law library; `sourceNote` names a
 * source that is not in the library yet.
 */

export type DeadlineUnit = 'workingDays' | 'calendarDays' | 'months' | 'years';

export interface DeadlineRule {
  id: string;
  label: string;
  amount: number;
  unit: DeadlineUnit;
  /**
   * 'after': due N units after the event (the event's day not counted); 'before': the latest day that
   * leaves N full units before the event — neither that day nor the event's day counts (e.g. 七日前通知).
   */
  direction: 'after' | 'before';
  event: string;
  basis: readonly string[];
  sourceNote?: string;
  /** periods that may be excluded (中止/扣除), e.g. hearing, testing, public notice */
  suspendable: boolean;
  extension?: { amount: number; unit: DeadlineUnit; approval: string };
  /** warn this many working days before the due date */
  warnWorkingDays: number;
  /**
   * Whether a period in days, months or years whose last day is a rest day ends on the next working day
   * (a party's period: 民法典 第二百零三条, 行政诉讼法 解释), with the reason. Declare `extends: false` where the
   * end limits the body's power or the party's exposure (追责时效, 公示期): extending it needs a text that says
   * so. Absent: the general rule for a party's period (extends). Not used for working-day periods.
   */
  restDay?: { extends: boolean; reason: string };
  validFrom: string;
  /** YYYY-MM-DD: when this rule's content (period, event, citation) last changed — shown in the 规则目录 */
  changedOn: string;
  /**
   * Worked examples, run by the tests and shown in the 规则目录: with the shipped calendar, the event
   * on `start` gives `due`. `text` says it in Chinese, quoting the article. At least one: a rule without
   * an example does not compile.
   */
  examples: readonly [{ text: string; start: string; due: string }, ...{ text: string; start: string; due: string }[]];
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
    sourceNote:
      '《市场监督管理行政处罚程序规定》第十八条：十五个工作日内核查并决定是否立案，经负责人批准可延长十五个工作日，检测、检验、检疫、鉴定等时间不计入（文本未入库，条号与令号未经平台核对）',
    suspendable: true,
    extension: { amount: 15, unit: 'workingDays', approval: '市场监督管理部门负责人批准' },
    warnWorkingDays: 3,
    validFrom: '2022-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '自发现线索或者收到材料之日起十五个工作日内核查并决定是否立案：2025年9月26日（星期五）收到线索，9月28日（星期日）调休上班计入，国庆、中秋假期（10月1日至8日）不计，10月11日（星期六）调休上班计入，10月23日届满',
        start: '2025-09-26',
        due: '2025-10-23',
      },
    ],
  },
  {
    // 追责时效: the violation must be *discovered* (the lead's date) by `due`; not measured at filing
    id: 'penalty.limitation',
    label: '行政处罚追责时效（违法行为须在期限内被发现）',
    amount: 2,
    unit: 'years',
    direction: 'after',
    event: '违法行为发生（有连续或者继续状态的，自行为终了）',
    basis: [`${APL}#第三十六条`, `${APL}#第三十七条`],
    suspendable: false,
    restDay: { extends: false, reason: '追责时效届满即不再给予行政处罚（第三十六条），延长处罚权须有法律明文规定，届满日不因节假日顺延' },
    warnWorkingDays: 20,
    validFrom: '2021-07-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第三十六条“违法行为在二年内未被发现的，不再给予行政处罚”，“从违法行为发生之日起计算”：2024年3月1日发生的违法行为，至2026年3月1日（星期日）届满，不顺延；3月2日才发现的，不再给予行政处罚',
        start: '2024-03-01',
        due: '2026-03-01',
      },
      {
        text: '违法行为有连续或者继续状态的，从行为终了之日起计算：2024年2月29日终了，二年至2026年2月28日届满（2026年无2月29日）',
        start: '2024-02-29',
        due: '2026-02-28',
      },
    ],
  },
  {
    id: 'penalty.limitation.lifeHealth',
    label: '行政处罚追责时效（涉及生命健康安全、金融安全且有危害后果，2021年7月15日起的违法行为）',
    amount: 5,
    unit: 'years',
    direction: 'after',
    event: '违法行为发生（有连续或者继续状态的，自行为终了）',
    basis: [`${APL}#第三十六条`, `${APL}#第三十七条`, `${APL}#第八十六条`],
    suspendable: false,
    restDay: { extends: false, reason: '追责时效届满即不再给予行政处罚（第三十六条），延长处罚权须有法律明文规定，届满日不因节假日顺延' },
    warnWorkingDays: 20,
    validFrom: '2021-07-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第三十六条“涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年”：2021年8月1日发生的违法行为，至2026年8月1日（星期六）届满，不顺延',
        start: '2021-08-01',
        due: '2026-08-01',
      },
    ],
  },
  {
    // 第三十七条: the law in force at the time of the act — before 2021-07-15 (第八十六条) the earlier text's two years
    id: 'penalty.limitation.2017',
    label: '行政处罚追责时效（2021年7月15日前发生的违法行为）',
    amount: 2,
    unit: 'years',
    direction: 'after',
    event: '违法行为发生（有连续或者继续状态的，自行为终了）',
    basis: [`${APL}#第三十七条`, `${APL}#第八十六条`],
    sourceNote:
      '《行政处罚法》（1996年通过，2009年、2017年修正）第二十九条：“违法行为在二年内未被发现的，不再给予行政处罚。法律另有规定的除外。前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。”（该版本文本未入库）。依现行法第三十七条适用违法行为发生时的规定，现行法第三十六条的五年期限不适用于2021年7月15日前发生的违法行为',
    suspendable: false,
    restDay: { extends: false, reason: '追责时效届满即不再给予行政处罚，延长处罚权须有法律明文规定，届满日不因节假日顺延' },
    warnWorkingDays: 20,
    validFrom: '1996-10-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第三十七条“实施行政处罚，适用违法行为发生时的法律”：2021年3月1日发生、涉及生命健康安全的违法行为，适用修改前第二十九条的二年，至2023年3月1日届满',
        start: '2021-03-01',
        due: '2023-03-01',
      },
    ],
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
    sourceNote:
      '延长三十日及再次延期：《市场监督管理行政处罚程序规定》第六十四条（国家市场监督管理总局令第42号，待入库）——经延期仍不能作出处理决定的，由负责人集体讨论决定是否继续延期并确定延长的期限；条文未入库，延长期限由集体讨论决定，不在此设定天数',
    warnWorkingDays: 10,
    validFrom: '2021-07-15',
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第六十条“自行政处罚案件立案之日起九十日内作出行政处罚决定”：2025年3月3日立案，第九十日为6月1日，逢端午节假期（5月31日至6月2日），顺延至6月3日',
        start: '2025-03-03',
        due: '2025-06-03',
      },
    ],
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
      '五个工作日：《市场监督管理行政处罚程序规定》第五十七条，自告知书送达之日起五个工作日内未行使陈述、申辩权的，视为放弃（文本未入库，条号与令号未经平台核对）；行政处罚法第四十五条只规定陈述、申辩的权利，未规定期间',
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2022-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '自告知书送达之日起五个工作日内陈述、申辩：2025年9月30日送达，国庆、中秋假期不计，10月11日（星期六）调休上班计入，10月14日届满',
        start: '2025-09-30',
        due: '2025-10-14',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第六十四条第（一）项“当事人要求听证的，应当在行政机关告知后五日内提出”，“五日”是工作日（第八十五条）：2025年4月30日告知，劳动节假期（5月1日至5日）不计，5月12日（星期一）届满',
        start: '2025-04-30',
        due: '2025-05-12',
      },
    ],
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
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第六十四条第（二）项“行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点”，“七日”为工作日（第八十五条），通知之日与听证之日均不计入：2026年3月16日（星期一）举行听证，最迟于3月4日通知（3月5日至13日间有七个工作日）',
        start: '2026-03-16',
        due: '2026-03-04',
      },
      {
        text: '跨越国庆、中秋假期：2025年10月13日（星期一）举行听证，10月11日（星期六）、9月28日（星期日）调休上班计入，10月1日至8日不计，最迟于9月25日通知',
        start: '2025-10-13',
        due: '2025-09-25',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第六十一条“当事人不在场的，行政机关应当在七日内……送达”，“七日”是工作日（第八十五条）：2026年2月12日作出决定，2月14日、2月28日（星期六）调休上班计入，春节假期（2月15日至23日）不计，2月28日届满',
        start: '2026-02-12',
        due: '2026-02-28',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第六十七条第三款“当事人应当自收到行政处罚决定书之日起十五日内……缴纳罚款”（日历日）：2025年9月20日收到，第十五日为10月5日，逢国庆、中秋假期，顺延至10月9日',
        start: '2025-09-20',
        due: '2025-10-09',
      },
    ],
  },
  {
    id: 'penalty.onSiteHandover',
    label: '当场收缴的罚款交至行政机关',
    amount: 2,
    unit: 'workingDays',
    direction: 'after',
    event: '执法人员当场收缴罚款',
    basis: [`${APL}#第七十一条`, `${APL}#第八十五条`],
    suspendable: false,
    warnWorkingDays: 1,
    validFrom: '2021-07-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '“执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关”（第七十一条），“二日”是工作日（第八十五条）：2026年11月20日（星期五）收缴的，最迟于11月24日（星期二）交至行政机关',
        start: '2026-11-20',
        due: '2026-11-24',
      },
    ],
  },
  {
    id: 'evidence.preservationDecision',
    label: '对先行登记保存的证据作出处理决定',
    amount: 7,
    unit: 'workingDays',
    direction: 'after',
    event: '先行登记保存证据',
    basis: [`${APL}#第五十六条`, `${APL}#第八十五条`],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2021-07-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第五十六条“先行登记保存，并应当在七日内及时作出处理决定”，七日为工作日（第八十五条）：2026年9月30日登记保存，国庆假期不计、10月10日（星期六）调休上班计入，10月15日届满',
        start: '2026-09-30',
        due: '2026-10-15',
      },
    ],
  },
  {
    id: 'coercive.seizure',
    label: '查封、扣押期限',
    amount: 30,
    unit: 'calendarDays',
    direction: 'after',
    event: '实施查封、扣押',
    basis: ['行政强制法@2011-06-30#第二十五条', '行政强制法@2011-06-30#第二十七条'],
    // 第二十五条第三款: 检测、检验、检疫或者技术鉴定的期间不计入 — registered as a suspension of the measure's deadline
    suspendable: true,
    extension: { amount: 30, unit: 'calendarDays', approval: '行政机关负责人批准（《行政强制法》第二十五条第一款）' },
    warnWorkingDays: 5,
    validFrom: '2012-01-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第二十五条“查封、扣押的期限不得超过三十日”（第六十九条只将“十日以内”的期限规定为工作日，三十日按日历日计算）：2026年9月4日扣押，10月4日届满，逢国庆假期顺延至10月8日',
        start: '2026-09-04',
        due: '2026-10-08',
      },
    ],
  },
  {
    id: 'report.filingNotice',
    label: '将是否立案的决定告知实名举报人',
    amount: 5,
    unit: 'workingDays',
    direction: 'after',
    event: '作出是否立案决定',
    basis: ['市场监督管理投诉举报处理暂行办法@2022-03-24#第三十一条'],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2022-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第三十一条第二款“举报人实名举报的……自作出是否立案决定之日起五个工作日内告知举报人”：2026年9月3日（星期四）批准立案，9月10日届满',
        start: '2026-09-03',
        due: '2026-09-10',
      },
    ],
  },
  {
    id: 'publicity.push',
    label: '将行政处罚信息推送至当事人登记地（住所地）市场监督管理部门',
    amount: 10,
    unit: 'workingDays',
    direction: 'after',
    event: '作出行政处罚决定（当事人登记地不在本省、自治区、直辖市）',
    basis: [`${PUB}#第十条`],
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2021-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第十条“不在同一省、自治区、直辖市的……自作出行政处罚决定之日起十个工作日内……推送至当事人登记地（住所地）市场监督管理部门”：2026年11月2日决定，11月16日届满',
        start: '2026-11-02',
        due: '2026-11-16',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第九条“应当自作出行政处罚决定之日起二十个工作日内……进行公示”：2026年9月18日作出决定，中秋（9月25日至27日）、国庆（10月1日至7日）假期不计，9月20日、10月10日调休上班计入，10月22日届满',
        start: '2026-09-18',
        due: '2026-10-22',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第十一条“应当在三个工作日内撤回行政处罚公示信息并说明理由”：2025年12月31日决定被撤销，元旦假期（2026年1月1日至3日）不计，1月4日（星期日）调休上班计入，1月6日届满',
        start: '2025-12-31',
        due: '2026-01-06',
      },
    ],
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
    restDay: { extends: false, reason: '第十三条“自公示之日起届满三年的，停止公示”：公示期届满即停止，无顺延的规定，不延长对当事人信息的公示' },
    warnWorkingDays: 10,
    validFrom: '2021-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第十三条“其他行政处罚信息自公示之日起届满三年的，停止公示”：2023年3月5日公示，至2026年3月5日届满停止公示',
        start: '2023-03-05',
        due: '2026-03-05',
      },
      {
        text: '届满日为休息日的不顺延：2023年10月4日公示，至2026年10月4日（国庆假期）届满停止公示',
        start: '2023-10-04',
        due: '2026-10-04',
      },
    ],
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
    restDay: { extends: false, reason: '第十三条“自公示之日起届满三个月的，停止公示”：公示期届满即停止，无顺延的规定，不延长对当事人信息的公示' },
    warnWorkingDays: 5,
    validFrom: '2021-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第十三条“仅受到通报批评或者较低数额罚款的行政处罚信息自公示之日起届满三个月的，停止公示”：2026年1月31日公示，至4月30日届满（4月无31日）',
        start: '2026-01-31',
        due: '2026-04-30',
      },
      {
        text: '届满日为休息日的不顺延：2026年7月4日公示，至10月4日（国庆假期，星期日）届满停止公示',
        start: '2026-07-04',
        due: '2026-10-04',
      },
    ],
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
    changedOn: '2026-12-01',
    examples: [
      {
        text: '作出决定之日起七个工作日内上报：2025年1月24日（星期五）作出决定，1月26日（星期日）调休上班计入，春节假期（1月28日至2月4日）不计，2月8日（星期六）调休上班计入，2月10日届满',
        start: '2025-01-24',
        due: '2025-02-10',
      },
    ],
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
    restDay: { extends: false, reason: '最短公示期届满后当事人即可申请信用修复；顺延将推迟当事人的权利，无顺延的规定' },
    warnWorkingDays: 0,
    validFrom: '2023-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '最短公示期三个月（来源未入库、未核实）：2026年7月4日公示，至10月4日（星期日）届满，不顺延，届满后可申请信用修复',
        start: '2026-07-04',
        due: '2026-10-04',
      },
    ],
  },
  {
    id: 'inspection.resultsPublication',
    label: '公开双随机抽查结果',
    amount: 20,
    unit: 'workingDays',
    direction: 'after',
    event: '检查结果信息形成（抽查任务检查结束）',
    basis: ['食品生产经营监督检查管理办法@2021-12-24#第三十九条', '优化营商环境条例@2019-10-22#第五十四条'],
    sourceNote:
      '二十个工作日出自《食品生产经营监督检查管理办法》第三十九条（食品生产经营监督检查）；优化营商环境条例第五十四条只要求抽查事项及查处结果“及时向社会公开”，未规定天数；其他领域双随机抽查结果公示期限的文件未入库',
    suspendable: false,
    warnWorkingDays: 5,
    validFrom: '2022-03-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '《食品生产经营监督检查管理办法》第三十九条“应当于检查结果信息形成后20个工作日内向社会公开”：2025年6月20日（星期五）检查结束，7月18日（星期五）届满',
        start: '2025-06-20',
        due: '2025-07-18',
      },
    ],
  },
  {
    // 规范性文件 备案: the national default; a province configures its own rule (domain/normativeDocuments/rules.ts)
    id: 'normativeDocument.filing',
    label: '行政规范性文件报送备案',
    amount: 30,
    unit: 'calendarDays',
    direction: 'after',
    event: '行政规范性文件公布',
    basis: ['法规规章备案审查条例@2024-08-30#第四条', '法规规章备案审查条例@2024-08-30#第二十五条'],
    sourceNote:
      '第四条规定的是规章“自公布之日起30日内”报送备案；行政规范性文件的备案期限由国办发〔2018〕37号和各省规定（第二十五条：省级人民政府建立对下级行政机关规范性文件的备案审查制度），文本未入库。平台默认参照第四条的30日，须按本省规定配置',
    suspendable: false,
    warnWorkingDays: 5,
    validFrom: '2024-11-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '参照第四条“应当自公布之日起30日内……报送备案”：2026年3月2日公布，4月1日届满',
        start: '2026-03-02',
        due: '2026-04-01',
      },
      {
        text: '期间最后一日为休息日的顺延（民法典第二百零三条）：2026年9月1日公布，第30日10月1日为国庆假期，顺延至10月8日',
        start: '2026-09-01',
        due: '2026-10-08',
      },
    ],
  },
  {
    id: 'normativeDocument.validity',
    label: '行政规范性文件有效期',
    amount: 5,
    unit: 'years',
    direction: 'after',
    event: '行政规范性文件施行',
    basis: [],
    sourceNote:
      '有效期制度由各省行政规范性文件管理规定确定（常见为一般不超过5年），国办发〔2018〕37号要求建立动态清理机制；上述文本均未入库，平台默认值未经核实，须按本省规定配置',
    suspendable: false,
    restDay: { extends: false, reason: '有效期届满即自动失效，失效日不因节假日顺延' },
    warnWorkingDays: 60,
    validFrom: '2018-05-16',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '有效期五年（默认值，未核实）：2026年3月1日施行，至2031年3月1日（星期六）届满，不顺延',
        start: '2026-03-01',
        due: '2031-03-01',
      },
    ],
  },
  {
    id: 'normativeDocument.validity.provisional',
    label: '行政规范性文件有效期（暂行、试行）',
    amount: 2,
    unit: 'years',
    direction: 'after',
    event: '行政规范性文件施行',
    basis: [],
    sourceNote: '标题含“暂行”“试行”的行政规范性文件有效期较短，由各省规定（常见为不超过2年）；文本未入库，平台默认值未经核实，须按本省规定配置',
    suspendable: false,
    restDay: { extends: false, reason: '有效期届满即自动失效，失效日不因节假日顺延' },
    warnWorkingDays: 40,
    validFrom: '2018-05-16',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '暂行、试行有效期二年（默认值，未核实）：2026年3月1日施行，至2028年3月1日届满',
        start: '2026-03-01',
        due: '2028-03-01',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第十四条“应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定”：2025年4月30日收到，劳动节假期（5月1日至5日）不计，5月14日届满',
        start: '2025-04-30',
        due: '2025-05-14',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第五条“应当自接到报告之日起３日内作出批准移送或者不批准移送的决定”（日历日）：2025年9月29日接到报告，第三日为10月2日，逢国庆假期，顺延至10月9日',
        start: '2025-09-29',
        due: '2025-10-09',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第八条“公安机关应当自接受……移送的涉嫌犯罪案件之日起３日内……进行审查”（日历日）：2026年5月8日接受移送，5月11日（星期一）届满',
        start: '2026-05-08',
        due: '2026-05-11',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '第九条“可以自接到不予立案通知书之日起３日内，提请……复议”（日历日）：2026年6月17日接到，第三日为6月20日，逢端午节假期（6月19日至21日），顺延至6月22日',
        start: '2026-06-17',
        due: '2026-06-22',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '《行政复议法》第二十条“可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请”：2025年8月8日知道，第六十日为10月7日，逢国庆、中秋假期，顺延至10月9日',
        start: '2025-08-08',
        due: '2025-10-09',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '《行政复议法》第六十二条“应当自受理申请之日起六十日内作出行政复议决定”：2026年3月2日受理，第六十日为5月1日，逢劳动节假期（5月1日至5日），顺延至5月6日',
        start: '2026-03-02',
        due: '2026-05-06',
      },
    ],
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
    changedOn: '2026-11-23',
    examples: [
      {
        text: '《行政诉讼法》第四十六条“应当自知道或者应当知道作出行政行为之日起六个月内提出”：2025年8月31日知道，到期月（2026年2月）没有31日，以月末2月28日为最后一日（民法典第二百零二条），当日为调休上班日，2月28日届满',
        start: '2025-08-31',
        due: '2026-02-28',
      },
    ],
  },
  {
    id: 'enforcement.demand',
    label: '催告书送达后当事人履行义务',
    amount: 10,
    unit: 'workingDays',
    direction: 'after',
    event: '催告书送达',
    basis: ['行政强制法@2011-06-30#第五十四条', '行政强制法@2011-06-30#第六十九条'],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2012-01-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '《行政强制法》第五十四条“催告书送达十日后当事人仍未履行义务的，行政机关可以向…人民法院申请强制执行”，第六十九条“十日以内期限的规定是指工作日”：2026年9月24日（星期四）送达，中秋假期（9月25日至27日）、国庆假期（10月1日至7日）不计，10月10日（星期六）调休上班计入，10月15日届满，次日起方可申请',
        start: '2026-09-24',
        due: '2026-10-15',
      },
    ],
  },
  {
    id: 'enforcement.application',
    label: '申请人民法院强制执行',
    amount: 3,
    unit: 'months',
    direction: 'after',
    event: '申请行政复议、提起行政诉讼的法定期限届满（批准延期、分期缴纳罚款的，自暂缓或者分期缴纳罚款期限结束）',
    basis: ['行政强制法@2011-06-30#第五十三条', '行政处罚法@2021-01-22#第七十二条'],
    sourceNote:
      '期间届满日为休息日的，按本表通则顺延至下一工作日；《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百五十六条亦规定“自被执行人的法定起诉期限届满之日起三个月内提出”（文本未入库，未经平台核对）',
    suspendable: false,
    warnWorkingDays: 10,
    validFrom: '2012-01-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '《行政强制法》第五十三条“可以自期限届满之日起三个月内…申请人民法院强制执行”：决定书2026年3月2日送达，提起行政诉讼的六个月期限9月2日届满，三个月内即至12月2日',
        start: '2026-09-02',
        due: '2026-12-02',
      },
    ],
  },
  {
    // 合法性审查的最短审查时间: the earliest day the legality office gives its opinion (the legality module refuses an
    // earlier opinion without a recorded reason); not opened as a deadline to meet
    id: 'legality.minimum.majorPolicyDecision',
    label: '重大行政决策合法性审查最短审查时间',
    amount: 7,
    unit: 'workingDays',
    direction: 'after',
    event: '送请合法性审查',
    basis: ['重大行政决策程序暂行条例@2019-04-20#第二十六条'],
    suspendable: false,
    warnWorkingDays: 0,
    validFrom: '2019-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第二十六条第二款“送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日”：2026年9月28日（星期一）送审，国庆、中秋假期不计，至2026年10月13日（星期二；10月10日星期六调休上班计入）届满，此前出具审查意见须载明理由',
        start: '2026-09-28',
        due: '2026-10-13',
      },
    ],
  },
  {
    id: 'legality.minimum.normativeDocument',
    label: '行政规范性文件合法性审核最短审核时间',
    amount: 5,
    unit: 'workingDays',
    direction: 'after',
    event: '送请合法性审核',
    basis: [],
    sourceNote:
      '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）：保证必要的审核时间，原则上不少于5个工作日（文本未入库，未经平台核对；省级规定另有期限的，按省级规定配置）',
    suspendable: false,
    warnWorkingDays: 0,
    validFrom: '2018-12-04',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '原则上不少于5个工作日：2026年12月7日（星期一）送审，至12月14日（星期一）届满，此前出具审核意见须载明理由',
        start: '2026-12-07',
        due: '2026-12-14',
      },
    ],
  },
  {
    id: 'legality.limit.normativeDocument',
    label: '行政规范性文件合法性审核时限',
    amount: 15,
    unit: 'workingDays',
    direction: 'after',
    event: '送请合法性审核',
    basis: [],
    sourceNote:
      '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）：审核时间原则上不少于5个工作日，最长不超过15个工作日（文本未入库，未经平台核对；省级规定另有期限的，按省级规定配置）',
    suspendable: true,
    warnWorkingDays: 3,
    validFrom: '2018-12-04',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '最长不超过15个工作日：2026年12月7日（星期一）送审，至12月28日（星期一）届满；退回补充材料后重新送审的，自重新送审之日起重新计算',
        start: '2026-12-07',
        due: '2026-12-28',
      },
    ],
  },
  {
    id: 'consultation.majorDecision',
    label: '重大行政决策公开征求意见期限（一般不少于）',
    amount: 30,
    unit: 'calendarDays',
    direction: 'after',
    event: '公布决策草案及其说明等材料、公开征求意见',
    basis: ['重大行政决策程序暂行条例@2019-04-20#第十五条'],
    restDay: {
      extends: false,
      reason: '这是行政机关给予公众的最短期限，按日历日满30日即为期满；公众可随时在网上提交意见，期满日为节假日不顺延（起草单位可以定更长的期限）',
    },
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2019-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第十五条“公开征求意见的期限一般不少于30日”：2025年9月5日公布草案，至10月5日满30日（国庆假期中，网上提交意见不受影响，不顺延）；因情况紧急缩短的，公开征求意见时应当说明理由',
        start: '2025-09-05',
        due: '2025-10-05',
      },
    ],
  },
  {
    id: 'consultation.normativeDocument',
    label: '行政规范性文件公开征求意见期限（一般不少于）',
    amount: 30,
    unit: 'calendarDays',
    direction: 'after',
    event: '公布文件草案、公开征求意见',
    basis: ['优化营商环境条例@2019-10-22#第六十二条'],
    sourceNote:
      '与市场主体生产经营活动密切相关的行政规范性文件适用《优化营商环境条例》第六十二条第二款（一般不少于30日）；其他行政规范性文件，《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）规定一般不少于7个工作日（文本未入库，未经平台核对）；省级规定另有期限的，按省级规定配置',
    restDay: {
      extends: false,
      reason: '这是行政机关给予公众的最短期限，按日历日满30日即为期满；公众可随时在网上提交意见，期满日为节假日不顺延（起草单位可以定更长的期限）',
    },
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2020-01-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第六十二条第二款“向社会公开征求意见的期限一般不少于30日”：2025年11月3日（星期一）公布草案，至12月3日（星期三）届满',
        start: '2025-11-03',
        due: '2025-12-03',
      },
    ],
  },
  // ── 行政复议 and 行政应诉 (modules/remedies): the bureau as respondent and defendant ──────────────
  {
    id: 'reconsideration.answer',
    label: '被申请人提出行政复议书面答复并提交证据、依据',
    amount: 10,
    unit: 'workingDays',
    direction: 'after',
    event: '收到行政复议申请书副本或者行政复议申请笔录复印件',
    basis: ['行政复议法@2023-09-01#第四十八条', '行政复议法@2023-09-01#第八十八条'],
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2024-01-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '《行政复议法》第四十八条“被申请人应当自收到行政复议申请书副本或者行政复议申请笔录复印件之日起十日内，提出书面答复”，第八十八条第二款“‘十日’的规定是指工作日，不含法定休假日”：2026年9月24日（星期四）收到，中秋假期（9月25日至27日）、国庆假期（10月1日至7日）不计，10月10日（星期六）调休上班计入，10月15日届满',
        start: '2026-09-24',
        due: '2026-10-15',
      },
      {
        text: '同条：2026年3月2日（星期一）收到申请书副本，十个工作日至3月16日（星期一）届满',
        start: '2026-03-02',
        due: '2026-03-16',
      },
    ],
  },
  {
    id: 'reconsideration.answer.2017',
    label: '被申请人提出行政复议书面答复（2017年行政复议法，适用于2024年1月1日前受理的案件）',
    amount: 10,
    unit: 'calendarDays',
    direction: 'after',
    event: '收到行政复议申请书副本或者申请笔录复印件',
    basis: ['行政复议法@2017-09-01#第二十三条', '行政复议法@2017-09-01#第四十条'],
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2017-09-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '2017年《行政复议法》第二十三条“被申请人应当自收到申请书副本或者申请笔录复印件之日起十日内，提出书面答复”，第四十条期间依照民事诉讼法计算（日历日，届满日为节假日的顺延）：2025年9月26日收到，第十日为10月6日，逢国庆、中秋假期，顺延至10月9日',
        start: '2025-09-26',
        due: '2025-10-09',
      },
    ],
  },
  {
    id: 'litigation.defence',
    label: '被告提交答辩状及作出行政行为的证据和依据',
    amount: 15,
    unit: 'calendarDays',
    direction: 'after',
    event: '收到起诉状副本',
    basis: ['行政诉讼法@2017-06-27#第六十七条', '行政诉讼法@2017-06-27#第一百零一条'],
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2015-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '《行政诉讼法》第六十七条“被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状”：2026年3月2日收到，3月17日（星期二）届满',
        start: '2026-03-02',
        due: '2026-03-17',
      },
      {
        text: '同条，期间依照民事诉讼法计算（第一百零一条），届满日为节假日的顺延：2026年9月20日收到，第十五日为10月5日，逢国庆假期（10月1日至7日），顺延至10月8日',
        start: '2026-09-20',
        due: '2026-10-08',
      },
    ],
  },
  {
    id: 'litigation.appeal.judgment',
    label: '对第一审判决提起上诉',
    amount: 15,
    unit: 'calendarDays',
    direction: 'after',
    event: '第一审判决书送达',
    basis: ['行政诉讼法@2017-06-27#第八十五条'],
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2015-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '《行政诉讼法》第八十五条“当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉”：2026年9月16日送达，第十五日为10月1日，逢国庆假期，顺延至10月8日；逾期不上诉，判决发生法律效力',
        start: '2026-09-16',
        due: '2026-10-08',
      },
    ],
  },
  {
    id: 'litigation.appeal.ruling',
    label: '对第一审裁定提起上诉',
    amount: 10,
    unit: 'calendarDays',
    direction: 'after',
    event: '第一审裁定书送达',
    basis: ['行政诉讼法@2017-06-27#第八十五条'],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2015-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '《行政诉讼法》第八十五条“当事人不服人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉”：2026年4月24日送达，第十日为5月4日，逢劳动节假期（5月1日至5日），顺延至5月6日',
        start: '2026-04-24',
        due: '2026-05-06',
      },
    ],
  },
  {
    id: 'complaint.mediation',
    label: '投诉调解期限（未达成调解协议的终止调解）',
    amount: 45,
    unit: 'workingDays',
    direction: 'after',
    event: '受理投诉',
    basis: ['市场监督管理投诉举报处理暂行办法@2022-03-24#第二十一条', '市场监督管理投诉举报处理暂行办法@2022-03-24#第二十条'],
    suspendable: true,
    warnWorkingDays: 5,
    validFrom: '2022-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第二十一条第一款第（五）项“自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的”终止调解（第二十条第三款：检定、检验、检测、鉴定所需时间不计算在调解期限内）：2026年9月1日受理，国庆假期（10月1日至7日）不计，10月10日（星期六）调休上班计入，11月9日届满',
        start: '2026-09-01',
        due: '2026-11-09',
      },
    ],
  },
  {
    id: 'complaint.terminationNotice',
    label: '告知投诉人和被投诉人终止调解',
    amount: 7,
    unit: 'workingDays',
    direction: 'after',
    event: '作出终止调解决定',
    basis: ['市场监督管理投诉举报处理暂行办法@2022-03-24#第二十一条'],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2022-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第二十一条第二款“终止调解的，市场监督管理部门应当自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人”：2026年9月28日决定终止调解，国庆假期（10月1日至7日）不计，10月10日（星期六）调休上班计入，10月13日届满',
        start: '2026-09-28',
        due: '2026-10-13',
      },
    ],
  },
  {
    id: 'complaint.leadVerification',
    label: '核查调解中发现的违法线索',
    amount: 15,
    unit: 'workingDays',
    direction: 'after',
    event: '调解中发现涉嫌违法线索',
    basis: ['市场监督管理投诉举报处理暂行办法@2022-03-24#第二十三条'],
    suspendable: false,
    extension: { amount: 15, unit: 'workingDays', approval: '特殊情况下经市场监督管理部门负责人批准（第二十三条第一款）' },
    warnWorkingDays: 3,
    validFrom: '2022-05-01',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第二十三条第一款“应当自发现之日起十五个工作日内予以核查……特殊情况下，核查时限可以延长十五个工作日”：2026年9月25日发现，国庆假期（10月1日至7日）不计，10月10日（星期六）调休上班计入，10月22日届满（延长后为11月12日）',
        start: '2026-09-25',
        due: '2026-10-22',
      },
    ],
  },
  {
    // 年度报告 (modules/annualReports): the day the text names, counted as months from the report year's last day
    id: 'annualReport.lawBasedGovernment',
    label: '法治政府建设年度报告向社会公开（每年4月1日之前）',
    amount: 3,
    unit: 'months',
    direction: 'after',
    event: '报告年度结束（12月31日）',
    basis: [],
    sourceNote:
      '《法治政府建设与责任落实督察工作规定》（2019年）要求每年4月1日之前通过报刊、网站等新闻媒体向社会公开上一年度法治政府建设情况报告（文本未入库，条号与原文未经平台核对）',
    suspendable: false,
    restDay: { extends: false, reason: '规定写明的是日历日期（4月1日之前），期满日不因节假日顺延' },
    warnWorkingDays: 20,
    validFrom: '2019-05-06',
    changedOn: '2026-12-07',
    examples: [
      { text: '“每年4月1日之前”公开上一年度报告：2025年度的报告，至2026年3月31日届满', start: '2025-12-31', due: '2026-03-31' },
      { text: '2026年度的报告，至2027年3月31日届满', start: '2026-12-31', due: '2027-03-31' },
    ],
  },
  {
    id: 'annualReport.enforcementData',
    label: '行政执法数据年度公开（每年1月31日前）',
    amount: 1,
    unit: 'months',
    direction: 'after',
    event: '报告年度结束（12月31日）',
    basis: [],
    sourceNote:
      '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）：于每年1月31日前公开本机关上一年度行政执法总体情况有关数据（文本未入库，见 seed 003）',
    suspendable: false,
    restDay: { extends: false, reason: '规定写明的是日历日期（1月31日前），期满日不因节假日顺延' },
    warnWorkingDays: 10,
    validFrom: '2018-12-05',
    changedOn: '2026-12-07',
    examples: [
      { text: '“每年1月31日前”公开上一年度行政执法数据：2025年度的数据，至2026年1月31日（星期六）届满，不顺延', start: '2025-12-31', due: '2026-01-31' },
    ],
  },
  {
    id: 'annualReport.disclosure',
    label: '政府信息公开工作年度报告提交并向社会公布（每年1月31日前）',
    amount: 1,
    unit: 'months',
    direction: 'after',
    event: '报告年度结束（12月31日）',
    basis: ['政府信息公开条例@2019-04-03#第四十九条'],
    suspendable: false,
    restDay: { extends: false, reason: '第四十九条写明的是日历日期（每年1月31日前），期满日不因节假日顺延' },
    warnWorkingDays: 10,
    validFrom: '2019-05-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第四十九条“应当在每年1月31日前……提交本行政机关上一年度政府信息公开工作年度报告并向社会公布”：2026年度的报告，至2027年1月31日（星期日）届满，不顺延',
        start: '2026-12-31',
        due: '2027-01-31',
      },
    ],
  },
  {
    id: 'disclosure.answer',
    label: '政府信息公开申请答复期限',
    amount: 20,
    unit: 'workingDays',
    direction: 'after',
    event: '收到政府信息公开申请（申请内容不明确的，收到补正的申请）',
    basis: ['政府信息公开条例@2019-04-03#第三十三条', '政府信息公开条例@2019-04-03#第三十条'],
    suspendable: true,
    extension: { amount: 20, unit: 'workingDays', approval: '政府信息公开工作机构负责人同意并告知申请人' },
    warnWorkingDays: 5,
    validFrom: '2019-05-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第三十三条第二款“应当自收到申请之日起20个工作日内予以答复”：2026年12月7日（星期一）收到申请，至2027年1月5日（星期二）届满（元旦1月1日不计）',
        start: '2026-12-07',
        due: '2027-01-05',
      },
      {
        text: '第三十条“答复期限自行政机关收到补正的申请之日起计算”：2025年9月26日（星期五）收到补正的申请，9月28日、10月11日调休上班计入，国庆、中秋假期（10月1日至8日）不计，至10月30日（星期四）届满；征求第三方意见所需时间不计算在期限内（第三十三条第三款）',
        start: '2025-09-26',
        due: '2025-10-30',
      },
    ],
  },
  {
    id: 'disclosure.correctionNotice',
    label: '告知补正政府信息公开申请的期限',
    amount: 7,
    unit: 'workingDays',
    direction: 'after',
    event: '收到内容不明确的政府信息公开申请',
    basis: ['政府信息公开条例@2019-04-03#第三十条'],
    suspendable: false,
    warnWorkingDays: 2,
    validFrom: '2019-05-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第三十条“自收到申请之日起7个工作日内一次性告知申请人作出补正”：2026年12月7日（星期一）收到申请，至12月16日（星期三）届满',
        start: '2026-12-07',
        due: '2026-12-16',
      },
    ],
  },
  {
    id: 'disclosure.thirdPartyOpinion',
    label: '第三方就政府信息公开提出意见的期限',
    amount: 15,
    unit: 'workingDays',
    direction: 'after',
    event: '第三方收到征求意见书',
    basis: ['政府信息公开条例@2019-04-03#第三十二条'],
    suspendable: false,
    warnWorkingDays: 3,
    validFrom: '2019-05-15',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '第三十二条“第三方应当自收到征求意见书之日起15个工作日内提出意见”：2026年12月7日（星期一）收到，至12月28日（星期一）届满；逾期未提出意见的，由行政机关依照条例决定是否公开',
        start: '2026-12-07',
        due: '2026-12-28',
      },
    ],
  },
  {
    id: 'recommendation.answer',
    label: '检察建议、司法建议等的书面回复期限',
    amount: 2,
    unit: 'months',
    direction: 'after',
    event: '收到检察建议书、司法建议书等',
    basis: [],
    sourceNote:
      '《人民检察院检察建议工作规定》（2019年）：被建议单位应当自收到检察建议书之日起两个月以内作出相应处理并书面回复（文本未入库，条号未经平台核对）。建议书载明回复期限的，以建议书载明的日期为届满日（登记时写入，取代此处的两个月）；司法建议等其他建议亦以建议书载明的期限为准',
    suspendable: false,
    warnWorkingDays: 5,
    validFrom: '2019-02-26',
    changedOn: '2026-12-07',
    examples: [
      {
        text: '收到检察建议书之日起两个月以内书面回复：2026年10月9日（星期五）收到，至12月9日（星期三）届满；建议书载明了回复日期的，以载明的日期为准',
        start: '2026-10-09',
        due: '2026-12-09',
      },
    ],
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
