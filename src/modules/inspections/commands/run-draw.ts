/**
 * 抽取并公开种子 (draw): takes the public value from the first signed tree head at or after the
 * announced time, derives the seed, runs fazhi-draw/v1 over the frozen candidates, stores the
 * assignment and reveals the secret — all recorded in one transaction. A task is drawn once:
 * a second attempt is 409 DRAW_ALREADY_RUN and changes nothing.
 */
import { canonicalJson } from '../../../domain/canonical.ts';
import { drawSeed, runDraw, type DrawInput } from '../../../domain/draw/draw.ts';
import { hashBytes } from '../../../domain/merkle.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { transition, type GuardInput } from '../../../platform/workflow/engine.ts';
import { findDraw, findTask } from '../tasks.ts';

const alreadyDrawn = (at: string | null) =>
  new AppError(
    'DRAW_ALREADY_RUN',
    `本任务已于 ${at ? new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '此前'} 完成抽取，抽取结果不可重新抽取或更改；任何人可用公开的种子复核`,
  );

async function firstHeadAfter(q: Queryable, after: string) {
  return (
    (
      await q.query<{ id: number; treeSize: number; rootHash: string }>(
        'select id, tree_size as "treeSize", root_hash as "rootHash" from ledger_tree_heads where signed_at >= $1 order by id limit 1',
        [after],
      )
    ).rows[0] ?? null
  );
}

/** The workflow effect of `draw`. */
export async function performDraw(g: GuardInput<unknown>): Promise<Record<string, unknown>> {
  const { tx } = g;
  const task = (await findTask(tx, g.matter.id))!;
  const d = await findDraw(tx, task.id);
  if (!d) throw new AppError('DRAW_NOT_COMMITTED', '尚未公布候选名单和承诺，不能抽取');
  if (d.drawnAt) throw alreadyDrawn(d.drawnAt);
  const head = await firstHeadAfter(tx, d.publicAfter);
  if (!head) throw new AppError('DRAW_PUBLIC_VALUE_PENDING', `公共随机值尚未产生：${d.publicAfter} 之后还没有签发签名树头`);
  const input = JSON.parse(d.candidates) as DrawInput;
  const seed = drawSeed(input.hash, Buffer.from(d.secret, 'hex'), head.rootHash, d.candidatesDigest);
  const { assignments, problems } = runDraw(input, seed);
  const ids = new Map(
    (
      await tx.query<{ id: string; uscc: string }>('select id, uscc from inspection_targets where body_id = $1 and uscc = any($2)', [
        task.bodyId,
        assignments.map((a) => a.targetId),
      ])
    ).rows.map((r) => [r.uscc, r.id]),
  );
  for (let i = 0; i < assignments.length; i += 2000) {
    const batch = assignments
      .slice(i, i + 2000)
      .map((a, k) => ({ target_id: ids.get(a.targetId)!, seq: i + k, inspector_ids: JSON.stringify(a.inspectorIds) }));
    await tx.query(
      `insert into inspection_assignments (task_id, target_id, seq, inspector_ids)
       select $2, x.target_id, x.seq, x.inspector_ids from jsonb_to_recordset($1::jsonb) as x(target_id text, seq int, inspector_ids text)`,
      [JSON.stringify(batch), task.id],
    );
  }
  await tx.query(
    'update inspection_draws set tree_head_id = $2, tree_size = $3, public_value = $4, seed = $5, unstaffed = $6, drawn_at = now() where task_id = $1',
    [task.id, head.id, head.treeSize, head.rootHash, seed.toString('hex'), JSON.stringify(problems)],
  );
  return {
    treeHeadId: Number(head.id),
    treeSize: Number(head.treeSize),
    publicValue: head.rootHash,
    secret: d.secret,
    seed: seed.toString('hex'),
    assigned: assignments.length,
    unstaffed: problems.length,
    assignmentsHash: hashBytes(input.hash, canonicalJson(assignments)).toString('hex'),
  };
}

export async function runDrawCommand(ctx: AppContext, p: Principal, taskId: string, input: { expectedVersion: number }) {
  const task = await findTask(ctx.db, taskId);
  if (!task || !p.scope.has(task.bodyId)) throw notFound('抽查任务');
  const d = await findDraw(ctx.db, taskId);
  if (d?.drawnAt) throw alreadyDrawn(d.drawnAt);
  if (!d) throw new AppError('DRAW_NOT_COMMITTED', '尚未公布候选名单和承诺，不能抽取');
  if (Date.parse(d.publicAfter) > Date.now())
    throw new AppError(
      'DRAW_TOO_EARLY',
      `须在 ${new Date(d.publicAfter).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} 之后签发的签名树头确定公共随机值后才能抽取`,
    );
  // the periodic signer signs at least every TREE_HEAD_INTERVAL_MS; if none is signed yet since the announced time, sign it now
  if (!(await firstHeadAfter(ctx.db, d.publicAfter))) {
    if (!(await ctx.ledger.signTreeHead(ctx.db, false))) await ctx.ledger.signTreeHead(ctx.db, true);
  }
  if (!(await firstHeadAfter(ctx.db, d.publicAfter))) throw new AppError('DRAW_PUBLIC_VALUE_PENDING', '公共随机值尚未产生，请稍后重试');
  return transition(ctx, p, { matterId: taskId, transition: 'draw', expectedVersion: input.expectedVersion });
}
