/**
 * 持证上岗 / 亮证执法 (certifiedDuty): may these officers perform this act in this field on this date?
 * Pure: the caller loads the officers and their certificates.
 */

/** 执法领域 (enforcementField): the fields a certificate can cover. */
export const enforcementFields = {
  general: '综合执法',
  food: '食品安全',
  drugs: '药品医疗器械化妆品',
  specialEquipment: '特种设备安全',
  productQuality: '产品质量',
  advertising: '广告监管',
  pricing: '价格监管',
  competition: '反不正当竞争与反垄断',
  metrology: '计量',
  standardization: '标准化',
  consumerProtection: '消费者权益保护',
  trademark: '商标与知识产权',
  registration: '市场主体登记',
  ecommerce: '网络交易',
} as const;
export type EnforcementField = keyof typeof enforcementFields;
export const enforcementFieldIds = Object.keys(enforcementFields) as [EnforcementField, ...EnforcementField[]];

/**
 * Enforcement acts and how many certified officers each needs, with the article that says so.
 * Investigation and inspection acts need at least two (行政处罚法 第四十二条、第五十五条).
 */
export const enforcementActs = {
  inspection: { label: '现场检查', minOfficers: 2, basis: '行政处罚法 第四十二条、第五十五条' },
  inquiry: { label: '询问调查', minOfficers: 2, basis: '行政处罚法 第四十二条、第五十五条' },
  sampling: { label: '抽样取证', minOfficers: 2, basis: '行政处罚法 第五十五条、第五十六条' },
  evidencePreservation: { label: '先行登记保存', minOfficers: 2, basis: '行政处罚法 第五十六条' },
  coerciveMeasure: { label: '实施行政强制措施', minOfficers: 2, basis: '行政强制法 第十八条' },
  randomInspection: { label: '双随机抽查', minOfficers: 2, basis: '行政处罚法 第四十二条' },
  // 第四十二条 "执法人员不得少于两人，法律另有规定的除外": 第五十一条、第五十二条 provide nothing otherwise for 当场处罚
  summaryPenalty: { label: '当场处罚（简易程序）', minOfficers: 2, basis: '行政处罚法 第四十二条、第五十一条、第五十二条' },
  service: { label: '送达文书', minOfficers: 1, basis: '行政处罚法 第六十一条' },
} as const;
export type EnforcementAct = keyof typeof enforcementActs;
export const enforcementActIds = Object.keys(enforcementActs) as [EnforcementAct, ...EnforcementAct[]];

export type CertificateStatus = 'valid' | 'suspended' | 'revoked';
export type EffectiveCertificateStatus = CertificateStatus | 'expired' | 'notYetValid';

export interface CertificateFacts {
  id: string;
  number: string;
  fields: string[];
  validFrom: string; // YYYY-MM-DD
  validTo: string;
  status: CertificateStatus;
}

export interface OfficerFacts {
  id: string;
  name: string;
  active: boolean;
  certificates: CertificateFacts[];
}

/** The status a person would read on the certificate on `date`. */
export function effectiveStatus(c: Pick<CertificateFacts, 'validFrom' | 'validTo' | 'status'>, date: string): EffectiveCertificateStatus {
  if (c.status !== 'valid') return c.status;
  if (date < c.validFrom) return 'notYetValid';
  if (date > c.validTo) return 'expired';
  return 'valid';
}

export const certificateStatusLabels: Record<EffectiveCertificateStatus, string> = {
  valid: '有效',
  expired: '已过期',
  suspended: '暂扣',
  revoked: '已注销',
  notYetValid: '尚未生效',
};

/** Days before expiry at which a certificate is flagged 即将到期. */
export const CERTIFICATE_EXPIRY_WARNING_DAYS = 90;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface DutyProblem {
  officerId: string | null;
  code: 'OFFICER_UNKNOWN' | 'OFFICER_INACTIVE' | 'NO_VALID_CERTIFICATE' | 'FIELD_NOT_COVERED' | 'TOO_FEW_OFFICERS' | 'DUPLICATE_OFFICER';
  message: string;
}

export interface DutyCheck {
  allowed: boolean;
  act: EnforcementAct;
  field: string;
  date: string;
  minOfficers: number;
  basis: string;
  qualified: { officerId: string; certificateNumber: string }[];
  problems: DutyProblem[];
}

/** Decides whether `officers` may perform `act` in `field` on `date`, and explains why not. */
export function checkCertifiedDuty(officers: OfficerFacts[], act: EnforcementAct, field: string, date: string): DutyCheck {
  const rule = enforcementActs[act];
  const problems: DutyProblem[] = [];
  const qualified: DutyCheck['qualified'] = [];
  const seen = new Set<string>();
  const fieldLabel = enforcementFields[field as EnforcementField] ?? field;
  for (const o of officers) {
    if (seen.has(o.id)) {
      problems.push({ officerId: o.id, code: 'DUPLICATE_OFFICER', message: `${o.name} 重复列出，同一人只计一次` });
      continue;
    }
    seen.add(o.id);
    if (!o.active) {
      problems.push({ officerId: o.id, code: 'OFFICER_INACTIVE', message: `${o.name} 已不在执法岗位` });
      continue;
    }
    const valid = o.certificates.filter((c) => effectiveStatus(c, date) === 'valid');
    if (valid.length === 0) {
      problems.push({ officerId: o.id, code: 'NO_VALID_CERTIFICATE', message: `${o.name} 在 ${date} 没有有效的行政执法证` });
      continue;
    }
    const covering = valid.find((c) => c.fields.includes(field) || c.fields.includes('general'));
    if (!covering) {
      problems.push({ officerId: o.id, code: 'FIELD_NOT_COVERED', message: `${o.name} 的行政执法证不包含“${fieldLabel}”执法领域` });
      continue;
    }
    qualified.push({ officerId: o.id, certificateNumber: covering.number });
  }
  if (qualified.length < rule.minOfficers) {
    problems.push({
      officerId: null,
      code: 'TOO_FEW_OFFICERS',
      message: `${rule.label}须由不少于 ${rule.minOfficers} 名持有效执法证的执法人员实施（${rule.basis}），目前符合条件的只有 ${qualified.length} 名`,
    });
  }
  return {
    // every listed officer must be qualified: an uncertified person may not take part at all
    allowed: problems.length === 0,
    act,
    field,
    date,
    minOfficers: rule.minOfficers,
    basis: rule.basis,
    qualified,
    problems,
  };
}
