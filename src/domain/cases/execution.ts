/**
 * 执行 (execution) as pure rules: the late fee (加处罚款) and what the party owes on a date under a payment
 * schedule, with the days of a pending 行政复议 or 行政诉讼 left out; how a payment is allocated; the execution
 * state of every line of the decision (罚款, 没收违法所得, 没收非法财物, 责令停产停业, licence actions …); when the
 * body may apply to the people's court for compulsory execution (行政强制法 第五十三条、第五十四条); and when a
 * case may be closed with parts of it unexecuted (行政强制法 第四十条). The case module reads them.
 */
import { daysBetween } from '../dates.ts';
import type { ErrorCode } from '../errorCatalogue.ts';
import { penaltyKinds, type PenaltyKind } from '../discretion/vocabulary.ts';
import { formatYuan } from '../discretion/money.ts';
import { LATE_FEE_BASIS, LATE_FEE_PERMILLE_PER_DAY } from './rules.ts';

const APL = '行政处罚法@2021-01-22';
const AEL = '行政强制法@2011-06-30';

interface Problem {
  code: ErrorCode;
  message: string;
}

// ─── 加处罚款 ─────────────────────────────────────────────────────────────────

/** A period in which the late fee does not accrue: a 复议 or 诉讼 from filing to conclusion (`to` null: still pending). */
export interface ExcludedPeriod {
  from: string;
  to: string | null;
  reason: string;
}

/** The days d with `after` < d ≤ `until` that lie in none of the excluded periods (each inclusive of both ends). */
export function countedDays(after: string, until: string, excluded: readonly ExcludedPeriod[] = []): { counted: number; excluded: number } {
  const total = Math.max(0, daysBetween(after, until));
  if (!total) return { counted: 0, excluded: 0 };
  // merge the periods clipped to (after, until] and count their days once
  const clipped = excluded
    .map((p) => ({ from: p.from > after ? p.from : addOne(after), to: p.to === null || p.to > until ? until : p.to }))
    .filter((p) => p.from <= p.to)
    .sort((a, b) => a.from.localeCompare(b.from));
  let out = 0;
  let end: string | null = null;
  for (const p of clipped) {
    if (end !== null && p.from <= end) {
      if (p.to > end) {
        out += daysBetween(end, p.to);
        end = p.to;
      }
      continue;
    }
    out += daysBetween(p.from, p.to) + 1;
    end = p.to;
  }
  return { counted: total - out, excluded: out };
}

const addOne = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
};

/**
 * 加处罚款 for a payment on `paidOn` of a fine due on `dueDate`: 3 % of the fine for every day after the due
 * date (the days of a pending 复议 or 诉讼 excluded), never more than the fine. Integer 分, rounded down.
 */
export function lateFee(
  fineFen: number,
  dueDate: string,
  paidOn: string,
  excluded: readonly ExcludedPeriod[] = [],
): { days: number; excludedDays: number; feeFen: number; capped: boolean; basis: string } {
  const { counted: days, excluded: excludedDays } = countedDays(dueDate, paidOn, excluded);
  const raw = Number((BigInt(fineFen) * BigInt(LATE_FEE_PERMILLE_PER_DAY) * BigInt(days)) / 1000n);
  return { days, excludedDays, feeFen: Math.min(raw, fineFen), capped: raw >= fineFen && days > 0, basis: LATE_FEE_BASIS };
}

export interface ScheduledPart {
  dueOn: string;
  amountFen: number;
}

/** A payment as the late fee needs it: when, how much of it went to the fine, how much to the late fee. */
export interface FinePayment {
  paidOn: string;
  finePartFen: number;
  lateFeeFen: number;
}

export interface Owed {
  /** the fine not yet paid */
  outstandingFen: number;
  /** of that, the part past its due date */
  overdueFen: number;
  /** the late fee owed now: accrued, less late fees already paid */
  lateFeeFen: number;
  /** the late fee accrued in all (paid and unpaid), never more than the fine */
  accruedLateFeeFen: number;
  lateFeePaidFen: number;
  /** the accrual reached the fine (行政强制法 第四十五条第二款) */
  capped: boolean;
  /** days after a due date not counted because a 复议 or 诉讼 was pending (行政处罚法 第七十三条第三款) */
  excludedDays: number;
}

