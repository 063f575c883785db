/**
 * `npm start` keeps serving when a worker misbehaves (platform/supervisor.ts): a worker killed outright
 * is replaced, a worker whose event loop stalls (SIGSTOP stands in for a request stuck in a synchronous
 * loop) is killed by the primary's watchdog and replaced, and SIGTERM stops everything.
 *
 * On PostgreSQL (TEST_DATABASE_URL; CI runs it) a second server runs three workers: exactly one is the leader
 * (platform/leadership.ts: it holds the advisory lock and signs tree heads); killing it hands the leadership to
 * another worker, which signs; a worker killed with SIGKILL under a load of recorded writes loses no write that was
 * acknowledged, and `fazhi ledger verify --state` finds the record whole afterwards; SIGTERM ends everything
 * without an unhandled error.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADER_LOCK } from '../src/platform/leadership.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { party, contact } from './case-steps.ts';
import { createTestEnv, type TestEnv, usingPostgres } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
let child: ChildProcess;
let log = '';
let dataDir: string;
let base: string;
let primaryPid: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * The worker processes of the primary `pid` (from /proc, no tools needed): its children that carry the
 * supervisor's FAZHI_WORKER_INDEX. The primary has other children too (tsx's esbuild service): killing one of
 * those instead of a worker is what once made this test fail.
 */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (
        ppid === pid &&
        readFileSync(`/proc/${d}/environ`, 'latin1')
          .split('\0')
          .some((v) => v.startsWith('FAZHI_WORKER_INDEX='))
      )
        out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function waitFor<T>(what: string, fn: () => Promise<T | null> | T | null, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== null && v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms; server log:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const healthy = async () => {
  try {
    return (await fetch(`${base}/api/health`)).ok || null;
  } catch {
    return null;
  }
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fazhi-supervisor-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', DATABASE_URL: '', WATCHDOG_SECONDS: '2' },
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await waitFor('the server answers', healthy, 200_000); // a cold start on a loaded 2-core machine
  primaryPid = Number(await waitFor('the start-up line names the primary', () => /主进程 (\d+)/.exec(log)?.[1] ?? null));
}, 240_000);

afterAll(async () => {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the supervisor', () => {
  it('replaces a worker that dies', async () => {
    const [worker] = childrenOf(primaryPid);
    expect(worker).toBeGreaterThan(0);
    process.kill(worker, 'SIGKILL');
    const replacement = await waitFor('a new worker', () => childrenOf(primaryPid).find((p) => p !== worker) ?? null);
    expect(replacement).not.toBe(worker);
    await waitFor('the server answers again', healthy);
    // the primary's line may reach the pipe after the new worker already answers
    await waitFor('the primary to report the replacement', () => (log.includes(`工作进程 ${worker} 已退出（SIGKILL），立即重新启动`) ? true : null), 30_000);
  }, 90_000);

  it('kills and replaces a worker whose event loop stalls (the watchdog), and keeps serving', async () => {
    const [worker] = childrenOf(primaryPid);
    process.kill(worker, 'SIGSTOP');
    await waitFor('the watchdog to act', () => (log.includes(`工作进程 ${worker} 已`) && log.includes('无响应（事件循环阻塞）') ? true : null), 30_000);
    await waitFor('a new worker', () => childrenOf(primaryPid).find((p) => p !== worker) ?? null);
    await waitFor('the server answers again', healthy);
  }, 90_000);

  it('stops the workers and itself on SIGTERM', async () => {
    const workers = childrenOf(primaryPid);
    process.kill(primaryPid, 'SIGTERM');
    await waitFor(
      'the primary to exit',
      () => (childrenOf(primaryPid).length === 0 && !readdirSync('/proc').includes(String(primaryPid)) ? true : null),
      30_000,
    );
    for (const w of workers) expect(readdirSync('/proc').includes(String(w))).toBe(false);
  }, 60_000);
});

