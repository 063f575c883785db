/**
 * bench/web-timing — time to content of the staff console's main pages in a real browser, against the
 * server-rendered portal home page measured in the same run (`/`, the baseline: one HTML answer, no script).
 *
 *   npx tsx bench/web-timing.ts          (npm run bench:web)
 *   BENCH_RUNS=5 (runs per page and mode)  BENCH_SKIP_BUILD=1 (use web/dist as it is)  BENCH_PAGES=todo,cases (a subset)
 *   BENCH_JSON=file.json (also write the numbers)  BENCH_BASE_URL=http://… (a server already running with the demo data)
 *
 * Builds the console (as `npm run build:web`), starts the real server (tsx src/server.ts) on a fresh data directory
 * with the embedded database (PGlite) and the demo bureau it seeds on first start, signs in through the API as the demo
 * officer (zhifa) — and as admin for the pages zhifa may not open — and opens each page in Debian's Chromium
 * (playwright-core, headless):
 *  - cold: a new browser context (empty HTTP cache) holding only the session cookie;
 *  - warm: a second full navigation to the same page in that context (HTTP cache filled, the session still valid).
 * Time to content = from navigation start (performance.timeOrigin) to the first moment the page's marker (a selector
 * for its main content: a table row, a list item, the case number…) is in the document and laid out, taken by a
 * MutationObserver injected before any page script runs (no polling delay). Requests and JS bytes are counted from
 * navigation start until that moment (cold load).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Cookie } from 'playwright-core';
import { buildWeb, spawnServer } from '../e2e/serverProcess.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = 'Fazhi2026!';

interface PageDef {
  key: string;
  label: string;
  path: string;
  user: 'zhifa' | 'admin';
}

/** Each page's main content (present and laid out: the user sees the data), by pathname; the map the injected observer reads (`/x/*`: a prefix). */
const markers: Array<[string, string]> = [
  ['/', '.grid .stat'],
  ['/todo', '.ant-tabs-tab'],
  ['/cases/*', '[data-testid="case-number"]'],
  ['/cases', '.ant-table-row'],
  ['/officers', '.ant-table-row'],
  ['/laws', '.ant-table-row'],
  ['/powers', '.ant-table-row'],
  ['/discretion', '.ant-table-row'],
  ['/inspections', '.ant-table-row, .ant-list-item'],
  ['/publicity', '.ant-table-row'],
  ['/record/ledger', '.ant-table-row'],
];

function build(): void {
  if (process.env.BENCH_SKIP_BUILD === '1') return;
  const t0 = Date.now();
  buildWeb();
  console.log(`web built in ${Date.now() - t0} ms`);
}

/** The server on PGlite with a fresh demo seed (the e2e's server process, without its template). */
const startServer = () =>
  spawnServer({
    dataDir: mkdtempSync(join(tmpdir(), 'fazhi-bench-web-')),
    readyWithinMs: 180_000,
    env: {
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      DATABASE_URL: '',
      MIGRATION_DATABASE_URL: '',
      // a benchmark opens the portal ~2×RUNS times and signs in twice: no limits in the way
      PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    },
  });

async function signIn(baseUrl: string, username: string): Promise<{ cookies: Cookie[]; abilities: Record<string, boolean> }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { abilities: Record<string, boolean> };
  const host = new URL(baseUrl).hostname;
  const cookies = res.headers.getSetCookie().map((c): Cookie => {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    return {
      name: pair.slice(0, i),
      value: pair.slice(i + 1),
      domain: host,
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: 'Strict',
    };
  });
  return { cookies, abilities: body.abilities };
}

/**
 * Runs in the page before its scripts: records when the marker for this path first appears, laid out. A string, not a
 * function: tsx's transform would add helpers (__name) the page does not have.
 */
const observer = (list: Array<[string, string]>) => `(() => {
  const list = ${JSON.stringify(list)};
  const path = location.pathname;
  const entry = list.find(([p]) => (p.endsWith('/*') ? path.startsWith(p.slice(0, -1)) : path === p));
  if (!entry) return;
  let mo;
  const check = () => {
    if (window.__ttc !== undefined) return;
    const el = document.querySelector(entry[1]);
    if (el && el.getClientRects().length > 0) {
      window.__ttc = performance.now();
      mo.disconnect();
    }
  };
  mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
  document.addEventListener('DOMContentLoaded', check);
})();`;

interface Sample {
  ms: number;
  requests: number;
  jsBytes: number;
  jsFiles: number;
}

