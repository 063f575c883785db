/**
 * Where the per-address rate limits (@fastify/rate-limit: the public portal and /api/public, login attempts)
 * count, so that every worker process of `npm start` counts against the same limit — with memory stores each of N
 * workers would allow N times the limit.
 *
 * - `database` (default on PostgreSQL): one upsert per counted request into `rate_limit_hits` (migration 0021, an
 *   unlogged table), a fixed window per key; the leader deletes ended windows (`pruneRateLimitHits`).
 * - `redis` (REDIS_URL): the plugin's own Redis store over ioredis (INCR + PEXPIRE in one Lua script); keys are
 *   prefixed with the database's name, so deployments (and test databases) sharing one Redis do not share counts.
 * - `memory`: the plugin's in-process store, for PGlite's single worker.
 *
 * A store that cannot answer (Redis down) lets the request through and logs it (`skipOnError`): the limit is a guard
 * for the portal, not a gate to it.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Config } from './config.ts';
import type { Queryable } from './db/index.ts';

type IncrCallback = (err: Error | null, res?: { current: number; ttl: number }) => void;

const UPSERT = `insert into rate_limit_hits (key, hits, window_ends_at) values ($1, 1, clock_timestamp() + make_interval(secs => $2::double precision / 1000))
  on conflict (key) do update set
    hits = case when rate_limit_hits.window_ends_at <= clock_timestamp() then 1 else rate_limit_hits.hits + 1 end,
    window_ends_at = case when rate_limit_hits.window_ends_at <= clock_timestamp() then excluded.window_ends_at else rate_limit_hits.window_ends_at end
  returning hits, greatest(0, ceil(extract(epoch from rate_limit_hits.window_ends_at - clock_timestamp()) * 1000))::int as ttl`;

/** A @fastify/rate-limit store class counting in `rate_limit_hits` of `db` (the plugin constructs it with its options). */
export function databaseRateLimitStore(db: Queryable) {
  return class DatabaseRateLimitStore {
    readonly prefix: string;
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }
    incr(key: string, cb: IncrCallback, timeWindow: number): void {
      db.query<{ hits: number; ttl: number }>(UPSERT, [this.prefix + key, timeWindow]).then(
        (r) => cb(null, { current: r.rows[0].hits, ttl: r.rows[0].ttl }),
        (e: Error) => cb(e),
      );
    }
    /** A route with limits of its own (the login) counts under its method and path. */
    child(routeOptions: { routeInfo: { method: string; url: string } }): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${routeOptions.routeInfo.method}${routeOptions.routeInfo.url}-`);
    }
  };
}

/** Deletes the rows of windows that ended more than a minute ago (the leader runs it every minute). */
export async function pruneRateLimitHits(db: Queryable): Promise<number> {
  return (await db.query("delete from rate_limit_hits where window_ends_at < clock_timestamp() - interval '1 minute'")).rowCount;
}

/** The prefix of this deployment's Redis keys: the database (its name on PostgreSQL, the data directory on PGlite). */
export function redisKeyPrefix(config: Config): string {
  const identity = config.databaseUrl ? new URL(config.databaseUrl).pathname.replace(/^\//, '') : config.dataDir;
  return `fazhi:${createHash('sha256').update(identity).digest('hex').slice(0, 12)}:rl:`;
}

/** A Redis connection for the rate limits: commands fail fast while Redis is unreachable (no queue growing in memory). */
export function openRateLimitRedis(url: string, log: (msg: string) => void): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, lazyConnect: false });
  let reported = false;
  redis.on('error', (e: Error) => {
    if (!reported) log(`Redis（限流计数）不可用：${e.message}`);
    reported = true;
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}

/** The @fastify/rate-limit options that choose the store configured (`config.rateLimitStore`). */
export function rateLimitStoreOptions(
  config: Config,
  db: Queryable,
  log: (msg: string) => void,
): { options: Record<string, unknown>; ready: Promise<void>; close: () => Promise<void> } {
  switch (config.rateLimitStore) {
    case 'database':
      return { options: { store: databaseRateLimitStore(db), skipOnError: true }, ready: Promise.resolve(), close: async () => undefined };
    case 'redis': {
      if (!config.redisUrl) throw new Error('RATE_LIMIT_STORE must be used with REDIS_URL when it is redis');
      const redis = openRateLimitRedis(config.redisUrl, log);
      return {
        options: { redis, nameSpace: redisKeyPrefix(config), skipOnError: true },
        // commands fail fast while not connected: the app waits (at most 2 s) for the connection before serving
        ready: new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 2000);
          t.unref();
          redis.once('ready', () => {
            clearTimeout(t);
            resolve();
          });
        }),
        close: async () => {
          await redis.quit().catch(() => redis.disconnect());
        },
      };
    }
    default:
      return { options: { cache: 100_000 }, ready: Promise.resolve(), close: async () => undefined };
  }
}
