/**
 * 裁量基准: adopt and change an org's benchmark of a violation. Validity periods of the same violation
 * and org must not overlap (422 BENCHMARK_OVERLAP); the violation row is locked while checking.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical.ts';
import type { BenchmarkRule, ViolationRule } from '../../../domain/discretion/model.ts';
import { benchmarkCitations, validateBenchmark } from '../../../domain/discretion/validate.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { ancestorsOf } from '../../../platform/orgs.ts';
import { authorize, benchmarkPolicy, requireRole, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { setCitations } from '../../laws/index.ts';
import { findBenchmark, findViolation } from '../queries.ts';
import type { TCreateBenchmarkRequest, TUpdateBenchmarkRequest } from '../schema.ts';

export type BenchmarkInput = Omit<BenchmarkRule, 'id' | 'violationId' | 'orgId'> & { note?: string | null };

const normalise = (b: BenchmarkInput): BenchmarkInput => ({
  ...b,
  tiers: b.tiers.map((r) => ({ ...r, branch: r.branch ?? null, note: r.note ?? null })),
  circumstances: b.circumstances.map((c) => ({ ...c, keeps: c.keeps ?? [], partyType: c.partyType ?? null })),
  exemptions: b.exemptions.map((e) => ({ ...e, note: e.note ?? null })),
  note: b.note ?? null,
});

export function benchmarkProblems(b: BenchmarkInput, violation: ViolationRule, orgId: string) {
  return validateBenchmark({ ...b, violationId: violation.id, orgId }, violation);
}

/** Another benchmark of the same violation and org whose period meets [from, to]. */
export async function overlapping(tx: Queryable, violationId: string, orgId: string, from: string, to: string | null, exceptId: string | null) {
  const r = await tx.query<{ id: string; documentNumber: string; validFrom: string; validTo: string | null }>(
    `select id, document_number as "documentNumber", valid_from as "validFrom", valid_to as "validTo" from discretion_benchmarks
      where violation_id = $1 and org_id = $2 and ($5::text is null or id <> $5)
        and valid_from <= coalesce($4::date, date '9999-12-31') and coalesce(valid_to, date '9999-12-31') >= $3::date`,
    [violationId, orgId, from, to, exceptId],
  );
  return r.rows[0] ?? null;
}

const overlapError = (o: { documentNumber: string; validFrom: string; validTo: string | null }) =>
  new AppError(
    'BENCHMARK_OVERLAP',
    `有效期与本机关已有的裁量基准（${o.documentNumber}，${o.validFrom} 至 ${o.validTo ?? '长期'}）重叠；请先为原基准设定失效日期`,
    { existing: o },
  );

/** Inserts a benchmark with its citations and record entry (used by the API, the seed and imports). */
export async function insertBenchmark(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  violation: ViolationRule,
  orgId: string,
  input: BenchmarkInput,
  importBatch: string | null = null,
): Promise<string> {
  const b = normalise(input);
  const problems = benchmarkProblems(b, violation, orgId);
  if (problems.length) throw new AppError('BENCHMARK_INVALID', `裁量基准有误：${problems.map((x) => x.message).join('；')}`, { problems });
  await tx.query('select 1 from violations where id = $1 for update', [violation.id]);
  const o = await overlapping(tx, violation.id, orgId, b.validFrom, b.validTo, null);
  if (o) throw overlapError(o);
  const id = randomUUID();
  await tx.query(
    `insert into discretion_benchmarks (id, violation_id, org_id, valid_from, valid_to, document_title, document_number, tiers, circumstances, exemptions, note)
     values ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9::jsonb,$10::jsonb,$11)`,
    [
      id,
      violation.id,
      orgId,
      b.validFrom,
      b.validTo,
      b.documentTitle,
      b.documentNumber,
      JSON.stringify(b.tiers),
      JSON.stringify(b.circumstances),
      JSON.stringify(b.exemptions),
      b.note,
    ],
  );
  await setCitations(
    tx,
    'discretionBenchmark',
    id,
    benchmarkCitations(b).map((articleId) => ({ articleId, role: 'basis' as const })),
  );
  await ctx.ledger.append(tx, {
    actor,
    orgId,
    matterType: 'discretionBenchmark',
    matterId: id,
    eventType: 'discretionBenchmark.created',
    payload: {
      benchmarkId: id,
      violationId: violation.id,
      violationCode: violation.code,
      orgId,
      validFrom: b.validFrom,
      validTo: b.validTo,
      documentTitle: b.documentTitle,
      documentNumber: b.documentNumber,
      tiers: b.tiers,
      circumstances: b.circumstances,
      exemptions: b.exemptions,
      importBatch,
    },
  });
  return id;
}