async function measure(browser: Browser, baseUrl: string, path: string, cookies: Cookie[]): Promise<{ cold: Sample; warm: Sample }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    if (cookies.length) await context.addCookies(cookies);
    await context.addInitScript(observer(markers));
    const once = async (): Promise<Sample> => {
      const page = await context.newPage();
      let requests = 0;
      let jsBytes = 0;
      let jsFiles = 0;
      let done = false;
      const pending: Promise<void>[] = [];
      page.on('request', () => {
        if (!done) requests++;
      });
      page.on('response', (res) => {
        if (done || res.request().resourceType() !== 'script') return;
        jsFiles++;
        pending.push(
          res
            .request()
            .sizes()
            .then(
              (s) => {
                jsBytes += s.responseBodySize;
              },
              () => {},
            ),
        );
      });
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit', timeout: 30_000 });
      // polled through evaluate (the portal's CSP forbids what waitForFunction evaluates in the page)
      let ms: number | undefined;
      for (const until = Date.now() + 30_000; ms === undefined; await new Promise((r) => setTimeout(r, 25))) {
        ms = (await page.evaluate('window.__ttc').catch(() => undefined)) as number | undefined;
        if (ms === undefined && Date.now() > until) {
          const shot = join(tmpdir(), `bench-web-${path.replace(/\W+/g, '_')}.png`);
          await page.screenshot({ path: shot }).catch(() => {});
          throw new Error(`${path}: its content marker did not appear (screenshot ${shot})`);
        }
      }
      done = true;
      await Promise.all(pending);
      await page.close();
      return { ms, requests, jsBytes, jsFiles };
    };
    const cold = await once();
    const warm = await once();
    return { cold, warm };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

async function main() {
  // BENCH_BASE_URL: measure a server already running (with the demo data and a built console) instead
  const server = process.env.BENCH_BASE_URL ? { baseUrl: process.env.BENCH_BASE_URL, stop: async () => {} } : (build(), await startServer());
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const { baseUrl } = server;
    const zhifa = await signIn(baseUrl, 'zhifa');
    const admin = await signIn(baseUrl, 'admin');
    const cases = (await (
      await fetch(`${baseUrl}/api/cases`, { headers: { cookie: zhifa.cookies.map((c) => `${c.name}=${c.value}`).join('; ') } })
    ).json()) as {
      items: { id: string }[];
    };
    if (!cases.items?.length) throw new Error('no case visible to zhifa');
    const pages: PageDef[] = [
      { key: 'portal', label: '门户首页（基线）', path: '/', user: 'zhifa' },
      { key: 'todo', label: '待办', path: '/todo', user: 'zhifa' },
      { key: 'cases', label: '案件列表', path: '/cases', user: 'zhifa' },
      { key: 'case', label: '案件页', path: `/cases/${cases.items[0].id}`, user: 'zhifa' },
      { key: 'officers', label: '执法人员', path: '/officers', user: 'zhifa' },
      { key: 'laws', label: '法律法规', path: '/laws', user: 'zhifa' },
      { key: 'powers', label: '权责清单', path: '/powers', user: 'zhifa' },
      { key: 'discretion', label: '违法行为与裁量基准', path: '/discretion', user: 'zhifa' },
      { key: 'inspections', label: '双随机', path: '/inspections', user: 'zhifa' },
      { key: 'publicity', label: '行政执法公示', path: '/publicity', user: 'zhifa' },
      { key: 'ledger', label: '记录总账', path: '/record/ledger', user: zhifa.abilities.record ? 'zhifa' : 'admin' },
    ];
    const only = process.env.BENCH_PAGES?.split(',');
    const selected = pages.filter((p) => p.key === 'portal' || !only || only.includes(p.key));
    const samples = new Map<string, { cold: Sample[]; warm: Sample[] }>(selected.map((p) => [p.key, { cold: [], warm: [] }]));
    // one warm-up round (the server's first queries, Chromium's first start) not counted
    for (let round = 0; round <= RUNS; round++) {
      for (const p of selected) {
        const r = await measure(browser, baseUrl, p.path, p.key === 'portal' ? [] : (p.user === 'admin' ? admin : zhifa).cookies);
        if (round === 0) continue;
        samples.get(p.key)!.cold.push(r.cold);
        samples.get(p.key)!.warm.push(r.warm);
      }
      if (round > 0) process.stdout.write(`round ${round}/${RUNS} done\n`);
    }
    const base = samples.get('portal')!;
    const baseCold = median(base.cold.map((s) => s.ms));
    const baseWarm = median(base.warm.map((s) => s.ms));
    const rows = selected.map((p) => {
      const s = samples.get(p.key)!;
      const cold = s.cold.map((x) => x.ms);
      const warm = s.warm.map((x) => x.ms);
      return {
        page: `${p.label} ${p.key === 'case' ? '/cases/:id' : p.path}${p.user === 'admin' ? ' (admin)' : ''}`,
        coldMedian: Math.round(median(cold)),
        coldP95: Math.round(p95(cold)),
        coldRatio: +(median(cold) / baseCold).toFixed(1),
        warmMedian: Math.round(median(warm)),
        warmP95: Math.round(p95(warm)),
        warmRatio: +(median(warm) / baseWarm).toFixed(1),
        requests: median(s.cold.map((x) => x.requests)),
        jsFiles: median(s.cold.map((x) => x.jsFiles)),
        jsKB: Math.round(median(s.cold.map((x) => x.jsBytes)) / 1024),
      };
    });
    console.log(`\ntime to content, ms (median and p95 of ${RUNS} runs; ratio = median / the portal home page's median in this run)`);
    console.table(rows);
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ runs: RUNS, rows }, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
