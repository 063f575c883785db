/**
 * bench/todo — the 待办 and its header count for each demo role, against `GET /api/auth/me` (a signed-in read that
 * touches one row) in the same run, on the real server (PGlite, the demo bureau).
 *
 *   npx tsx bench/todo.ts            (BENCH_RUNS=20 by default)
 *
 * The list dry-runs each matter the user holds a step of (at most LIST_LIMIT); the count does not. The ratio says what
 * the guidance costs over a plain authenticated request; at a province's scale the count is the one to watch (it is
 * polled every minute by every open console).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../e2e/serverProcess.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const USERS = ['zhifa', 'shenhe', 'lingdao', 'admin', 'jiandu'];

const server = await spawnServer({
  dataDir: mkdtempSync(join(tmpdir(), 'fazhi-bench-todo-')),
  readyWithinMs: 180_000,
  env: { SEED_DEMO: 'true', DATABASE_URL: '', MIGRATION_DATABASE_URL: '' },
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const rows: Record<string, string | number>[] = [];
  for (const username of USERS) {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Fazhi2026!' }),
    });
    if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const time = async (path: string) => {
      const ms: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const t = performance.now();
        const r = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
        await r.arrayBuffer();
        if (i) ms.push(performance.now() - t); // the first is a warm-up
      }
      return median(ms);
    };
    const base = await time('/api/auth/me');
    const list = await time('/api/todo');
    const count = await time('/api/todo/count');
    const body = (await (await fetch(`${server.baseUrl}/api/todo`, { headers: { cookie } })).json()) as Record<string, unknown[]>;
    rows.push({
      user: username,
      'me ms': base.toFixed(1),
      'todo ms': list.toFixed(1),
      'todo ×': (list / base).toFixed(1),
      'count ms': count.toFixed(1),
      'count ×': (count / base).toFixed(1),
      'items (now/waiting/others)': `${body.actNow.length}/${body.waiting.length}/${body.others.length}`,
    });
  }
  console.log(`bench/todo: median of ${RUNS} requests each; × = ratio to GET /api/auth/me in the same run`);
  console.table(rows);
} finally {
  await server.stop();
}
