/**
 * `npm start` keeps serving when a worker misbehaves (platform/supervisor.ts): a worker killed outright
 * is replaced, a worker whose event loop stalls (SIGSTOP stands in for a request stuck in a synchronous
 * loop) is killed by the primary's watchdog and replaced, and SIGTERM stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
