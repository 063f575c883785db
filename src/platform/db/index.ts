import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  /** Runs a multi-statement SQL script (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back on any throw. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Listeners (the record's integrator, src/platform/record/integrator.ts): after a `transaction` committed, and before `close` (awaited). */
  readonly hooks: DbHooks;
  /** PGlite only: the whole data directory as a tar archive (opened again with `openPglite(…, { loadDataDir })`) */
  dumpDataDir?(): Promise<Blob>;
}

export interface DbHooks {
  afterCommit: ((tx: Queryable) => void)[];
  beforeClose: (() => Promise<void>)[];
}

const newHooks = (): DbHooks => ({ afterCommit: [], beforeClose: [] });
const committed = (hooks: DbHooks, tx: Queryable) => {
  for (const f of hooks.afterCommit) f(tx);
};
const closing = async (hooks: DbHooks) => {
  for (const f of hooks.beforeClose) await f();
};

// Same value types on both drivers: dates as 'YYYY-MM-DD' strings, int8 as number.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function openPglite(dataDir: string | 'memory', opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  let location: string | undefined;
  if (dataDir !== 'memory') {
    location = join(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const lite = await PGlite.create(location, {
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v), [NUMERIC_OID]: (v: string) => Number(v) },
  });
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const hooks = newHooks();
  return {
    kind: 'pglite',
    ...wrap(lite),
    hooks,
    async transaction(fn) {
      let inner: Queryable | null = null;
      const result = await lite.transaction((tx) => fn((inner = wrap(tx))));
      if (inner) committed(hooks, inner);
      return result;
    },
    async close() {
      await closing(hooks);
      await lite.close();
    },
    dumpDataDir: () => lite.dumpDataDir('none'),
  };
}

pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

export interface PostgresOptions {
  /** role to SET after connecting: the application role that lacks UPDATE/DELETE on the record */
  appRole?: string;
  max?: number;
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  if (opts.appRole && !/^[a-z_][a-z0-9_]*$/.test(opts.appRole)) throw new Error(`bad role name ${opts.appRole}`);
  // the role is set as a startup parameter, so every pooled connection runs as it from the first query
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, ...(opts.appRole ? { options: `-c role=${opts.appRole}` } : {}) });
  // An idle pooled connection that the server ends (a restart, `pg_terminate_backend`, `drop database … with (force)`) is
  // reported here and dropped by the pool; the next query opens a new one. Unheard, the event would end the process.
  pool.on('error', (e) => console.warn(`数据库连接池中的空闲连接已断开：${e.message}`));
  // pool.end() resolves once the pool has let go of its connections, not when they have closed: close waits for them
  const open = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    const ended = new Promise<void>((res) => client.once('end', () => res()));
    open.add(ended);
    void ended.then(() => open.delete(ended));
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => {
    // A transaction is one connection, which runs one query at a time: queries issued together on it (a
    // Promise.all in a command) are queued here in order, as pg 9 will require, instead of overlapping on
    // the client. The pool itself hands concurrent queries to different connections.
    let queue: Promise<unknown> = Promise.resolve();
    const run = <R>(f: () => Promise<R>): Promise<R> => {
      if (c instanceof pg.Pool) return f();
      const next = queue.then(f, f);
      queue = next.catch(() => undefined);
      return next;
    };
    return {
      async query<T>(sql: string, params?: unknown[]) {
        const r = await run(() => c.query(sql, params as unknown[]));
        return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
      },
      async exec(sql: string) {
        await run(() => c.query(sql));
      },
    };
  };
  // make sure a connection works (and the role exists) before returning
  const probe = await pool.connect();
  probe.release();
  const hooks = newHooks();
  return {
    kind: 'postgres',
    ...wrap(pool),
    hooks,
    async transaction(fn) {
      const client = await pool.connect();
      // BEGIN, COMMIT and ROLLBACK go through the transaction's queue too: a command whose Promise.all rejects early
      // leaves its other queries queued or running, and the ROLLBACK must come after them, not overlap them
      const tx = wrap(client);
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        committed(hooks, tx);
        return result;
      } catch (e) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await closing(hooks);
      await pool.end();
      await Promise.all([...open]);
    },
  };
}
