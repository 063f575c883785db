import type { PowerContent } from '../../../domain/powers.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { authorize, powerItemPolicy, type Principal } from '../../../platform/policies.ts';
import { versionsOf } from '../detail.ts';
import { contentOf, readableBodies } from '../queries.ts';
import type { TAmendPowerItemRequest } from '../schema.ts';
import { writeAmend } from './write-change.ts';

/** 变更权责事项: the given fields replace the latest version's from the effective date on. */
export async function amendPowerItem(ctx: AppContext, p: Principal, id: string, input: TAmendPowerItemRequest): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const versions = await versionsOf(tx, id);
    if (!versions.length) throw notFound('权责事项');
    const latest = versions[versions.length - 1];
    authorize(powerItemPolicy(p, latest, (await readableBodies(tx, p)).ancestors), 'amend', '权责事项');
    const i = input.item;
    const content: PowerContent = { ...contentOf(latest) };
    if (i.name !== undefined) content.name = i.name;
    if (i.category !== undefined) content.category = i.category;
    if (i.unitId !== undefined) content.unitId = i.unitId;
    if (i.basis !== undefined) content.basis = [...new Set(i.basis)];
    if (i.responsibilities !== undefined) content.responsibilities = i.responsibilities;
    if (i.accountability !== undefined) content.accountability = i.accountability;
    if (i.steps !== undefined) content.steps = i.steps.map((s) => ({ name: s.name, timeLimit: s.timeLimit ?? null }));
    if (i.materials !== undefined) content.materials = i.materials;
    for (const k of ['timeLimit', 'fee', 'office', 'phone', 'remarks'] as const) if (i[k] !== undefined) content[k] = i[k] || null;
    await writeAmend(tx, ctx, id, content, { actor: actorOf(p), change: input.change });
  });
}
