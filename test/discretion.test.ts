import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldenMismatches, loadGoldenCases } from '../src/domain/discretion/golden/cases.ts';
import { importLawText } from '../src/modules/laws/commands/import-law.ts';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { SAMPLE_LAWS_DIR } from '../src/seed/lawFiles.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
let district: string;
const count = async (table: string) => (await env.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
const violationId = async (code: string) => (await env.ctx.db.query<{ id: string }>('select id from violations where code = $1', [code])).rows[0].id;
const calc = (c: ReturnType<typeof client>, body: Record<string, unknown>) =>
  c.post('/api/discretion/calculate', { violationDate: '2025-06-01', decisionDate: '2025-09-01', partyType: 'organisation', ...body });

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  admin = client(env.app, await login(env.app, 'admin'));
  district = await orgIdByName(env, '示例区市场监督管理局');
});
afterAll(() => env.close());

describe('the seeded catalogue', () => {
  it('has the sample violations, each citing what it violates and what punishes it, with its record', async () => {
    const r = await admin.get('/api/discretion/violations');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(25);
    const roles = (
      await env.ctx.db.query<{ subject_id: string; roles: string[] }>(
        `select subject_id, array_agg(distinct role order by role) as roles from citations where subject_type = 'violation' group by subject_id`,
      )
    ).rows;
    expect(roles).toHaveLength(r.body.items.length);
    for (const x of roles) expect(x.roles).toEqual(['punishes', 'violates']);
    const sp001 = r.body.items.find((v: { code: string }) => v.code === 'SP-001');
    const detail = (await admin.get(`/api/discretion/violations/${sp001.id}`)).body;
    expect(detail.punishes).toEqual(['食品安全法@2021-04-29#第一百二十四条']);
    expect(detail.articles['食品安全法@2021-04-29#第一百二十四条']).toMatchObject({
      label: '第一百二十四条',
      sourceId: '食品安全法',
      versionDate: '2021-04-29',
    });
    expect(detail.benchmarks.map((b: { documentNumber: string }) => b.documentNumber)).toEqual(['示市监法〔2023〕12号', '示市监法〔2025〕31号']);
    const rec = (await admin.get(`/api/record/matters/violation/${sp001.id}`)).body;
    expect(rec.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['violation.created']);
    const brec = (await admin.get(`/api/record/matters/discretionBenchmark/${detail.benchmarks[0].id}`)).body;
    expect(brec.entries[0].eventType).toBe('discretionBenchmark.created');
  });
});

describe('golden cases through the API (the stored rules give the same answers as the sample data)', () => {
  for (const c of loadGoldenCases()) {
    it(`${c.violation} ${c.name}`, async () => {
      const r = await admin.post('/api/discretion/calculate', { violation: c.violation, ...c.input });
      if (c.expect.error) {
        expect(r.status).toBe(422);
        expect(r.body.error.code).toBe(c.expect.error);
        return;
      }
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(goldenMismatches(r.body, c.expect)).toEqual([]);
    });
  }
});

