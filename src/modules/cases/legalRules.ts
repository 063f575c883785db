/**
 * The case-handling rules in the 规则目录 (domain/legalRules.ts). Each `check` calls the pure function the case
 * workflow runs (domain/cases/decide.ts, domain/cases/execution.ts, guards.ts); the examples are read in 元 and
 * Chinese labels and translated to 分 and ids here, nothing more.
 */
import { exceedsNotice, hearingRights, majorDecision, onSiteCollectionAllowed, summaryAllowed, type ChosenPenalty } from '../../domain/cases/decide.ts';
import { closureProblems, enforcementProblems, lateFee, type TerminationGround } from '../../domain/cases/execution.ts';
import { avChecklist, majorCriterionIds, type AvStep } from '../../domain/cases/rules.ts';
import { penaltyKinds, type PartyType, type PenaltyKind } from '../../domain/discretion/vocabulary.ts';
import { discoveredInTime, limitationOf } from '../../domain/deadlines/limitation.ts';
import { legalRule } from '../../domain/legalRules.ts';
import { shippedCalendar } from '../calendar/index.ts';
import { avRecorded, windowsClosed } from './guards.ts';
import type { CaseRow } from './store.ts';

const APL = '行政处罚法@2021-01-22';
const yuan = (n: number) => Math.round(n * 100);
const parties: Record<string, PartyType> = { 公民: 'naturalPerson', 法人或者其他组织: 'organisation' };
const partyOf = (label: string): PartyType => {
  const p = parties[label];
  if (!p) throw new Error(`未知的当事人类别：${label}`);
  return p;
};
const kindByLabel = new Map(Object.entries(penaltyKinds).map(([k, v]) => [v as string, k as PenaltyKind]));
/** "罚款 9000" / "吊销许可证件" → a penalty line (amounts in 元) */
const penaltyOf = (line: string): ChosenPenalty => {
  const [label, amount] = line.split(/\s+/);
  const kind = kindByLabel.get(label);
  if (!kind) throw new Error(`未知的处罚种类：${label}`);
  return amount === undefined ? { kind } : { kind, amountFen: yuan(Number(amount)) };
};

/** 较大数额 used by the examples: RULES.md's default (公民一万元、法人或者其他组织十万元); each body sets its own, dated */
const LARGE = { naturalPersonFen: yuan(10_000), organisationFen: yuan(100_000), source: '示例：较大数额 公民一万元、法人或者其他组织十万元' };

