-- Request counts of the per-address rate limits (@fastify/rate-limit: the public portal and /api/public, login
-- attempts), shared by every worker process of `npm start` on PostgreSQL (platform/rateLimitStore.ts); with
-- REDIS_URL the counts live in Redis instead. A fixed window per key: the first hit opens it, each further hit in it
-- counts, the first hit after it ends opens the next. Security state, not enforcement data (no record entry, like
-- login_failures); unlogged: no WAL per hit, not sent to a replica, emptied after a crash — a limit that forgets
-- the current minute is harmless. Rows of ended windows are deleted by the leader's housekeeping.
create unlogged table rate_limit_hits (
  key            text primary key,
  hits           int not null,
  window_ends_at timestamptz not null
);
