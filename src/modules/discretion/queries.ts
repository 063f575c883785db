/**
 * Visibility-aware reads of violations, benchmarks and thresholds, and the rows as calculator rules.
 * Violations are read by everyone signed in; benchmarks and thresholds in the adopting org's subtree
 * and by the units below it (its ancestors are readable to them).
 */
import { enforcementFields, type EnforcementField } from '../../domain/certifiedDuty.ts';
import { chinaToday } from '../../domain/dates.ts';
import type { BenchmarkRule, ThresholdRule, ViolationRule } from '../../domain/discretion/model.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { ancestorsOf, orgChain } from '../../platform/orgs.ts';
import { benchmarkPolicy, violationPolicy, type Principal } from '../../platform/policies.ts';
import { articlesByIds } from '../laws/index.ts';

export interface ViolationRow extends ViolationRule {
  /** always read from the table ('[]' when the statute has no earlier version) */
  earlierStatutes: NonNullable<ViolationRule['earlierStatutes']>;
  ownerOrgId: string;
  ownerOrgName: string;
  active: boolean;
}
export interface BenchmarkRow extends BenchmarkRule {
  violationCode: string;
  violationName: string;
  orgName: string;
  note: string | null;
}
export interface ThresholdRow extends ThresholdRule {
  orgId: string;
  orgName: string;
  documentNumber: string | null;
}

const violationSelect = `select v.id, v.code, v.name, v.field, v.owner_org_id as "ownerOrgId", o.name as "ownerOrgName", v.active,
  v.violates, v.punishes, v.conditions, v.provisions, v.earlier_statutes as "earlierStatutes" from violations v join orgs o on o.id = v.owner_org_id`;
const benchmarkSelect = `select b.id, b.violation_id as "violationId", v.code as "violationCode", v.name as "violationName", b.org_id as "orgId", o.name as "orgName",
  b.valid_from as "validFrom", b.valid_to as "validTo", b.document_title as "documentTitle", b.document_number as "documentNumber",
  b.tiers, b.circumstances, b.exemptions, b.note
  from discretion_benchmarks b join violations v on v.id = b.violation_id join orgs o on o.id = b.org_id`;
const thresholdSelect = `select t.id, t.org_id as "orgId", o.name as "orgName", t.kind, t.valid_from as "validFrom", t.valid_to as "validTo",
  t.natural_person_fen as "naturalPersonFen", t.organisation_fen as "organisationFen", t.article_id as "articleId",
  t.document_number as "documentNumber", t.note from discretion_thresholds t join orgs o on o.id = t.org_id`;

/** Re-exported for cases/workflow.ts, publicity/routes.ts and discretion/routes.ts (not owned here); new code imports platform/orgs.ts. */
export { ancestorsOf, orgChain };

/** Orgs whose benchmarks the caller reads: their subtree and the orgs above it. */
export async function readableOrgs(q: Queryable, p: Principal): Promise<{ ids: string[]; ancestors: Set<string> }> {
  const ancestors = await ancestorsOf(q, p.orgId);
  return { ids: [...new Set([...p.scope, ...ancestors])], ancestors };
}

async function openFlags(q: Queryable, subjectType: string, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; n: number }>(
    `select subject_id as id, count(*)::int as n from basis_flags where subject_type = $1 and subject_id = any($2) and status = 'open' group by subject_id`,
    [subjectType, ids],
  );
  return new Map(r.rows.map((x) => [x.id, x.n]));
}

export function presentViolation(p: Principal, v: ViolationRow, flags = 0) {
  return { ...v, fieldLabel: enforcementFields[v.field as EnforcementField] ?? v.field, openFlags: flags, abilities: violationPolicy(p, v) };
}

export async function findViolation(q: Queryable, key: string): Promise<ViolationRow | null> {
  return (await q.query<ViolationRow>(`${violationSelect} where v.id = $1 or v.code = $1 order by (v.id = $1) desc limit 1`, [key])).rows[0] ?? null;
}

