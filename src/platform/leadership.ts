/**
 * Exactly one worker process runs the periodic jobs (signed tree heads, publicity expiry, housekeeping): the
 * **leader**, the holder of a PostgreSQL session-level advisory lock on a connection of its own. Every other worker
 * tries to take the lock every `retryMs` (LEADER_RETRY_SECONDS); when the leader dies — a crash, SIGKILL, the
 * watchdog — PostgreSQL ends its session and releases the lock, and another worker takes over within about one
 * retry interval. The leader checks its lock connection every `retryMs` too and stops its jobs as soon as that
 * connection fails (then competes again like the others). Advisory locks belong to one database, so deployments
 * and test databases on one server do not compete.
 *
 * A job must be safe if, during the short window before a leader notices that its connection is gone, a second
 * leader runs it too: the tree-head signer decides under the record head's row lock (a second signer finds the size
 * already signed), the publicity expiry goes through the workflow engine's version check. On PGlite the single
 * worker is the leader without a lock.
 */
import pg from 'pg';

/** The advisory lock's two keys: `FAZH` and 1 (the integrator and others take other keys). */
export const LEADER_LOCK: readonly [number, number] = [0x46415a48, 1];

export interface LeaderJob {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /** run once as soon as leadership is taken (default true) */
  atStart?: boolean;
}

export interface LeadershipOptions {
  /** PostgreSQL: the connection string of the lock's own session; undefined on PGlite (always leader) */
  url?: string;
  appRole?: string;
  retryMs: number;
  jobs: LeaderJob[];
  log: (msg: string) => void;
  onError: (job: string, e: unknown) => void;
}

export interface Leadership {
  isLeader(): boolean;
  /** Stops the jobs (waiting for a running one), releases the lock and closes its connection. */
  stop(): Promise<void>;
}

export function startLeadership(opts: LeadershipOptions): Leadership {
  let leader = false;
  let stopped = false;
  let client: pg.Client | null = null;
  let timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();

  const runJob = (job: LeaderJob) => {
    if (!leader || stopped) return;
    const p = job
      .run()
      .catch((e) => opts.onError(job.name, e))
      .finally(() => running.delete(p));
    running.add(p);
  };
  const becomeLeader = () => {
    leader = true;
    opts.log(`工作进程 ${process.pid} 成为主导进程，运行定时任务：${opts.jobs.map((j) => j.name).join('、')}`);
    for (const job of opts.jobs) {
      if (job.atStart !== false) runJob(job);
      timers.push(setInterval(() => runJob(job), job.everyMs));
    }
  };
  const stopJobs = () => {
    leader = false;
    for (const t of timers) clearInterval(t);
    timers = [];
  };
  const dropClient = () => {
    const c = client;
    client = null;
    c?.end().catch(() => undefined);
  };
  const lose = (why: string) => {
    if (leader) opts.log(`工作进程 ${process.pid} 不再是主导进程（${why}），停止定时任务`);
    stopJobs();
    dropClient();
  };

  if (!opts.url) {
    becomeLeader();
    return {
      isLeader: () => leader,
      async stop() {
        stopped = true;
        stopJobs();
        await Promise.allSettled([...running]);
      },
    };
  }

  let busy = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      if (!client) {
        const c = new pg.Client({
          connectionString: opts.url,
          keepAlive: true,
          ...(opts.appRole ? { options: `-c role=${opts.appRole}` } : {}),
        });
        // a dropped connection ends the leadership (the server released the lock with the session)
        c.on('error', (e) => lose(`连接中断：${e.message}`));
        c.on('end', () => {
          if (client === c) lose('连接已关闭');
        });
        client = c;
        await c.connect();
      }
      const c = client;
      if (leader) {
        await c.query('select 1');
      } else {
        const r = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [...LEADER_LOCK]);
        if (r.rows[0].ok && !stopped) becomeLeader();
      }
    } catch (e) {
      lose(`数据库不可用：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      busy = false;
    }
  };
  const poll = setInterval(() => void tick(), opts.retryMs);
  poll.unref();
  void tick();

  return {
    isLeader: () => leader,
    async stop() {
      stopped = true;
      clearInterval(poll);
      stopJobs();
      await Promise.allSettled([...running]);
      const c = client;
      client = null;
      // ending the session releases the lock
      await c?.end().catch(() => undefined);
    },
  };
}
