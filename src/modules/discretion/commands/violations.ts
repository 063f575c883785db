/** 违法行为: add and change catalogue entries; their citations feed the impact mechanism. */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical.ts';
import type { ViolationRule } from '../../../domain/discretion/model.ts';
import { validateBenchmark, validateViolation, violationCitations } from '../../../domain/discretion/validate.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { authorize, requireRole, violationPolicy, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { setCitations } from '../../laws/index.ts';
import { findViolation } from '../queries.ts';
import type { TCreateViolationRequest, TUpdateViolationRequest } from '../schema.ts';

export type ViolationInput = Omit<ViolationRule, 'id'> & { ownerOrgId: string };

function assertValid(v: Omit<ViolationRule, 'id'>): void {
  const problems = validateViolation(v);
  if (problems.length) throw new AppError('VIOLATION_INVALID', `违法行为定义有误：${problems.map((x) => x.message).join('；')}`, { problems });
}

const normaliseProvisions = (ps: ViolationRule['provisions']) => ps.map((p) => ({ ...p, onlyIf: p.onlyIf ?? null }));
const normalise = (v: ViolationInput): ViolationInput => ({
  ...v,
  provisions: normaliseProvisions(v.provisions),
  earlierStatutes: (v.earlierStatutes ?? []).map((s) => ({ ...s, provisions: normaliseProvisions(s.provisions) })),
});

/** Inserts a violation with its citations and record entry (used by the API, the seed and imports). */
export async function insertViolation(tx: Queryable, ctx: AppContext, actor: Actor, input: ViolationInput, id = randomUUID()): Promise<string> {
  const v = normalise(input);
  assertValid(v);
  const taken = await tx.query('select 1 from violations where code = $1', [v.code]);
  if (taken.rows.length) throw new AppError('VIOLATION_CODE_TAKEN', `违法行为编码“${v.code}”已存在`);
  await tx.query(
    `insert into violations (id, code, name, field, owner_org_id, violates, punishes, conditions, provisions, earlier_statutes)
     values ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9::jsonb,$10::jsonb)`,
    [
      id,
      v.code,
      v.name,
      v.field,
      v.ownerOrgId,
      v.violates,
      v.punishes,
      JSON.stringify(v.conditions),
      JSON.stringify(v.provisions),
      JSON.stringify(v.earlierStatutes ?? []),
    ],
  );
  await setCitations(tx, 'violation', id, violationCitations(v));
  await ctx.ledger.append(tx, {
    actor,
    orgId: v.ownerOrgId,
    matterType: 'violation',
    matterId: id,
    eventType: 'violation.created',
    payload: {
      violationId: id,
      code: v.code,
      name: v.name,
      field: v.field,
      ownerOrgId: v.ownerOrgId,
      violates: v.violates,
      punishes: v.punishes,
      conditions: v.conditions,
      provisions: v.provisions,
      ...(v.earlierStatutes?.length ? { earlierStatutes: v.earlierStatutes } : {}),
    },
  });
  return id;
}

export async function createViolation(ctx: AppContext, p: Principal, input: TCreateViolationRequest): Promise<string> {
  requireRole(p, 'admin', 'legalReviewer');
  const ownerOrgId = input.ownerOrgId ?? p.orgId;
  if (!p.scope.has(ownerOrgId)) throw new AppError('ORG_NOT_FOUND', '所属机构不存在或不在您的管辖范围内');
  const { ownerOrgId: _o, ...rest } = input;
  return inTransaction(ctx, (tx) => insertViolation(tx, ctx, actorOf(p), { ...rest, ownerOrgId } as ViolationInput));
}

const columns: Record<string, string> = {
  code: 'code',
  name: 'name',
  field: 'field',
  violates: 'violates',
  punishes: 'punishes',
  conditions: 'conditions',
  provisions: 'provisions',
  earlierStatutes: 'earlier_statutes',
  active: 'active',
};
const jsonColumns = new Set(['conditions', 'provisions', 'earlierStatutes']);

export async function updateViolation(ctx: AppContext, p: Principal, id: string, input: TUpdateViolationRequest): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await findViolation(tx, id);
    if (!current || current.id !== id) throw notFound('违法行为');
    authorize(violationPolicy(p, current), 'update', '违法行为');
    await tx.query('select 1 from violations where id = $1 for update', [id]);
    const next = normalise({ ...current, ...input } as ViolationInput);
    const changes = Object.fromEntries(
      Object.entries(input).filter(
        ([k, v]) =>
          v !== undefined &&
          canonicalJson((current as unknown as Record<string, unknown>)[k] ?? null) !== canonicalJson((next as unknown as Record<string, unknown>)[k] ?? null),
      ),
    );
    if (!Object.keys(changes).length) return;
    assertValid(next);
    if (changes.code) {
      const taken = await tx.query('select 1 from violations where code = $1 and id <> $2', [next.code, id]);
      if (taken.rows.length) throw new AppError('VIOLATION_CODE_TAKEN', `违法行为编码“${next.code}”已存在`);
    }
    // a change must not leave a benchmark of the violation pointing at what no longer exists
    const benchmarks = (
      await tx.query<{ id: string; documentNumber: string; tiers: never; circumstances: never; exemptions: never; validFrom: string; validTo: string | null }>(
        `select id, document_number as "documentNumber", tiers, circumstances, exemptions, valid_from as "validFrom", valid_to as "validTo" from discretion_benchmarks where violation_id = $1`,
        [id],
      )
    ).rows;
    const broken = benchmarks.flatMap((b) =>
      validateBenchmark({ ...b, violationId: id, orgId: '', documentTitle: '' }, { ...next, id }).map((x) => `${b.documentNumber}：${x.message}`),
    );
    if (broken.length) throw new AppError('VIOLATION_BREAKS_BENCHMARKS', `修改后以下裁量基准将失效，请先修改基准：${broken.join('；')}`, { problems: broken });
    const entries = Object.keys(changes);
    await tx.query(
      `update violations set ${entries.map((k, i) => `${columns[k]} = $${i + 2}${jsonColumns.has(k) ? '::jsonb' : ''}`).join(', ')}, updated_at = now() where id = $1`,
      [
        id,
        ...entries.map((k) =>
          jsonColumns.has(k) ? JSON.stringify((next as unknown as Record<string, unknown>)[k]) : (next as unknown as Record<string, unknown>)[k],
        ),
      ],
    );
    await setCitations(tx, 'violation', id, violationCitations(next));
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: current.ownerOrgId,
      matterType: 'violation',
      matterId: id,
      eventType: 'violation.updated',
      payload: { violationId: id, code: next.code, changes },
    });
  });
}