export async function listViolations(q: Queryable, p: Principal, f: { field?: string; q?: string; includeInactive?: boolean }) {
  const params: unknown[] = [];
  const where: string[] = [];
  if (!f.includeInactive) where.push('v.active');
  if (f.field) {
    params.push(f.field);
    where.push(`v.field = $${params.length}`);
  }
  if (f.q) {
    params.push(`%${f.q}%`);
    where.push(`(v.code ilike $${params.length} or v.name ilike $${params.length})`);
  }
  const rows = (await q.query<ViolationRow>(`${violationSelect}${where.length ? ` where ${where.join(' and ')}` : ''} order by v.code`, params)).rows;
  const flags = await openFlags(
    q,
    'violation',
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentViolation(p, r, flags.get(r.id) ?? 0));
}

export function presentBenchmark(p: Principal, b: BenchmarkRow, ancestors: ReadonlySet<string>, flags = 0, today = chinaToday()) {
  return {
    ...b,
    note: b.note ?? null,
    current: b.validFrom <= today && (b.validTo === null || today <= b.validTo),
    openFlags: flags,
    abilities: benchmarkPolicy(p, b, ancestors),
  };
}

export async function findBenchmark(q: Queryable, id: string): Promise<BenchmarkRow | null> {
  return (await q.query<BenchmarkRow>(`${benchmarkSelect} where b.id = $1`, [id])).rows[0] ?? null;
}

export async function listBenchmarks(q: Queryable, p: Principal, f: { violationId?: string; orgId?: string; asOf?: string }) {
  const { ids, ancestors } = await readableOrgs(q, p);
  const params: unknown[] = [ids];
  const where = ['b.org_id = any($1)'];
  if (f.violationId) {
    params.push(f.violationId);
    where.push(`b.violation_id = $${params.length}`);
  }
  if (f.orgId) {
    params.push(f.orgId);
    where.push(`b.org_id = $${params.length}`);
  }
  if (f.asOf) {
    params.push(f.asOf);
    where.push(`b.valid_from <= $${params.length}::date and (b.valid_to is null or b.valid_to >= $${params.length}::date)`);
  }
  const rows = (await q.query<BenchmarkRow>(`${benchmarkSelect} where ${where.join(' and ')} order by v.code, o.name, b.valid_from`, params)).rows;
  const flags = await openFlags(
    q,
    'discretionBenchmark',
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentBenchmark(p, r, ancestors, flags.get(r.id) ?? 0));
}

/** Benchmarks of a violation adopted by any org of the chain (for the calculator). */
export async function benchmarksForChain(q: Queryable, violationId: string, chain: string[]): Promise<BenchmarkRow[]> {
  return (await q.query<BenchmarkRow>(`${benchmarkSelect} where b.violation_id = $1 and b.org_id = any($2) order by b.valid_from`, [violationId, chain])).rows;
}

export async function thresholdsForChain(q: Queryable, chain: string[]): Promise<ThresholdRow[]> {
  return (await q.query<ThresholdRow>(`${thresholdSelect} where t.org_id = any($1) order by t.valid_from`, [chain])).rows;
}

export async function findThreshold(q: Queryable, id: string): Promise<ThresholdRow | null> {
  return (await q.query<ThresholdRow>(`${thresholdSelect} where t.id = $1`, [id])).rows[0] ?? null;
}

export async function listThresholds(q: Queryable, p: Principal, orgId?: string) {
  const { ids, ancestors } = await readableOrgs(q, p);
  const params: unknown[] = [ids];
  let where = 't.org_id = any($1)';
  if (orgId) {
    params.push(orgId);
    where += ` and t.org_id = $${params.length}`;
  }
  const rows = (await q.query<ThresholdRow>(`${thresholdSelect} where ${where} order by o.name, t.kind, t.valid_from`, params)).rows;
  return rows.map((t) => ({ ...t, documentNumber: t.documentNumber ?? null, abilities: benchmarkPolicy(p, t, ancestors) }));
}

/** Article references for links (/laws/articles/:id), keyed by id. */
export async function articleRefs(q: Queryable, ids: string[]) {
  const found = await articlesByIds(q, ids);
  return Object.fromEntries(
    found.map((a) => [a.id, { id: a.id, label: a.label, sourceId: a.sourceId, title: a.title, versionDate: a.versionDate, status: a.status }]),
  );
}