/**
 * What the party owes on `date`: the fine not yet paid, and the late fee. Each part of the schedule (one part due
 * 15 days after service, 行政处罚法 第六十七条第三款, or an approved deferral or instalments, 第六十六条第二款) accrues
 * 3 % a day on what of it is still unpaid after its due date (第七十二条第一款第（一）项), the fine's payments
 * covering the parts in order and stopping the accrual on what they pay on the day they are made. Days of a
 * 复议 or 诉讼 do not count (第七十三条第三款). All the late fee accrued, paid or not, never exceeds the fine
 * (行政强制法 第四十五条第二款 "加处罚款或者滞纳金的数额不得超出金钱给付义务的数额"); late fees already paid are
 * deducted once. Payments after `date` are ignored.
 */
export function owedOn(
  fineFen: number,
  schedule: readonly ScheduledPart[],
  payments: readonly FinePayment[],
  date: string,
  excluded: readonly ExcludedPeriod[] = [],
): Owed {
  const upTo = payments.filter((p) => p.paidOn <= date).sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const finePaid = upTo.reduce((s, p) => s + p.finePartFen, 0);
  const lateFeePaid = upTo.reduce((s, p) => s + p.lateFeeFen, 0);
  // fen × counted days, summed over every portion of every part
  let fenDays = 0n;
  let overdue = 0;
  let excludedDays = 0;
  const queue = upTo.filter((p) => p.finePartFen > 0).map((p) => ({ on: p.paidOn, left: p.finePartFen }));
  for (const part of schedule) {
    let unpaid = part.amountFen;
    while (unpaid > 0 && queue.length) {
      const pay = queue[0];
      const x = Math.min(unpaid, pay.left);
      const d = countedDays(part.dueOn, pay.on, excluded);
      fenDays += BigInt(x) * BigInt(d.counted);
      excludedDays = Math.max(excludedDays, d.excluded);
      unpaid -= x;
      pay.left -= x;
      if (pay.left === 0) queue.shift();
    }
    if (unpaid > 0) {
      const d = countedDays(part.dueOn, date, excluded);
      fenDays += BigInt(unpaid) * BigInt(d.counted);
      excludedDays = Math.max(excludedDays, d.excluded);
      if (date > part.dueOn) overdue += unpaid;
    }
  }
  const raw = Number((fenDays * BigInt(LATE_FEE_PERMILLE_PER_DAY)) / 1000n);
  const accrued = Math.min(raw, fineFen);
  return {
    outstandingFen: Math.max(0, fineFen - finePaid),
    overdueFen: overdue,
    lateFeeFen: Math.max(0, accrued - lateFeePaid),
    accruedLateFeeFen: accrued,
    lateFeePaidFen: lateFeePaid,
    capped: raw >= fineFen && fineFen > 0,
    excludedDays,
  };
}

/** A payment covers the late fee owed first, then the fine; paying more than is owed is refused. */
export function allocatePayment(amountFen: number, owed: { outstandingFen: number; lateFeeFen: number }) {
  const lateFeeFen = Math.min(amountFen, owed.lateFeeFen);
  const finePartFen = Math.min(amountFen - lateFeeFen, owed.outstandingFen);
  return { lateFeeFen, finePartFen, excessFen: amountFen - lateFeeFen - finePartFen };
}

/** A payment is recorded in the order it was made: one dated before the last recorded payment would change what was allocated then. */
export function paymentOrderProblems(paidOn: string, payments: readonly { paidOn: string }[]): Problem[] {
  const last = payments.reduce<string | null>((m, p) => (m === null || p.paidOn > m ? p.paidOn : m), null);
  return last && paidOn < last ? [{ code: 'PAYMENT_OUT_OF_ORDER', message: `已登记 ${last} 的缴款，不能补登更早日期的缴款（会改变已抵扣的加处罚款）` }] : [];
}

