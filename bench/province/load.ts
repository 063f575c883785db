/**
 * bench/province — HTTP load of mixed staff and public traffic against the real server process
 * (`src/server.ts`, its workers, PostgreSQL), with autocannon: one instance per route class, all running at
 * once, their connections adding up to the concurrent users. Staff log in as the console does (POST
 * /api/auth/login → session cookie and CSRF token); each request picks one of the sessions and a path the
 * session's user may see. Every response's time is kept, so p50/p95/p99 are exact per class; a non-2xx
 * answer or a socket error is an error, and the first few are printed with their path and body.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

export interface RouteClass {
  name: string;
  /** staff (logged in) or public */
  audience: 'staff' | 'public' | 'baseline';
  connections: number;
  /** the next request's path, and the session it is sent with (null = anonymous) */
  next: () => { path: string; session: Session | null };
}

export interface ClassResult {
  name: string;
  audience: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  samples: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `tsx src/server.ts` with `env`; resolves once a worker listens (the supervisor's start-up line). */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<{ child: ChildProcess; stop: () => Promise<void>; log: () => string }> {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('法治平台已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it listened:\n${out}`));
    });
  });
  return {
    child,
    log: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  return { username, cookie, csrf: body.csrfToken };
}

/** utime + stime of a process in ms (/proc, Linux; clock ticks of 10 ms), 0 when it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

/** CPU time (ms) of each process in `pids` now, to subtract later: what they used in between, whatever else runs on the machine. */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  return new Map(pids.map((p) => [p, cpuMsOf(p)]));
}
export function cpuSince(before: Map<number, number>, pids: number[]): number {
  return pids.reduce((s, p) => s + Math.max(0, cpuMsOf(p) - (before.get(p) ?? 0)), 0);
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN);

/** Runs every class at once for `seconds`; returns one result per class. */
export async function runLoad(base: string, classes: RouteClass[], seconds: number): Promise<ClassResult[]> {
  const runs = classes.map((c) => {
    const times: number[] = [];
    const samples: string[] = [];
    let errors = 0;
    let resolveDone: (r: autocannon.Result) => void = () => {};
    let rejectDone: (e: unknown) => void = () => {};
    const done = new Promise<autocannon.Result>((res, rej) => {
      resolveDone = res;
      rejectDone = rej;
    });
    const instance = autocannon(
      {
        url: base,
        connections: c.connections,
        duration: seconds,
        timeout: 120,
        requests: [
          {
            setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
              const { path, session } = c.next();
              context.path = path;
              return {
                ...req,
                method: 'GET',
                path,
                headers: { accept: 'application/json, text/html', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
              };
            },
            onResponse: (status: number, body: string, context: Record<string, unknown>) => {
              if ((status < 200 || status >= 300) && samples.length < 5) samples.push(`${status} ${String(context.path)} ${String(body).slice(0, 200)}`);
            },
          },
        ],
      } as autocannon.Options,
      (err, result) => (err ? rejectDone(err) : resolveDone(result)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      times.push(ms);
      if (status < 200 || status >= 300) errors++;
    });
    instance.on('reqError', (e: Error) => {
      errors++;
      if (samples.length < 5) samples.push(`socket: ${e.message}`);
    });
    return { c, times, samples, errorsOf: () => errors, done };
  });
  const results: ClassResult[] = [];
  for (const r of runs) {
    const res = await r.done;
    const sorted = r.times.sort((a, b) => a - b);
    results.push({
      name: r.c.name,
      audience: r.c.audience,
      connections: r.c.connections,
      requests: sorted.length,
      rps: sorted.length / res.duration,
      p50: pct(sorted, 50),
      p95: pct(sorted, 95),
      p99: pct(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      errors: r.errorsOf(),
      samples: r.samples,
    });
  }
  return results;
}
