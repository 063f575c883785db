/**
 * The public portal and the public API: server-rendered pages at / and /portal, the staff console
 * still at /login, every public response checked against an allow-list of fields, no staff value in
 * any public page, masked personal data, search input of any kind answered without a 500, rate
 * limiting, and a citizen who downloads a decision's proof and checks it with Node's crypto alone.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/app.ts';
import { registerAssets } from '../src/modules/portal/assets.ts';
import { type DownloadRow, listedPenaltyBatches, publicationsCsv, publicationsJson } from '../src/modules/portal/downloads.ts';
import { buildPortalScript, PORTAL_SCRIPT_FILE } from '../src/modules/portal/script.ts';
import { publicOrigin } from '../src/modules/portal/site.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type App, errorHandler } from '../src/platform/http.ts';
import { client, createTestEnv, type TestEnv } from './helpers.ts';

const run = promisify(execFile);
let env: TestEnv;
let work: string;
let pubId: string;
const get = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  // the browser script is built at install time (npm run build:portal, part of prepare); a checkout installed before that step existed builds it here
  if (!existsSync(PORTAL_SCRIPT_FILE)) await buildPortalScript();
  env = await createTestEnv({ laws: true, cases: true });
  work = mkdtempSync(join(tmpdir(), 'fazhi-portal-'));
  pubId = (await env.ctx.db.query<{ id: string }>(`select id from publications where party_name = '示例区鑫隆超市有限公司'`)).rows[0].id;
}, 240_000);
afterAll(async () => {
  await env?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('pages', () => {
  it('GET / is the portal (server-rendered, Chinese, with the staff login link); the staff console stays at /login', async () => {
    const home = await get('/');
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.body).toContain('<html lang="zh-CN">');
    expect(home.body).toContain('工作人员登录');
    expect(home.body).toContain('示例区鑫隆超市有限公司');
    expect(home.body).not.toContain('<script');
    if (existsSync(join(WEB_DIST, 'index.html'))) {
      const spa = await get('/login');
      expect(spa.statusCode).toBe(200);
      expect(spa.body).toContain('id="root"');
      expect((await get('/cases')).body).toContain('id="root"');
    }
  });

  it('search finds a decision by party name, uscc and 文号; the decision page shows masked data, its versions and a downloadable proof', async () => {
    for (const q of ['鑫隆', '91990105MA01ABCD2W', '91990105ma01abcd2w', '超过保质期', '鑫']) {
      const r = await get(`/portal/decisions?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, q).toBe(200);
      expect(r.body, q).toContain(`/portal/decisions/${pubId}`);
    }
    const api = client(env.app, null);
    const number = (await api.get(`/api/public/publications/${pubId}`)).body.number as string;
    expect((await api.get(`/api/public/publications?q=${encodeURIComponent(number)}`)).body.items.map((i: { id: string }) => i.id)).toEqual([pubId]);
    expect((await api.get('/api/public/publications?q=不存在的当事人名称')).body.total).toBe(0);
    const page = await get(`/portal/decisions/${pubId}`);
    expect(page.statusCode).toBe(200);
    for (const s of ['行政处罚决定书', number, '91990105MA01ABCD2W', '李鑫隆', '版本与记录', '下载证明', 'data-verify=', '/portal/assets/verify.js'])
      expect(page.body, s).toContain(s);
    expect(page.body).not.toContain('12345678');
    const js = await get('/portal/assets/verify.js');
    expect(js.statusCode).toBe(200);
    expect(js.body.length).toBeGreaterThan(1000);
    expect((await get('/portal/decisions/nope')).statusCode).toBe(404);
  });

  it('every portal page renders', async () => {
    const powerId = (await env.ctx.db.query<{ id: string }>(`select item_id as id from power_item_versions limit 1`)).rows[0].id;
    for (const url of [
      '/portal/bodies',
      '/portal/officers',
      '/portal/officers?q=王',
      '/portal/powers',
      `/portal/powers/${powerId}`,
      '/portal/inspections',
      '/portal/major-decisions',
      '/portal/normative-documents',
      '/portal/normative-documents?status=invalid',
      '/portal/tree-heads',
      '/portal/statistics',
      '/portal/consultations',
      '/portal/download',
    ]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).toContain('<main id="main"');
      // the CSP (style-src 'self') drops inline styles: a page needing one would be drawn wrong
      expect(r.body, url).not.toMatch(/\sstyle=/);
      // times are read in 北京时间; the ISO instant only in attributes, for machines
      const text = r.body.replace(/<[^>]*>/g, ' ');
      expect(text, url).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
    const headsPage = await get('/portal/tree-heads');
    const signedAt = (await client(env.app, null).get('/api/public/tree-heads')).body.items[0].signedAt as string;
    const local = new Date(Date.parse(signedAt) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(headsPage.body).toContain(`<time datetime="${signedAt}">${local}</time>`);
    // statistics bars are drawn to scale by SVG attributes
    expect((await get('/portal/statistics')).body).toMatch(/<rect width="100" height="10">/);
    const heads = (await client(env.app, null).get('/api/public/tree-heads')).body.items;
    const check = await get(`/portal/tree-heads?from=${heads.at(-1).treeSize}&to=${heads[0].treeSize}`);
    expect(check.body).toContain('一致性证明通过');
    const feed = await get('/portal/feed.xml');
    expect(feed.headers['content-type']).toContain('application/rss+xml');
    expect(feed.body).toContain('<rss version="2.0">');
    expect(feed.body).toContain('示例区鑫隆超市有限公司');
    const jf = JSON.parse((await get('/portal/feed.json')).body);
    expect(jf.items[0]._fazhi.proof).toContain('/proof?seq=');
    const bulk = JSON.parse((await get('/portal/download/publications.json')).body);
    expect(bulk.count).toBe(1);
    expect((await get('/portal/download/publications.csv')).body).toContain('示例区鑫隆超市有限公司');
  });
});

describe('error pages', () => {
  const isPage = (r: Awaited<ReturnType<typeof get>>, status: number, heading: string) => {
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.body).toContain('<html lang="zh-CN">');
    expect(r.body).toContain(`<h1>${heading}</h1>`);
    expect(r.body).toContain('<nav class="wrap" aria-label="主导航">');
    expect(r.body).not.toContain('"error"');
  };

  it('a bad link on the portal is a page of the portal with its status: 404, 400; the API keeps JSON', async () => {
    isPage(await get('/portal/no-such-page'), 404, '页面不存在');
    isPage(await get('/portal/decisions/nope'), 404, '页面不存在');
    isPage(await get(`/portal/powers/${'0'.repeat(8)}-0000-0000-0000-000000000000`), 404, '页面不存在');
    isPage(await get(`/portal/decisions/${'x'.repeat(65)}`), 400, '链接有误');
    isPage(await get('/portal/decisions?q=%00'), 400, '链接有误');
    // not the staff console's page either
    expect((await get('/portal/no-such-page')).body).not.toContain('id="root"');
    // machine formats keep the JSON error
    for (const url of ['/api/public/publications/nope', '/api/no-such-endpoint', '/portal/decisions/nope/proof.json', '/portal/download/nope.csv']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code, url).toBe('NOT_FOUND');
    }
  });
});

describe('feeds, downloads and the built script', () => {
  it('feed links start with PUBLIC_BASE_URL and a forged Host header changes nothing', async () => {
    const forged = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'gopher' };
    const saved = env.ctx.config.publicBaseUrl;
    env.ctx.config.publicBaseUrl = 'https://gs.example.gov.cn/zhifa';
    try {
      const jf = JSON.parse((await get('/portal/feed.json', forged)).body);
      expect(jf.home_page_url).toBe('https://gs.example.gov.cn/zhifa/');
      expect(jf.feed_url).toBe('https://gs.example.gov.cn/zhifa/portal/feed.json');
      expect(jf.items[0].url).toBe(`https://gs.example.gov.cn/zhifa/portal/decisions/${pubId}`);
      expect(jf.items[0]._fazhi.proof).toMatch(/^https:\/\/gs\.example\.gov\.cn\/zhifa\/api\/public\/publications\/[^/]+\/proof\?seq=\d+$/);
      const xml = (await get('/portal/feed.xml', forged)).body;
      expect(xml).toContain('<link>https://gs.example.gov.cn/zhifa/</link>');
      expect(xml).toContain(`<link>https://gs.example.gov.cn/zhifa/portal/decisions/${pubId}</link>`);
      for (const body of [JSON.stringify(jf), xml]) expect(body).not.toContain('evil.example');
      // unset: the server's own address from HOST/PORT, still not the Host header
      env.ctx.config.publicBaseUrl = undefined;
      const plain = JSON.parse((await get('/portal/feed.json', forged)).body);
      expect(plain.home_page_url).toBe(`${publicOrigin(env.ctx.config)}/`);
      expect(JSON.stringify(plain)).not.toContain('evil.example');
    } finally {
      env.ctx.config.publicBaseUrl = saved;
    }
    expect(publicOrigin({ host: '0.0.0.0', port: 3000 })).toBe('http://localhost:3000');
    expect(publicOrigin({ host: '::1', port: 8080 })).toBe('http://[::1]:8080');
    expect(publicOrigin({ host: '0.0.0.0', port: 3000, publicBaseUrl: 'https://gs.example.gov.cn' })).toBe('https://gs.example.gov.cn');
  });

  it('PUBLIC_BASE_URL is validated: an http(s) address, the trailing slash dropped', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://gs.example.gov.cn/' } as NodeJS.ProcessEnv).publicBaseUrl).toBe('https://gs.example.gov.cn');
    expect(loadConfig({} as NodeJS.ProcessEnv).publicBaseUrl).toBeUndefined();
    for (const bad of ['gs.example.gov.cn', 'javascript:alert(1)', 'ftp://gs.example.gov.cn', 'https://gs.example.gov.cn/?a=1'])
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad } as NodeJS.ProcessEnv), bad).toThrow(/PUBLIC_BASE_URL/);
  });

  it('downloads are read in keyset batches and streamed as the same JSON and CSV', async () => {
    const all: DownloadRow[] = [];
    for await (const rows of listedPenaltyBatches(env.ctx.db, 1)) {
      expect(rows.length).toBe(1);
      all.push(...rows);
    }
    expect(all.map((r) => r.id)).toEqual([pubId]);
    const row = all[0];
    const batches = async function* () {
      yield [row, { ...row, id: 'b', ledgerSeq: row.ledgerSeq - 1 }];
      yield [{ ...row, id: 'c,"x"', ledgerSeq: 1 }];
    };
    let json = '';
    for await (const chunk of publicationsJson(batches(), new Date('2026-01-01T00:00:00Z'))) json += chunk;
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ generatedAt: '2026-01-01T00:00:00.000Z', count: 3 });
    expect(doc.items.map((i: { id: string }) => i.id)).toEqual([pubId, 'b', 'c,"x"']);
    expect(doc.items[0]).toEqual({ id: row.id, version: row.version, publishedOn: row.publishedOn, ledgerSeq: row.ledgerSeq, content: row.content });
    let csv = '';
    for await (const chunk of publicationsCsv(batches())) csv += chunk;
    const lines = csv.split('\r\n');
    expect(lines[0].startsWith('\uFEFF公示编号,版本,文号')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[3].startsWith('"c,""x""",')).toBe(true);
    expect(lines[4]).toBe('');
    const empty = async function* (): AsyncGenerator<DownloadRow[]> {};
    let none = '';
    for await (const chunk of publicationsJson(empty())) none += chunk;
    expect(JSON.parse(none)).toMatchObject({ count: 0, items: [] });
    const r = await get('/portal/download/publications.json');
    expect(r.headers['content-disposition']).toContain('publications.json');
    expect(JSON.parse(r.body).items[0].id).toBe(pubId);
  });

  it('serves the script built at install time, and answers 503 in Chinese when it was not built', async () => {
    const built = await get('/portal/assets/verify.js');
    expect(built.headers['content-type']).toContain('text/javascript');
    expect(built.body).toContain('data-verify');
    const app = Fastify({ logger: false }) as unknown as App;
    app.setErrorHandler(errorHandler);
    const file = join(work, 'missing', 'verify.js');
    registerAssets(app, file);
    try {
      const missing = await app.inject({ method: 'GET', url: '/portal/assets/verify.js' });
      expect(missing.statusCode).toBe(503);
      expect(missing.json().error.code).toBe('PORTAL_SCRIPT_MISSING');
      expect(missing.json().error.message).toContain('npm run build:portal');
      expect((await app.inject({ method: 'GET', url: '/portal/assets/portal.css' })).statusCode).toBe(200);
      // built afterwards: served without a restart
      await buildPortalScript(file);
      expect((await app.inject({ method: 'GET', url: '/portal/assets/verify.js' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('bad input and abuse', () => {
  const nasty = [
    "' OR 1=1 --",
    "'; drop table publications; --",
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '罚'.repeat(10_000),
    'a'.repeat(10_000),
    '😀🚀🇨🇳',
    '%',
    '_',
    '\\',
    '\u0001\u001f',
    ':* & | !',
    '((((',
    '行政 处罚   决定',
    '',
  ];
  it('search input of any length or characters never 500s, and what it shows is escaped', async () => {
    for (const q of nasty) {
      const page = await get(`/portal/decisions?q=${encodeURIComponent(q)}`);
      expect(page.statusCode, q.slice(0, 20)).toBe(200);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('<img src=x');
      const api = await get(`/api/public/publications?q=${encodeURIComponent(q)}`);
      expect(api.statusCode, q.slice(0, 20)).toBe(200);
      const officers = await get(`/api/public/officers?q=${encodeURIComponent(q)}`);
      expect(officers.statusCode).toBe(200);
    }
    // a NUL character cannot reach the database: 400 INVALID_CHARACTERS on the page (as a page) and the API alike
    for (const url of ['/api/public/publications?q=%00', '/api/public/officers?q=%00']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.code).toBe('INVALID_CHARACTERS');
    }
    const nul = await get('/portal/decisions?q=a%00b');
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('不允许的字符');
    const tooLong = await get(`/api/public/publications?q=${'a'.repeat(10_001)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe('VALIDATION_FAILED');
    for (const qs of ['page=abc', 'page=-1', 'from=yesterday', 'pageSize=100000', 'bodyId=' + 'x'.repeat(100)]) {
      expect((await get(`/api/public/publications?${qs}`)).statusCode, qs).toBe(400);
      expect((await get(`/portal/decisions?${qs}`)).statusCode, qs).toBe(200);
    }
    expect((await get('/portal/decisions?q=%ED%A0%80&page=99999999999999999999')).statusCode).toBe(200);
    expect((await get('/portal/tree-heads?from=abc&to=-1')).statusCode).toBe(200);
    expect((await get(`/api/public/publications/${pubId}/proof?seq=abc`)).statusCode).toBe(400);
    expect((await get(`/api/public/publications/${pubId}/proof?seq=0`)).statusCode).toBe(404);
  });

  it('rate-limits the public routes per address', async () => {
    const small = await createTestEnv({ seed: false, config: { publicRateLimitPerMinute: 3 } });
    try {
      const hit = (ip: string) => small.app.inject({ method: 'GET', url: '/api/public/tree-heads', remoteAddress: ip });
      for (let i = 0; i < 3; i++) expect((await hit('203.0.113.5')).statusCode).toBe(200);
      const limited = await hit('203.0.113.5');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // a portal page says so as a page, in Chinese, in the portal's layout
      const page = await small.app.inject({ method: 'GET', url: '/', remoteAddress: '203.0.113.5' });
      expect(page.statusCode).toBe(429);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['content-security-policy']).toContain("style-src 'self'");
      expect(page.body).toContain('<h1>访问过于频繁</h1>');
      expect(page.body).toContain('请求过于频繁');
      expect((await hit('203.0.113.6')).statusCode).toBe(200);
      // staff routes are not limited by it
      expect((await small.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.5' })).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  });
});

/** Every key path of a JSON value: arrays as [], e.g. items[].party.name */
function keyPaths(v: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) keyPaths(x, `${prefix}[]`, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.add(p);
      keyPaths(x, p, out);
    }
  return out;
}

