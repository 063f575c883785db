/**
 * 生成统计指标集: every figure of the catalogue, in total and by each of its dimensions, for an org subtree and a
 * period, kept with the signed tree head of the record at that moment. The values' hash goes into the set's record
 * entry, so the numbers a report printed can be shown unchanged later, and recomputed against the record to see
 * what changed since.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical.ts';
import { hashBytes } from '../../../domain/merkle.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { computeFigure, computeFigureBy, groupKeys, type FigureScope } from '../../../platform/figures/compute.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import type { Registry } from '../../../platform/modules.ts';
import type { Principal } from '../../../platform/policies.ts';

export type SetValues = Record<
  string,
  { value: number | null; records: number; groups: Record<string, { key: string; value: number | null; records: number }[]> }
>;

/** Every figure in total and by each dimension (the content of a set, and of its check). */
export async function computeAll(q: Queryable, reg: Registry, scope: FigureScope): Promise<SetValues> {
  const out: SetValues = {};
  for (const { figure } of reg.figures) {
    const total = await computeFigure(q, figure, scope);
    const groups: SetValues[string]['groups'] = {};
    for (const k of groupKeys(figure)) groups[k] = await computeFigureBy(q, figure, scope, k);
    out[figure.id] = { ...total, groups };
  }
  return out;
}

export async function computeFigureSet(ctx: AppContext, p: Principal, input: { rootId: string; scope: FigureScope }): Promise<string> {
  // the record up to now, positioned and signed: the set names the tree head its numbers were computed against
  const head = (await ctx.ledger.signTreeHead(ctx.db)) ?? (await ctx.ledger.latestTreeHead(ctx.db));
  return inTransaction(ctx, async (tx) => {
    const values = await computeAll(tx, ctx.registry, input.scope);
    const id = randomUUID();
    const state = head ?? { treeSize: 0, rootHash: (await ctx.ledger.state(tx)).rootHash };
    const valuesHash = hashBytes(ctx.ledger.hashAlg, Buffer.from(canonicalJson(values))).toString('hex');
    const computedAt = new Date().toISOString();
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.rootId,
      matterType: 'figureSet',
      matterId: id,
      eventType: 'figureSet.computed',
      payload: {
        setId: id,
        orgId: input.rootId,
        from: input.scope.from,
        to: input.scope.to,
        figureCount: Object.keys(values).length,
        treeSize: state.treeSize,
        rootHash: state.rootHash,
        valuesHash,
      },
    });
    await tx.query(
      `insert into figure_sets (id, org_id, period_from, period_to, computed_at, computed_by, tree_head_id, tree_size, root_hash, figure_values, values_hash)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [
        id,
        input.rootId,
        input.scope.from,
        input.scope.to,
        computedAt,
        p.displayName,
        head?.id ?? null,
        state.treeSize,
        state.rootHash,
        canonicalJson(values),
        valuesHash,
      ],
    );
    return id;
  });
}
