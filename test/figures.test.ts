/**
 * The figure catalogue (issue 18 part 1): every declared figure's facts query runs and has the columns the mechanism
 * reads; numbers agree with the records listed behind them; each figure is checked against a count made by hand from
 * the demo bureau's records through the modules' own APIs; scope, period and filters are guarded; a figure set keeps
 * the tree head and its values' hash, and its check recomputes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupKeys } from '../src/platform/figures/compute.ts';
import { client, createTestEnv, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
const Y = { from: '2026-01-01', to: '2026-12-31' };

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
    expect(decided.dimensions.map((d: { key: string }) => d.key)).toEqual(['field', 'procedure', 'outcome', 'org']);
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
      if (recs.body.total <= 500) expect(d.body.value, f.id).toBeCloseTo(expected ?? Number.NaN, 6);
      for (const g of d.body.groups) {
        const n = g.items.reduce((a: number, x: { records: number }) => a + x.records, 0);
        expect(n, `${f.id} by ${g.key}`).toBe(d.body.records);
      }
      expect(d.body.groups.map((g: { key: string }) => g.key)).toEqual(groupKeys(f));
    }
  });
});
