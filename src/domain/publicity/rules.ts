/**
 * 行政执法公示 rules as data and small pure functions (RULES.md, Publication): which decisions are
 * published where, for how long, and how personal data is masked before anything leaves.
 * No I/O; the publicity module applies them.
 */
import type { PenaltyKind } from '../discretion/vocabulary.ts';

/** Where a publication goes. 门户 = this platform's public portal. */
export const publicationChannels = {
  portal: '本机关行政执法公示平台',
  enterpriseCredit: '国家企业信用信息公示系统',
  creditChina: '信用中国（双公示）',
} as const;
export type PublicationChannel = keyof typeof publicationChannels;

/**
 * The deadlines of a publication that are met outside this platform: the report to 国家企业信用信息公示系统
 * and to the credit site (双公示). Publishing on the portal meets neither; a 双公示 export that carries the
 * publication does (its file is the evidence). Until then they are 待上报, never 已履行.
 */
export const externalReportRules = ['publicity.penalty', 'publicity.credit'] as const;

/** A publication deadline's status as the console shows it: 待上报 / 已上报 for the external reports. */
export function publicationDeadlineStatus(ruleId: string, status: 'open' | 'met' | 'cancelled' | string): string {
  const external = (externalReportRules as readonly string[]).includes(ruleId);
  if (status === 'open') return external ? '待上报' : '进行中';
  if (status === 'met') return external ? '已上报' : '已履行';
  return status === 'cancelled' ? '已撤销' : status;
}

export const publicationKinds = {
  penalty: '行政处罚决定',
  licence: '行政许可决定',
  inspectionResult: '双随机抽查结果',
  reconsideration: '行政复议决定',
} as const;
export type PublicationKind = keyof typeof publicationKinds;
/** The kinds this platform publishes today (licence and reconsideration wait for their modules). */
export const publishedKinds = ['penalty', 'inspectionResult'] as const satisfies readonly PublicationKind[];

/** 不予公示的情形 (市场监督管理行政处罚信息公示规定 第七条; 政府信息公开条例 第十四条、第十五条). */
export const exemptionGrounds = {
  stateSecret: '涉及国家秘密',
  tradeSecret: '涉及商业秘密',
  privacy: '涉及个人隐私',
  revoked: '决定已被撤销',
  other: '其他依法不予公开的情形',
} as const;
/** 撤回公示的原因 (同上 第十一条: the decision was changed, revoked, confirmed unlawful or void). */
export const withdrawalGrounds = {
  changed: '行政处罚决定被变更',
  revoked: '行政处罚决定被撤销',
  unlawful: '行政处罚决定被确认违法',
  void: '行政处罚决定被确认无效',
  other: '其他',
} as const;

/** The states of a publication (the publication workflow's labels, for lists and the portal). */
export const publicationStates = {
  scheduled: '待公示',
  published: '公示中',
  corrected: '公示中（已更正）',
  withdrawalDue: '待撤回',
  withdrawn: '已撤回',
  expired: '公示期满',
  repaired: '已信用修复（提前停止公示）',
  exemptionProposed: '拟不予公示（待批准）',
  exempted: '不予公示',
} as const;
export type PublicationState = keyof typeof publicationStates;

export interface DecisionFacts {
  procedure: 'ordinary' | 'summary';
  /** 给予 / 不予 / 免予行政处罚 (only a penalty is published) */
  outcome: 'penalty' | 'noPenalty' | 'exempted';
  penalties: { kind: PenaltyKind; amountFen?: number | null }[];
}

export interface Requirement {
  publish: boolean;
  channels: PublicationChannel[];
  /** deadline rules (src/domain/deadlines/rules.ts) the publication must meet */
  deadlineRules: string[];
  reason: string;
}

/**
 * Which decisions are published (市场监督管理行政处罚信息公示规定 第二条: ordinary procedure only,
 * warning-only penalties are not published; summary-procedure penalties are generally not published
 * on credit sites — RULES.md marks the latter as to verify). 不予行政处罚 is not a penalty decision.
 */
export function publicationRequirement(d: DecisionFacts): Requirement {
  if (d.outcome !== 'penalty' || d.penalties.length === 0)
    return { publish: false, channels: [], deadlineRules: [], reason: '不予行政处罚决定不属于应当公示的行政处罚信息' };
  if (d.procedure === 'summary')
    return {
      publish: false,
      channels: [],
      deadlineRules: [],
      reason: '适用简易程序作出的行政处罚决定不在国家企业信用信息公示系统公示（市场监督管理行政处罚信息公示规定 第二条）',
    };
  if (d.penalties.every((p) => p.kind === 'warning'))
    return { publish: false, channels: [], deadlineRules: [], reason: '仅给予警告的行政处罚不予公示（市场监督管理行政处罚信息公示规定 第二条）' };
  return {
    publish: true,
    channels: ['portal', 'enterpriseCredit', 'creditChina'],
    deadlineRules: ['publicity.penalty', 'publicity.credit'],
    reason: '适用普通程序作出的行政处罚决定，应当在作出决定之日起二十个工作日内公示（市场监督管理行政处罚信息公示规定 第二条、第九条）',
  };
}

