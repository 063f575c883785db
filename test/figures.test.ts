/**
 * The figure catalogue (issue 18 part 1): every declared figure's facts query runs and has the columns the mechanism
 * reads; numbers agree with the records listed behind them; each figure is checked against a count made by hand from
 * the demo bureau's records through the modules' own APIs; scope, period and filters are guarded; a figure set keeps
 * the tree head and its values' hash, and its check recomputes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupKeys } from '../src/platform/figures/compute.ts';
import { usccCheckChar } from '../src/domain/codes.ts';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { client, createTestEnv, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
// the demo's records are dated relative to today (seed/cases.ts: d(-75) … d(-3)): a year back from today holds them all
const today = chinaToday();
const Y = { from: addDays(today, -364), to: today };
const q = (extra = '') => `from=${Y.from}&to=${Y.to}${extra}`;

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  admin = client(env.app, await login(env.app, 'admin'));
}, 240_000);
afterAll(() => env?.close());

describe('the catalogue', () => {
  it('every facts query runs and returns the columns the mechanism reads, with its dimensions', async () => {
    const figs = env.ctx.registry.figures;
    expect(figs.length).toBeGreaterThan(10);
    for (const { figure: f } of figs) {
      const cols = ['ref', 'title', 'href', 'org_id', 'on_date', 'value', ...Object.keys(f.dimensions ?? {}), ...(f.period === 'stock' ? ['until'] : [])];
      await expect(env.ctx.db.query(`select ${cols.join(', ')} from (${f.facts}) f limit 1`), f.id).resolves.toBeDefined();
    }
  });

  it('lists every figure with its definition, unit, dimensions and source', async () => {
    const r = await admin.get('/api/figures');
    expect(r.status).toBe(200);
    const decided = r.body.items.find((x: { id: string }) => x.id === 'cases.decided');
    expect(decided).toMatchObject({ label: '行政处罚决定数', unit: 'cases', module: 'cases' });
    expect(decided.dimensions.map((d: { key: string }) => d.key)).toEqual(['field', 'procedure', 'outcome', 'org', 'body']);
    expect(decided.sources[0].ref).toBe('seed:004');
  });
});

describe('numbers and the records behind them', () => {
  it('every figure of the demo: the records listed add up to the number, in total and per group', async () => {
    for (const { figure: f } of env.ctx.registry.figures) {
      const d = await admin.get(`/api/figures/${f.id}?from=${Y.from}&to=${Y.to}`);
      expect(d.status, `${f.id} ${JSON.stringify(d.body)}`).toBe(200);
      const recs = await admin.get(`/api/figures/${f.id}/records?from=${Y.from}&to=${Y.to}&limit=500`);
      expect(recs.body.total, f.id).toBe(d.body.records);
      const values = recs.body.items.map((i: { value: number }) => i.value);
      const sum = values.reduce((a: number, b: number) => a + b, 0);
      const expected = f.aggregate === 'count' ? values.length : f.aggregate === 'sum' ? sum : values.length ? sum / values.length : null;
      // a share of no records is no number (null), not 0 %
      if (recs.body.total <= 500) {
        if (expected === null) expect(d.body.value, f.id).toBeNull();
        else expect(d.body.value, f.id).toBeCloseTo(expected, 6);
      }
      for (const g of d.body.groups) {
        const n = g.items.reduce((a: number, x: { records: number }) => a + x.records, 0);
        expect(n, `${f.id} by ${g.key}`).toBe(d.body.records);
      }
      expect(d.body.groups.map((g: { key: string }) => g.key)).toEqual(groupKeys(f));
    }
  });
});

describe('each figure against the demo bureau, counted by hand (src/seed/cases.ts, inspections.ts, officers, powers, laws)', () => {
  /** 示例区市场监督管理局 as its administrator sees it, over the last year */
  const value = async (id: string, extra = '') => {
    const r = await admin.get(`/api/figures/${id}?${q(extra)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.value as number | null;
  };

  it('行政处罚: the supermarket case (普通程序, 食品) and the on-the-spot price case (简易程序, 价格)', async () => {
    // 立案: the supermarket's expired yogurt (d(-74)) and the case sent to legal review (s1b); the 简易程序 case is never 立案
    expect(await value('cases.filed')).toBe(2);
    expect(await value('cases.filed', '&filter=procedure=summary')).toBe(0);
    // 决定: the supermarket (给予行政处罚, d(-35)) and the 当场处罚 of 100 元 (d(-10))
    expect(await value('cases.decided')).toBe(2);
    expect(await value('cases.decided', '&filter=procedure=summary')).toBe(1);
    expect(await value('cases.decided', '&filter=field=food,outcome=penalty')).toBe(1);
    expect(await value('cases.decided', '&filter=outcome=noPenalty')).toBe(0);
    // 罚款: 150,000 元 + 100 元; 没收违法所得 14,080 元; 没收非法财物: the 46 cups of yogurt
    expect(await value('cases.fines')).toBe(15_000_000 + 10_000);
    expect(await value('cases.confiscatedGains')).toBe(1_408_000);
    expect(await value('cases.confiscatedProperty')).toBe(1);
    // 入库: the fine paid d(-23) (150,000 元), the 当场 fine handed over (100 元), the gains paid d(-23) (14,080 元)
    expect(await value('cases.collected')).toBe(15_000_000 + 10_000 + 1_408_000);
    expect(await value('cases.collected', '&filter=kind=gains')).toBe(1_408_000);
    // the supermarket's hearing (d(-40)), its 法制审核 and its 集体讨论 (d(-36)); nothing referred or challenged
    expect(await value('cases.hearings')).toBe(1);
    expect(await value('cases.legalReviews')).toBe(1);
    expect(await value('cases.collectiveDiscussions')).toBe(1);
    expect(await value('cases.criminalReferrals')).toBe(0);
    expect(await value('cases.challenges')).toBe(0);
  });

  it('公示: the supermarket decision published within its 20 working days; a 双公示 export adds its rows', async () => {
    expect(await value('publicity.published', '&filter=kind=penalty')).toBe(1);
    expect(await value('publicity.onTimeRate')).toBe(1);
    expect(await value('publicity.creditRecords')).toBe(0);
    // the export needs the bureau's own code (CF_CFJGDM): without it the row is left out and not counted
    const bureau = await orgIdByName(env, '示例区市场监督管理局');
    const refused = await admin.post('/api/publicity/credit-exports', { format: 'json' });
    expect([refused.status, refused.body.items]).toEqual([201, 0]);
    expect(await value('publicity.creditRecords')).toBe(0);
    const first17 = '11990105MB0123456';
    expect((await admin.patch(`/api/orgs/${bureau}`, { uscc: first17 + usccCheckChar(first17) })).status).toBe(200);
    const exp = await admin.post('/api/publicity/credit-exports', { format: 'json' });
    expect([exp.status, exp.body.items]).toEqual([201, 1]);
    expect(await value('publicity.creditRecords')).toBe(1);
    expect(await value('publicity.creditRecords', '&filter=action=withdraw')).toBe(0);
  });

  it('文书 and 裁量基准: one 行政处罚决定书 per ordinary penalty decision; the clauses of the benchmarks in force', async () => {
    expect(await value('instruments.issued', '&filter=kind=penaltyDecision')).toBe(await value('cases.decided', '&filter=procedure=ordinary,outcome=penalty'));
    expect(await value('instruments.issued', '&filter=kind=summaryPenaltyDecision')).toBe(1);
    const detail = (await admin.get(`/api/figures/instruments.issued?${q('&by=kind')}`)).body;
    expect(detail.groups[0].items.reduce((n: number, g: { value: number }) => n + g.value, 0)).toBe(detail.value);
    // the benchmarks the bureau's subtree adopted, in force today, counted row by row through the discretion API
    const bureau = await orgIdByName(env, '示例区市场监督管理局');
    const subtree = new Set((await env.ctx.db.query<{ id: string }>(`select id from orgs where id = $1 or parent_id = $1`, [bureau])).rows.map((r) => r.id));
    const benchmarks = (await admin.get(`/api/discretion/benchmarks?asOf=${today}`)).body.items as { orgId: string; tiers: unknown[] }[];
    const rows = benchmarks.filter((b) => subtree.has(b.orgId)).reduce((n, b) => n + b.tiers.length, 0);
    expect(await value('discretion.clauses')).toBe(rows);
    const city = client(env.app, await login(env.app, 'jiandu'));
    const all = (await city.get(`/api/discretion/benchmarks?asOf=${today}`)).body.items as { tiers: unknown[] }[];
    expect((await city.get(`/api/figures/discretion.clauses?${q()}`)).body.value).toBe(all.reduce((n, b) => n + b.tiers.length, 0));
    expect(all.length).toBeGreaterThan(0);
  });

  it('the other modules: inspections, officers, the power list and the law library', async () => {
    const detail = (await admin.get(`/api/figures/inspections.inspected?${q()}`)).body;
    const byFinding = Object.fromEntries(
      detail.groups.find((g: { key: string }) => g.key === 'finding').items.map((i: { key: string; value: number }) => [i.key, i.value]),
    );
    const problems = (byFinding.problemFound ?? 0) + (byFinding.correctionOrdered ?? 0);
    expect(detail.value).toBe(Object.values(byFinding).reduce((a: number, b) => a + (b as number), 0));
    expect(await value('inspections.problemRate')).toBeCloseTo(problems / detail.value, 9);
    // officers: the officer list of the API, those with a certificate in force today
    const officers = (await admin.get('/api/officers')).body;
    const list = Array.isArray(officers) ? officers : officers.items;
    const certified = list.filter((o: { active: boolean; certificateStatus: string }) => o.active && ['valid', 'expiringSoon'].includes(o.certificateStatus));
    expect(certified.length).toBeGreaterThan(10);
    expect(await value('officers.certified')).toBe(certified.length);
    // the law library: every source in it is in force in the demo (none repealed)
    const sources = (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from legal_sources')).rows[0].n;
    expect(await value('laws.sources')).toBe(sources);
  });
});

describe('the workbook', () => {
  it('exports every figure, its groups and its definitions as .xlsx', async () => {
    const r = await admin.get(`/api/figures/overview.xlsx?${q()}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标一览', '分组', '指标说明']);
    const rows = wb.getWorksheet('指标一览')!.getSheetValues().filter(Boolean) as unknown[][];
    const fines = rows.find((x) => x[2] === 'cases.fines')!;
    expect(fines[5]).toBe(150_100); // 元
    expect(rows.length - 2).toBe(env.ctx.registry.figures.length);
  });
});