describe('the explanation', () => {
  it('cites every rule applied, links the articles, and shows 从旧兼从轻', async () => {
    const r = await calc(admin, {
      violation: 'SP-001',
      violationDate: '2025-11-20',
      decisionDate: '2026-02-10',
      bases: { goodsValue: 1408000 },
      circumstances: ['firstOffence', 'cooperative', 'eliminatedHarm'],
    });
    expect(r.status).toBe(200);
    const steps = r.body.trace.map((s: { step: string }) => s.step);
    expect(steps).toContain('benchmark.fromOldOrLighter');
    const temporal = r.body.trace.find((s: { step: string }) => s.step === 'benchmark.fromOldOrLighter');
    expect(temporal.articleIds).toEqual(['行政处罚法@2021-01-22#第三十七条']);
    // the step is in official wording now (it may reach an instrument): 第三十七条's own "适用新的规定", and the rule id names 从旧兼从轻
    expect(temporal.text).toContain('新的规定处罚较轻，依照《行政处罚法》第三十七条的规定，适用新的规定');
    expect(temporal.rule).toBe('temporal.newerLighter');
    for (const s of r.body.trace) for (const a of s.articleIds) expect(r.body.articles[a], a).toBeDefined();
    expect(r.body.articles['行政处罚法@2021-01-22#第三十七条'].title).toBe('中华人民共和国行政处罚法');
    expect(r.body.rulesDigest).toMatch(/^[0-9a-f]{64}$/);
    // the same question gives the same digest; a different benchmark (2025 only) a different one
    const again = await calc(admin, {
      violation: 'SP-001',
      violationDate: '2025-11-20',
      decisionDate: '2026-02-10',
      bases: { goodsValue: 1408000 },
      circumstances: ['firstOffence', 'cooperative', 'eliminatedHarm'],
    });
    expect(again.body.rulesDigest).toBe(r.body.rulesDigest);
    const old = await calc(admin, { violation: 'SP-001', bases: { goodsValue: 1408000 }, circumstances: ['firstOffence'] });
    expect(old.body.rulesDigest).not.toBe(r.body.rulesDigest);
  });

  it('previews an unsaved benchmark (the editor) without writing anything', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const id = await violationId('SP-001');
    const current = (await admin.get(`/api/discretion/benchmarks?violationId=${id}`)).body.items.find((b: { current: boolean }) => b.current);
    const { id: bid, orgId, validFrom, validTo, documentTitle, documentNumber, circumstances, exemptions } = current;
    const tiers = current.tiers.map((t: { tier: string; kind: string }) =>
      t.tier === 'lighter' && t.kind === 'fine' ? { ...t, spec: { kind: 'share', fromPermille: 0, toPermille: 100 } } : t,
    );
    const before = await ledgerSize(env);
    const body = {
      violation: 'SP-001',
      violationDate: '2026-03-02',
      decisionDate: '2026-04-20',
      bases: { goodsValue: 1408000 },
      circumstances: ['firstOffence'],
    };
    const r = await calc(officer, { ...body, draft: { id: bid, orgId, validFrom, validTo, documentTitle, documentNumber, tiers, circumstances, exemptions } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.penalties.find((p: { kind: string }) => p.kind === 'fine').range).toEqual({ minFen: 14_080_000, maxFen: 15_488_000 });
    const bad = await calc(officer, {
      ...body,
      draft: {
        id: bid,
        orgId,
        validFrom,
        validTo,
        documentTitle,
        documentNumber,
        tiers: [{ tier: 'lighter', kind: 'closure', spec: { kind: 'apply', mode: 'required' } }],
        circumstances,
        exemptions,
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('BENCHMARK_INVALID');
    expect(await ledgerSize(env)).toBe(before);
    expect((await calc(officer, body)).body.penalties.find((p: { kind: string }) => p.kind === 'fine').range).toEqual({
      minFen: 14_080_000,
      maxFen: 16_896_000,
    });
  });

  it('explains the base-absent branch of 广告法 第五十五条', async () => {
    const r = await calc(admin, { violation: 'GG-001', bases: {} });
    const branch = r.body.trace.find((s: { step: string }) => s.step === 'statute.branch');
    expect(branch.text).toContain('广告费用无法计算或者明显偏低');
    expect(branch.articleIds).toEqual(['广告法@2021-04-29#第五十五条']);
    expect(r.body.branch.id).toBe('fixed');
  });
});

describe('thresholds per party type and per org', () => {
  it('uses the default before the district rule, the district rule after it, and a station override below it', async () => {
    const tsOrg = await calc(admin, { violation: 'TS-001', circumstances: ['firstOffence'] });
    expect(tsOrg.body.thresholds.hearing).toMatchObject({ thresholdFen: 10_000_000, ruleId: 'default.hearing', crossed: 'possible' });
    const person = await calc(admin, { violation: 'TS-001', partyType: 'naturalPerson', circumstances: ['firstOffence'] });
    expect(person.body.thresholds.hearing).toMatchObject({ thresholdFen: 1_000_000, crossed: 'yes' });
    const districtRule = await calc(admin, { violation: 'TS-001', violationDate: '2026-01-05', decisionDate: '2026-02-01', circumstances: ['firstOffence'] });
    expect(districtRule.body.thresholds.hearing.thresholdFen).toBe(5_000_000);
    expect(districtRule.body.thresholds.hearing.source).toContain('示例区市场监督管理局');

    const station2 = await orgIdByName(env, '第二市场监管所');
    const set = await admin.post('/api/discretion/thresholds', {
      orgId: station2,
      kind: 'hearing',
      validFrom: '2026-01-01',
      validTo: null,
      naturalPersonFen: 100_000,
      organisationFen: 2_000_000,
      articleId: '行政处罚法@2021-01-22#第六十三条',
      documentNumber: '示市监二所〔2026〕1号',
      note: '测试：所级标准',
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const atStation = await calc(officer, { violation: 'TS-001', violationDate: '2026-01-05', decisionDate: '2026-02-01', circumstances: ['firstOffence'] });
    expect(atStation.status).toBe(200);
    expect(atStation.body.orgId).toBe(station2);
    expect(atStation.body.thresholds.hearing).toMatchObject({ thresholdFen: 2_000_000, ruleId: set.body.id, crossed: 'yes' });
    // the district itself still uses its own rule
    expect((await calc(admin, { violation: 'TS-001', violationDate: '2026-01-05', decisionDate: '2026-02-01' })).body.thresholds.hearing.thresholdFen).toBe(
      5_000_000,
    );
    // overlapping threshold periods are rejected
    const dup = await admin.post('/api/discretion/thresholds', {
      orgId: station2,
      kind: 'hearing',
      validFrom: '2026-06-01',
      validTo: null,
      naturalPersonFen: 1,
      organisationFen: 1,
      articleId: '行政处罚法@2021-01-22#第六十三条',
      note: '重叠',
    });
    expect(dup.status).toBe(422);
    expect(dup.body.error.code).toBe('THRESHOLD_OVERLAP');
  });
});

describe('benchmark validity periods', () => {
  it('rejects an overlapping benchmark of the same violation and org, and writes nothing', async () => {
    const id = await violationId('JG-001');
    const before = await ledgerSize(env);
    const n = await count('discretion_benchmarks');
    const existing = (await admin.get(`/api/discretion/benchmarks?violationId=${id}`)).body.items[0];
    const { tiers, circumstances, exemptions } = existing;
    const r = await admin.post('/api/discretion/benchmarks', {
      violationId: id,
      orgId: district,
      validFrom: '2025-06-01',
      validTo: null,
      documentTitle: '重叠的基准',
      documentNumber: '示市监法〔2025〕99号',
      tiers,
      circumstances,
      exemptions,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('BENCHMARK_OVERLAP');
    expect(r.body.error.message).toContain('示市监法〔2023〕12号');
    expect(await ledgerSize(env)).toBe(before);
    expect(await count('discretion_benchmarks')).toBe(n);
  });

  it('accepts a successor once the old one ends, and the calculator picks by date', async () => {
    const id = await violationId('JG-001');
    const existing = (await admin.get(`/api/discretion/benchmarks?violationId=${id}`)).body.items[0];
    const end = await admin.patch(`/api/discretion/benchmarks/${existing.id}`, { validTo: '2026-06-30' });
    expect(end.status, JSON.stringify(end.body)).toBe(200);
    const tiers = existing.tiers.map((t: { tier: string; kind: string; spec: unknown }) =>
      t.tier === 'lighter' && t.kind === 'fine' ? { ...t, spec: { kind: 'amount', minFen: 0, maxFen: 50_000 } } : t,
    );
    const next = await admin.post('/api/discretion/benchmarks', {
      violationId: id,
      orgId: district,
      validFrom: '2026-07-01',
      validTo: null,
      documentTitle: '明码标价裁量基准（2026年修订）',
      documentNumber: '示市监法〔2026〕5号',
      tiers,
      circumstances: existing.circumstances,
      exemptions: existing.exemptions,
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const rec = (await admin.get(`/api/record/matters/discretionBenchmark/${existing.id}`)).body.entries.map((e: { eventType: string }) => e.eventType);
    expect(rec).toEqual(['discretionBenchmark.created', 'discretionBenchmark.updated']);
    // extending the old one into the new one's period is an overlap
    const back = await admin.patch(`/api/discretion/benchmarks/${existing.id}`, { validTo: null });
    expect(back.body.error.code).toBe('BENCHMARK_OVERLAP');
    const body = { violation: 'JG-001', partyType: 'naturalPerson', circumstances: ['firstOffence'] };
    expect(
      (await calc(admin, { ...body, violationDate: '2026-05-01', decisionDate: '2026-05-02' })).body.penalties.find((p: { kind: string }) => p.kind === 'fine')
        .range,
    ).toEqual({ minFen: 0, maxFen: 100_000 });
    // 从旧兼从轻: the act fell under the old benchmark, the decision under the lighter new one
    const later = (await calc(admin, { ...body, violationDate: '2026-05-01', decisionDate: '2026-08-01' })).body;
    expect(later.benchmark).toMatchObject({ documentNumber: '示市监法〔2026〕5号', reason: 'laterMoreLenient' });
    expect(later.penalties.find((p: { kind: string }) => p.kind === 'fine').range).toEqual({ minFen: 0, maxFen: 50_000 });
  });
});

describe('bad input: a 4xx with a stable code, a Chinese message, and nothing written', () => {
  const cases: { name: string; send: () => Promise<{ status: number; body: any }>; status: number; code: string }[] = [
    {
      name: 'unknown circumstance',
      send: () => calc(admin, { violation: 'SP-001', bases: { goodsValue: 1 }, circumstances: ['bribedTheInspector'] }),
      status: 422,
      code: 'UNKNOWN_CIRCUMSTANCE',
    },
    {
      name: 'decision before the act',
      send: () => calc(admin, { violation: 'SP-001', bases: { goodsValue: 1 }, violationDate: '2026-02-01', decisionDate: '2026-01-01' }),
      status: 422,
      code: 'INPUT_INVALID',
    },
    { name: 'goods value missing', send: () => calc(admin, { violation: 'CP-001' }), status: 422, code: 'BASE_REQUIRED' },
    { name: 'money as a float', send: () => calc(admin, { violation: 'SP-001', bases: { goodsValue: 14080.5 } }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'unknown violation', send: () => calc(admin, { violation: 'XX-999' }), status: 404, code: 'NOT_FOUND' },
    { name: 'extra field', send: () => calc(admin, { violation: 'SP-001', discount: 1 }), status: 400, code: 'VALIDATION_FAILED' },
    {
      name: 'violation citing an article the library lacks',
      send: () =>
        admin.post('/api/discretion/violations', {
          code: 'T-901',
          name: '测试',
          field: 'food',
          violates: ['食品安全法@2021-04-29#第九百条'],
          punishes: ['食品安全法@2021-04-29#第一百二十四条'],
          conditions: [],
          provisions: [{ kind: 'warning', mode: 'required', articleId: '食品安全法@2021-04-29#第一百二十四条', text: '警告' }],
        }),
      status: 422,
      code: 'ARTICLE_NOT_FOUND',
    },
    {
      name: 'violation with free-text legal reference',
      send: () =>
        admin.post('/api/discretion/violations', {
          code: 'T-902',
          name: '测试',
          field: 'food',
          violates: ['食品安全法第三十四条'],
          punishes: ['食品安全法@2021-04-29#第一百二十四条'],
          conditions: [],
          provisions: [{ kind: 'warning', mode: 'required', articleId: '食品安全法@2021-04-29#第一百二十四条', text: '警告' }],
        }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'fine without a statutory range',
      send: () =>
        admin.post('/api/discretion/violations', {
          code: 'T-903',
          name: '测试',
          field: 'food',
          violates: ['食品安全法@2021-04-29#第三十四条'],
          punishes: ['食品安全法@2021-04-29#第一百二十四条'],
          conditions: [],
          provisions: [{ kind: 'fine', mode: 'required', articleId: '食品安全法@2021-04-29#第一百二十四条', text: '罚款' }],
        }),
      status: 422,
      code: 'VIOLATION_INVALID',
    },
    {
      name: 'duplicate violation code',
      send: () =>
        admin.post('/api/discretion/violations', {
          code: 'SP-001',
          name: '测试',
          field: 'food',
          violates: ['食品安全法@2021-04-29#第三十四条'],
          punishes: ['食品安全法@2021-04-29#第一百二十四条'],
          conditions: [],
          provisions: [{ kind: 'warning', mode: 'required', articleId: '食品安全法@2021-04-29#第一百二十四条', text: '警告' }],
        }),
      status: 409,
      code: 'VIOLATION_CODE_TAKEN',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await ledgerSize(env);
      const n = await count('violations');
      const r = await c.send();
      expect(r.status, JSON.stringify(r.body)).toBe(c.status);
      expect(r.body.error.code).toBe(c.code);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await ledgerSize(env)).toBe(before);
      expect(await count('violations')).toBe(n);
    });
  }

  it('a benchmark row for a penalty the statute does not provide', async () => {
    const before = await ledgerSize(env);
    const r = await admin.post('/api/discretion/benchmarks', {
      violationId: await violationId('DS-001'),
      orgId: district,
      validFrom: '2030-01-01',
      validTo: null,
      documentTitle: '测试',
      documentNumber: '测试〔2030〕1号',
      tiers: [{ tier: 'heavier', kind: 'revokeLicence', spec: { kind: 'apply', mode: 'required' } }],
      circumstances: [],
      exemptions: [],
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('BENCHMARK_INVALID');
    expect(r.body.error.message).toContain('吊销许可证件');
    expect(await ledgerSize(env)).toBe(before);
  });
});

describe('authorization', () => {
  let other: { org: string; benchmark: string; admin: ReturnType<typeof client> };

  beforeAll(async () => {
    const city = await orgIdByName(env, '示例市市场监督管理局');
    const org = await env.ctx.db.transaction(async (tx) => {
      const id = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
        parentId: city,
        name: '邻区市场监督管理局',
        kind: 'bureau',
        isEnforcementBody: true,
        legalBasis: '行政处罚法 第十八条',
      });
      await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
        username: 'linqu_fz',
        displayName: '邻区法制',
        orgId: id,
        roles: ['legalReviewer'],
        password: 'Neighbour2026',
      });
      return id;
    });
    const neighbour = client(env.app, await login(env.app, 'linqu_fz', 'Neighbour2026'));
    const base = (await admin.get(`/api/discretion/benchmarks?violationId=${await violationId('SP-007')}`)).body.items[0];
    const b = await neighbour.post('/api/discretion/benchmarks', {
      violationId: base.violationId,
      orgId: org,
      validFrom: '2024-01-01',
      validTo: null,
      documentTitle: '邻区裁量基准',
      documentNumber: '邻市监〔2024〕1号',
      tiers: base.tiers,
      circumstances: base.circumstances,
      exemptions: base.exemptions,
    });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    other = { org, benchmark: b.body.id, admin: neighbour };
  });

  it('an officer calculates and reads but does not edit', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const before = await ledgerSize(env);
    expect((await calc(officer, { violation: 'SP-001', bases: { goodsValue: 1408000 } })).status).toBe(200);
    const list = (await officer.get(`/api/discretion/benchmarks?violationId=${await violationId('SP-001')}`)).body.items;
    expect(list.length).toBe(2);
    expect(list[0].abilities).toEqual({ read: true, update: false, viewRecord: true });
    expect((await officer.get('/api/discretion/violations')).body.items[0].abilities.update).toBe(false);
    expect((await officer.patch(`/api/discretion/benchmarks/${list[0].id}`, { documentTitle: '无权修改' })).status).toBe(403);
    expect((await officer.patch(`/api/discretion/violations/${list[0].violationId}`, { name: '无权修改' })).status).toBe(403);
    const station2 = await orgIdByName(env, '第二市场监管所');
    expect(
      (
        await officer.post('/api/discretion/benchmarks', {
          violationId: list[0].violationId,
          orgId: station2,
          validFrom: '2031-01-01',
          validTo: null,
          documentTitle: 'x',
          documentNumber: 'x',
          tiers: [],
          circumstances: [],
          exemptions: [],
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await officer.post('/api/discretion/thresholds', {
          orgId: station2,
          kind: 'hearing',
          validFrom: '2031-01-01',
          validTo: null,
          naturalPersonFen: 1,
          organisationFen: 1,
          articleId: '行政处罚法@2021-01-22#第六十三条',
          note: 'x',
        })
      ).status,
    ).toBe(403);
    expect((await officer.post('/api/discretion/benchmarks/import', { fileBase64: Buffer.from('x').toString('base64') })).status).toBe(403);
    expect(await ledgerSize(env)).toBe(before);
  });

  it("another district's benchmarks are invisible (404) and unusable", async () => {
    const before = await ledgerSize(env);
    expect((await admin.get(`/api/discretion/benchmarks/${other.benchmark}`)).status).toBe(404);
    expect((await admin.patch(`/api/discretion/benchmarks/${other.benchmark}`, { documentTitle: '越界' })).status).toBe(404);
    expect((await admin.get(`/api/record/matters/discretionBenchmark/${other.benchmark}`)).status).toBe(404);
    const all = (await admin.get('/api/discretion/benchmarks')).body.items;
    expect(all.some((b: { orgId: string }) => b.orgId === other.org)).toBe(false);
    expect(JSON.stringify((await admin.get(`/api/discretion/violations/${await violationId('SP-007')}`)).body)).not.toContain('邻区');
    expect((await calc(admin, { violation: 'SP-007', orgId: other.org })).status).toBe(404);
    expect(await ledgerSize(env)).toBe(before);
    // the neighbour sees its own, and the city supervisor sees both
    expect((await other.admin.get(`/api/discretion/benchmarks/${other.benchmark}`)).status).toBe(200);
    expect((await calc(other.admin, { violation: 'SP-007' })).body.benchmark.documentNumber).toBe('邻市监〔2024〕1号');
    const sup = client(env.app, await login(env.app, 'jiandu'));
    const seen = (await sup.get(`/api/discretion/benchmarks?violationId=${await violationId('SP-007')}`)).body.items
      .map((b: { documentNumber: string }) => b.documentNumber)
      .sort();
    expect(seen).toEqual(['示市监法〔2023〕12号', '邻市监〔2024〕1号']);
    expect((await sup.patch(`/api/discretion/benchmarks/${other.benchmark}`, { documentTitle: '监督修改' })).status).toBe(403);
  });

  it('anonymous callers get 401', async () => {
    const anon = client(env.app, null);
    expect((await anon.get('/api/discretion/violations')).status).toBe(401);
    expect((await anon.post('/api/discretion/calculate', { violation: 'SP-001' })).status).toBe(401);
  });
});

describe('a change of the law flags the violation (the one impact mechanism)', () => {
  it('importing a revised 食品安全法 flags violations citing a changed article, not benchmarks citing 行政处罚法', async () => {
    const LAWS = SAMPLE_LAWS_DIR;
    const text = readFileSync(join(LAWS, '食品安全法(2021-04-29).md'), 'utf8')
      .replace('<!-- INFO END -->', '2026年1月1日 测试用修正\n\n<!-- INFO END -->')
      .replace(
        '货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证：',
        '货值金额一万元以上的，并处货值金额十五倍以上三十倍以下罚款；情节严重的，吊销许可证：',
      );
    const r = await env.ctx.db.transaction((tx) => importLawText(env.ctx, tx, SYSTEM_ACTOR, { fileName: '食品安全法(2026-01-01).md', text }));
    expect(r.created).toBe(true);
    const sp001 = await violationId('SP-001');
    const flags = (
      await env.ctx.db.query<{ article_id: string; change: string; new_article_id: string; org_id: string }>(
        `select article_id, change, new_article_id, org_id from basis_flags where subject_type = 'violation' and subject_id = $1`,
        [sp001],
      )
    ).rows;
    expect(flags).toEqual([
      { article_id: '食品安全法@2021-04-29#第一百二十四条', change: 'amended', new_article_id: '食品安全法@2026-01-01#第一百二十四条', org_id: district },
    ]);
    // 第三十四条 did not change: SP-004 (第三十五条 / 第一百二十二条) is not flagged
    expect(
      (await env.ctx.db.query(`select 1 from basis_flags where subject_type = 'violation' and subject_id = $1`, [await violationId('SP-004')])).rows,
    ).toHaveLength(0);
    expect((await env.ctx.db.query(`select 1 from basis_flags where subject_type = 'discretionBenchmark'`)).rows).toHaveLength(0);
    const detail = (await admin.get(`/api/discretion/violations/${sp001}`)).body;
    expect(detail.openFlags).toBe(1);
    const rec = (await admin.get(`/api/record/matters/violation/${sp001}`)).body.entries.map((e: { eventType: string }) => e.eventType);
    expect(rec).toEqual(['violation.created', 'basis.flagged']);
  });
});
