/**
 * The Fazhi server as a child process, for the browser tests (harness.ts) and the web benchmark (bench/web-timing.ts):
 * a free port, the console built as `npm run build:web` builds it, the server started in its own process group (so
 * stopping it also stops the node process tsx starts) and awaited until `/api/health` answers. No test framework here:
 * a benchmark is a plain script.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Server {
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** The console and the portal's verification script, as `npm run build:web` builds them. */
export function buildWeb(): void {
  // vitest sets NODE_ENV=test, which would give a development build
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env,
  });
  // vite empties web/dist: the portal's verification script is built into it again
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/modules/portal/script.ts'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * Starts `src/server.ts` on a free port with `env` over the process's own, its data in `dataDir` (removed on stop, after
 * `afterStop`); resolves once healthy, or stops it and throws with its output.
 */
export async function spawnServer(o: { dataDir: string; env: NodeJS.ProcessEnv; readyWithinMs: number; afterStop?: () => Promise<void> }): Promise<Server> {
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: o.dataDir, ...o.env },
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await o.afterStop?.();
    rmSync(o.dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + o.readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with code ${child.exitCode}:\n${log}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become healthy within ${o.readyWithinMs / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, output: () => log, stop };
}