describe('scope, period, filters', () => {
  it('a unit sees its own subtree, another district nothing of this one; the bad asks are refused with their code', async () => {
    const zhifa = client(env.app, await login(env.app, 'zhifa'));
    const own = await zhifa.get(`/api/figures/cases.decided?${q()}`);
    expect(own.status).toBe(200);
    expect(own.body.orgName).toBe('第二市场监管所');
    const bureau = await orgIdByName(env, '示例区市场监督管理局');
    expect((await zhifa.get(`/api/figures/cases.decided?${q(`&orgId=${bureau}`)}`)).status).toBe(404);
    const erqu = client(env.app, await login(env.app, 'erqu'));
    expect((await erqu.get(`/api/figures/cases.decided?${q(`&orgId=${bureau}`)}`)).status).toBe(404);
    expect((await erqu.get(`/api/figures/cases.decided/records?${q(`&orgId=${bureau}`)}`)).status).toBe(404);
    expect((await erqu.get(`/api/figures/cases.decided?${q()}`)).body.value).toBe(0);
    const bad = [
      [`/api/figures/cases.decided?from=2026-12-31&to=2026-01-01`, 'FIGURE_PERIOD_INVALID'],
      [`/api/figures/cases.decided?from=2016-01-01&to=2026-12-31`, 'FIGURE_PERIOD_INVALID'],
      [`/api/figures/cases.decided?${q('&filter=color=red')}`, 'FIGURE_FILTER_INVALID'],
      [`/api/figures/cases.decided?${q('&by=color')}`, 'FIGURE_FILTER_INVALID'],
      [`/api/figures/cases.decided?${q("&filter=field=food'--")}`, null],
      [`/api/figures/cases.nothing?${q()}`, 'NOT_FOUND'],
      [`/api/figures/cases.decided?from=2026-02-30&to=2026-03-01`, 'VALIDATION_FAILED'],
    ] as const;
    for (const [url, code] of bad) {
      const r = await admin.get(url);
      if (code === null) expect(r.status, url).toBe(200);
      else expect([r.status >= 400 && r.status < 500, r.body.error?.code], url).toEqual([true, code]);
    }
  });
});

