/**
 * bench/fuzz — the fuzz test's generator (test/fuzz-arbitraries.ts) at a larger scale: every operation of the
 * OpenAPI document, generated path parameters, query strings and bodies (with NUL characters, lone surrogates,
 * huge numbers, far dates, wrong types …) sent as anonymous and as each of the five roles, with the same
 * checks as test/fuzz.test.ts — no 5xx, no answer slower than 5 s, no record (ledger) change by a rejected
 * request — and the requests per second.
 *
 *   npx tsx bench/fuzz.ts                                                          # PGlite, 20 000 requests
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/fuzz.ts  # PostgreSQL
 *   BENCH_N=…  (requests, about: a whole number of cases per operation × 6 identities)
 *   BENCH_SEED=…  (default: a new seed each run, printed, so that a failure can be replayed)
 *
 * Exits 1 when a check failed, after printing every failing request.
 */
import { createTestEnv } from '../test/helpers.ts';
import { Fuzzer, knownIds, type OpenApiDocument, operationsOf } from '../test/fuzz-arbitraries.ts';

const N = Number(process.env.BENCH_N ?? 20_000);
const SEED = Number(process.env.BENCH_SEED ?? Date.now() % 2 ** 31);

const t0 = performance.now();
const env = await createTestEnv({ laws: true, cases: true });
const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
const ops = operationsOf(doc);
const gen = await knownIds(env);
const fuzzer = await Fuzzer.create(env);
const runs = Math.max(1, Math.ceil(N / (ops.length * fuzzer.identities.length)));
console.log(
  `fuzz bench: ${env.ctx.db.kind}, ${ops.length} operations × ${runs} cases × ${fuzzer.identities.length} identities, seed ${SEED} (set up in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);

const t1 = performance.now();
let done = 0;
for (const op of ops) {
  await fuzzer.fuzzOperation(op, gen, runs, SEED);
  if (++done % 20 === 0) {
    const s = (performance.now() - t1) / 1000;
    console.log(
      `  ${done}/${ops.length} operations, ${fuzzer.requests} requests, ${(fuzzer.requests / s).toFixed(0)} requests/s, ${fuzzer.failures.length} failures`,
    );
  }
}
const seconds = (performance.now() - t1) / 1000;
console.log(
  `${fuzzer.requests} requests in ${seconds.toFixed(1)} s: ${(fuzzer.requests / seconds).toFixed(0)} requests/s; slowest ${Math.round(fuzzer.slowest.ms)} ms (${fuzzer.slowest.what})`,
);
const missing = ops.filter((op) => !fuzzer.exercised.has(`${op.method} ${op.path}`));
if (missing.length) console.log(`not exercised: ${missing.map((o) => `${o.method} ${o.path}`).join(', ')}`);
if (process.env.BENCH_VERBOSE) console.log(`never a 2xx:\n  ${fuzzer.neverSucceeded().join('\n  ')}`);
for (const f of fuzzer.failures) console.log(JSON.stringify(f));
console.log(
  fuzzer.failures.length ? `FAILED: ${fuzzer.failures.length} failing requests (seed ${SEED})` : 'ok: no 5xx, no hang, no write by a rejected request',
);
await env.close();
process.exit(fuzzer.failures.length || missing.length ? 1 : 0);