const content = [
  'kind',
  'title',
  'number',
  'party',
  'party.type',
  'party.typeLabel',
  'party.name',
  'party.uscc',
  'party.idNumber',
  'party.legalRep',
  'party.address',
  'violation',
  'facts',
  'basis',
  'penalties',
  'penalties[].kind',
  'penalties[].label',
  'penalties[].amountFen',
  'penalties[].note',
  'penaltyText',
  'fineFen',
  'confiscationFen',
  'body',
  'body.id',
  'body.name',
  'body.uscc',
  'decidedOn',
  'field',
  'fieldLabel',
  'procedure',
  'text',
];
const under = (p: string, keys: string[]) => keys.map((k) => `${p}.${k}`);
const listItem = [
  'id',
  'kind',
  'kindLabel',
  'number',
  'partyName',
  'partyUscc',
  'violation',
  'penaltyText',
  'bodyName',
  'decidedOn',
  'publishedOn',
  'state',
  'stateLabel',
  'field',
  'fieldLabel',
  'version',
];
const head = ['id', 'treeSize', 'rootHash', 'hashAlg', 'signedAt', 'keyId', 'signature'];
const power = [
  'id',
  'code',
  'name',
  'category',
  'categoryLabel',
  'parentId',
  'bodyId',
  'bodyName',
  'unitName',
  'validFrom',
  'basis',
  'basis[].articleId',
  'basis[].label',
  'basis[].lawTitle',
  'basis[].versionDate',
  'responsibilities',
  'accountability',
  'steps',
  'steps[].name',
  'steps[].timeLimit',
  'materials',
  'timeLimit',
  'fee',
  'office',
  'phone',
];