// ─── 复议 and 诉讼 ─────────────────────────────────────────────────────────────

export const challengeKinds = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;
export type ChallengeKind = keyof typeof challengeKinds;
export const challengeKindIds = Object.keys(challengeKinds) as [ChallengeKind, ...ChallengeKind[]];

/** How a 复议 or 诉讼 ended: the decision stands (维持, 驳回, 撤回), or it no longer stands as it was (撤销, 变更). */
export const challengeOutcomes = {
  upheld: { label: '维持原决定或者驳回请求', stands: true },
  withdrawn: { label: '申请人撤回申请或者原告撤诉', stands: true },
  revoked: { label: '撤销或者确认违法', stands: false },
  changed: { label: '变更原决定', stands: false },
} as const;
export type ChallengeOutcome = keyof typeof challengeOutcomes;
export const challengeOutcomeIds = Object.keys(challengeOutcomes) as [ChallengeOutcome, ...ChallengeOutcome[]];

export interface Challenge {
  id: string;
  kind: ChallengeKind;
  filedOn: string;
  body: string;
  concludedOn: string | null;
  outcome: ChallengeOutcome | null;
}

/** The periods the late fee does not accrue: 行政处罚法 第七十三条第三款 "加处罚款的数额在行政复议或者行政诉讼期间不予计算". */
export const excludedPeriodsOf = (challenges: readonly Challenge[]): ExcludedPeriod[] =>
  challenges.map((c) => ({ from: c.filedOn, to: c.concludedOn, reason: `${challengeKinds[c.kind]}期间（${c.body}）` }));

// ─── the lines of the decision ───────────────────────────────────────────────

/** How a line of the decision is executed: by payment, by handing over or disposing of property, or by a follow-up. */
export const executionActs = {
  payment: { label: '缴纳没收的违法所得', kinds: ['confiscateIllegalGains'] },
  handover: { label: '移交', kinds: ['confiscateIllegalProperty'] },
  destruction: { label: '销毁', kinds: ['confiscateIllegalProperty'] },
  auction: { label: '公开拍卖', kinds: ['confiscateIllegalProperty'] },
  otherDisposal: { label: '依照国家规定处理', kinds: ['confiscateIllegalProperty'] },
  followUp: {
    label: '跟踪落实',
    kinds: ['suspendLicence', 'revokeLicence', 'lowerQualification', 'suspendBusiness', 'restrictBusiness', 'closure', 'restrictEmployment'],
  },
} as const satisfies Record<string, { label: string; kinds: readonly PenaltyKind[] }>;
export type ExecutionAct = keyof typeof executionActs;
export const executionActIds = Object.keys(executionActs) as [ExecutionAct, ...ExecutionAct[]];

export interface ExecutionRecord {
  id: string;
  line: number;
  act: ExecutionAct;
  on: string;
  amountFen: number | null;
  receiptNo: string | null;
  note: string;
}

export interface DecidedLine {
  kind: PenaltyKind;
  amountFen?: number | null;
  note?: string | null;
}

export type LineState = 'executed' | 'pending' | 'terminated';
export const lineStateLabels: Record<LineState, string> = { executed: '已执行', pending: '未执行', terminated: '终结执行' };

export interface LineExecution {
  line: number;
  kind: PenaltyKind;
  label: string;
  amountFen: number | null;
  state: LineState;
  /** money still owed on the line (the fine not paid, or the confiscated gains; the late fee is the case's, in `Owed`) */
  owedFen: number | null;
  /** how it is executed or what is missing */
  how: string;
  records: ExecutionRecord[];
}

/**
 * The execution of each line of the decision. 罚款: paid, with the late fee owed (the fine lines share the payments
 * in their order). 没收违法所得: its payments. 没收非法财物: a handover, destruction, auction or other disposal with
 * its receipt (行政处罚法 第七十四条). 警告、通报批评: executed by serving the decision. The others (责令停产停业,
 * licence actions, 限制从业 …): a follow-up record. A line still pending when the case ended on a ground of
 * 行政强制法 第四十条 is `terminated`.
 */
