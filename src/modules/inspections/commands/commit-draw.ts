/**
 * 公布候选名单与承诺 (commit): freezes the candidate targets and inspectors of a task, the recusal
 * pairs and the rules, publishes their digest and a commitment to a fresh server secret, and names
 * the public value (the first signed tree head at or after `publicAfter`). Runs as the workflow
 * transition `commit`; too few eligible inspectors → 422 with the reason for each one left out.
 */
import { randomBytes } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical.ts';
import { addDays } from '../../../domain/dates.ts';
import { candidatesDigest, commitmentOf, DRAW_ALGORITHM, type DrawInput } from '../../../domain/draw/draw.ts';
import { recusalPairs, screenInspectors, type InspectorFacts, type Relation } from '../../../domain/inspections/candidates.ts';
import type { RiskClass } from '../../../domain/inspections/targets.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { orgSubtree } from '../../../platform/orgs.ts';
import type { Principal } from '../../../platform/policies.ts';
import { transition, type GuardInput } from '../../../platform/workflow/engine.ts';
import { officerFacts } from '../../officers/index.ts';
import { findTask, type TaskRow } from '../tasks.ts';

export interface CommitInput {
  expectedVersion: number;
  /** when the public value is fixed: the first tree head signed at or after it (default: now) */
  publicAfter?: string;
}

/** The candidate targets of a task on `date`: its filter over the body's active pool, minus those inspected recently. */
export async function candidateTargets(
  q: Queryable,
  task: TaskRow,
  date: string,
): Promise<{ id: string; uscc: string; address: string; riskClass: RiskClass }[]> {
  const f = task.filter;
  return (
    await q.query<{ id: string; uscc: string; address: string; riskClass: RiskClass }>(
      `select t.id, t.uscc, t.address, t.risk_class as "riskClass" from inspection_targets t
      where t.body_id = $1 and t.status = 'active'
        and (cardinality($2::text[]) = 0 or t.industry = any($2)) and (cardinality($3::text[]) = 0 or t.division_code = any($3))
        and (cardinality($4::text[]) = 0 or t.risk_class = any($4))
        and ($5::int = 0 or not exists (select 1 from inspection_results r where r.target_id = t.id and r.inspected_on > $6::date))
      order by t.uscc`,
      [task.bodyId, f.industries, f.divisionCodes, f.riskClasses, task.excludeRecentDays, addDays(date, -task.excludeRecentDays)],
    )
  ).rows;
}

/** The inspector pool of a task: officers of the body's subtree and of the joint bodies, with certificates and availability. */
export async function inspectorPool(q: Queryable, task: Pick<TaskRow, 'bodyId' | 'jointOrgIds'>): Promise<InspectorFacts[]> {
  const orgIds = new Set<string>();
  for (const root of [task.bodyId, ...task.jointOrgIds]) for (const id of await orgSubtree(q, root)) orgIds.add(id);
  const rows = (
    await q.query<{ id: string; orgName: string; available: boolean | null; reason: string | null }>(
      `select o.id, g.name as "orgName", a.available, a.reason from officers o join orgs g on g.id = o.org_id
       left join inspector_availability a on a.officer_id = o.id where o.org_id = any($1)`,
      [[...orgIds]],
    )
  ).rows;
  const facts = new Map(
    (
      await officerFacts(
        q,
        rows.map((r) => r.id),
      )
    ).map((f) => [f.id, f]),
  );
  return rows.map((r) => ({ ...facts.get(r.id)!, orgName: r.orgName, available: r.available ?? true, unavailableReason: r.reason }));
}

export async function relationsOf(q: Queryable, officerIds: string[]): Promise<Relation[]> {
  return (await q.query<Relation>('select officer_id as "officerId", kind, uscc, address from inspector_relations where officer_id = any($1)', [officerIds]))
    .rows;
}