/**
 * 公示期 (同上 第十三条): three months for 通报批评 or a low fine (the province sets "low":
 * `lowFineFen`, null = not set), three years otherwise.
 */
export function publicityPeriodRule(penalties: DecisionFacts['penalties'], lowFineFen: number | null): 'publicity.period' | 'publicity.period.low' {
  const heavier = penalties.some((p) => p.kind !== 'publicCriticism' && p.kind !== 'fine' && p.kind !== 'warning');
  if (heavier) return 'publicity.period';
  const fine = penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amountFen ?? 0), 0);
  const onlyCriticism = penalties.every((p) => p.kind === 'publicCriticism' || p.kind === 'warning');
  if (onlyCriticism) return 'publicity.period.low';
  return lowFineFen !== null && fine <= lowFineFen ? 'publicity.period.low' : 'publicity.period';
}

// ─── personal data (同上 第六条; 个人信息保护法) ─────────────────────────────

/** 身份证件号码: at most the first 6 and last 4 characters (440105********1234). */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** 电话: 138****5678; a fixed line keeps its area code and last 2 digits. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\s+/g, '');
  if (/^1\d{10}$/.test(d)) return `${d.slice(0, 3)}****${d.slice(-4)}`;
  const m = /^(0\d{2,3})-?(\d{5,8})$/.exec(d);
  if (m) return `${m[1]}-${'*'.repeat(m[2].length - 2)}${m[2].slice(-2)}`;
  return d.length <= 4 ? '*'.repeat(d.length) : `${d.slice(0, 2)}${'*'.repeat(d.length - 4)}${d.slice(-2)}`;
}

/** 银行账号: the last 4 digits only. */
export const maskBankAccount = (acct: string): string => `${'*'.repeat(Math.max(acct.replace(/\s+/g, '').length - 4, 4))}${acct.replace(/\s+/g, '').slice(-4)}`;

/** 住址: up to the county-level division (示例市示例区****), never the street and number. */
export function maskAddress(address: string): string {
  const s = address.trim();
  const m = /^[^\d]{1,12}?[区县旗]/u.exec(s) ?? /^[^\d]{1,8}?市/u.exec(s);
  const keep = m && m[0].length < s.length ? m[0] : [...s].slice(0, Math.min(4, Math.floor([...s].length / 2))).join('');
  return `${keep}****`;
}

/** Patterns of personal data that must never appear unmasked in published free text. */
const RESIDENT_ID = /(?<![0-9A-Za-z])([1-9]\d{5})(\d{8})(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const BANK = /(?<!\d)(\d{12,15})(\d{4})(?!\d)/g;

export interface PersonalData {
  idNumbers?: (string | null | undefined)[];
  phones?: (string | null | undefined)[];
  addresses?: (string | null | undefined)[];
  bankAccounts?: (string | null | undefined)[];
}

/**
 * Masks free text: the known values of this party (exactly), then anything shaped like a resident
 * id, a mobile number or a bank account. Idempotent.
 */
export function maskText(text: string, known: PersonalData = {}): string {
  let out = text;
  const replaceAll = (v: string | null | undefined, by: (s: string) => string) => {
    const s = v?.trim();
    if (s && s.length >= 4) out = out.split(s).join(by(s));
  };
  for (const v of known.idNumbers ?? []) replaceAll(v, maskIdNumber);
  for (const v of known.bankAccounts ?? []) replaceAll(v, maskBankAccount);
  for (const v of known.phones ?? []) replaceAll(v, maskPhone);
  for (const v of known.addresses ?? []) replaceAll(v, maskAddress);
  out = out.replace(RESIDENT_ID, (_m, a: string, _b: string, c: string) => `${a}********${c}`);
  out = out.replace(BANK, (_m, a: string, b: string) => `${'*'.repeat(a.length)}${b}`);
  out = out.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
  return out;
}

/** True when a text still holds something shaped like unmasked personal data (a test and a guard use it). */
export function leaksPersonalData(text: string): boolean {
  return new RegExp(RESIDENT_ID.source).test(text) || new RegExp(MOBILE.source).test(text) || new RegExp(BANK.source).test(text);
}