const consultationItem = ['id', 'title', 'orgName', 'state', 'stateLabel', 'startsOn', 'endsOn', 'days', 'shortenedReason', 'comments', 'reportedOn'];

/** The allow-list: the only key paths each public endpoint may ever return. */
const allow: Record<string, string[]> = {
  '/api/public/publications': ['q', 'total', 'totalCapped', 'page', 'pageSize', 'tookMs', 'items', ...under('items[]', listItem)],
  '/api/public/publications/{id}': [
    'id',
    'kind',
    'kindLabel',
    'state',
    'stateLabel',
    'listed',
    'number',
    'partyName',
    'bodyName',
    'decidedOn',
    'publishedOn',
    'expiresOn',
    'dueOn',
    'onTime',
    'version',
    'current',
    ...under('current', content),
    'versions',
    ...under('versions[]', [
      'version',
      'status',
      'statusLabel',
      'publishedOn',
      'statusOn',
      'statusReason',
      'ledgerSeq',
      'content',
      ...under('content', content),
    ]),
    'events',
    ...under('events[]', ['seq', 'eventType', 'label', 'date', 'note']),
  ],
  '/api/public/publications/{id}/proof': [
    'entry',
    ...under('entry', [
      'seq',
      'recordedAt',
      'actorId',
      'actorName',
      'orgId',
      'matterType',
      'matterId',
      'eventType',
      'payloadHash',
      'hashAlg',
      'leafHash',
      'payload',
      ...['publicationId', 'version', 'supersedes', 'reason', 'publishedOn', 'content', ...under('content', content)].map((k) => `payload.${k}`),
    ]),
    'leafIndex',
    'treeSize',
    'proof',
    'treeHead',
    ...under('treeHead', ['treeSize', 'rootHash', 'hashAlg', 'signedAt', 'keyId', 'signature']),
    'publicKeyPem',
  ],
  '/api/public/bodies': ['items', ...under('items[]', ['id', 'name', 'parentName', 'legalBasis', 'uscc', 'officers'])],
  '/api/public/officers': ['total', 'page', 'pageSize', 'items', ...under('items[]', ['name', 'certificateNumber', 'orgName', 'fields'])],
  '/api/public/publicity-statistics': [
    'total',
    'listed',
    'corrected',
    'withdrawn',
    'ended',
    'onTime',
    'late',
    'pendingOverdue',
    'timelinessRate',
    'byMonth',
    'byMonth[].month',
    'byMonth[].count',
    'byField',
    'byField[].field',
    'byField[].fieldLabel',
    'byField[].count',
    'byBody',
    'byBody[].bodyName',
    'byBody[].published',
    'byBody[].onTime',
  ],
  // 公开征求意见 (consultation): no name, no contact, no staff id
  '/api/public/consultations': ['items', ...under('items[]', consultationItem)],
  '/api/public/consultations/{id}': [
    ...consultationItem,
    'anchors',
    ...under('anchors[]', ['id', 'label', 'text']),
    'acceptingComments',
    'report',
    ...under('report', ['summary', 'finalTextUrl', 'publishedOn', 'counts', 'counts.adopted', 'counts.partlyAdopted', 'counts.notAdopted']),
    'feedback',
    ...under('feedback[]', ['number', 'anchor', 'anchorLabel', 'text', 'submittedOn', 'answer', 'answer.outcome', 'answer.outcomeLabel', 'answer.reason']),
  ],
  '/api/public/consultations/{id}/challenge': ['token', 'question'],
  // 投诉举报 (issue 16): the bodies of the form, its challenge, and the status by query code — no person, no respondent
  '/api/public/complaints/bodies': ['items', ...under('items[]', ['id', 'name'])],
  '/api/public/complaints/challenge': ['token', 'question'],
  '/api/public/complaints/status/{code}': [
    'queryCode',
    'kind',
    'kindLabel',
    'orgName',
    'receivedOn',
    'state',
    'stateLabel',
    'steps',
    ...under('steps[]', ['on', 'label']),
  ],
  // 政府信息公开 on request: the bodies, the challenge, the status by query code — dates, status, the answer's type (modules/disclosure/responses.ts)
  '/api/public/disclosure-requests/bodies': ['items', 'items[].id', 'items[].name'],
  '/api/public/disclosure-requests/challenge': ['token', 'question'],
  '/api/public/disclosure-requests/status/{code}': [
    'queryCode',
    'bodyName',
    'receivedOn',
    'stateLabel',
    'answerDue',
    'extended',
    'answeredOn',
    'answerTypeLabel',
    'steps',
    'steps[].date',
    'steps[].label',
  ],
  '/api/public/tree-heads': ['items', ...under('items[]', head), 'publicKeyPem', 'keyId'],
  '/api/record/consistency': ['from', ...under('from', head), 'to', ...under('to', head), 'proof', 'verified'],
  '/api/public/powers': ['asOf', 'items', ...under('items[]', power)],
  '/api/public/powers/{id}': [...power, 'subItems', 'subItems[].id', 'subItems[].code', 'subItems[].name'],
  '/api/public/powers/{id}/history': [
    'id',
    'code',
    'versions',
    ...under('versions[]', ['versionNo', 'name', 'category', 'categoryLabel', 'validFrom', 'validTo', 'removed', 'change', 'reason']),
  ],
  // 重大行政决策: the published catalogues and decisions (modules/majorDecisions/schema.ts)
  '/api/public/major-decisions/catalogues': [
    'items',
    ...under('items[]', ['id', 'title', 'year', 'body', 'standard', 'publishedOn', 'items', 'adjustments']),
    ...under('items[].items[]', ['seq', 'title', 'category', 'unit', 'planned', 'status']),
    ...under('items[].adjustments[]', ['on', 'kind', 'seq', 'title', 'reason']),
  ],
  '/api/public/major-decisions': ['items', ...under('items[]', ['id', 'title', 'body', 'publishedOn', 'number'])],
  // 规范性文件: the published documents with their status (modules/normativeDocuments/responses.ts)
  '/api/public/normative-documents': [
    'total',
    'items',
    ...under('items[]', ['id', 'title', 'number', 'bodyName', 'publishedOn', 'effectiveOn', 'expiresOn', 'status', 'statusLabel']),
  ],
  // 年度报告: the published reports, their sections and tables (modules/annualReports/responses.ts)
  '/api/public/annual-reports': ['items', ...under('items[]', ['id', 'bodyId', 'bodyName', 'year', 'kind', 'kindLabel', 'title', 'publishedOn', 'formats'])],
  '/api/public/annual-reports/{id}': [
    ...['id', 'bodyId', 'bodyName', 'year', 'kind', 'kindLabel', 'title', 'publishedOn', 'formats', 'figureSetId', 'content'],
    'content.sections',
    ...under('content.sections[]', ['id', 'heading', 'paragraphs']),
    ...under('content.sections[].paragraphs[]', ['id', 'kind', 'template', 'figure', 'text', 'hint', 'values', 'edited']),
    ...under('content.sections[].paragraphs[].values[]', ['ref', 'value']),
    'content.tables',
    ...under('content.tables[]', ['id', 'title', 'basis', 'rows']),
    ...under('content.tables[].rows[]', ['id', 'label', 'figure', 'awaiting', 'value', 'previous', 'raw', 'rawPrevious']),
  ],
  '/api/public/normative-documents/{id}': [
    ...['id', 'title', 'number', 'bodyName', 'publishedOn', 'effectiveOn', 'expiresOn', 'status', 'statusLabel'],
    'articles',
    ...under('articles[]', ['label', 'chapter', 'text']),
    'interpretation',
    'endedOn',
    'endedReason',
    'versions',
    ...under('versions[]', ['id', 'number', 'publishedOn', 'status', 'statusLabel']),
  ],
  '/api/public/inspections/items': [
    'items',
    ...under('items[]', ['body', 'code', 'name', 'subjectType', 'content', 'method', 'ratioNote', 'frequency', 'version']),
  ],
  '/api/public/inspections/results': [
    'items',
    ...under('items[]', [
      'taskId',
      'publishedAt',
      'contentHash',
      'content',
      'content.task',
      'content.task.id',
      'content.task.name',
      'content.task.body',
      'content.task.periodStart',
      'content.task.periodEnd',
      'content.items',
      'content.items[].code',
      'content.items[].name',
      'content.results',
      ...under('content.results[]', ['uscc', 'name', 'finding', 'findingLabel', 'inspectedOn']),
      'current',
      ...under('current[]', ['publicationId', 'uscc', 'name', 'inspectedOn', 'findingLabel', 'version', 'stateLabel']),
    ]),
  ],
};

