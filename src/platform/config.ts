import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
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
  secureCookies: boolean;
  sessionTtlHours: number;
  maxLoginFailures: number;
  lockoutMinutes: number;
  loginFailuresPerMinutePerAddress: number;
  bodyLimitBytes: number;
  seedDemoOnFirstStart: boolean;
  /** publish a decision's publication as soon as it is made (false: it waits, scheduled, for a person to publish it) */
  publicityAutoPublish: boolean;
  /** the province's "low fine" for the 3-month publicity period (分); null = not set */
  publicityLowFineFen: number | null;
  /** requests per minute per address on the public portal and /api/public (0 = no limit) */
  publicRateLimitPerMinute: number;
  /** the CJK font of PDF instruments: `bundled` (Noto Serif SC from npm, default) or `system` (fonts-noto-cjk / fonts-wqy-microhei) */
  pdfFonts: PdfFontChoice;
  /** application worker processes (Node cluster); PGlite is single-process, so always 1 there */
  workers: number;
  /** a worker whose event loop has not answered for this long is killed and replaced */
  watchdogMs: number;
  /** a request without an answer after this long gets 503 REQUEST_TIMEOUT */
  requestTimeoutMs: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
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
    secureCookies: env.SECURE_COOKIES === 'true',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    maxLoginFailures: Number(env.MAX_LOGIN_FAILURES ?? 5),
    lockoutMinutes: Number(env.LOCKOUT_MINUTES ?? 15),
    loginFailuresPerMinutePerAddress: Number(env.LOGIN_FAILURES_PER_MINUTE ?? 20),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    seedDemoOnFirstStart: env.SEED_DEMO !== 'false',
    publicityAutoPublish: env.PUBLICITY_AUTO_PUBLISH !== 'false',
    publicityLowFineFen: env.PUBLICITY_LOW_FINE_YUAN ? Math.round(Number(env.PUBLICITY_LOW_FINE_YUAN) * 100) : null,
    publicRateLimitPerMinute: Number(env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 600),
    pdfFonts,
    workers: env.DATABASE_URL ? positiveInt(env, 'WEB_CONCURRENCY', Math.min(availableParallelism(), 4)) : 1,
    watchdogMs: positiveInt(env, 'WATCHDOG_SECONDS', 30) * 1000,
    requestTimeoutMs: positiveInt(env, 'REQUEST_TIMEOUT_SECONDS', 120) * 1000,
    ...overrides,
  };
}