export const caseLegalRules = [
  legalRule<{ party: string; penalties: readonly string[]; mitigated: boolean }, { allowed: boolean }>({
    id: 'cases.summaryLimit',
    kind: 'threshold',
    name: '当场处罚（简易程序）的条件',
    statement:
      '违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出行政处罚决定。限额按一份决定的罚款合计计算；其他处罚种类和减轻处罚不适用简易程序。',
    basis: [`${APL}#第五十一条`, `${APL}#第五十七条`],
    changedOn: '2026-12-07',
    fields: { party: '当事人', penalties: '拟处罚（元）', mitigated: '减轻处罚', allowed: '可以当场处罚' },
    examples: [
      {
        text: '第五十一条“对公民处以二百元以下……罚款”：罚款二百元可以当场处罚',
        given: { party: '公民', penalties: ['罚款 200'], mitigated: false },
        expect: { allowed: true },
      },
      { text: '公民罚款二百零一元，超过二百元', given: { party: '公民', penalties: ['罚款 201'], mitigated: false }, expect: { allowed: false } },
      {
        text: '两项罚款150元和100元，合计250元超过二百元：限额按决定的合计，不按每一项',
        given: { party: '公民', penalties: ['罚款 150', '罚款 100'], mitigated: false },
        expect: { allowed: false },
      },
      {
        text: '“对法人或者其他组织处以三千元以下罚款”',
        given: { party: '法人或者其他组织', penalties: ['罚款 3000'], mitigated: false },
        expect: { allowed: true },
      },
      { text: '“或者警告”', given: { party: '法人或者其他组织', penalties: ['警告'], mitigated: false }, expect: { allowed: true } },
      {
        text: '没收违法所得不是第五十一条所列的处罚',
        given: { party: '公民', penalties: ['罚款 100', '没收违法所得 50'], mitigated: false },
        expect: { allowed: false },
      },
      {
        text: '减轻处罚（低于法定下限）须集体讨论决定（第五十七条第二款），不适用简易程序',
        given: { party: '公民', penalties: ['罚款 100'], mitigated: true },
        expect: { allowed: false },
      },
    ],
    check: (g) => ({ allowed: summaryAllowed(partyOf(g.party), g.penalties.map(penaltyOf), g.mitigated ? 'mitigatedBelowRange' : 'standard').allowed }),
  }),
  legalRule<{ penalties: readonly string[]; largeYuan: number }, { eligible: boolean }>({
    id: 'cases.hearingRights',
    kind: 'threshold',
    name: '听证权利',
    statement:
      '拟作出较大数额罚款、没收较大数额违法所得或较大价值非法财物、降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业或者其他较重的行政处罚的，应当告知当事人有要求听证的权利。罚款、没收违法所得和没收非法财物的金额按一份决定合计，与本机关的“较大数额”比较。',
    basis: [`${APL}#第六十三条`],
    sourceNote:
      '“较大数额”由各地规定，平台按机关设定的、有效期的数额计算（未设定时默认公民一万元、法人或者其他组织十万元，来源见 RULES.md）；限制开展生产经营活动、暂扣许可证件作为第（五）项“其他较重的行政处罚”计入，是平台的判断',
    changedOn: '2026-12-07',
    fields: { penalties: '拟处罚（元）', largeYuan: '较大数额（元）', eligible: '有听证权利' },
    examples: [
      {
        text: '第六十三条第一款第（一）项“较大数额罚款”：罚款一万元达到较大数额',
        given: { penalties: ['罚款 10000'], largeYuan: 10000 },
        expect: { eligible: true },
      },
      { text: '罚款四千元，未达到较大数额', given: { penalties: ['罚款 4000'], largeYuan: 10000 }, expect: { eligible: false } },
      {
        text: '罚款九千元并没收违法所得两千元，合计一万一千元达到较大数额（第（一）（二）项按决定合计）',
        given: { penalties: ['罚款 9000', '没收违法所得 2000'], largeYuan: 10000 },
        expect: { eligible: true },
      },
      { text: '第（三）项“吊销许可证件”，不论金额', given: { penalties: ['警告', '吊销许可证件'], largeYuan: 10000 }, expect: { eligible: true } },
      { text: '第（四）项“责令停产停业、责令关闭、限制从业”', given: { penalties: ['责令停产停业'], largeYuan: 100000 }, expect: { eligible: true } },
    ],
    check: (g) => ({ eligible: hearingRights(g.penalties.map(penaltyOf), yuan(g.largeYuan)).eligible }),
  }),
  legalRule<{ notified: readonly string[]; decided: readonly string[] }, { newNotice: boolean }>({
    id: 'cases.decisionWithinNotice',
    kind: 'guard',
    name: '决定不得重于告知的处罚',
    statement:
      '作出的行政处罚决定在种类或者金额上超过最近一次告知书告知的处罚的，须重新告知拟作出的处罚及陈述、申辩（符合条件的，听证）权利，期限重新计算；不得因当事人陈述、申辩而给予更重的处罚。',
    basis: [`${APL}#第四十四条`, `${APL}#第四十五条`, `${APL}#第六十二条`],
    changedOn: '2026-12-07',
    fields: { notified: '告知的处罚（元）', decided: '决定的处罚（元）', newNotice: '须重新告知' },
    examples: [
      {
        text: '第四十四条“告知当事人拟作出的行政处罚内容”：告知罚款四千元，决定罚款九千元，须重新告知',
        given: { notified: ['罚款 4000'], decided: ['罚款 9000'] },
        expect: { newNotice: true },
      },
      { text: '决定罚款三千元，轻于告知，无须重新告知', given: { notified: ['罚款 4000'], decided: ['罚款 3000'] }, expect: { newNotice: false } },
      { text: '增加了告知书未告知的没收违法所得', given: { notified: ['罚款 4000'], decided: ['罚款 4000', '没收违法所得 500'] }, expect: { newNotice: true } },
    ],
    check: (g) => ({ newNotice: exceedsNotice(g.notified.map(penaltyOf), g.decided.map(penaltyOf)).length > 0 }),
  }),
  legalRule<{ party: string; penalties: readonly string[]; hearingHeld: boolean; complex: boolean }, { major: boolean }>({
    id: 'cases.majorDecision',
    kind: 'threshold',
    name: '重大执法决定（法制审核）',
    statement:
      '涉及重大公共利益、直接关系当事人重大权益且经过听证程序、案件情况疑难复杂涉及多个法律关系的，以及本机关重大执法决定法制审核目录清单所列情形（较大数额罚没款、吊销许可证件、责令停产停业等），作出决定前须经法制审核。',
    basis: [`${APL}#第五十八条`],
    sourceNote:
      '第五十八条第一款第（一）至（三）项由条文规定；罚没数额、处罚种类等标准来自机关的重大执法决定法制审核目录清单（按机关设定、有效期管理，示例按公民一万元、法人或者其他组织十万元），清单文本不在法律法规库中',
    changedOn: '2026-12-01',
    fields: { party: '当事人', penalties: '拟处罚（元）', hearingHeld: '经过听证', complex: '疑难复杂', major: '须法制审核' },
    examples: [
      {
        text: '第五十八条第一款第（二）项“直接关系当事人或者第三人重大权益，经过听证程序的”',
        given: { party: '法人或者其他组织', penalties: ['罚款 50000'], hearingHeld: true, complex: false },
        expect: { major: true },
      },
      {
        text: '第（三）项“案件情况疑难复杂、涉及多个法律关系的”',
        given: { party: '公民', penalties: ['警告'], hearingHeld: false, complex: true },
        expect: { major: true },
      },
      {
        text: '目录清单：对公民罚款一万元，达到较大数额',
        given: { party: '公民', penalties: ['罚款 10000'], hearingHeld: false, complex: false },
        expect: { major: true },
      },
      {
        text: '对公民罚款两千元、未经听证、案情简单：不属于重大执法决定',
        given: { party: '公民', penalties: ['罚款 2000'], hearingHeld: false, complex: false },
        expect: { major: false },
      },
    ],
    check: (g) => ({
      major: majorDecision(
        {
          partyType: partyOf(g.party),
          penalties: g.penalties.map(penaltyOf),
          hearingHeld: g.hearingHeld,
          complex: g.complex,
          publicInterest: false,
          criminalReferral: false,
        },
        majorCriterionIds,
        LARGE,
      ).major,
    }),
  }),
  legalRule<{ fineYuan: number; due: string; paidOn: string; challenged: readonly string[] }, { lateFeeYuan: number }>({
    id: 'cases.lateFee',
    kind: 'threshold',
    name: '加处罚款',
    statement:
      '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额；当事人申请行政复议或者提起行政诉讼的，复议、诉讼期间不计算加处罚款。',
    basis: [`${APL}#第七十二条`, `${APL}#第七十三条`],
    changedOn: '2026-12-07',
    fields: { fineYuan: '罚款（元）', due: '缴款期限届满日', paidOn: '缴纳日', challenged: '复议、诉讼期间', lateFeeYuan: '加处罚款（元）' },
    examples: [
      {
        text: '第七十二条第一款第（一）项“每日按罚款数额的百分之三加处罚款”：罚款一万元逾期十日，加处三千元',
        given: { fineYuan: 10000, due: '2026-03-16', paidOn: '2026-03-26', challenged: [] },
        expect: { lateFeeYuan: 3000 },
      },
      {
        text: '“加处罚款的数额不得超出罚款的数额”：逾期四十日，按日计算为一万二千元，超出罚款数额，只加处一万元',
        given: { fineYuan: 10000, due: '2026-03-16', paidOn: '2026-04-25', challenged: [] },
        expect: { lateFeeYuan: 10000 },
      },
      {
        text: '第七十三条第三款“加处罚款的数额在行政复议或者行政诉讼期间不予计算”：逾期二十日，其中十日在复议期间，按十日计',
        given: { fineYuan: 10000, due: '2026-03-16', paidOn: '2026-04-05', challenged: ['2026-03-20—2026-03-29'] },
        expect: { lateFeeYuan: 3000 },
      },
    ],
    check: (g) => {
      const excluded = g.challenged.map((p) => {
        const [from, to] = p.split('—');
        return { from, to, reason: '行政复议' };
      });
      return { lateFeeYuan: lateFee(yuan(g.fineYuan), g.due, g.paidOn, excluded).feeFen / 100 };
    },
  }),
  legalRule<{ fineYuan: number; ground: string; reason: string; receipt: boolean }, { allowed: boolean }>({
    id: 'cases.onSiteCollection',
    kind: 'guard',
    name: '当场收缴罚款',
    statement:
      '当场作出行政处罚决定，依法给予一百元以下罚款的，或者不当场收缴事后难以执行的（记录理由），执法人员可以当场收缴罚款；必须向当事人出具财政部门统一制发的专用票据。',
    basis: [`${APL}#第六十八条`, `${APL}#第六十九条`, `${APL}#第七十条`],
    changedOn: '2026-12-07',
    fields: { fineYuan: '罚款（元）', ground: '收缴理由', reason: '记录的具体情况', receipt: '出具专用票据', allowed: '可以当场收缴' },
    examples: [
      {
        text: '第六十八条第（一）项“依法给予一百元以下罚款的”',
        given: { fineYuan: 100, ground: '依法给予一百元以下罚款', reason: '', receipt: true },
        expect: { allowed: true },
      },
      {
        text: '罚款一百五十元，不能以第（一）项收缴',
        given: { fineYuan: 150, ground: '依法给予一百元以下罚款', reason: '', receipt: true },
        expect: { allowed: false },
      },
      {
        text: '第（二）项“不当场收缴事后难以执行的”，记录具体情况',
        given: { fineYuan: 150, ground: '不当场收缴事后难以执行', reason: '当事人为外地流动摊贩，无固定住所', receipt: true },
        expect: { allowed: true },
      },
      {
        text: '第七十条“必须向当事人出具……专用票据”',
        given: { fineYuan: 50, ground: '依法给予一百元以下罚款', reason: '', receipt: false },
        expect: { allowed: false },
      },
    ],
    check: (g) => {
      const ground = g.ground === '依法给予一百元以下罚款' ? 'smallFine' : g.ground === '不当场收缴事后难以执行' ? 'hardToEnforce' : null;
      return { allowed: onSiteCollectionAllowed(yuan(g.fineYuan), { ground, reason: g.reason, receiptNo: g.receipt ? 'NO.0001' : null }).length === 0 };
    },
  }),
  legalRule<{ violationDate: string; lifeHealth: boolean; discoveredOn: string }, { lastDay: string; punishable: boolean }>({
    id: 'cases.limitation',
    kind: 'guard',
    name: '追责时效：违法行为须在时效内被发现',
    statement:
      '违法行为自发生之日（有连续或者继续状态的，自行为终了之日）起二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，为五年。看的是发现（线索登记）的日期，不是立案或者决定的日期；期限届满日不因节假日顺延。2021年7月15日以前的行为适用当时的法律，为二年。',
    basis: [`${APL}#第三十六条`, `${APL}#第三十七条`, `${APL}#第八十六条`],
    changedOn: '2026-12-07',
    fields: {
      violationDate: '违法行为发生（终了）日',
      lifeHealth: '涉及生命健康安全且有危害后果',
      discoveredOn: '发现日期',
      lastDay: '时效届满日',
      punishable: '可以给予行政处罚',
    },
    examples: [
      {
        text: '第三十六条“违法行为在二年内未被发现的，不再给予行政处罚”：2023年3月1日的行为，2025年3月1日被发现，仍在时效内',
        given: { violationDate: '2023-03-01', lifeHealth: false, discoveredOn: '2025-03-01' },
        expect: { lastDay: '2025-03-01', punishable: true },
      },
      {
        text: '次日（2025年3月2日，星期日）才被发现的，已过时效：届满日不顺延到下一个工作日',
        given: { violationDate: '2023-03-01', lifeHealth: false, discoveredOn: '2025-03-02' },
        expect: { lastDay: '2025-03-01', punishable: false },
      },
      {
        text: '“涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年”',
        given: { violationDate: '2022-06-10', lifeHealth: true, discoveredOn: '2026-06-01' },
        expect: { lastDay: '2027-06-10', punishable: true },
      },
      {
        text: '第三十七条“适用违法行为发生时的法律”：2021年7月15日施行前的行为，即使涉及生命健康，时效也是二年',
        given: { violationDate: '2021-03-01', lifeHealth: true, discoveredOn: '2023-06-01' },
        expect: { lastDay: '2023-03-01', punishable: false },
      },
    ],
    check: (g) => {
      const l = limitationOf(shippedCalendar(), g);
      return { lastDay: l.due, punishable: discoveredInTime(l) };
    },
  }),
  legalRule<
    { noticeServed: boolean; statementDue: string; statementWaived: boolean; hearingRequested: boolean; hearingHeld: boolean; decisionDate: string },
    { decide: boolean }
  >({
    id: 'cases.defenceWindows',
    kind: 'guard',
    name: '告知、陈述申辩和听证完成前不得作出决定',
    statement:
      '作出行政处罚决定之前，须告知拟作出的处罚及事实、理由、依据和陈述、申辩、要求听证的权利；陈述、申辩期限届满（或者当事人书面放弃）之前，以及当事人要求听证而听证尚未举行完毕之前，不得作出决定。',
    basis: [`${APL}#第四十四条`, `${APL}#第六十二条`, `${APL}#第六十四条`],
    sourceNote: '陈述、申辩期限五个工作日来自《市场监督管理行政处罚程序规定》第五十七条（文本未入库，见期限规则 penalty.statement）',
    changedOn: '2026-12-01',
    fields: {
      noticeServed: '已送达告知书',
      statementDue: '陈述申辩期限届满日',
      statementWaived: '书面放弃陈述申辩',
      hearingRequested: '要求听证',
      hearingHeld: '听证已举行',
      decisionDate: '拟决定日期',
      decide: '可以作出决定',
    },
    examples: [
      {
        text: '第六十二条“未依照本法第四十四条、第四十五条的规定向当事人告知……不得作出行政处罚决定”',
        given: { noticeServed: false, statementDue: '', statementWaived: false, hearingRequested: false, hearingHeld: false, decisionDate: '2025-10-20' },
        expect: { decide: false },
      },
      {
        text: '期限届满当日（10月14日）仍在陈述、申辩期内，不能决定',
        given: {
          noticeServed: true,
          statementDue: '2025-10-14',
          statementWaived: false,
          hearingRequested: false,
          hearingHeld: false,
          decisionDate: '2025-10-14',
        },
        expect: { decide: false },
      },
      {
        text: '期限届满后（10月15日）可以决定',
        given: {
          noticeServed: true,
          statementDue: '2025-10-14',
          statementWaived: false,
          hearingRequested: false,
          hearingHeld: false,
          decisionDate: '2025-10-15',
        },
        expect: { decide: true },
      },
      {
        text: '第六十二条“当事人明确放弃陈述或者申辩权利的除外”',
        given: {
          noticeServed: true,
          statementDue: '2025-10-14',
          statementWaived: true,
          hearingRequested: false,
          hearingHeld: false,
          decisionDate: '2025-10-10',
        },
        expect: { decide: true },
      },
      {
        text: '当事人要求听证的，听证结束前不能决定',
        given: {
          noticeServed: true,
          statementDue: '2025-10-14',
          statementWaived: false,
          hearingRequested: true,
          hearingHeld: false,
          decisionDate: '2025-10-20',
        },
        expect: { decide: false },
      },
    ],
    check: (g) => {
      const c = {
        notice: g.noticeServed ? {} : null,
        proposed: [{ kind: 'fine', amountFen: 500_000 }],
        waivers: g.statementWaived ? { statement: g.decisionDate } : {},
        hearing: g.hearingRequested ? { heldOn: g.hearingHeld ? g.decisionDate : null } : null,
      } as unknown as Pick<CaseRow, 'notice' | 'proposed' | 'waivers' | 'hearing'>;
      const open = g.noticeServed && g.statementDue ? [{ ruleId: 'penalty.statement', due: g.statementDue, label: '当事人陈述、申辩' }] : [];
      return { decide: windowsClosed(c, open, g.decisionDate).length === 0 };
    },
  }),
  legalRule<{ step: string; files: readonly string[] }, { allowed: boolean }>({
    id: 'cases.avRecorded',
    kind: 'guard',
    name: '音像记录',
    statement:
      '音像记录事项清单所列的执法环节（现场检查、抽样取证、先行登记保存、查封扣押、听证、留置送达、当场处罚），须附本案的音频或视频记录，否则该环节不能完成。',
    basis: [`${APL}#第四十七条`],
    sourceNote:
      '第四十七条规定以文字、音像等形式全过程记录；哪些环节必须音像记录，来自《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）和本局音像记录事项清单，两者不在法律法规库中',
    changedOn: '2026-12-01',
    fields: { step: '执法环节', files: '所附文件', allowed: '可以完成' },
    examples: [
      { text: '现场检查附有视频记录', given: { step: '现场检查', files: ['video/mp4', 'image/jpeg'] }, expect: { allowed: true } },
      { text: '抽样取证只有照片，没有音像记录', given: { step: '抽样取证', files: ['image/jpeg'] }, expect: { allowed: false } },
      { text: '听证附有录音', given: { step: '听证', files: ['audio/mpeg'] }, expect: { allowed: true } },
    ],
    check: (g) => {
      const step = (Object.entries(avChecklist).find(([, v]) => v.label === g.step)?.[0] ?? null) as AvStep | null;
      if (!step) throw new Error(`未知的执法环节：${g.step}`);
      const files = g.files.map((contentType, i) => ({ id: `f${i}`, contentType }));
      return {
        allowed:
          avRecorded(
            step,
            files.map((f) => f.id),
            files,
          ).length === 0,
      };
    },
  }),
  legalRule<
    {
      appliedOn: string;
      reconsiderationEnds: string;
      litigationEnds: string;
      windowEnds: string;
      demandServedOn: string;
      demandPeriodEnds: string;
      challengePending: boolean;
    },
    { problems: readonly string[] }
  >({
    id: 'cases.enforcementApplication',
    kind: 'guard',
    name: '申请人民法院强制执行的条件',
    statement:
      '当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行处罚决定的，行政机关可以自期限届满之日起三个月内申请人民法院强制执行；申请前应当催告，催告书送达十日（工作日）后当事人仍未履行的方可申请。复议、诉讼未审结或者决定已被撤销、变更的，不能申请。',
    basis: ['行政强制法@2011-06-30#第五十三条', '行政强制法@2011-06-30#第五十四条', '行政强制法@2011-06-30#第六十九条', `${APL}#第七十二条`],
    changedOn: '2026-12-07',
    fields: {
      appliedOn: '申请日期',
      reconsiderationEnds: '复议期限届满',
      litigationEnds: '诉讼期限届满',
      windowEnds: '三个月届满',
      demandServedOn: '催告书送达',
      demandPeriodEnds: '催告十日届满',
      challengePending: '复议诉讼未审结',
      problems: '不能申请的理由',
    },
    examples: [
      {
        text: '第五十三条、第五十四条：决定书2026年3月2日送达，诉讼期限9月2日届满，9月3日催告，9月17日十个工作日届满，9月18日可以申请',
        given: {
          appliedOn: '2026-09-18',
          reconsiderationEnds: '2026-05-06',
          litigationEnds: '2026-09-02',
          windowEnds: '2026-12-02',
          demandServedOn: '2026-09-03',
          demandPeriodEnds: '2026-09-17',
          challengePending: false,
        },
        expect: { problems: [] },
      },
      {
        text: '缴款期限届满次日（3月18日）申请：复议、诉讼期限尚未届满，也未催告',
        given: {
          appliedOn: '2026-03-18',
          reconsiderationEnds: '2026-05-06',
          litigationEnds: '2026-09-02',
          windowEnds: '2026-12-02',
          demandServedOn: '',
          demandPeriodEnds: '',
          challengePending: false,
        },
        expect: { problems: ['ENFORCEMENT_REMEDY_PERIOD_OPEN', 'ENFORCEMENT_DEMAND_MISSING'] },
      },
      {
        text: '“催告书送达十日后当事人仍未履行义务的”：十日届满当日不能申请',
        given: {
          appliedOn: '2026-09-17',
          reconsiderationEnds: '2026-05-06',
          litigationEnds: '2026-09-02',
          windowEnds: '2026-12-02',
          demandServedOn: '2026-09-03',
          demandPeriodEnds: '2026-09-17',
          challengePending: false,
        },
        expect: { problems: ['ENFORCEMENT_DEMAND_PERIOD_OPEN'] },
      },
      {
        text: '“自期限届满之日起三个月内”：12月3日已超过',
        given: {
          appliedOn: '2026-12-03',
          reconsiderationEnds: '2026-05-06',
          litigationEnds: '2026-09-02',
          windowEnds: '2026-12-02',
          demandServedOn: '2026-09-03',
          demandPeriodEnds: '2026-09-17',
          challengePending: false,
        },
        expect: { problems: ['ENFORCEMENT_WINDOW_CLOSED'] },
      },
      {
        text: '行政诉讼尚未审结',
        given: {
          appliedOn: '2026-09-18',
          reconsiderationEnds: '2026-05-06',
          litigationEnds: '2026-09-02',
          windowEnds: '2026-12-02',
          demandServedOn: '2026-09-03',
          demandPeriodEnds: '2026-09-17',
          challengePending: true,
        },
        expect: { problems: ['ENFORCEMENT_CHALLENGE_PENDING'] },
      },
    ],
    check: (g) => ({
      problems: enforcementProblems({
        appliedOn: g.appliedOn,
        reconsiderationEnds: g.reconsiderationEnds,
        litigationEnds: g.litigationEnds,
        performanceEnds: null,
        windowEnds: g.windowEnds,
        challenges: g.challengePending ? [{ id: 'c', kind: 'litigation', filedOn: g.litigationEnds, body: '人民法院', concludedOn: null, outcome: null }] : [],
        demand: g.demandServedOn ? { servedOn: g.demandServedOn, periodEnds: g.demandPeriodEnds } : null,
        lines: [{ line: 0, kind: 'fine', label: '罚款', amountFen: 1, state: 'pending', owedFen: 1, how: '', records: [] }],
      }).map((p) => p.code),
    }),
  }),
  legalRule<{ pending: readonly string[]; ground: string; note: string }, { problems: readonly string[] }>({
    id: 'cases.closureExecuted',
    kind: 'guard',
    name: '结案：处罚决定执行完毕或者终结执行',
    statement:
      '处罚决定的每一项（罚款及加处罚款、没收违法所得、没收非法财物的移交处理、责令停产停业和许可证件处罚的落实）执行完毕方可结案；未执行完毕的，须载明行政强制法第四十条规定的终结执行情形，以“其他情形”终结的须写明理由。',
    basis: ['行政强制法@2011-06-30#第四十条', `${APL}#第七十四条`],
    changedOn: '2026-12-07',
    fields: { pending: '未执行的处罚', ground: '终结执行情形', note: '理由', problems: '不能结案的理由' },
    examples: [
      { text: '各项处罚均已执行', given: { pending: [], ground: '', note: '' }, expect: { problems: [] } },
      {
        text: '没收违法所得未缴，未载明终结执行的理由',
        given: { pending: ['没收违法所得'], ground: '', note: '' },
        expect: { problems: ['EXECUTION_INCOMPLETE'] },
      },
      {
        text: '第四十条第（一）项“公民死亡，无遗产可供执行，又无义务承受人的”',
        given: { pending: ['罚款'], ground: 'deceased', note: '' },
        expect: { problems: [] },
      },
      { text: '第（五）项“其他情形”未写明理由', given: { pending: ['罚款'], ground: 'other', note: '' }, expect: { problems: ['TERMINATION_REASON_MISSING'] } },
    ],
    check: (g) => ({
      problems: closureProblems(
        g.pending.map((label, line) => ({
          line,
          kind: kindByLabel.get(label) ?? 'fine',
          label,
          amountFen: null,
          state: 'pending',
          owedFen: null,
          how: '',
          records: [],
        })),
        g.ground ? { ground: g.ground as TerminationGround, note: g.note } : null,
      ).map((p) => p.code),
    }),
  }),
];
