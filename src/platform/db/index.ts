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
  /** PGlite only: the whole data directory as a tar archive (opened again with `openPglite(…, { loadDataDir })`) */
  dumpDataDir?(): Promise<Blob>;
}

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
  return {
    kind: 'pglite',
    ...wrap(lite),
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    close: () => lite.close(),
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
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
