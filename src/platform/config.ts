import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { PDF_FONT_CHOICES, type PdfFontChoice } from './documents/fonts.ts';

export type HashAlg = 'sm3' | 'sha256';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL: the application's login — in production a role that is only a member of `fazhi_app` */
  databaseUrl?: string;
  /** PostgreSQL: the owner that runs the migrations; unset = development mode, `databaseUrl` is the owner too */
  migrationDatabaseUrl?: string;
  /** hash of the enforcement record (Merkle tree); SM3 by default (国密 GM/T 0004-2012) */
  ledgerHashAlg: HashAlg;
  /** how often a signed tree head is produced when the record grew */
  treeHeadIntervalMs: number;
  /** the record's maximum merge delay: a committed entry has its position within this time (docs/record.md「写入与排序」) */
  recordMmdMs: number;
  /** an integration round starts this long after a recording commit; commits meanwhile share the round */
  recordIntegrateDelayMs: number;
  secureCookies: boolean;
  sessionTtlHours: number;
  /** a session unused for this long ends (sliding; each authenticated request extends it) */
  sessionIdleMinutes: number;
  /** 访问日志 rows older than this are deleted by the periodic job (platform/audit/retention.ts) */
  accessLogRetentionDays: number;
  /** failed logins of one user name from one address before each further attempt there must wait (progressive delay) */
  maxLoginFailures: number;
  /** failed logins of one user name from all addresses together before the user-wide delay starts */
  maxLoginFailuresPerUser: number;
  /** the first delay after the threshold; it doubles with each further failure */
  loginDelayBaseSeconds: number;
  /** the longest delay per (user name, address) */
  loginDelayMaxSeconds: number;
  /** the longest user-wide delay (kept short: an attacker elsewhere can only slow a real user this much) */
  loginUserDelayMaxSeconds: number;
  /** failures are forgotten this long after the last one (and all of them after a successful login) */
  loginFailureMemoryMinutes: number;
  /** failed logins per minute from one address (any user names) before that address must wait */
  loginFailuresPerMinutePerAddress: number;
  /** login attempts per minute from one address, successful or not (@fastify/rate-limit; 0 = no limit) */
  loginAttemptsPerMinutePerAddress: number;
  /** Fastify `trustProxy`: false, true, a hop count, or addresses/CIDRs of the proxies */
  trustProxy: boolean | number | string[];
  bodyLimitBytes: number;
  seedDemoOnFirstStart: boolean;
  /** publish a decision's publication as soon as it is made (false: it waits, scheduled, for a person to publish it) */
  publicityAutoPublish: boolean;
  /** the province's "low fine" for the 3-month publicity period (分); null = not set */
  publicityLowFineFen: number | null;
  /** requests per minute per address on the public portal and /api/public (0 = no limit) */
  publicRateLimitPerMinute: number;
  /** the portal's public address (PUBLIC_BASE_URL, e.g. https://gs.example.gov.cn), used for absolute links (feeds); never taken from a request's Host header */
  publicBaseUrl?: string;
  /** the CJK font of PDF instruments: `bundled` (Noto Serif SC from npm, default) or `system` (fonts-noto-cjk / fonts-wqy-microhei) */
  pdfFonts: PdfFontChoice;
  /** application worker processes (Node cluster); PGlite is single-process, so always 1 there */
  workers: number;
  /** a worker whose event loop has not answered for this long is killed and replaced */
  watchdogMs: number;
  /** a request without an answer after this long gets 503 REQUEST_TIMEOUT */
  requestTimeoutMs: number;
  /** where the per-address rate limits count (shared by the workers): `memory` (one process: PGlite), `database` (PostgreSQL, the default there) or `redis` (REDIS_URL) */
  rateLimitStore: RateLimitStoreKind;
  /** Redis for the shared rate limits (REDIS_URL, e.g. redis://127.0.0.1:6379) */
  redisUrl?: string;
  /** PostgreSQL streaming replica for the public portal's reads and statistics (DATABASE_READ_URL); writes never go there */
  databaseReadUrl?: string;
  /** reads fall back to the primary while the replica is more than this far behind (REPLICA_MAX_LAG_SECONDS) */
  replicaMaxLagMs: number;
  /** how often each worker measures the replica's lag */
  replicaCheckMs: number;
  /** how often a worker that is not the leader tries to take the leadership (the periodic jobs) over (LEADER_RETRY_SECONDS) */
  leaderRetryMs: number;
  /** deadline reminders by email: the SMTP server (SMTP_URL, e.g. smtps://user:pass@mail.example.gov.cn:465); unset = none */
  smtpUrl?: string;
  /** the sender of those emails (SMTP_FROM) */
  smtpFrom: string;
  /** deadline reminders by SMS: the gateway that takes {"mobile","text"} as JSON (SMS_GATEWAY_URL); unset = none */
  smsGatewayUrl?: string;
  /** how often the reminder job looks for deadlines entering their warning period or overdue (REMINDER_INTERVAL_MINUTES) */
  reminderIntervalMs: number;
}

