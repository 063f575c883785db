/** `npm start`: migrates, seeds demo data on first start, serves the API and the web UI. */
import { buildApp, createContext } from './app.ts';
import { syncOfficialCalendar } from './modules/calendar/store.ts';
import { loadConfig } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { expireDue } from './modules/publicity/workflow.ts';
import { hasData, seedDemo, DEMO_PASSWORD, demoUsers } from './seed/demo.ts';

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
const config = await startOrExplain(() => loadConfig());
const ctx = await startOrExplain(() => createContext(config));
await syncOfficialCalendar(ctx);
if (config.seedDemoOnFirstStart && !(await hasData(ctx))) {
  const r = await seedDemo(ctx);
  console.log(
    `已载入演示数据：${r.orgs} 个机构、${r.officers} 名执法人员、${r.users} 个用户、${r.lawVersions} 个法律法规版本（密码均为 ${DEMO_PASSWORD}）：${demoUsers.map((u) => u.username).join('、')}`,
  );
}
await ctx.ledger.signTreeHead(ctx.db);
// structured JSON logs on stdout: warnings and errors (every 5xx, with its request id) always, each request with LOG_REQUESTS=true
const app = await buildApp(ctx, { logger: { level: process.env.LOG_REQUESTS === 'true' ? 'info' : 'warn' } });

// a signed tree head at least every interval while the record grows
const timer = setInterval(() => {
  ctx.ledger.signTreeHead(ctx.db).catch((e) => console.error('tree head signing failed', e));
  // 公示期满: publications whose publicity period is over leave the portal
  expireDue(ctx).catch((e) => console.error('publicity expiry failed', e));
}, config.treeHeadIntervalMs);

await app.listen({ port: config.port, host: config.host });
console.log(`法治平台已启动：http://localhost:${config.port}/ （数据库：${ctx.db.kind}，数据目录：${config.dataDir}，用时 ${Date.now() - t0} ms）`);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    clearInterval(timer);
    await app.close();
    await ctx.db.close();
    process.exit(0);
  });
}