describe('no staff-only field ever reaches a public response', () => {
  it('every public endpoint of the OpenAPI document returns only allow-listed fields and no staff value', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const publicPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/public/') || p === '/api/record/consistency');
    const powerId = (await env.ctx.db.query<{ id: string }>(`select item_id as id from power_item_versions where valid_to is null and not removed limit 1`))
      .rows[0].id;
    const drawTask = (await env.ctx.db.query<{ id: string }>(`select task_id as id from inspection_publications limit 1`)).rows[0]?.id;
    const heads = (await client(env.app, null).get('/api/public/tree-heads')).body.items;
    const consultationId = (await env.ctx.db.query<{ id: string }>(`select id from consultations where state = 'reported' limit 1`)).rows[0].id;
    const complaintCode = (await env.ctx.db.query<{ code: string }>(`select query_code as code from complaints where state = 'closed' limit 1`)).rows[0].code;
    // the demo's document in force (现行有效)
    const normativeId = (await env.ctx.db.query<{ id: string }>(`select id from normative_documents where state = 'inForce' limit 1`)).rows[0].id;
    // the demo's published 法治政府建设年度报告 of last year (seed/annualReports.ts)
    const reportId = (
      await env.ctx.db.query<{ id: string }>(`select r.id from annual_reports r join matters m on m.id = r.id where m.state = 'published' limit 1`)
    ).rows[0].id;
    const disclosure = (await env.ctx.db.query<{ query_code: string }>(`select query_code from disclosure_requests where consultations <> '[]'::jsonb limit 1`))
      .rows[0];
    const urlFor: Record<string, string | null> = {
      '/api/public/publications/{id}': `/api/public/publications/${pubId}`,
      '/api/public/publications/{id}/proof': `/api/public/publications/${pubId}/proof`,
      '/api/public/powers/{id}': `/api/public/powers/${powerId}`,
      '/api/public/powers/{id}/history': `/api/public/powers/${powerId}/history`,
      '/api/record/consistency': `/api/record/consistency?from=${heads.at(-1).treeSize}&to=${heads[0].treeSize}`,
      '/api/public/publications': '/api/public/publications?q=鑫隆',
      // the demo holds no published decision yet (its decision waits at the legality review); test/majorDecisions.test.ts reads one
      '/api/public/major-decisions/{id}': null,
      // the reported demo consultation (its comments and answers are public); comments are POSTed only
      '/api/public/consultations/{id}': `/api/public/consultations/${consultationId}`,
      '/api/public/consultations/{id}/challenge': `/api/public/consultations/${consultationId}/challenge`,
      '/api/public/consultations/{id}/comments': null,
      // a demo complaint's query code (the status shows no person); filing is POSTed only (test/complaints.test.ts)
      '/api/public/complaints/status/{code}': `/api/public/complaints/status/${complaintCode}`,
      '/api/public/complaints': null,
      // a demo request's status by its query code (its applicant and request text are among the secrets); filing is POSTed only
      '/api/public/disclosure-requests/status/{code}': `/api/public/disclosure-requests/status/${disclosure.query_code}`,
      '/api/public/disclosure-requests': null,
      '/api/public/normative-documents/{id}': `/api/public/normative-documents/${normativeId}`,
      '/api/public/annual-reports/{id}': `/api/public/annual-reports/${reportId}`,
      // the report's files (.docx, PDF, .xlsx): not JSON; test/annual-reports.test.ts downloads them
      '/api/public/annual-reports/{id}/docx': null,
      '/api/public/annual-reports/{id}/pdf': null,
      '/api/public/annual-reports/{id}/xlsx': null,
      // the draw document is the inspection module's verifiable draw (its own allow-list lives with its tests)
      '/api/public/inspections/draws/{id}': null,
      '/api/public/inspections/draws/{id}/verify': null,
    };
    const staff = (await env.ctx.db.query<{ id: string; username: string }>('select id, username from users')).rows;
    // the demo complainants and reporters (complaint_persons) are staff-only, read with an access-log row
    const persons = (await env.ctx.db.query<{ name: string; phone: string | null }>('select name, phone from complaint_persons')).rows;
    expect(persons.length).toBeGreaterThan(0);
    // the demo commenters' names and contacts (consultation_commenters) are staff-only
    const commenters = (await env.ctx.db.query<{ name: string; contact: string }>('select name, contact from consultation_commenters')).rows;
    expect(commenters.length).toBeGreaterThan(0);
    const secrets = ['password', 'argon2', 'csrf', '11010519491231002X', '0999-12345678', ...staff.flatMap((u) => [u.id, `"${u.username}"`])];
    secrets.push(...commenters.flatMap((c) => [c.name, c.contact]));
    secrets.push(...persons.flatMap((x) => [x.name, ...(x.phone ? [x.phone] : [])]));
    // the 政府信息公开 applicants and what they asked for are the office's only
    const applicants = (
      await env.ctx.db.query<{ applicant_name: string; applicant_contact: string; description: string }>(
        'select applicant_name, applicant_contact, description from disclosure_requests',
      )
    ).rows;
    expect(applicants.length).toBeGreaterThan(0);
    secrets.push(...applicants.flatMap((a) => [a.applicant_name, a.applicant_contact, a.description]));
    const checked: string[] = [];
    for (const path of publicPaths) {
      const url = path in urlFor ? urlFor[path] : path;
      if (url === null) continue;
      expect(allow[path], `no allow-list for ${path}`).toBeDefined();
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      const extra = [...keyPaths(r.json())].filter((k) => !allow[path].includes(k));
      expect(extra, path).toEqual([]);
      for (const s of secrets) expect(r.body.includes(s), `${path} leaks ${s}`).toBe(false);
      checked.push(path);
    }
    expect(checked.length).toBeGreaterThanOrEqual(12);
    void drawTask;
    // and the pages
    for (const url of [
      '/',
      '/portal/decisions',
      `/portal/decisions/${pubId}`,
      '/portal/officers',
      '/portal/bodies',
      '/portal/feed.json',
      '/portal/download/publications.json',
      '/portal/consultations',
      `/portal/consultations/${consultationId}`,
      '/portal/major-decisions',
      '/portal/normative-documents',
      `/portal/normative-documents/${normativeId}`,
      '/portal/complaints',
      `/portal/complaints/status?code=${complaintCode}`,
      '/portal/annual-reports',
      `/portal/annual-reports/${reportId}`,
      '/portal/disclosure',
      `/portal/disclosure/status?code=${disclosure.query_code}`,
    ]) {
      const body = (await get(url)).body;
      for (const s of secrets) expect(body.includes(s), `${url} leaks ${s}`).toBe(false);
    }
  });
});