export function lineExecutions(
  lines: readonly DecidedLine[],
  f: { served: boolean; owed: Owed | null; records: readonly ExecutionRecord[]; terminated?: boolean },
): LineExecution[] {
  let finePaidLeft = f.owed ? lines.filter((l) => l.kind === 'fine').reduce((s, l) => s + (l.amountFen ?? 0), 0) - f.owed.outstandingFen : 0;
  return lines.map((l, line) => {
    const records = f.records.filter((r) => r.line === line);
    const amount = l.amountFen ?? null;
    let state: LineState = 'pending';
    let owedFen: number | null = null;
    let how: string;
    if (l.kind === 'fine') {
      const paid = Math.min(finePaidLeft, amount ?? 0);
      finePaidLeft -= paid;
      owedFen = (amount ?? 0) - paid;
      const fee = f.owed?.lateFeeFen ?? 0;
      if (owedFen === 0 && fee === 0) state = 'executed';
      how = owedFen === 0 && fee === 0 ? '罚款已缴清' : `未缴罚款 ${formatYuan(owedFen)}${fee ? `，加处罚款 ${formatYuan(fee)}` : ''}`;
    } else if (l.kind === 'confiscateIllegalGains') {
      const paid = records.filter((r) => r.act === 'payment').reduce((s, r) => s + (r.amountFen ?? 0), 0);
      owedFen = Math.max(0, (amount ?? 0) - paid);
      if (owedFen === 0) state = 'executed';
      how = owedFen === 0 ? '违法所得已缴清' : `未缴违法所得 ${formatYuan(owedFen)}`;
    } else if (l.kind === 'confiscateIllegalProperty') {
      const d = records.find((r) => r.act !== 'payment' && r.act !== 'followUp');
      if (d) state = 'executed';
      how = d ? `已${executionActs[d.act].label}（${d.on}，${d.receiptNo ?? ''}）` : '尚无移交、销毁或者拍卖记录';
    } else if (l.kind === 'warning' || l.kind === 'publicCriticism') {
      if (f.served) state = 'executed';
      how = f.served ? '以送达处罚决定书执行' : '处罚决定书尚未送达';
    } else {
      const r = records.find((x) => x.act === 'followUp');
      if (r) state = 'executed';
      how = r ? `已跟踪落实（${r.on}）` : '尚无跟踪落实记录';
    }
    if (state === 'pending' && f.terminated) state = 'terminated';
    return { line, kind: l.kind, label: penaltyKinds[l.kind], amountFen: amount, state, owedFen, how, records };
  });
}

/** Whether an execution act fits a line of the decision (a fine is paid through 登记缴款, with its late fee). */
export function executionRecordProblems(
  lines: readonly DecidedLine[],
  r: { line: number; act: ExecutionAct; amountFen?: number | null; receiptNo?: string | null },
  current: readonly LineExecution[],
): Problem[] {
  const l = lines[r.line];
  if (!l) return [{ code: 'EXECUTION_LINE_UNKNOWN', message: `处罚决定没有第 ${r.line + 1} 项` }];
  if (l.kind === 'fine') return [{ code: 'EXECUTION_ACT_MISMATCH', message: '罚款通过“登记缴款”执行（先抵加处罚款）' }];
  const allowed = executionActs[r.act].kinds as readonly PenaltyKind[];
  if (!allowed.includes(l.kind)) return [{ code: 'EXECUTION_ACT_MISMATCH', message: `“${penaltyKinds[l.kind]}”不能以“${executionActs[r.act].label}”执行` }];
  if (r.act === 'payment') {
    if (!r.amountFen) return [{ code: 'EXECUTION_AMOUNT_MISSING', message: '缴纳没收的违法所得须载明金额' }];
    const owed = current[r.line]?.owedFen ?? 0;
    if (r.amountFen > owed) return [{ code: 'OVERPAYMENT', message: `缴款 ${formatYuan(r.amountFen)} 超过未缴的违法所得 ${formatYuan(owed)}` }];
  }
  if (r.act !== 'followUp' && r.act !== 'payment' && !r.receiptNo)
    return [{ code: 'EXECUTION_RECEIPT_MISSING', message: `${executionActs[r.act].label}须载明移交清单、销毁记录或者拍卖成交确认书的编号` }];
  return [];
}

