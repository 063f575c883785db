/**
 * Keeps `npm start` serving when a request misbehaves. Node's own `cluster`: the primary process prepares
 * the database (migrations, calendar, demo seed, a signed tree head) and then only supervises; the workers
 * serve HTTP on the shared port.
 * - A worker that dies (a crash, heap exhaustion) is replaced at once; after 5 deaths within a minute the
 *   primary waits 5 s before the next fork, so a worker that cannot start does not spin.
 * - Watchdog: every worker reports its event loop to the primary each second; once it listens, a worker
 *   whose loop has not answered for `watchdogMs` (a request stuck in a synchronous loop) is killed and
 *   replaced (starting — imports, opening the database — may block the loop for seconds and is no stall). A blocked
 *   loop cannot time itself out, which is why the watchdog lives in the other process.
 * - The periodic jobs (signed tree heads, publicity expiry) run in one worker, the leader: the holder of a
 *   PostgreSQL advisory lock (platform/leadership.ts), taken over by another worker when it dies.
 * PGlite is a single-process database, so it runs one worker; PostgreSQL runs `workers` (WEB_CONCURRENCY, default
 * one per core).
 * Hand-written on purpose: `cluster` is the well-kept library here, and what is added — replace the dead,
 * kill the stuck — is thirty lines that a process manager (pm2) would bring with much more besides.
 */
import cluster, { type Worker } from 'node:cluster';

export type WorkerMessage = { type: 'heartbeat' } | { type: 'listening'; url: string; database: string };

export interface SupervisorOptions {
  workers: number;
  watchdogMs: number;
  onListening?: (m: Extract<WorkerMessage, { type: 'listening' }>) => void;
  log?: (msg: string) => void;
}

/** Runs in the primary: forks the workers and keeps them alive until SIGINT/SIGTERM. */
export function superviseWorkers(opts: SupervisorOptions): { stop: () => Promise<void> } {
  const log = opts.log ?? ((m: string) => console.error(m));
  const lastBeat = new Map<number, number>();
  const indexOf = new Map<number, number>();
  const deaths: number[] = [];
  let stopping = false;
  let announced = false;

  const fork = (index: number) => {
    const w: Worker = cluster.fork({ FAZHI_WORKER_INDEX: String(index) });
    indexOf.set(w.id, index);
    w.on('message', (m: WorkerMessage) => {
      // watched from the moment it serves: starting (imports, the database, WebAssembly) may block the loop for seconds
      if (m?.type === 'heartbeat') {
        if (lastBeat.has(w.id)) lastBeat.set(w.id, Date.now());
      } else if (m?.type === 'listening') {
        lastBeat.set(w.id, Date.now());
        if (!announced) {
          announced = true;
          opts.onListening?.(m);
        }
      }
    });
  };

  cluster.on('exit', (w, code, signal) => {
    const index = indexOf.get(w.id) ?? 0;
    indexOf.delete(w.id);
    lastBeat.delete(w.id);
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0] < now - 60_000) deaths.shift();
    const delay = deaths.length > 5 ? 5000 : 0;
    log(`工作进程 ${w.process.pid} 已退出（${signal ?? `退出码 ${code}`}），${delay ? `${delay / 1000} 秒后` : '立即'}重新启动`);
    setTimeout(() => !stopping && fork(index), delay);
  });

  const watchdog = setInterval(
    () => {
      const now = Date.now();
      for (const w of Object.values(cluster.workers ?? {})) {
        if (!w || w.isDead()) continue;
        const beat = lastBeat.get(w.id);
        // watched once it listens: starting is not a stall
        if (beat !== undefined && now - beat > opts.watchdogMs) {
          log(`工作进程 ${w.process.pid} 已 ${Math.round((now - beat) / 1000)} 秒无响应（事件循环阻塞），终止并重新启动`);
          lastBeat.set(w.id, now); // one kill per stall
          w.process.kill('SIGKILL');
        }
      }
    },
    Math.max(250, Math.min(2000, opts.watchdogMs / 4)),
  );
  watchdog.unref();

  for (let i = 0; i < opts.workers; i++) fork(i);

  const stop = async () => {
    stopping = true;
    clearInterval(watchdog);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            const t = setTimeout(() => {
              w.process.kill('SIGKILL');
              resolve();
            }, 10_000);
            w.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };
  return { stop };
}

/** Runs in a worker: reports the event loop to the primary every second. */
export function startHeartbeat(): void {
  if (!process.send) return;
  const beat = () => process.send?.({ type: 'heartbeat' } satisfies WorkerMessage);
  beat();
  setInterval(beat, 1000).unref();
}
