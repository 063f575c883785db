/**
 * bench/publish-results — publishing a random inspection's results: the task's `publish` transition
 * through the real route, which opens and publishes one publication per inspected entity (content,
 * masking check, matter, publication row, version, four record entries each) in one transaction,
 * against the floor measured in the same run: the same number of bare record appends (four per
 * entity) in one transaction, rolled back.
 *
 *   npx tsx bench/publish-results.ts            (BENCH_N=400 entities by default; BENCH_DATABASE_URL for PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, login, orgIdByName } from '../test/helpers.ts';
import { importCsv, itemInput, targetCsv, taskInput } from '../test/inspections-fixtures.ts';

const N = Number(process.env.BENCH_N ?? 400);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const ms = (t: number) => performance.now() - t;
const ok = (r: { status: number; body: unknown }, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, any>;
};

let t = performance.now();
const env = await createTestEnv();
const s = await login(env.app, 'admin');
const admin = client(env.app, s);
const district = await orgIdByName(env, '示例区市场监督管理局');
ok(await importCsv(env, s, district, targetCsv(N, { from: 100_000 })), 'import targets');
const item = ok(await admin.post('/api/inspections/items', itemInput(district)), 'item');
const plan = ok(await admin.post('/api/inspections/plans', { bodyId: district, year: new Date().getFullYear(), title: '基准测试计划' }), 'plan');
let task = ok(await admin.post('/api/inspections/tasks', taskInput(plan.id, item.id, { ratios: { A: 100, B: 100, C: 100, D: 100 } })), 'task');
task = ok(await admin.post(`/api/inspections/tasks/${task.id}/commit`, { expectedVersion: task.version }), 'commit');
task = ok(await admin.post(`/api/inspections/tasks/${task.id}/draw`, { expectedVersion: task.version }), 'draw');
const assignments = ok(await admin.get(`/api/inspections/tasks/${task.id}/assignments`), 'assignments').items as { targetId: string }[];
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
for (const [k, a] of assignments.entries()) {
  ok(
    await admin.post(`/api/inspections/tasks/${task.id}/results`, {
      targetId: a.targetId,
      inspectedOn: today,
      checkedItems: ['经营资质', '明码标价'],
      finding: k % 7 === 0 ? 'problemFound' : 'qualified',
      description: k % 7 === 0 ? '未公示价目表' : '',
    }),
    'result',
  );
}
task = ok(await admin.get(`/api/inspections/tasks/${task.id}`), 'task');
task = ok(await admin.post(`/api/inspections/tasks/${task.id}/complete`, { expectedVersion: task.version }), 'complete');
const n = assignments.length;
console.log(`bench/publish-results (${env.ctx.db.kind}): ${n} inspected entities (setup ${(ms(t) / 1000).toFixed(1)} s)`);

// the floor: four bare record appends per entity in one transaction, rolled back
t = performance.now();
await env.ctx.db
  .transaction(async (tx) => {
    for (let i = 0; i < n * 4; i++) {
      await env.ctx.ledger.append(tx, {
        actor: SYSTEM_ACTOR,
        orgId: district,
        matterType: 'publication',
        matterId: randomUUID(),
        eventType: 'publication.withdrawn',
        payload: { publicationId: randomUUID(), version: 0, withdrawnOn: today, ground: 'other', reason: '基准测试' },
      });
    }
    throw new Error('rollback');
  })
  .catch((e: Error) => {
    if (e.message !== 'rollback') throw e;
  });
const floorMs = ms(t);

t = performance.now();
ok(await admin.post(`/api/inspections/tasks/${task.id}/publish`, { expectedVersion: task.version }), 'publish');
const publishMs = ms(t);
const published = Number(
  (await env.ctx.db.query<{ n: number }>(`select count(*)::int as n from publications where kind = 'inspectionResult' and state = 'published'`)).rows[0].n,
);
if (published !== n) throw new Error(`expected ${n} published results, found ${published}`);

console.log(`  baseline: ${n * 4} bare record appends in one transaction ${floorMs.toFixed(0)} ms (${(floorMs / n).toFixed(1)} ms per entity)`);
console.log(
  `  publish the task's results: ${publishMs.toFixed(0)} ms (${(publishMs / n).toFixed(1)} ms per entity) — ${(publishMs / floorMs).toFixed(2)}× the record floor`,
);
await env.close();
