/**
 * The portal's statistics are computed at most once a minute per process and database (publicDirectory.ts
 * `cachedPublicStatistics`): they read every penalty publication, which bench/province showed starving every other
 * request when the home page computed them each time.
 */
import { describe, expect, it } from 'vitest';
import { cachedPublicStatistics, PUBLIC_STATISTICS_TTL_MS } from '../src/modules/publicity/publicDirectory.ts';
import type { Queryable } from '../src/platform/db/index.ts';

/** A database that answers the statistics' three statements and counts them; `fail` makes the next one throw. */
function fakeDb() {
  const db = {
    statements: 0,
    fail: false,
    async query(sql: string) {
      db.statements++;
      if (db.fail) throw new Error('数据库不可用');
      if (sql.includes('group by o.id'))
        return {
          rows: [
            {
              bodyName: '示例区市场监督管理局',
              total: 3,
              listed: 2,
              corrected: 1,
              withdrawn: 0,
              ended: 1,
              published: 3,
              onTime: 2,
              late: 1,
              pendingOverdue: 0,
            },
          ],
          rowCount: 1,
        };
      return { rows: [], rowCount: 0 };
    },
    async exec() {},
  };
  return db as typeof db & Queryable;
}

describe('public statistics cache', () => {
  it('computes once for concurrent and repeated requests within a minute, again after it, and again on another day', async () => {
    const db = fakeDb();
    const t0 = 1_800_000_000_000;
    const [a, b] = await Promise.all([cachedPublicStatistics(db, '2026-12-07', t0), cachedPublicStatistics(db, '2026-12-07', t0 + 10)]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ total: 3, onTime: 2, late: 1, timelinessRate: 66.7, byBody: [{ published: 3, onTime: 2 }] });
    expect(db.statements).toBe(3);
    await cachedPublicStatistics(db, '2026-12-07', t0 + PUBLIC_STATISTICS_TTL_MS - 1);
    expect(db.statements).toBe(3);
    await cachedPublicStatistics(db, '2026-12-07', t0 + PUBLIC_STATISTICS_TTL_MS);
    expect(db.statements).toBe(6);
    await cachedPublicStatistics(db, '2026-12-08', t0 + PUBLIC_STATISTICS_TTL_MS + 1);
    expect(db.statements).toBe(9);
  });

  it('keeps no failed computation: the next request tries again', async () => {
    const db = fakeDb();
    db.fail = true;
    await expect(cachedPublicStatistics(db, '2026-12-07', 0)).rejects.toThrow('数据库不可用');
    db.fail = false;
    expect((await cachedPublicStatistics(db, '2026-12-07', 1)).total).toBe(3);
  });
});
