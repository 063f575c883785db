/** 有效期届满: documents whose validity is over leave 现行有效 (run by the server's timer; the reminders before come from the deadline's warning). */
import { chinaToday } from '../../domain/dates.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter, transition } from '../../platform/workflow/engine.ts';

export const systemKeeper = (bodyId: string): Principal => ({
  userId: 'system:normativeDocuments',
  username: 'system',
  displayName: '规范性文件有效期（自动）',
  roles: ['admin'],
  orgId: bodyId,
  scope: new Set([bodyId]),
});

export async function expireDue(ctx: AppContext, today = chinaToday()): Promise<number> {
  const due = (
    await ctx.db.query<{ id: string; bodyId: string }>(
      `select id, body_id as "bodyId" from normative_documents where state in ('published', 'filed', 'inForce') and expires_on < $1 order by expires_on limit 200`,
      [today],
    )
  ).rows;
  let n = 0;
  for (const d of due) {
    const m = await findMatter(ctx.db, d.id);
    if (!m) continue;
    await transition(ctx, systemKeeper(d.bodyId), { matterId: d.id, transition: 'expire', expectedVersion: m.version, date: today });
    n++;
  }
  return n;
}
