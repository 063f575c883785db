/** platform/orgs.ts on the demo org tree: 示例市局 → 示例区局 → its units; 示例市局 → 示例二区局 → 示例二区第一市场监管所. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ancestorsOf, enforcementBodyOf, orgChain, orgSubtree, subtreeSql } from '../src/platform/orgs.ts';
import { createTestEnv, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
const id: Record<string, string> = {};
const names = {
  city: '示例市市场监督管理局',
  district: '示例区市场监督管理局',
  station2: '第二市场监管所',
  legal: '法制科',
  district2: '示例二区市场监督管理局',
  district2station: '示例二区第一市场监管所',
};
const districtUnits = [
  '综合行政执法大队',
  '第一市场监管所',
  '第二市场监管所',
  '第三市场监管所',
  '法制科',
  '食品安全监督管理科',
  '特种设备安全监察科',
  '价格监督检查和反不正当竞争科',
];

beforeAll(async () => {
  env = await createTestEnv();
  for (const [k, name] of Object.entries(names)) id[k] = await orgIdByName(env, name);
}, 300_000);
afterAll(() => env.close());

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('org hierarchy (platform/orgs.ts)', () => {
  it('orgChain: the org, then each parent up to the root', async () => {
    expect(await orgChain(env.ctx.db, id.station2)).toEqual([id.station2, id.district, id.city]);
    expect(await orgChain(env.ctx.db, id.district2station)).toEqual([id.district2station, id.district2, id.city]);
    expect(await orgChain(env.ctx.db, id.city)).toEqual([id.city]);
    expect(await orgChain(env.ctx.db, 'no-such-org')).toEqual([]);
  });

  it('ancestorsOf: the orgs above, not the org itself', async () => {
    expect(sorted(await ancestorsOf(env.ctx.db, id.legal))).toEqual(sorted([id.district, id.city]));
    expect((await ancestorsOf(env.ctx.db, id.city)).size).toBe(0);
  });

  it('orgSubtree: the org and everything below it, nothing of a sibling branch', async () => {
    const units = await Promise.all(districtUnits.map((n) => orgIdByName(env, n)));
    expect(sorted(await orgSubtree(env.ctx.db, id.district))).toEqual(sorted([id.district, ...units]));
    expect(sorted(await orgSubtree(env.ctx.db, id.district2))).toEqual(sorted([id.district2, id.district2station]));
    expect(await orgSubtree(env.ctx.db, id.station2)).toEqual([id.station2]);
    const all = (await env.ctx.db.query<{ id: string }>('select id from orgs')).rows.map((r) => r.id);
    expect(sorted(await orgSubtree(env.ctx.db, id.city))).toEqual(sorted(all));
    expect(await orgSubtree(env.ctx.db, 'no-such-org')).toEqual([]);
  });

  it('subtreeSql: the same subtree as a subquery', async () => {
    const r = await env.ctx.db.query<{ id: string }>(`select id from orgs where id in (${subtreeSql('$1')})`, [id.district2]);
    expect(sorted(r.rows.map((x) => x.id))).toEqual(sorted([id.district2, id.district2station]));
  });

  it('enforcementBodyOf: the org itself when it is a body, else the nearest body above', async () => {
    expect(await enforcementBodyOf(env.ctx.db, id.station2)).toBe(id.district);
    expect(await enforcementBodyOf(env.ctx.db, id.legal)).toBe(id.district);
    expect(await enforcementBodyOf(env.ctx.db, id.district)).toBe(id.district);
    expect(await enforcementBodyOf(env.ctx.db, id.district2station)).toBe(id.district2);
    expect(await enforcementBodyOf(env.ctx.db, id.city)).toBe(id.city);
    expect(await enforcementBodyOf(env.ctx.db, 'no-such-org')).toBeNull();
  });
});
