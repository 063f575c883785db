/**
 * 双公示 export: a penalty publication as one row of the national 行政处罚 data items (CF_, RULES.md;
 * field codes as in independent public implementations of the 行政许可和行政处罚等信用信息数据归集标准
 * — confirm the version before release), and the check of every field. Pure.
 */
import { isValidResidentId, isValidUscc, residentIdProblem, usccProblem } from '../codes.ts';

export const penaltyFields = [
  ['CF_XDR_MC', '行政相对人名称'],
  ['CF_XDR_LB', '行政相对人类别'],
  ['CF_XDR_SHXYM', '统一社会信用代码'],
  ['CF_XDR_GSZC', '工商注册号'],
  ['CF_XDR_ZZJG', '组织机构代码'],
  ['CF_XDR_SWDJ', '税务登记号'],
  ['CF_XDR_SYDW', '事业单位证书号'],
  ['CF_XDR_SHZZ', '社会组织登记证号'],
  ['CF_FRDB', '法定代表人'],
  ['CF_FR_ZJLX', '法定代表人证件类型'],
  ['CF_FR_ZJHM', '法定代表人证件号码'],
  ['CF_XDR_ZJLX', '证件类型'],
  ['CF_XDR_ZJHM', '证件号码'],
  ['CF_WSH', '行政处罚决定书文号'],
  ['CF_WFXW', '违法行为类型'],
  ['CF_SY', '违法事实'],
  ['CF_YJ', '处罚依据'],
  ['CF_CFLB', '处罚类别'],
  ['CF_NR', '处罚内容'],
  ['CF_NR_FK', '罚款金额（万元）'],
  ['CF_NR_WFFF', '没收违法所得、没收非法财物的金额（万元）'],
  ['CF_NR_ZKDX', '暂扣或吊销证照名称及编号'],
  ['CF_JDRQ', '处罚决定日期'],
  ['CF_YXQ', '处罚有效期'],
  ['CF_GSJZQ', '公示截止期'],
  ['CF_CFJG', '处罚机关'],
  ['CF_CFJGDM', '处罚机关统一社会信用代码'],
  ['CF_SJLY', '数据来源单位'],
  ['CF_SJLYDM', '数据来源单位统一社会信用代码'],
  ['BZ', '备注'],
] as const;
export type PenaltyField = (typeof penaltyFields)[number][0];
export type PenaltyRecord = Record<PenaltyField, string>;
export const penaltyFieldLabels = Object.fromEntries(penaltyFields) as Record<PenaltyField, string>;

/** Dates as the credit platform's templates write them. */
export const creditDate = (iso: string | null | undefined) => (iso ? iso.replaceAll('-', '/') : '');
/** 分 → 万元 with six decimals (no floating point). */
export function fenToWanYuan(fen: number): string {
  const neg = fen < 0;
  const s = String(Math.abs(Math.trunc(fen))).padStart(7, '0');
  const out = `${s.slice(0, -6)}.${s.slice(-6)}`.replace(/\.?0+$/, '');
  return `${neg ? '-' : ''}${out || '0'}`;
}

export interface PenaltySource {
  partyType: 'organisation' | 'naturalPerson';
  partyName: string;
  uscc: string | null;
  legalRep: string | null;
  legalRepId: string | null;
  /** the full id number: the credit platform masks it on display; it never reaches the portal */
  idNumber: string | null;
  number: string;
  violation: string;
  facts: string;
  basis: string;
  penalties: { kind: string; label: string; amountFen: number | null; note: string | null }[];
  penaltyText: string;
  fineFen: number;
  confiscationFen: number;
  decidedOn: string;
  expiresOn: string | null;
  bodyName: string;
  bodyUscc: string | null;
  note?: string;
}

const LICENCE_KINDS = new Set(['suspendLicence', 'revokeLicence']);

export function penaltyRecord(s: PenaltySource): PenaltyRecord {
  const org = s.partyType === 'organisation';
  const licences = s.penalties.filter((p) => LICENCE_KINDS.has(p.kind)).map((p) => p.note ?? p.label);
  return {
    CF_XDR_MC: s.partyName,
    CF_XDR_LB: org ? '法人及非法人组织' : s.uscc ? '个体工商户' : '自然人',
    CF_XDR_SHXYM: s.uscc ?? '',
    CF_XDR_GSZC: '',
    CF_XDR_ZZJG: '',
    CF_XDR_SWDJ: '',
    CF_XDR_SYDW: '',
    CF_XDR_SHZZ: '',
    CF_FRDB: org ? (s.legalRep ?? '') : '',
    CF_FR_ZJLX: org && s.legalRepId ? '身份证' : '',
    CF_FR_ZJHM: org ? (s.legalRepId ?? '') : '',
    CF_XDR_ZJLX: !org ? '身份证' : '',
    CF_XDR_ZJHM: !org ? (s.idNumber ?? '') : '',
    CF_WSH: s.number,
    CF_WFXW: s.violation,
    CF_SY: s.facts,
    CF_YJ: s.basis,
    CF_CFLB: [...new Set(s.penalties.map((p) => p.label))].join(';'),
    CF_NR: s.penaltyText,
    CF_NR_FK: s.fineFen ? fenToWanYuan(s.fineFen) : '',
    CF_NR_WFFF: s.confiscationFen ? fenToWanYuan(s.confiscationFen) : '',
    CF_NR_ZKDX: licences.join(';'),
    CF_JDRQ: creditDate(s.decidedOn),
    CF_YXQ: '2099/12/31',
    CF_GSJZQ: creditDate(s.expiresOn),
    CF_CFJG: s.bodyName,
    CF_CFJGDM: s.bodyUscc ?? '',
    CF_SJLY: s.bodyName,
    CF_SJLYDM: s.bodyUscc ?? '',
    BZ: s.note ?? '',
  };
}