describe.runIf(usingPostgres())('on PostgreSQL with three workers', () => {
  let env: TestEnv;
  let server: ChildProcess;
  let pgLog = '';
  let pgBase: string;
  let pgPrimary: number;
  let cookie = '';
  let csrf = '';

  const until = async <T>(what: string, fn: () => Promise<T | null | false> | T | null | false, ms = 60_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (v !== null && v !== undefined && v !== false) return v;
      if (Date.now() > end) throw new Error(`${what} within ${ms} ms; server log:\n${pgLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const leaders = () => [...pgLog.matchAll(/工作进程 (\d+) 成为主导进程/g)].map((m) => Number(m[1]));
  /** the sessions holding the leader's advisory lock in this database */
  const lockHolders = async () =>
    (
      await env.owner.query(
        `select pid from pg_locks where locktype = 'advisory' and classid = $1 and objid = $2 and granted
            and database = (select oid from pg_database where datname = current_database())`,
        [...LEADER_LOCK],
      )
    ).rows;
  let n = 0;
  /** one recorded write: a new case lead (201 and its id), or null when it was not acknowledged */
  const openLead = async (): Promise<string | null> => {
    try {
      const r = await fetch(`${pgBase}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify({ source: 'complaint', receivedOn: '2026-09-02', party, contact, field: 'food', summary: `负载下的线索 ${++n}` }),
        signal: AbortSignal.timeout(30_000),
      });
      return r.status === 201 ? ((await r.json()) as { id: string }).id : null;
    } catch {
      return null; // the connection died with the worker: not acknowledged
    }
  };

  beforeAll(async () => {
    env = await createTestEnv();
    const port = await freePort();
    pgBase = `http://127.0.0.1:${port}`;
    server = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: env.config.dataDir,
        DATABASE_URL: env.config.databaseUrl,
        MIGRATION_DATABASE_URL: env.config.migrationDatabaseUrl,
        DATABASE_READ_URL: '',
        REDIS_URL: '',
        SEED_DEMO: 'false',
        WEB_CONCURRENCY: '3',
        TREE_HEAD_INTERVAL_MS: '500',
        LEADER_RETRY_SECONDS: '1',
      },
    });
    server.stdout!.on('data', (d) => (pgLog += d));
    server.stderr!.on('data', (d) => (pgLog += d));
    pgPrimary = Number(await until('the start-up line', () => /主进程 (\d+)/.exec(pgLog)?.[1] ?? null, 240_000));
    await until('three workers', () => childrenOf(pgPrimary).length === 3);
    const res = await fetch(`${pgBase}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhifa', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookie = res.headers.getSetCookie()[0].split(';')[0];
    csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }, 300_000);

  afterAll(async () => {
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      // already stopped
    }
    await env.close();
  });

  it('has exactly one leader; when it is killed another worker takes over and signs', async () => {
    const [leader] = await until('a leader', () => (leaders().length ? leaders() : null));
    expect(childrenOf(pgPrimary)).toContain(leader);
    expect(await lockHolders()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 2500)); // several retry intervals: nobody else takes it
    expect(leaders()).toEqual([leader]);
    expect(await openLead()).not.toBeNull();

    const killedAt = Date.now();
    process.kill(leader, 'SIGKILL');
    const next = await until('another worker to take the leadership over', () => leaders().find((p) => p !== leader) ?? null, 30_000);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(10_000);
    console.log(`leader ${leader} killed; worker ${next} took over in ${takeoverMs} ms`);
    expect(leaders().filter((p) => p !== leader)).toEqual([next]);
    expect(await lockHolders()).toHaveLength(1);

    // the new leader signs: a tree head signed after the kill covers a write made after it
    const id = await until('a write after the takeover', openLead, 30_000);
    await until(
      'a tree head covering it, signed by the new leader',
      async () =>
        (
          await env.owner.query(
            `select 1 from ledger_tree_heads h where h.signed_at > $1
                and h.tree_size > (select max(seq) from ledger_entries where matter_type = 'case' and matter_id = $2)`,
            [new Date(killedAt).toISOString(), id],
          )
        ).rows.length > 0,
      30_000,
    );
  }, 120_000);

  it('loses no acknowledged write when a worker is killed under load, and the record verifies', async () => {
    await until('three workers', () => childrenOf(pgPrimary).length === 3);
    const acked: string[] = [];
    let unacknowledged = 0;
    let killed = 0;
    const stopAt = Date.now() + 12_000;
    const loop = async () => {
      for (let i = 0; i < 200 && Date.now() < stopAt; i++) {
        const id = await openLead();
        if (id) acked.push(id);
        else unacknowledged++;
      }
    };
    const killer = (async () => {
      await until('writes under way', () => acked.length >= 8, 60_000);
      killed = childrenOf(pgPrimary)[0];
      process.kill(killed, 'SIGKILL');
    })();
    await Promise.all([loop(), loop(), loop(), loop(), killer]);
    expect(killed).toBeGreaterThan(0);
    await until('the killed worker replaced', () => childrenOf(pgPrimary).length === 3 && !childrenOf(pgPrimary).includes(killed));
    expect(acked.length).toBeGreaterThan(16);
    // every acknowledged write is there, with its record entry
    const cases = (await env.owner.query('select count(*)::int as n from cases where id = any($1)', [acked])).rows[0].n;
    expect(cases).toBe(acked.length);
    const recorded = (
      await env.owner.query("select count(distinct matter_id)::int as n from ledger_entries where matter_type = 'case' and matter_id = any($1)", [acked])
    ).rows[0].n;
    expect(recorded).toBe(acked.length);
    console.log(`under load: ${acked.length} writes acknowledged, ${unacknowledged} not (the killed worker's), worker ${killed} killed`);

    // SIGTERM: every process ends, with no unhandled error and no pg warning
    process.kill(pgPrimary, 'SIGTERM');
    await until('the server to stop', () => (!readdirSync('/proc').includes(String(pgPrimary)) ? true : null), 30_000);
    expect(pgLog).not.toMatch(/Unhandled|uncaught|already executing a query|DeprecationWarning/i);

    // `fazhi ledger verify --state`: the chain, the tree, the signed heads and the current state
    const verify = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli.ts', 'ledger', 'verify', '--json', '--state', '--skip-blobs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: env.config.dataDir,
        DATABASE_URL: env.config.databaseUrl,
        MIGRATION_DATABASE_URL: env.config.migrationDatabaseUrl,
        DATABASE_READ_URL: '',
      },
      timeout: 120_000,
    });
    expect(verify.status, verify.stderr + verify.stdout).toBe(0);
    const report = JSON.parse(verify.stdout.slice(verify.stdout.indexOf('{')));
    expect(report.ok).toBe(true);
    expect(report.state.ok).toBe(true);
  }, 240_000);
});
