/** The record viewer's resolvers (/record/violation/:id, /record/discretionBenchmark/:id, /record/discretionThreshold/:id). */
import type { Queryable } from '../../platform/db/index.ts';
import { ancestorsOf } from '../../platform/orgs.ts';
import { benchmarkPolicy, violationPolicy, type Principal } from '../../platform/policies.ts';
import { findBenchmark, findThreshold, findViolation } from './queries.ts';
import { thresholdKinds } from '../../domain/discretion/vocabulary.ts';

export async function resolveViolationMatter(q: Queryable, p: Principal, id: string) {
  const v = await findViolation(q, id);
  if (!v || v.id !== id) return null;
  const a = violationPolicy(p, v);
  return { orgId: v.ownerOrgId, title: `违法行为 ${v.code} ${v.name}`, viewRecord: a.viewRecord, uploadEvidence: false };
}

export async function resolveBenchmarkMatter(q: Queryable, p: Principal, id: string) {
  const b = await findBenchmark(q, id);
  if (!b) return null;
  const a = benchmarkPolicy(p, b, await ancestorsOf(q, p.orgId));
  if (!a.read) return null;
  return { orgId: b.orgId, title: `裁量基准 ${b.violationCode}（${b.orgName}，${b.documentNumber}）`, viewRecord: a.viewRecord, uploadEvidence: false };
}

export async function resolveThresholdMatter(q: Queryable, p: Principal, id: string) {
  const t = await findThreshold(q, id);
  if (!t) return null;
  const a = benchmarkPolicy(p, t, await ancestorsOf(q, p.orgId));
  if (!a.read) return null;
  return { orgId: t.orgId, title: `${thresholdKinds[t.kind]}标准（${t.orgName}，${t.validFrom} 起）`, viewRecord: a.viewRecord, uploadEvidence: false };
}
