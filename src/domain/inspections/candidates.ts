/**
 * Who and what may be drawn for a task (pure): the inspectors whose certificates cover the task's
 * field for the whole period and who are available — every other one with the reason — and the
 * recusal pairs (回避) from declared relations: related entity, former employer, same address.
 */
import { effectiveStatus, certificateStatusLabels, enforcementFields, type EnforcementField, type OfficerFacts } from '../certifiedDuty.ts';
import { normalizeAddress } from './targets.ts';

export interface InspectorFacts extends OfficerFacts {
  orgId: string;
  orgName: string;
  available: boolean;
  unavailableReason: string | null;
}

export interface ExcludedInspector {
  officerId: string;
  name: string;
  orgName: string;
  code: 'OFFICER_INACTIVE' | 'UNAVAILABLE' | 'NO_VALID_CERTIFICATE' | 'FIELD_NOT_COVERED' | 'CERTIFICATE_EXPIRES_IN_PERIOD';
  reason: string;
}

export interface EligibleInspector {
  officerId: string;
  name: string;
  orgId: string;
  orgName: string;
  certificateNumber: string;
}

/** Splits the pool: eligible for `field` from `periodStart` to `periodEnd`, or excluded with the reason. */
export function screenInspectors(
  pool: InspectorFacts[],
  field: string,
  periodStart: string,
  periodEnd: string,
): { eligible: EligibleInspector[]; excluded: ExcludedInspector[] } {
  const eligible: EligibleInspector[] = [];
  const excluded: ExcludedInspector[] = [];
  const fieldLabel = enforcementFields[field as EnforcementField] ?? field;
  for (const o of [...pool].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const out = (code: ExcludedInspector['code'], reason: string) => excluded.push({ officerId: o.id, name: o.name, orgName: o.orgName, code, reason });
    if (!o.active) {
      out('OFFICER_INACTIVE', '已不在执法岗位');
      continue;
    }
    if (!o.available) {
      out('UNAVAILABLE', `不可选派：${o.unavailableReason ?? '未说明原因'}`);
      continue;
    }
    const valid = o.certificates.filter((c) => effectiveStatus(c, periodStart) === 'valid');
    if (valid.length === 0) {
      const states = [...new Set(o.certificates.map((c) => certificateStatusLabels[effectiveStatus(c, periodStart)]))];
      out('NO_VALID_CERTIFICATE', o.certificates.length ? `行政执法证${states.join('、')}，没有有效的执法证` : '没有行政执法证');
      continue;
    }
    const covering = valid.filter((c) => c.fields.includes(field) || c.fields.includes('general'));
    if (covering.length === 0) {
      out('FIELD_NOT_COVERED', `行政执法证不包含“${fieldLabel}”执法领域`);
      continue;
    }
    const through = covering.find((c) => c.validTo >= periodEnd);
    if (!through) {
      const last = covering
        .map((c) => c.validTo)
        .sort()
        .at(-1)!;
      out('CERTIFICATE_EXPIRES_IN_PERIOD', `行政执法证于 ${last} 到期，早于任务结束日 ${periodEnd}`);
      continue;
    }
    eligible.push({ officerId: o.id, name: o.name, orgId: o.orgId, orgName: o.orgName, certificateNumber: through.number });
  }
  return { eligible, excluded };
}

export interface Relation {
  officerId: string;
  kind: 'relative' | 'formerEmployer' | 'sameAddress' | 'other';
  uscc: string | null;
  address: string | null;
}

export const relationKindLabels: Record<Relation['kind'], string> = {
  relative: '近亲属经营或任职',
  formerEmployer: '原工作单位',
  sameAddress: '住址相同',
  other: '其他利害关系',
};

/** Recusal pairs: inspector id → the candidate target ids (uscc) they must never be sent to. */
export function recusalPairs(relations: Relation[], inspectorIds: Set<string>, targets: { uscc: string; address: string }[]): Record<string, string[]> {
  const byUscc = new Set(targets.map((t) => t.uscc));
  const byAddress = new Map<string, string[]>();
  for (const t of targets) {
    const a = normalizeAddress(t.address);
    (byAddress.get(a) ?? byAddress.set(a, []).get(a)!).push(t.uscc);
  }
  const out: Record<string, Set<string>> = {};
  for (const r of relations) {
    if (!inspectorIds.has(r.officerId)) continue;
    const add = (u: string) => (out[r.officerId] ??= new Set()).add(u);
    if (r.uscc && byUscc.has(r.uscc)) add(r.uscc);
    if (r.address) for (const u of byAddress.get(normalizeAddress(r.address)) ?? []) add(u);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}
