/**
 * bench/draw — the 双随机 draw at city scale, against reading its candidates in the same run.
 *
 *   npx tsx bench/draw.ts            (BENCH_TARGETS=1000000 BENCH_INSPECTORS=2000 by default)
 *
 * Baseline: reading the candidate target ids (with risk class) from the embedded database,
 * ordered. Measured: the candidates digest (published before the draw) and the draw itself —
 * 5 % of the targets with 2 inspectors each from different units, with recusal pairs for 1 %.
 */
import { randomBytes } from 'node:crypto';
import { candidatesDigest, drawSeed, runDraw, type DrawInput, type DrawTarget } from '../src/domain/draw/draw.ts';
import { openPglite } from '../src/platform/db/index.ts';

const N = Number(process.env.BENCH_TARGETS ?? 1_000_000);
const M = Number(process.env.BENCH_INSPECTORS ?? 2000);
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

const db = await openPglite('memory');
await db.exec(`create table draw_targets (id text primary key, risk_class text not null)`);
let t = performance.now();
await db.exec(`insert into draw_targets select '91' || lpad(g::text, 16, '0'), (array['A','B','C','D'])[1 + g % 4] from generate_series(1, ${N}) g`);
console.log(`bench/draw: ${N.toLocaleString()} targets, ${M} inspectors (setup ${ms(t)})`);

const runs: { read: number; digest: number; draw: number }[] = [];
for (let r = 0; r < 3; r++) {
  t = performance.now();
  const rows = (await db.query<{ id: string; risk_class: DrawTarget['riskClass'] }>('select id, risk_class from draw_targets order by id')).rows;
  const read = performance.now() - t;
  const targets = rows.map((x) => ({ id: x.id, riskClass: x.risk_class }));
  const inspectors = Array.from({ length: M }, (_, i) => ({ id: `I${i}`, unitId: `U${i % 40}` }));
  const recusals: Record<string, string[]> = {};
  for (let i = 0; i < N / 100; i++) (recusals[`I${i % M}`] ??= []).push(targets[(i * 97) % N].id);
  const input: DrawInput = { hash: 'sm3', targets, inspectors, ratios: { A: 0.05, B: 0.05, C: 0.05, D: 0.05 }, perTarget: 2, differentUnits: true, recusals };
  t = performance.now();
  const digest = candidatesDigest(input);
  const digestMs = performance.now() - t;
  t = performance.now();
  const { assignments, problems } = runDraw(input, drawSeed('sm3', randomBytes(32), 'tree-head-root', digest));
  const drawMs = performance.now() - t;
  if (problems.length) throw new Error(`${problems.length} targets could not be staffed`);
  if (r === 0) console.log(`  drew ${assignments.length.toLocaleString()} targets, ${assignments.length * 2} assignments`);
  runs.push({ read, digest: digestMs, draw: drawMs });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
const read = median(runs.map((r) => r.read));
const digest = median(runs.map((r) => r.digest));
const draw = median(runs.map((r) => r.draw));
console.log(
  `  median of 3 runs: read candidate ids ${read.toFixed(0)} ms | candidates digest ${digest.toFixed(0)} ms (${(digest / read).toFixed(2)}× read) | draw ${draw.toFixed(0)} ms (${(draw / read).toFixed(2)}× read)`,
);
await db.close();
