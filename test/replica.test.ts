/**
 * The read replica (DATABASE_READ_URL, platform/db/replica.ts): the portal's and the statistics' reads go to a
 * streaming replica while its measured lag is within the bound, fall back to the primary beyond it or when the
 * replica fails, and a process reads its own writes back.
 *
 * Runs when DATABASE_READ_URL (and TEST_DATABASE_URL) is set. CI sets it: the step "read replica" of .ci/run runs
 * this file and the portal tests through .ci/replica.sh, which makes a streaming replica of the local PostgreSQL
 * on port 5433 (pg_basebackup -R) — so in CI this file is not skipped. The fallback for an unreachable replica
 * needs no replica and runs on every PostgreSQL run.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readsOf } from '../src/platform/context.ts';
import { ReadReplica } from '../src/platform/db/replica.ts';
import { client, createTestEnv, login, type TestEnv, usingPostgres } from './helpers.ts';

const replicaUrl = process.env.DATABASE_READ_URL;

async function until<T>(what: string, fn: () => Promise<T | null | false> | T | null | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== null && v !== false && v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(usingPostgres())('a replica that cannot be reached', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ seed: false });
  });
  afterAll(() => env.close());

  it('is reported down and every read goes to the primary', async () => {
    const r = new ReadReplica(env.ctx.db, 'postgres://postgres@127.0.0.1:1/nothing', { maxLagMs: 5000, checkMs: 60_000 });
    try {
      await r.check();
      expect(r.status()).toMatchObject({ state: 'down', serving: false, lagMs: null });
      const rows = (await r.reads.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery')).rows;
      expect(rows[0].recovery).toBe(false);
      expect(r.status()).toMatchObject({ replicaReads: 0, primaryReads: 1 });
    } finally {
      await r.close();
    }
  });
});

describe.runIf(usingPostgres() && !!replicaUrl)('the read replica (DATABASE_READ_URL)', () => {
  let env: TestEnv;
  /** a superuser session on the replica, to pause and resume its replay */
  let standby: pg.Client;
  beforeAll(async () => {
    env = await createTestEnv({ config: { replicaMaxLagMs: 2000, replicaCheckMs: 200 } });
    standby = new pg.Client({ connectionString: replicaUrl });
    await standby.connect();
    // the probe: a row the owner writes on the primary behind the application's back (no write of this process)
    await env.owner.query('create table replica_probe (n int primary key)');
    await env.owner.query('grant select on replica_probe to fazhi_app');
  }, 120_000);
  afterAll(async () => {
    await standby.query('select pg_wal_replay_resume()').catch(() => undefined);
    await standby.end();
    await env.close();
  });

  const replica = () => env.ctx.replica!;
  const serving = () => until('the replica to serve reads', () => replica().status().serving);

  it('is attached, measures its lag and shows it on the health route', async () => {
    expect(replica()).toBeDefined();
    await serving();
    const health = (await env.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health.replica.state).toBe('ok');
    expect(health.replica.maxLagMs).toBe(2000);
    expect(health.replica.lagMs).toBeGreaterThanOrEqual(0);
    expect(health.replica.lagMs).toBeLessThanOrEqual(2000);
    // it really is a standby, and ctx.db is not
    expect((await readsOf(env.ctx).query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0].r).toBe(true);
    expect((await env.ctx.db.query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0].r).toBe(false);
  });

  it('serves the portal and the statistics from the replica', async () => {
    await serving();
    const before = replica().status();
    for (const url of ['/', '/portal/statistics', '/portal/bodies', '/api/public/publications', '/api/public/publicity-statistics']) {
      expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
    const after = replica().status();
    expect(after.replicaReads).toBeGreaterThan(before.replicaReads + 5);
    expect(after.primaryReads).toBe(before.primaryReads);
  });

  it("reads this process's own writes back: after a commit, reads stay on the primary until the replica has replayed it", async () => {
    await serving();
    const admin = client(env.app, await login(env.app, 'admin'));
    const before = replica().status();
    await env.ctx.db.transaction(async (tx) => {
      await tx.query('select 1');
    });
    expect(replica().status().serving).toBe(false);
    expect((await admin.get('/api/cases/statistics')).status).toBe(200);
    expect(replica().status().primaryReads).toBeGreaterThan(before.primaryReads);
    await serving();
  });

  it('falls back to the primary once the lag exceeds the bound, and returns when the replica catches up', async () => {
    await serving();
    const reads = readsOf(env.ctx);
    const count = async () => (await reads.query<{ n: number }>('select count(*)::int as n from replica_probe')).rows[0].n;
    await standby.query('select pg_wal_replay_pause()');
    await env.owner.query('insert into replica_probe values (1)');
    // within the bound the replica still serves, and it does not have the row yet: reads really go there
    expect(replica().status().serving).toBe(true);
    expect(await count()).toBe(0);
    // beyond the bound the lag is shown and reads go to the primary, which has it
    await until('the lag to exceed the bound', () => replica().status().state === 'lagging');
    const lagging = replica().status();
    expect(lagging.serving).toBe(false);
    expect(lagging.lagMs).toBeGreaterThan(2000);
    expect((await env.app.inject({ method: 'GET', url: '/api/health' })).json().replica).toMatchObject({ state: 'lagging', serving: false });
    expect(await count()).toBe(1);
    await standby.query('select pg_wal_replay_resume()');
    await serving();
    const served = replica().status().replicaReads;
    expect(await count()).toBe(1);
    expect(replica().status().replicaReads).toBe(served + 1);
  });

  it('never writes to the replica: a write through the reads is refused by the standby, not sent on', async () => {
    await serving();
    await expect(readsOf(env.ctx).query('insert into replica_probe values (2)')).rejects.toThrow(/read-only/);
    expect((await env.owner.query('select count(*)::int as n from replica_probe where n = 2')).rows[0].n).toBe(0);
  });
});
