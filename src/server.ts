/**
 * `npm start`. The primary process migrates, seeds demo data on first start and signs a tree head, then
 * supervises the workers that serve the API, the web UI and the portal (platform/supervisor.ts: a dead
 * worker is replaced, a worker whose event loop stalls is killed and replaced).
 */
import cluster from 'node:cluster';
import { buildApp, createContext } from './app.ts';
import { syncOfficialCalendar } from './modules/calendar/store.ts';
import { type Config, loadConfig } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { APP_ROLE } from './platform/db/migrate.ts';
import { startLeadership } from './platform/leadership.ts';
import { pruneRateLimitHits } from './platform/rateLimitStore.ts';
import { startHeartbeat, superviseWorkers, type WorkerMessage } from './platform/supervisor.ts';
import { DEMO_PASSWORD, demoUsers, hasData, seedDemo } from './seed/demo.ts';

const t0 = Date.now();

/** A configuration or installation problem found at start-up: one clear line and exit 1, no stack trace. */
async function startOrExplain<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) && !(e instanceof Error && /^[A-Z_]+ must be/.test(e.message))) throw e;
    console.error(`法治平台无法启动：${e.message}`);
    process.exit(1);
  }
}

async function primary(config: Config): Promise<void> {
  const ctx = await startOrExplain(() => createContext(config));
  await syncOfficialCalendar(ctx);
  if (config.seedDemoOnFirstStart && !(await hasData(ctx))) {
    const r = await seedDemo(ctx);
    console.log(
      `已载入演示数据：${r.orgs} 个机构、${r.officers} 名执法人员、${r.users} 个用户、${r.lawVersions} 个法律法规版本（密码均为 ${DEMO_PASSWORD}）：${demoUsers.map((u) => u.username).join('、')}`,
    );
  }
  await ctx.ledger.signTreeHead(ctx.db);
  // PGlite holds its data directory exclusively: the primary lets go before a worker opens it
  await ctx.db.close();
  const workers = ctx.db.kind === 'pglite' ? 1 : config.workers;
  const supervisor = superviseWorkers({
    workers,
    watchdogMs: config.watchdogMs,
    onListening: (m) =>
      console.log(
        `法治平台已启动：${m.url} （数据库：${m.database}，数据目录：${config.dataDir}，主进程 ${process.pid}，工作进程 ${workers} 个，用时 ${Date.now() - t0} ms）`,
      ),
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, async () => {
      await supervisor.stop();
      process.exit(0);
    });
  }
}

async function worker(config: Config): Promise<void> {
  startHeartbeat();
  const ctx = await startOrExplain(() => createContext(config));
  // structured JSON logs on stdout: warnings and errors (every 5xx, with its request id) always, each request with LOG_REQUESTS=true
  const app = await buildApp(ctx, { logger: { level: process.env.LOG_REQUESTS === 'true' ? 'info' : 'warn' } });
  // one worker, the leader (an advisory lock on PostgreSQL, taken over when its holder dies: platform/leadership.ts),
  // runs the periodic jobs: a signed tree head at least every interval while the record grows, the modules' jobs
  // (e.g. 公示期满 — publications whose publicity period is over leave the portal) and the rate limits' housekeeping
  const leadership = startLeadership({
    url: ctx.db.kind === 'postgres' ? config.databaseUrl : undefined,
    appRole: config.migrationDatabaseUrl ? undefined : APP_ROLE,
    retryMs: config.leaderRetryMs,
    log: (m) => console.log(m),
    onError: (job, e) => app.log.error({ err: e }, `job ${job} failed`),
    jobs: [
      // signTreeHead first runs the record's integrator (record/integrator.ts, its own row lock), so the head covers every committed entry
      { name: '排序整合并签署树头', everyMs: config.treeHeadIntervalMs, run: () => ctx.ledger.signTreeHead(ctx.db) },
      ...ctx.registry.jobs.map((job) => ({ name: job.name, everyMs: job.everyMs(ctx), run: () => job.run(ctx) })),
      ...(config.rateLimitStore === 'database' ? [{ name: '清理限流计数', everyMs: 60_000, atStart: false, run: () => pruneRateLimitHits(ctx.db) }] : []),
    ],
  });
  await app.listen({ port: config.port, host: config.host });
  process.send?.({ type: 'listening', url: `http://localhost:${config.port}/`, database: ctx.db.kind } satisfies WorkerMessage);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, async () => {
      await leadership.stop();
      await app.close();
      await ctx.db.close();
      process.exit(0);
    });
  }
}

const config = await startOrExplain(() => loadConfig());
await (cluster.isPrimary ? primary(config) : worker(config));
