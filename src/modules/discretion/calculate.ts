/**
 * The calculator as a service: loads the violation, the benchmarks and thresholds of the deciding
 * org's chain, runs the pure calculator, and adds the cited articles (for links) and a digest of
 * the rules used (to freeze onto a case with the inputs).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical.ts';
import { calculateDiscretion } from '../../domain/discretion/calculate.ts';
import { DiscretionInputError } from '../../domain/discretion/statute.ts';
import type { BenchmarkRule } from '../../domain/discretion/model.ts';
import type { BaseKind } from '../../domain/discretion/vocabulary.ts';
import { benchmarkProblems } from './commands/benchmarks.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { lawVersionPeriods } from '../laws/index.ts';
import { articleRefs, benchmarksForChain, findViolation, readableOrgs, thresholdsForChain } from './queries.ts';
import type { TCalculateRequest, TCalculationResult } from './schema.ts';

export async function runCalculation(q: Queryable, p: Principal | null, req: TCalculateRequest): Promise<TCalculationResult> {
  const violation = await findViolation(q, req.violation);
  if (!violation) throw notFound('违法行为');
  let orgId = req.orgId ?? req.draft?.orgId ?? p?.orgId;
  if (!orgId) {
    // the command line acts for the org that adopted the violation's benchmarks (or its owner)
    const r = await q.query<{ orgId: string }>('select org_id as "orgId" from discretion_benchmarks where violation_id = $1 order by valid_from desc limit 1', [
      violation.id,
    ]);
    orgId = r.rows[0]?.orgId ?? violation.ownerOrgId;
  }
  if (p) {
    const { ids } = await readableOrgs(q, p);
    if (!ids.includes(orgId)) throw notFound('机构');
  }
  const chain = await orgChain(q, orgId);
  if (!chain.length) throw notFound('机构');
  let benchmarks: BenchmarkRule[] = await benchmarksForChain(q, violation.id, chain);
  if (req.draft) {
    // an unsaved benchmark, checked like a saved one, evaluated before the others of its org
    const { id, orgId: draftOrg, ...draft } = req.draft;
    const problems = benchmarkProblems(draft, violation, draftOrg);
    if (problems.length) throw new AppError('BENCHMARK_INVALID', `裁量基准有误：${problems.map((x) => x.message).join('；')}`, { problems });
    const rule: BenchmarkRule = { id: id ?? 'draft', violationId: violation.id, orgId: draftOrg, ...draft, validTo: draft.validTo ?? null };
    benchmarks = [rule, ...benchmarks.filter((b) => b.id !== id)];
  }
  const thresholds = await thresholdsForChain(q, chain);
  // which version of the punishing law was in force when (从旧兼从轻 compares the statute versions): from the law library
  const statutes = [violation, ...violation.earlierStatutes];
  const lawPeriods =
    statutes.length > 1
      ? await lawVersionPeriods(
          q,
          statutes.flatMap((s) => s.punishes.map((a) => a.split('@')[0])),
        )
      : [];
  const names = new Map((await q.query<{ id: string; name: string }>('select id, name from orgs where id = any($1)', [chain])).rows.map((o) => [o.id, o.name]));
  const input = {
    violationId: violation.id,
    violationDate: req.violationDate,
    decisionDate: req.decisionDate,
    partyType: req.partyType,
    bases: Object.fromEntries(Object.entries(req.bases ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Partial<Record<BaseKind, number>>,
    unreliableBases: req.unreliableBases ?? [],
    circumstances: [...new Set(req.circumstances ?? [])],
  };
  let result: ReturnType<typeof calculateDiscretion>;
  try {
    result = calculateDiscretion(input, { violation, benchmarks, orgChain: chain, thresholds, lawPeriods, orgName: (id) => names.get(id) ?? id });
  } catch (e) {
    if (e instanceof DiscretionInputError) throw new AppError(e.code, e.messageZh, e.details);
    throw e;
  }
  const usedBenchmarks = benchmarks.filter((b) => b.id === result.benchmark.id || b.id === result.superseded?.benchmarkId);
  const usedThresholds = thresholds.filter((t) => t.id === result.thresholds.hearing.ruleId || t.id === result.thresholds.majorDecision.ruleId);
  const strip = (o: object) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !['orgName', 'violationName', 'violationCode', 'ownerOrgName'].includes(k)));
  const rulesDigest = createHash('sha256')
    .update(
      canonicalJson({
        violation: strip(violation),
        benchmarks: usedBenchmarks.map(strip),
        thresholds: usedThresholds.map(strip),
        defaults: [result.thresholds.hearing.ruleId, result.thresholds.majorDecision.ruleId].filter((id) => id.startsWith('default.')),
        // only when the statute has earlier versions, so that the digests of other violations stay as they were
        ...(lawPeriods.length ? { lawPeriods: lawPeriods.map((p) => ({ versionId: p.versionId, from: p.from, to: p.to })) } : {}),
      }),
    )
    .digest('hex');
  const ids = [
    ...new Set([
      ...result.trace.flatMap((s) => s.articleIds),
      ...result.penalties.flatMap((x) => [x.articleId, ...(x.reservedTo ? [x.reservedTo.articleId] : [])]),
      ...result.decidingRule.articleIds,
      ...result.statute.violates,
      ...result.statute.punishes,
      ...violation.violates,
      ...violation.punishes,
    ]),
  ];
  return {
    ...result,
    orgId,
    input: {
      violationDate: input.violationDate,
      decisionDate: input.decisionDate,
      partyType: input.partyType,
      bases: input.bases,
      unreliableBases: input.unreliableBases,
      circumstances: input.circumstances,
    },
    articles: await articleRefs(q, ids),
    rulesDigest,
  };
}