export const RATE_LIMIT_STORES = ['memory', 'database', 'redis'] as const;
export type RateLimitStoreKind = (typeof RATE_LIMIT_STORES)[number];

/** TRUST_PROXY: unset/`false` = no proxy; `true` = trust every hop; a number = that many hops; otherwise a comma-separated list of addresses/CIDRs. */
export function parseTrustProxy(raw: string | undefined): boolean | number | string[] {
  const v = (raw ?? '').trim();
  if (v === '' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const x of list) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(x) && !['loopback', 'linklocal', 'uniquelocal'].includes(x)) {
      throw new Error(`TRUST_PROXY must be true, false, a hop count or a list of addresses/CIDRs, got ${raw}`);
    }
  }
  return list;
}

/** PUBLIC_BASE_URL: an http(s) address without query or fragment; unset = undefined; the trailing slash is dropped. */
export function parsePublicBaseUrl(raw: string | undefined): string | undefined {
  const v = (raw ?? '').trim();
  if (v === '') return undefined;
  const r = z
    .url({ protocol: /^https?$/ })
    .refine((u) => !/[?#]/.test(u), 'no query or fragment')
    .safeParse(v);
  if (!r.success) throw new Error(`PUBLIC_BASE_URL must be an http(s) address without query or fragment, e.g. https://gs.example.gov.cn, got ${raw}`);
  return r.data.replace(/\/+$/, '');
}

/**
 * ACCESS_LOG_RETENTION_DAYS: how long the 访问日志 keeps a row. Default 365 days; never less than 184 (the longest
 * six months) — 网络安全法 第二十一条（三）: network logs are kept for no less than six months (sourceNote: the text
 * is not in the repository's law library; the database enforces the same floor, migration 0022).
 */
export const ACCESS_LOG_MIN_RETENTION_DAYS = 184;
function accessLogRetentionDays(env: NodeJS.ProcessEnv): number {
  const days = positiveInt(env, 'ACCESS_LOG_RETENTION_DAYS', 365);
  if (days < ACCESS_LOG_MIN_RETENTION_DAYS)
    throw new Error(`ACCESS_LOG_RETENTION_DAYS must be at least ${ACCESS_LOG_MIN_RETENTION_DAYS} (six months, 网络安全法 第二十一条), got ${days}`);
  return days;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

/** RATE_LIMIT_STORE, or by default: Redis when REDIS_URL is set, else the database on PostgreSQL, else memory (PGlite: one process). */
function rateLimitStoreOf(env: NodeJS.ProcessEnv): RateLimitStoreKind {
  const v = (env.RATE_LIMIT_STORE ?? '').trim().toLowerCase();
  if (v === '') return env.REDIS_URL ? 'redis' : env.DATABASE_URL ? 'database' : 'memory';
  if (!(RATE_LIMIT_STORES as readonly string[]).includes(v))
    throw new Error(`RATE_LIMIT_STORE must be ${RATE_LIMIT_STORES.join(', ')}, got ${env.RATE_LIMIT_STORE}`);
  if (v === 'redis' && !env.REDIS_URL) throw new Error('RATE_LIMIT_STORE must be used with REDIS_URL when it is redis');
  return v as RateLimitStoreKind;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const alg = (env.LEDGER_HASH_ALG ?? 'sm3').toLowerCase();
  if (alg !== 'sm3' && alg !== 'sha256') throw new Error(`LEDGER_HASH_ALG must be sm3 or sha256, got ${alg}`);
  const pdfFonts = (env.PDF_FONTS || 'bundled').toLowerCase() as PdfFontChoice;
  if (!PDF_FONT_CHOICES.includes(pdfFonts)) throw new Error(`PDF_FONTS must be ${PDF_FONT_CHOICES.join(' or ')}, got ${pdfFonts}`);
  if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) throw new Error('MIGRATION_DATABASE_URL must be used with DATABASE_URL (the application login)');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    ledgerHashAlg: alg,
    treeHeadIntervalMs: Number(env.TREE_HEAD_INTERVAL_MS ?? 60_000),
    recordMmdMs: positiveInt(env, 'RECORD_MMD_MS', 1000),
    recordIntegrateDelayMs: Number(env.RECORD_INTEGRATE_DELAY_MS ?? 50),
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    sessionIdleMinutes: positiveInt(env, 'SESSION_IDLE_MINUTES', 30),
    accessLogRetentionDays: accessLogRetentionDays(env),
    maxLoginFailures: positiveInt(env, 'MAX_LOGIN_FAILURES', 5),
    maxLoginFailuresPerUser: positiveInt(env, 'MAX_LOGIN_FAILURES_PER_USER', 20),
    loginDelayBaseSeconds: positiveInt(env, 'LOGIN_DELAY_BASE_SECONDS', 1),
    loginDelayMaxSeconds: positiveInt(env, 'LOGIN_DELAY_MAX_SECONDS', 300),
    loginUserDelayMaxSeconds: positiveInt(env, 'LOGIN_USER_DELAY_MAX_SECONDS', 60),
    // LOCKOUT_MINUTES (the old hard lock) is read as the failure memory when the new name is not set
    loginFailureMemoryMinutes: positiveInt(env, env.LOGIN_FAILURE_MEMORY_MINUTES ? 'LOGIN_FAILURE_MEMORY_MINUTES' : 'LOCKOUT_MINUTES', 60),
    loginFailuresPerMinutePerAddress: positiveInt(env, 'LOGIN_FAILURES_PER_MINUTE', 20),
    loginAttemptsPerMinutePerAddress: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? 120),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    seedDemoOnFirstStart: env.SEED_DEMO !== 'false',
    publicityAutoPublish: env.PUBLICITY_AUTO_PUBLISH !== 'false',
    publicityLowFineFen: env.PUBLICITY_LOW_FINE_YUAN ? Math.round(Number(env.PUBLICITY_LOW_FINE_YUAN) * 100) : null,
    publicRateLimitPerMinute: Number(env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 600),
    publicBaseUrl: parsePublicBaseUrl(env.PUBLIC_BASE_URL),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || '法治平台 <fazhi@localhost>',
    smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
    reminderIntervalMs: positiveInt(env, 'REMINDER_INTERVAL_MINUTES', 10) * 60_000,
    pdfFonts,
    // PostgreSQL: one worker per core unless WEB_CONCURRENCY says otherwise; PGlite is single-process
    workers: env.DATABASE_URL ? positiveInt(env, 'WEB_CONCURRENCY', availableParallelism()) : 1,
    watchdogMs: positiveInt(env, 'WATCHDOG_SECONDS', 30) * 1000,
    requestTimeoutMs: positiveInt(env, 'REQUEST_TIMEOUT_SECONDS', 120) * 1000,
    rateLimitStore: rateLimitStoreOf(env),
    redisUrl: env.REDIS_URL || undefined,
    databaseReadUrl: env.DATABASE_URL ? env.DATABASE_READ_URL || undefined : undefined,
    replicaMaxLagMs: positiveInt(env, 'REPLICA_MAX_LAG_SECONDS', 10) * 1000,
    replicaCheckMs: 1000,
    leaderRetryMs: positiveInt(env, 'LEADER_RETRY_SECONDS', 2) * 1000,
    ...overrides,
  };
}