// ─── 终结执行 and 结案 ─────────────────────────────────────────────────────────

/** 行政强制法 第四十条: the grounds on which execution ends with the decision not (wholly) executed. */
export const terminationGrounds = {
  deceased: { label: '公民死亡，无遗产可供执行，又无义务承受人的', basis: `${AEL}#第四十条`, item: '（一）' },
  dissolved: { label: '法人或者其他组织终止，无财产可供执行，又无义务承受人的', basis: `${AEL}#第四十条`, item: '（二）' },
  objectLost: { label: '执行标的灭失的', basis: `${AEL}#第四十条`, item: '（三）' },
  decisionRevoked: { label: '据以执行的行政决定被撤销的', basis: `${AEL}#第四十条`, item: '（四）' },
  other: { label: '行政机关认为需要终结执行的其他情形', basis: `${AEL}#第四十条`, item: '（五）' },
} as const;
export type TerminationGround = keyof typeof terminationGrounds;
export const terminationGroundIds = Object.keys(terminationGrounds) as [TerminationGround, ...TerminationGround[]];

/**
 * 结案: every line of the decision executed, or a recorded ground of 行政强制法 第四十条 (终结执行) for what is not;
 * "other" needs the reason written out.
 */
export function closureProblems(
  lines: readonly LineExecution[],
  termination: { ground: TerminationGround; note?: string | null } | null | undefined,
): Problem[] {
  const open = lines.filter((l) => l.state === 'pending');
  if (!open.length) return [];
  if (termination) {
    if (termination.ground === 'other' && !termination.note?.trim())
      return [{ code: 'TERMINATION_REASON_MISSING', message: '以“行政机关认为需要终结执行的其他情形”终结执行的，须写明理由' }];
    return [];
  }
  return [
    {
      code: 'EXECUTION_INCOMPLETE',
      message: `处罚决定尚未执行完毕（${open.map((l) => `${l.label}：${l.how}`).join('；')}），不能结案；确有行政强制法第四十条情形的，须载明终结执行的理由`,
    },
  ];
}

// ─── 申请人民法院强制执行 ──────────────────────────────────────────────────────

export interface EnforcementFacts {
  /** the date of the application */
  appliedOn: string;
  /** the last day to apply for 行政复议 (行政复议法 第二十条: 六十日) and to sue (行政诉讼法 第四十六条: 六个月) */
  reconsiderationEnds: string;
  litigationEnds: string;
  /** the end of the performance period: the payment due date, or the last deferred or instalment date (行政处罚法 第七十二条第二款) */
  performanceEnds: string | null;
  /** three months after the latest of those (行政强制法 第五十三条) */
  windowEnds: string;
  challenges: readonly Challenge[];
  /** the 催告书 served, and the last day of its ten (working) days (行政强制法 第五十四条, 第六十九条) */
  demand: { servedOn: string; periodEnds: string } | null;
  lines: readonly LineExecution[];
}

/** The day the three-month window of 行政强制法 第五十三条 starts from: the latest of the periods that must pass first. */
export const enforcementWindowStart = (f: { reconsiderationEnds: string; litigationEnds: string; performanceEnds: string | null }) =>
  latest([f.reconsiderationEnds, f.litigationEnds, f.performanceEnds ?? '']);

/** The latest of ISO dates (string order is date order). */
const latest = (dates: string[]) => [...dates].sort().at(-1)!;

/**
 * 申请人民法院强制执行 (行政强制法 第五十三条 "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，
 * 没有行政强制执行权的行政机关可以自期限届满之日起三个月内…申请人民法院强制执行"; 第五十四条 "行政机关申请人民法院强制执行前，
 * 应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的…"): something of the decision unexecuted; the
 * performance period over; no 复议 or 诉讼 pending and the decision not set aside by one; both remedy periods
 * passed; a 催告书 served and its ten working days passed; and not later than three months after.
 */
