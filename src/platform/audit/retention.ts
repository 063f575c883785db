/**
 * 访问日志 retention: the platform's periodic job deletes the rows older than `ACCESS_LOG_RETENTION_DAYS` (default
 * 365; at least 184, six months — 网络安全法 第二十一条（三）) through the database function `purge_access_log`
 * (migration 0022), the only way a row leaves the append-only log, and records the deletion in the record
 * (`accessLog.purged`: cutoff, count, first and last id) in the same transaction — so a purge is itself visible.
 */
import type { AppContext } from '../context.ts';
import { SYSTEM_ACTOR } from '../record/ledger.ts';

const DAY_MS = 86_400_000;

/** How often the job runs: the cutoff moves by a day, so a few times a day is enough. */
export const ACCESS_LOG_PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface PurgeResult {
  cutoff: string;
  deleted: number;
}

/** Deletes the rows older than the retention period (as of `now`) and records the deletion; nothing to delete: no entry. */
export async function purgeExpiredAccessLog(ctx: AppContext, now = new Date()): Promise<PurgeResult> {
  const days = ctx.config.accessLogRetentionDays;
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return ctx.db.transaction(async (tx) => {
    const r = (
      await tx.query<{ deleted: number | string; first_id: number | string | null; last_id: number | string | null }>(
        'select deleted, first_id, last_id from purge_access_log($1)',
        [cutoff],
      )
    ).rows[0];
    const deleted = Number(r?.deleted ?? 0);
    if (deleted > 0) {
      await ctx.ledger.append(tx, {
        actor: SYSTEM_ACTOR,
        orgId: null,
        matterType: 'accessLog',
        matterId: 'access_log',
        eventType: 'accessLog.purged',
        payload: { cutoff, retentionDays: days, deleted, firstId: Number(r.first_id), lastId: Number(r.last_id) },
      });
    }
    return { cutoff, deleted };
  });
}