describe('a citizen verifies a decision', () => {
  it('downloads the proof and checks it with an independent script that uses only Node’s crypto, and with fazhi proof verify', async () => {
    const r = await get(`/portal/decisions/${pubId}/proof.json`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('attachment');
    const file = join(work, 'proof.json');
    writeFileSync(file, r.body);
    const script = join(import.meta.dirname, 'portal-citizen-verify.mjs');
    const ok = await run(process.execPath, [script, file]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ payloadHashOk: true, leafHashOk: true, inclusionOk: true, signatureOk: true, ok: true });
    expect(JSON.parse(ok.stdout).content).toMatch(/市监处罚/);
    // what was proved is exactly what the page shows
    const doc = JSON.parse(r.body);
    const detail = (await client(env.app, null).get(`/api/public/publications/${pubId}`)).body;
    expect(doc.entry.payload.content).toEqual(detail.current);
    expect(doc.entry.actorId).toBeNull();
    // a tampered copy fails
    const bad = { ...doc, entry: { ...doc.entry, payload: { ...doc.entry.payload, content: { ...doc.entry.payload.content, fineFen: 1 } } } };
    writeFileSync(join(work, 'bad.json'), JSON.stringify(bad));
    await expect(run(process.execPath, [script, join(work, 'bad.json')])).rejects.toMatchObject({ code: 1 });
    const cli = await run(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli.ts', 'proof', 'verify', file, '--json'], { cwd: process.cwd() });
    expect(JSON.parse(cli.stdout).ok).toBe(true);
  }, 60_000);
});
