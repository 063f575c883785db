/**
 * A PostgreSQL streaming replica for reads that may be a little behind: the public portal's pages and JSON and the
 * statistics routes (`DATABASE_READ_URL`). Writes never go there (a hot standby refuses them anyway); a module
 * asks for `readsOf(ctx)` where it only reads and can live with the bounded lag, and keeps `ctx.db` elsewhere.
 *
 * **Lag, measured as a bound on staleness.** Every `replicaCheckMs` each worker samples the primary's WAL position
 * (`pg_current_wal_lsn()`, at time t) and then the replica's replayed position (`pg_last_wal_replay_lsn()`); once the
 * replica has replayed past a sample, it holds every transaction committed before that sample's t. The lag shown is
 * now − the t of the newest such sample — it grows while the replica falls behind or cannot be reached, and is about
 * one check interval when it keeps up. (`pg_last_xact_replay_timestamp()` alone cannot tell an idle primary from a
 * stalled replica.) `/api/health` shows it.
 *
 * **Bounded.** Reads go to the replica only while the lag is at most `replicaMaxLagMs` (REPLICA_MAX_LAG_SECONDS) and
 * the last check succeeded; otherwise, and for a read the replica fails with a connection error or a recovery
 * conflict, they go to the primary. **This process's own writes are read back**: after a transaction commits
 * through `ctx.db`, reads stay on the primary until a sample taken after that commit has been replayed (so a
 * request that writes and then renders the portal sees its write; another worker's write may be up to the lag
 * behind).
 */
import pg from 'pg';
import type { Db, Queryable } from './index.ts';

export type ReplicaState = 'starting' | 'ok' | 'lagging' | 'down' | 'notReplica';

export interface ReplicaStatus {
  state: ReplicaState;
  /** upper bound of how far the replica is behind the primary (ms); null before it first caught up */
  lagMs: number | null;
  maxLagMs: number;
  /** whether this process sends its reads to the replica now */
  serving: boolean;
  /** reads this process sent to the replica / to the primary instead */
  replicaReads: number;
  primaryReads: number;
  lastError: string | null;
}

const lsn = (s: string): bigint => {
  const [hi, lo] = s.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
};

/** A failure of the replica rather than of the query: no SQLSTATE (the connection), class 08 (connection), 57P (shutdown), 40001 (conflict with recovery). */
const replicaFailure = (e: unknown): boolean => {
  const code = (e as { code?: unknown })?.code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P') || code === '40001';
};

export class ReadReplica {
  private readonly pool: pg.Pool;
  private readonly timer: NodeJS.Timeout;
  private samples: { at: number; lsn: bigint; epoch: number }[] = [];
  /** when the newest primary sample the replica has replayed was taken */
  private freshAt: number | null = null;
  private writeEpoch = 0;
  private caughtUpEpoch = -1;
  private state: ReplicaState = 'starting';
  private lastError: string | null = null;
  private checking: Promise<void> | null = null;
  private closed = false;
  private replicaReads = 0;
  private primaryReads = 0;

  constructor(
    private readonly primary: Queryable,
    url: string,
    private readonly opts: { maxLagMs: number; checkMs: number; appRole?: string; max?: number },
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, ...(opts.appRole ? { options: `-c role=${opts.appRole}` } : {}) });
    // an idle connection that the replica drops (a restart) must not become an uncaught error
    this.pool.on('error', (e) => this.fail(e));
    this.timer = setInterval(() => void this.check(), opts.checkMs);
    this.timer.unref();
  }

  private fail(e: unknown): void {
    this.state = 'down';
    this.lastError = e instanceof Error ? e.message : String(e);
  }

  /** One measurement: the primary's position now, then how far the replica has replayed. */
  check(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.checking ??= (async () => {
      try {
        const epoch = this.writeEpoch;
        const at = Date.now();
        const p = await this.primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
        this.samples.push({ at, lsn: lsn(p.rows[0].lsn), epoch });
        if (this.samples.length > 1000) this.samples.shift();
        const r = await this.pool.query<{ recovery: boolean; replay: string | null }>(
          'select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replay',
        );
        const { recovery, replay } = r.rows[0];
        if (!recovery || replay === null) {
          this.state = 'notReplica';
          this.lastError = 'DATABASE_READ_URL 指向的服务器不是流复制备库（pg_is_in_recovery() 为 false）';
          return;
        }
        const replayed = lsn(replay);
        let newest = -1;
        for (let i = 0; i < this.samples.length; i++) if (this.samples[i].lsn <= replayed) newest = i;
        if (newest >= 0) {
          this.freshAt = this.samples[newest].at;
          this.caughtUpEpoch = Math.max(this.caughtUpEpoch, this.samples[newest].epoch);
          this.samples = this.samples.slice(newest);
        }
        this.lastError = null;
        this.state = this.lagMs() !== null && this.lagMs()! <= this.opts.maxLagMs ? 'ok' : 'lagging';
      } catch (e) {
        this.fail(e);
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  private lagMs(): number | null {
    return this.freshAt === null ? null : Date.now() - this.freshAt;
  }

  /** Called after every transaction through the primary: reads wait for the replica to replay it. */
  noteWrite(): void {
    this.writeEpoch++;
  }

  /** Whether reads go to the replica now. */
  serving(): boolean {
    const lag = this.lagMs();
    return (this.state === 'ok' || this.state === 'lagging') && lag !== null && lag <= this.opts.maxLagMs && this.caughtUpEpoch >= this.writeEpoch;
  }

  status(): ReplicaStatus {
    const lag = this.lagMs();
    const state = (this.state === 'ok' || this.state === 'lagging') && lag !== null ? (lag <= this.opts.maxLagMs ? 'ok' : 'lagging') : this.state;
    return {
      state,
      lagMs: lag,
      maxLagMs: this.opts.maxLagMs,
      serving: this.serving(),
      replicaReads: this.replicaReads,
      primaryReads: this.primaryReads,
      lastError: this.lastError,
    };
  }

  /** The Queryable the read-only routes use: the replica while it is fresh enough, else the primary. */
  readonly reads: Queryable = {
    query: async <T>(sql: string, params?: unknown[]) => {
      if (this.serving()) {
        try {
          const r = await this.pool.query(sql, params as unknown[]);
          this.replicaReads++;
          return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
        } catch (e) {
          if (!replicaFailure(e)) throw e;
          this.fail(e);
        }
      }
      this.primaryReads++;
      return this.primary.query<T>(sql, params);
    },
    exec: async (sql: string) => {
      // scripts are migrations and writes: never the replica
      await this.primary.exec(sql);
    },
  };

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.checking;
    await this.pool.end();
  }
}

/**
 * The primary `db` with `replica` attached: every transaction notes a write (so this process reads its writes
 * back), and closing it closes the replica's connections too.
 */
export function withReplica(db: Db, replica: ReadReplica): Db {
  return {
    ...db,
    kind: db.kind,
    query: db.query,
    exec: db.exec,
    async transaction(fn) {
      try {
        return await db.transaction(fn);
      } finally {
        replica.noteWrite();
      }
    },
    async close() {
      await replica.close();
      await db.close();
    },
  };
}