describe('comparisons (对比)', () => {
  it("a supervisor compares the bodies under them, a bureau its units; each column is that body's or unit's own number", async () => {
    const bureau = await orgIdByName(env, '示例区市场监督管理局');
    const station2 = await orgIdByName(env, '第二市场监管所');
    const decided = (b: { items: { id: string; values: Record<string, { value: number }> }[] }) => b.items.find((i) => i.id === 'cases.decided')!;
    const bureauTotal = (await admin.get(`/api/figures/cases.decided?${q()}`)).body.value;
    expect(bureauTotal).toBeGreaterThan(0);

    const jiandu = client(env.app, await login(env.app, 'jiandu'));
    const bodies = await jiandu.get(`/api/figures/compare?${q()}`);
    expect(bodies.status).toBe(200);
    expect(bodies.body.by).toBe('body');
    expect(bodies.body.columns).toContainEqual({ key: bureau, label: '示例区市场监督管理局' });
    expect(decided(bodies.body).values[bureau].value).toBe(bureauTotal);
    // the body as a filter gives the same number on the figure's own page
    const filtered = await jiandu.get(`/api/figures/cases.decided?${q(`&filter=body=${bureau}`)}`);
    expect(filtered.body.value).toBe(bureauTotal);
    expect(filtered.body.groups.find((g: { key: string }) => g.key === 'body').items).toEqual([
      expect.objectContaining({ key: bureau, label: '示例区市场监督管理局', value: bureauTotal }),
    ]);

    const units = await admin.get(`/api/figures/compare?${q('&by=org')}`);
    const zhifa = client(env.app, await login(env.app, 'zhifa'));
    expect(decided(units.body).values[station2].value).toBe((await zhifa.get(`/api/figures/cases.decided?${q()}`)).body.value);

    // a sibling district compares only its own
    const erqu = client(env.app, await login(env.app, 'erqu'));
    const theirs = await erqu.get(`/api/figures/compare?${q()}`);
    expect(theirs.body.columns.map((c: { key: string }) => c.key)).not.toContain(bureau);
    expect((await erqu.get(`/api/figures/compare?${q(`&orgId=${bureau}`)}`)).status).toBe(404);
    expect((await admin.get(`/api/figures/compare?${q('&by=color')}`)).body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('figure sets', () => {
  it('keeps every figure with the signed tree head and its values hash in the record; the check recomputes', async () => {
    const zhifa = client(env.app, await login(env.app, 'zhifa'));
    expect((await zhifa.post('/api/figures/sets', Y)).status).toBe(403);
    const r = await admin.post('/api/figures/sets', Y);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.treeSize).toBeGreaterThan(0);
    expect(r.body.items.find((i: { id: string }) => i.id === 'cases.fines').value).toBe(15_010_000);
    const head = (await admin.get('/api/record/tree-heads')).body;
    const heads = Array.isArray(head) ? head : head.items;
    expect(heads.some((h: { treeSize: number; rootHash: string }) => h.treeSize === r.body.treeSize && h.rootHash === r.body.rootHash)).toBe(true);
    const entry = await env.ctx.db.query<{ payload: string }>(`select payload from ledger_entries where matter_type = 'figureSet' and matter_id = $1`, [
      r.body.id,
    ]);
    expect(JSON.parse(entry.rows[0].payload)).toMatchObject({ setId: r.body.id, valuesHash: r.body.valuesHash, treeSize: r.body.treeSize });
    const check = await admin.get(`/api/figures/sets/${r.body.id}/check`);
    expect(check.body).toMatchObject({ valuesHashHolds: true, changed: [] });
    // a new record changes a number: the check names it, the kept set does not move
    expect((await admin.post('/api/publicity/credit-exports', { format: 'json' })).status).toBe(201);
    const again = await admin.get(`/api/figures/sets/${r.body.id}`);
    expect(again.body.items).toEqual(r.body.items);
    expect((await admin.get(`/api/figures/sets`)).body.items[0].id).toBe(r.body.id);
    const erqu = client(env.app, await login(env.app, 'erqu'));
    expect((await erqu.get(`/api/figures/sets/${r.body.id}`)).status).toBe(404);
    // the set's record entry, through the generic record routes and the set's own policy
    const rec = await admin.get(`/api/record/matters/figureSet/${r.body.id}`);
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect(JSON.stringify(rec.body)).toContain('figureSet.computed');
    expect((await erqu.get(`/api/record/matters/figureSet/${r.body.id}`)).status).toBe(404);
    // the database refuses to change a kept set
    await expect(env.owner.query(`update figure_sets set tree_size = 0 where id = $1`, [r.body.id])).rejects.toThrow(/never changed/);
  });
});