const fields = ['validFrom', 'validTo', 'documentTitle', 'documentNumber', 'tiers', 'circumstances', 'exemptions', 'note'] as const;
const columnOf: Record<(typeof fields)[number], string> = {
  validFrom: 'valid_from',
  validTo: 'valid_to',
  documentTitle: 'document_title',
  documentNumber: 'document_number',
  tiers: 'tiers',
  circumstances: 'circumstances',
  exemptions: 'exemptions',
  note: 'note',
};
const jsonFields = new Set(['tiers', 'circumstances', 'exemptions']);

/** The benchmark after `input`, and which fields differ (compared as canonical JSON: jsonb reorders keys). */
export function benchmarkChanges(current: BenchmarkInput, input: Partial<BenchmarkInput>) {
  const next = normalise({ ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as BenchmarkInput);
  const currentNorm = normalise(current);
  const changed = fields.filter((f) => canonicalJson(currentNorm[f] ?? null) !== canonicalJson(next[f] ?? null));
  return { next, changed };
}

/** Applies changes to a benchmark; returns the changed fields (empty: nothing written). */
export async function changeBenchmark(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Partial<BenchmarkInput>,
  importBatch: string | null = null,
): Promise<string[]> {
  const current = await findBenchmark(tx, id);
  if (!current) throw notFound('裁量基准');
  const violation = await findViolation(tx, current.violationId);
  if (!violation) throw notFound('违法行为');
  await tx.query('select 1 from violations where id = $1 for update', [violation.id]);
  const { next, changed } = benchmarkChanges(current, input);
  if (!changed.length) return [];
  const problems = benchmarkProblems(next, violation, current.orgId);
  if (problems.length) throw new AppError('BENCHMARK_INVALID', `裁量基准有误：${problems.map((x) => x.message).join('；')}`, { problems });
  const o = await overlapping(tx, violation.id, current.orgId, next.validFrom, next.validTo, id);
  if (o) throw overlapError(o);
  await tx.query(
    `update discretion_benchmarks set ${changed.map((f, i) => `${columnOf[f]} = $${i + 2}${jsonFields.has(f) ? '::jsonb' : ''}`).join(', ')}, updated_at = now() where id = $1`,
    [id, ...changed.map((f) => (jsonFields.has(f) ? JSON.stringify(next[f]) : next[f]))],
  );
  await setCitations(
    tx,
    'discretionBenchmark',
    id,
    benchmarkCitations(next).map((articleId) => ({ articleId, role: 'basis' as const })),
  );
  await ctx.ledger.append(tx, {
    actor,
    orgId: current.orgId,
    matterType: 'discretionBenchmark',
    matterId: id,
    eventType: 'discretionBenchmark.updated',
    payload: { benchmarkId: id, violationId: violation.id, changes: Object.fromEntries(changed.map((f) => [f, next[f] ?? null])), importBatch },
  });
  return changed;
}

export async function createBenchmark(ctx: AppContext, p: Principal, input: TCreateBenchmarkRequest): Promise<string> {
  requireRole(p, 'admin', 'legalReviewer');
  if (!p.scope.has(input.orgId)) throw new AppError('ORG_NOT_FOUND', '制定机关不存在或不在您的管辖范围内');
  return inTransaction(ctx, async (tx) => {
    const violation = await findViolation(tx, input.violationId);
    if (!violation || violation.id !== input.violationId) throw new AppError('VIOLATION_NOT_FOUND', '违法行为不存在');
    const { violationId: _v, orgId, ...rest } = input;
    return insertBenchmark(tx, ctx, actorOf(p), violation, orgId, rest);
  });
}

export async function updateBenchmark(ctx: AppContext, p: Principal, id: string, input: TUpdateBenchmarkRequest): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await findBenchmark(tx, id);
    if (!current) throw notFound('裁量基准');
    authorize(benchmarkPolicy(p, current, await ancestorsOf(tx, p.orgId)), 'update', '裁量基准');
    await changeBenchmark(tx, ctx, actorOf(p), id, input);
  });
}