export interface FieldError {
  field: PenaltyField;
  code: string;
  message: string;
}

const DATE = /^\d{4}\/\d{2}\/\d{2}$/;
const isDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(v.replaceAll('/', '-')));
const WAN = /^\d{1,8}(\.\d{1,6})?$/;

/** Every problem of one row (empty: it may be exported). */
export function validatePenaltyRecord(r: PenaltyRecord): FieldError[] {
  const e: FieldError[] = [];
  const err = (field: PenaltyField, code: string, message: string) => e.push({ field, code, message: `${penaltyFieldLabels[field]}（${field}）${message}` });
  const required: PenaltyField[] = [
    'CF_XDR_MC',
    'CF_XDR_LB',
    'CF_WSH',
    'CF_WFXW',
    'CF_SY',
    'CF_YJ',
    'CF_CFLB',
    'CF_NR',
    'CF_JDRQ',
    'CF_GSJZQ',
    'CF_CFJG',
    'CF_CFJGDM',
    'CF_SJLY',
    'CF_SJLYDM',
  ];
  for (const f of required) if (!r[f].trim()) err(f, 'REQUIRED', '必填');
  for (const [f, max] of [
    ['CF_XDR_MC', 200],
    ['CF_WSH', 128],
    ['CF_WFXW', 2000],
    ['CF_SY', 4000],
    ['CF_YJ', 4000],
    ['CF_NR', 4000],
    ['BZ', 512],
  ] as const) {
    if ([...r[f]].length > max) err(f, 'TOO_LONG', `超过 ${max} 个字符`);
  }
  if (!['法人及非法人组织', '自然人', '个体工商户'].includes(r.CF_XDR_LB)) err('CF_XDR_LB', 'CODE_UNKNOWN', '须为 法人及非法人组织、自然人 或 个体工商户');
  if (r.CF_XDR_LB !== '自然人') {
    if (!r.CF_XDR_SHXYM) err('CF_XDR_SHXYM', 'REQUIRED', '法人及非法人组织、个体工商户必填');
    else if (!isValidUscc(r.CF_XDR_SHXYM)) err('CF_XDR_SHXYM', 'USCC_INVALID', `“${r.CF_XDR_SHXYM}”${usccProblem(r.CF_XDR_SHXYM, '')}（GB 32100-2015）`);
  }
  if (r.CF_XDR_LB === '法人及非法人组织' && !r.CF_FRDB.trim()) err('CF_FRDB', 'REQUIRED', '法人及非法人组织必填');
  if (r.CF_FR_ZJHM && !isValidResidentId(r.CF_FR_ZJHM)) err('CF_FR_ZJHM', 'RESIDENT_ID_INVALID', `${residentIdProblem(r.CF_FR_ZJHM, '')}（GB 11643-1999）`);
  if (r.CF_XDR_LB === '自然人' || r.CF_XDR_ZJHM) {
    if (!r.CF_XDR_ZJLX) err('CF_XDR_ZJLX', 'REQUIRED', '自然人必填');
    if (!r.CF_XDR_ZJHM) err('CF_XDR_ZJHM', 'REQUIRED', '自然人必填');
    else if (r.CF_XDR_ZJLX === '身份证' && !isValidResidentId(r.CF_XDR_ZJHM))
      err('CF_XDR_ZJHM', 'RESIDENT_ID_INVALID', `${residentIdProblem(r.CF_XDR_ZJHM, '')}（GB 11643-1999）`);
  }
  if (r.CF_CFLB.split(';').includes('罚款') && !r.CF_NR_FK) err('CF_NR_FK', 'REQUIRED', '处罚类别含罚款时必填');
  for (const f of ['CF_NR_FK', 'CF_NR_WFFF'] as const) if (r[f] && !WAN.test(r[f])) err(f, 'AMOUNT_INVALID', '须为以万元为单位、最多六位小数的数');
  for (const f of ['CF_JDRQ', 'CF_YXQ', 'CF_GSJZQ'] as const) if (r[f] && !isDate(r[f])) err(f, 'DATE_INVALID', '须为 YYYY/MM/DD 格式的日期');
  if (isDate(r.CF_JDRQ) && isDate(r.CF_GSJZQ) && r.CF_GSJZQ <= r.CF_JDRQ) err('CF_GSJZQ', 'DATE_ORDER', '须晚于处罚决定日期');
  for (const f of ['CF_CFJGDM', 'CF_SJLYDM'] as const)
    if (r[f] && !isValidUscc(r[f])) err(f, 'USCC_INVALID', `“${r[f]}”${usccProblem(r[f], '')}（GB 32100-2015）`);
  return e;
}

/** CSV per RFC 4180 with a UTF-8 BOM (spreadsheet programs read the Chinese correctly). */
export function toCsv(rows: PenaltyRecord[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [penaltyFields.map(([f]) => f).join(','), ...rows.map((r) => penaltyFields.map(([f]) => cell(r[f])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