export function enforcementProblems(f: EnforcementFacts): Problem[] {
  const out: Problem[] = [];
  const open = f.lines.filter((l) => l.state === 'pending');
  if (!open.length) return [{ code: 'NOTHING_TO_ENFORCE', message: '处罚决定已执行完毕，无需申请强制执行' }];
  if (f.performanceEnds && f.appliedOn <= f.performanceEnds)
    out.push({ code: 'PAYMENT_NOT_OVERDUE', message: `履行期限至 ${f.performanceEnds}，期满前不能申请强制执行（行政处罚法第七十二条第二款）` });
  const pending = f.challenges.find((c) => !c.concludedOn);
  if (pending)
    out.push({
      code: 'ENFORCEMENT_CHALLENGE_PENDING',
      message: `当事人已于 ${pending.filedOn} ${pending.kind === 'reconsideration' ? '申请行政复议' : '提起行政诉讼'}，尚未审结，不能申请强制执行`,
    });
  const setAside = f.challenges.find((c) => c.outcome && !challengeOutcomes[c.outcome].stands);
  if (setAside)
    out.push({
      code: 'ENFORCEMENT_DECISION_SET_ASIDE',
      message: `处罚决定已经${challengeKinds[setAside.kind]}${challengeOutcomes[setAside.outcome!].label}，不能据以申请强制执行`,
    });
  const periodsEnd = latest([f.reconsiderationEnds, f.litigationEnds]);
  if (f.appliedOn <= periodsEnd)
    out.push({
      code: 'ENFORCEMENT_REMEDY_PERIOD_OPEN',
      message: `申请行政复议的期限至 ${f.reconsiderationEnds}、提起行政诉讼的期限至 ${f.litigationEnds}，期限届满前不能申请人民法院强制执行（行政强制法第五十三条）`,
    });
  if (!f.demand) out.push({ code: 'ENFORCEMENT_DEMAND_MISSING', message: '申请人民法院强制执行前，应当催告当事人履行义务（行政强制法第五十四条）' });
  else if (f.appliedOn <= f.demand.periodEnds)
    out.push({
      code: 'ENFORCEMENT_DEMAND_PERIOD_OPEN',
      message: `催告书于 ${f.demand.servedOn} 送达，十日（工作日，行政强制法第六十九条）至 ${f.demand.periodEnds} 届满，届满后当事人仍未履行的方可申请`,
    });
  if (f.appliedOn > f.windowEnds)
    out.push({
      code: 'ENFORCEMENT_WINDOW_CLOSED',
      message: `申请人民法院强制执行的期限已于 ${f.windowEnds} 届满（自期限届满之日起三个月内，行政强制法第五十三条）`,
    });
  return out;
}

/** 催告 (行政强制法 第五十四条): something unexecuted, past its performance period; one 催告书 per case. */
export function demandProblems(f: { servedOn: string; performanceEnds: string | null; lines: readonly LineExecution[]; demanded: boolean }): Problem[] {
  if (f.demanded) return [{ code: 'DEMAND_ALREADY_SERVED', message: '本案已送达催告书' }];
  if (!f.lines.some((l) => l.state === 'pending')) return [{ code: 'NOTHING_TO_ENFORCE', message: '处罚决定已执行完毕，无需催告' }];
  if (f.performanceEnds && f.servedOn <= f.performanceEnds)
    return [{ code: 'DEMAND_BEFORE_DUE', message: `履行期限至 ${f.performanceEnds}，期满后当事人仍未履行的方可催告` }];
  return [];
}

export const EXECUTION_BASIS = {
  lateFee: LATE_FEE_BASIS,
  notAccrued: `${APL}#第七十三条`,
  cap: `${AEL}#第四十五条`,
  application: `${AEL}#第五十三条`,
  demand: `${AEL}#第五十四条`,
  workingDays: `${AEL}#第六十九条`,
  termination: `${AEL}#第四十条`,
} as const;
