import {
  CERTIFICATE_EXPIRY_WARNING_DAYS,
  certificateStatusLabels,
  daysBetween,
  effectiveStatus,
  type CertificateStatus,
  type OfficerFacts,
} from '../../domain/certifiedDuty.ts';
import { chinaToday } from '../../domain/dates.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { subtreeSql } from '../../platform/orgs.ts';
import { officerPolicy, type Principal } from '../../platform/policies.ts';
import type { TOfficer } from './schema.ts';

interface OfficerRow {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  gender: string | null;
  employeeNo: string | null;
  position: string | null;
  legalExamPassed: boolean;
  active: boolean;
}
interface CertificateRow {
  id: string;
  officerId: string;
  number: string;
  issuingAuthority: string;
  fields: string[];
  areas: string;
  validFrom: string;
  validTo: string;
  status: CertificateStatus;
  statusReason: string | null;
}

const officerSelect = `select f.id, f.org_id as "orgId", o.name as "orgName", f.name, f.gender, f.employee_no as "employeeNo", f.position,
  f.legal_exam_passed as "legalExamPassed", f.active from officers f join orgs o on o.id = f.org_id`;
const certSelect = `select id, officer_id as "officerId", number, issuing_authority as "issuingAuthority", fields, areas,
  valid_from as "validFrom", valid_to as "validTo", status, status_reason as "statusReason" from certificates`;

function presentCertificate(c: CertificateRow, today: string) {
  const eff = effectiveStatus(c, today);
  const daysToExpiry = daysBetween(today, c.validTo);
  return {
    id: c.id,
    number: c.number,
    issuingAuthority: c.issuingAuthority,
    fields: c.fields,
    areas: c.areas,
    validFrom: c.validFrom,
    validTo: c.validTo,
    status: c.status,
    statusReason: c.statusReason,
    effectiveStatus: eff,
    effectiveStatusLabel: certificateStatusLabels[eff],
    daysToExpiry,
    expiringSoon: eff === 'valid' && daysToExpiry <= CERTIFICATE_EXPIRY_WARNING_DAYS,
  };
}

function summaryStatus(certs: ReturnType<typeof presentCertificate>[]): TOfficer['certificateStatus'] {
  if (certs.length === 0) return 'none';
  if (certs.some((c) => c.effectiveStatus === 'valid' && !c.expiringSoon)) return 'valid';
  if (certs.some((c) => c.expiringSoon)) return 'expiringSoon';
  for (const s of ['suspended', 'expired', 'revoked'] as const) if (certs.some((c) => c.effectiveStatus === s)) return s;
  return 'none';
}

async function certificatesOf(q: Queryable, officerIds: string[]): Promise<Map<string, CertificateRow[]>> {
  const byOfficer = new Map<string, CertificateRow[]>();
  if (officerIds.length === 0) return byOfficer;
  const rows = (await q.query<CertificateRow>(`${certSelect} where officer_id = any($1) order by valid_to desc`, [officerIds])).rows;
  for (const c of rows) byOfficer.set(c.officerId, [...(byOfficer.get(c.officerId) ?? []), c]);
  return byOfficer;
}

export function present(p: Principal, o: OfficerRow, certs: CertificateRow[], today = chinaToday()): TOfficer {
  const certificates = certs.map((c) => presentCertificate(c, today));
  return { ...o, certificates, certificateStatus: summaryStatus(certificates), abilities: officerPolicy(p, o) };
}

export async function findOfficerRow(q: Queryable, id: string): Promise<OfficerRow | null> {
  return (await q.query<OfficerRow>(`${officerSelect} where f.id = $1`, [id])).rows[0] ?? null;
}

export async function getOfficer(q: Queryable, p: Principal, id: string): Promise<TOfficer | null> {
  const row = await findOfficerRow(q, id);
  if (!row) return null;
  return present(p, row, (await certificatesOf(q, [id])).get(id) ?? []);
}

export async function trainingsOf(q: Queryable, officerId: string) {
  return (
    await q.query<{
      id: string;
      kind: 'training' | 'exam';
      title: string;
      heldOn: string;
      hours: number | null;
      score: number | null;
      passed: boolean | null;
      organizer: string | null;
    }>(`select id, kind, title, held_on as "heldOn", hours, score, passed, organizer from trainings where officer_id = $1 order by held_on desc`, [officerId])
  ).rows;
}

export interface OfficerFilter {
  orgId?: string;
  q?: string;
  certificateStatus?: TOfficer['certificateStatus'];
  field?: string;
}

export async function listOfficers(q: Queryable, p: Principal, f: OfficerFilter): Promise<TOfficer[]> {
  const params: unknown[] = [[...p.scope]];
  let where = 'f.org_id = any($1)';
  if (f.orgId) {
    params.push(f.orgId);
    where += ` and f.org_id in (${subtreeSql(`$${params.length}`)})`;
  }
  if (f.q) {
    params.push(`%${f.q}%`);
    where += ` and (f.name ilike $${params.length} or f.employee_no ilike $${params.length} or exists (select 1 from certificates c where c.officer_id = f.id and c.number ilike $${params.length}))`;
  }
  if (f.field) {
    params.push(f.field);
    where += ` and exists (select 1 from certificates c where c.officer_id = f.id and $${params.length} = any(c.fields))`;
  }
  const rows = (await q.query<OfficerRow>(`${officerSelect} where ${where} order by o.sort_order, f.name`, params)).rows;
  const certs = await certificatesOf(
    q,
    rows.map((r) => r.id),
  );
  const today = chinaToday();
  const out = rows.map((r) => present(p, r, certs.get(r.id) ?? [], today));
  return f.certificateStatus ? out.filter((o) => o.certificateStatus === f.certificateStatus) : out;
}

/** The facts the certifiedDuty guard needs, for officers the caller can see. */
export async function officerFacts(q: Queryable, ids: string[]): Promise<(OfficerFacts & { orgId: string })[]> {
  const rows = (await q.query<OfficerRow>(`${officerSelect} where f.id = any($1)`, [ids])).rows;
  const certs = await certificatesOf(q, ids);
  return rows.map((r) => ({ id: r.id, name: r.name, active: r.active, orgId: r.orgId, certificates: certs.get(r.id) ?? [] }));
}