/** The workflow effect of `commit`. */
export async function freezeCandidates(g: GuardInput<{ publicAfter: string }>): Promise<Record<string, unknown>> {
  const { tx, ctx, date } = g;
  const task = (await findTask(tx, g.matter.id))!;
  const targets = await candidateTargets(tx, task, date);
  if (targets.length === 0) throw new AppError('NO_TARGETS', '检查对象名录库中没有符合本任务筛选条件的检查对象');
  const { eligible, excluded } = screenInspectors(await inspectorPool(tx, task), task.field, task.periodStart, task.periodEnd);
  const units = new Set(eligible.map((e) => e.orgId));
  if (eligible.length < task.perTarget || (task.differentUnits && units.size < task.perTarget)) {
    const why =
      eligible.length < task.perTarget
        ? `符合条件的检查人员只有 ${eligible.length} 名，每户须 ${task.perTarget} 名`
        : `符合条件的检查人员只来自 ${units.size} 个科所，每户须 ${task.perTarget} 名来自不同科所的人员`;
    throw new AppError(
      'TOO_FEW_INSPECTORS',
      `${why}；未入选人员及原因：${excluded
        .slice(0, 5)
        .map((x) => `${x.name}（${x.reason}）`)
        .join('、')}${excluded.length > 5 ? '等' : ''}`,
      {
        eligible: eligible.length,
        required: task.perTarget,
        units: units.size,
        excluded,
      },
    );
  }
  const recusals = recusalPairs(
    await relationsOf(
      tx,
      eligible.map((e) => e.officerId),
    ),
    new Set(eligible.map((e) => e.officerId)),
    targets,
  );
  const input: DrawInput = {
    hash: ctx.ledger.hashAlg,
    targets: targets.map((t) => ({ id: t.uscc, riskClass: t.riskClass })),
    inspectors: eligible.map((e) => ({ id: e.officerId, unitId: e.orgId })),
    ratios: { A: task.ratios.A / 100, B: task.ratios.B / 100, C: task.ratios.C / 100, D: task.ratios.D / 100 },
    ...(Object.keys(task.targetCounts).length ? { counts: task.targetCounts } : {}),
    perTarget: task.perTarget,
    differentUnits: task.differentUnits,
    recusals,
  };
  const digest = candidatesDigest(input);
  const secret = randomBytes(32);
  const commitment = commitmentOf(input.hash, secret);
  const committedAt = new Date().toISOString();
  const publicAfter = g.input.publicAfter;
  await tx.query(
    `insert into inspection_draws (task_id, algorithm, hash_alg, candidates, candidates_digest, target_count, inspector_count, excluded, commitment, secret, public_after, committed_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      task.id,
      DRAW_ALGORITHM,
      input.hash,
      canonicalJson(input),
      digest,
      targets.length,
      eligible.length,
      JSON.stringify(excluded),
      commitment,
      secret.toString('hex'),
      publicAfter,
      committedAt,
    ],
  );
  return {
    algorithm: DRAW_ALGORITHM,
    candidatesDigest: digest,
    commitment,
    publicAfter,
    targets: targets.length,
    inspectors: eligible.length,
    excludedInspectors: excluded.map((x) => ({ officerId: x.officerId, code: x.code })),
    recusalPairs: Object.values(recusals).reduce((n, l) => n + l.length, 0),
  };
}

export async function commitDraw(ctx: AppContext, p: Principal, taskId: string, input: CommitInput) {
  const now = Date.now();
  const publicAfter = input.publicAfter ? new Date(input.publicAfter) : new Date(now);
  if (Number.isNaN(publicAfter.getTime())) throw new AppError('VALIDATION_FAILED', '公共随机值的时间格式错误');
  // a time in the past would let the bureau pick a tree head it already knows
  if (publicAfter.getTime() < now - 1000) throw new AppError('PUBLIC_AFTER_IN_PAST', '公共随机值须取自承诺公布之后签发的签名树头，时间不能早于现在');
  return transition(ctx, p, {
    matterId: taskId,
    transition: 'commit',
    expectedVersion: input.expectedVersion,
    input: { publicAfter: publicAfter.toISOString() },
  });
}
