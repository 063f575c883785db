/**
 * The calculator through the API: statutory effects before benchmark tiers (行政处罚法 第三十二条、第三十三条, 商标法
 * 第六十条, 电子商务法 第八十一条, 药品管理法 第一百三十九条) and 从旧兼从轻 over the statute versions the law library
 * holds (行政处罚法 第三十七条; 农产品质量安全法 2018 / 2022).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agriculture2018, agriculturePeriods, agricultureViolation } from '../src/domain/discretion/golden/agriculture.ts';
import { withEarlier } from '../web/src/pages/discretion/earlierStatutes.ts';
import { lawVersionInForce, lawVersionPeriods } from '../src/modules/laws/index.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
const calc = (body: Record<string, unknown>) =>
  admin.post('/api/discretion/calculate', { violationDate: '2025-06-01', decisionDate: '2025-09-01', partyType: 'organisation', ...body });

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  admin = client(env.app, await login(env.app, 'admin'));
});
afterAll(() => env.close());

describe('the law library knows which version was in force on a date', () => {
  it('农产品质量安全法: the 2018 text until 2022-12-31, the 2022 revision from 2023-01-01 ("本法自2023年1月1日起施行")', async () => {
    const periods = await lawVersionPeriods(env.ctx.db, ['农产品质量安全法']);
    expect(periods.map(({ versionId, from, to }) => ({ versionId, from, to }))).toEqual(agriculturePeriods);
    expect((await lawVersionInForce(env.ctx.db, '农产品质量安全法', '2022-12-31'))?.versionId).toBe('农产品质量安全法@2018-10-26');
    expect((await lawVersionInForce(env.ctx.db, '农产品质量安全法', '2023-01-01'))?.versionId).toBe('农产品质量安全法@2022-09-02');
    expect(await lawVersionInForce(env.ctx.db, '农产品质量安全法', '2005-01-01')).toBeNull();
  });
});

describe('the violation form keeps the statute as it was when a law is amended (行政处罚法 第三十七条)', () => {
  it('updating NC-002 from the 2018 text to the 2022 revision keeps the 2018 text as an earlier version; an unchanged statute adds none', async () => {
    const { earlierStatutes: _e, ...current } = agricultureViolation;
    const created = await admin.post('/api/discretion/violations', { ...current, ...agriculture2018, code: 'NC-002' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = (await admin.get(`/api/discretion/violations/${created.body.id}`)).body;
    expect(before.earlierStatutes).toEqual([]);
    const { violates, punishes, conditions, provisions } = agricultureViolation;
    const update = withEarlier(before, { violates, punishes, conditions, provisions });
    expect(update.earlierStatutes).toHaveLength(1);
    const r = await admin.patch(`/api/discretion/violations/${created.body.id}`, update);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = (await admin.get(`/api/discretion/violations/${created.body.id}`)).body;
    expect(after.punishes).toEqual(['农产品质量安全法@2022-09-02#第七十一条']);
    expect(after.earlierStatutes.map((s: { punishes: string[] }) => s.punishes)).toEqual([['农产品质量安全法@2018-10-26#第五十条']]);
    expect(withEarlier(after, { violates, punishes, conditions, provisions }).earlierStatutes).toBeUndefined();
  });
});

describe('从旧兼从轻 over statute versions, through the API', () => {
  let id: string;
  it('a violation keeps its earlier statute version, cites its articles and records it', async () => {
    const before = await ledgerSize(env);
    const r = await admin.post('/api/discretion/violations', agricultureViolation);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(await ledgerSize(env)).toBe(before + 1);
    const detail = (await admin.get(`/api/discretion/violations/${id}`)).body;
    expect(detail.earlierStatutes[0].punishes).toEqual(['农产品质量安全法@2018-10-26#第五十条']);
    const cited = (
      await env.ctx.db.query<{ article_id: string }>(`select article_id from citations where subject_type = 'violation' and subject_id = $1`, [id])
    ).rows.map((x) => x.article_id);
    expect(cited).toEqual(expect.arrayContaining(['农产品质量安全法@2018-10-26#第五十条', '农产品质量安全法@2022-09-02#第七十一条']));
    const rec = (await admin.get(`/api/record/matters/violation/${id}`)).body;
    expect(rec.entries[0].payload.earlierStatutes).toHaveLength(1);
  });

  it('an act of 2022-12 decided in 2023: the 2018 text punishes less and applies; the trace names both versions', async () => {
    const r = await calc({ violation: 'NC-001', violationDate: '2022-12-01', decisionDate: '2023-03-01', bases: { goodsValue: 500_000 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.statute).toMatchObject({ version: '农产品质量安全法@2018-10-26', reason: 'inForceAtViolation', atDecision: '农产品质量安全法@2022-09-02' });
    expect(r.body.legalRange).toMatchObject({ minFen: 200_000, maxFen: 2_000_000 });
    const step = r.body.trace.find((s: { step: string }) => s.step === 'statute.fromOldOrLighter');
    expect(step.text).toContain('适用违法行为发生时的规定');
    expect(r.body.articles['农产品质量安全法@2018-10-26#第五十条']).toMatchObject({ versionDate: '2018-10-26' });
  });

  it('an act of 2023 is judged by the 2022 text', async () => {
    const r = await calc({ violation: 'NC-001', violationDate: '2023-02-01', decisionDate: '2023-03-01', bases: { goodsValue: 500_000 } });
    expect(r.body.statute.version).toBe('农产品质量安全法@2022-09-02');
    expect(r.body.legalRange).toMatchObject({ minFen: 5_000_000, maxFen: 10_000_000 });
  });

  it('an earlier version citing the same law version as the current one is refused, nothing written', async () => {
    const before = await ledgerSize(env);
    const r = await admin.post('/api/discretion/violations', {
      ...agricultureViolation,
      code: 'NC-002',
      earlierStatutes: [{ ...agricultureViolation, code: undefined, name: undefined, field: undefined, earlierStatutes: undefined }].map(
        ({ violates, punishes, conditions, provisions }) => ({ violates, punishes, conditions, provisions }),
      ),
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('VIOLATION_INVALID');
    expect(await ledgerSize(env)).toBe(before);
  });
});

describe('statutory effects come first, through the API', () => {
  it('第三十三条第一款 applies to TS-001 though its benchmark lists no exemption; the deciding rule is in the response', async () => {
    const r = await calc({ violation: 'TS-001', circumstances: ['minorViolation', 'correctedPromptly', 'noHarm'] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ tier: 'noPenalty', decidingRule: { id: 'statute.minorNoPenalty', nature: 'statutory' } });
  });

  it('商标法第六十条 应当从重 with 酌定 从轻 circumstances stays 从重, each circumstance shown as 法定 or 酌定', async () => {
    const r = await calc({ violation: 'SB-001', bases: { illegalTurnover: 20_000_000 }, circumstances: ['trademarkRepeat', 'firstOffence', 'cooperative'] });
    expect(r.body.tier).toBe('heavier');
    expect(r.body.circumstances.map((c: { id: string; nature: string }) => [c.id, c.nature])).toEqual(
      expect.arrayContaining([
        ['trademarkRepeat', 'statutory'],
        ['firstOffence', 'discretionary'],
      ]),
    );
  });

  it('药品管理法第一百三十九条: the revocation is a recommendation to the issuing department', async () => {
    const r = await calc({ violation: 'YP-001', bases: { goodsValue: 50_000 } });
    const revoke = r.body.penalties.find((p: { kind: string }) => p.kind === 'revokeLicence');
    expect(revoke.reservedTo).toMatchObject({ authority: '原批准、发证的部门', articleId: '药品管理法@2019-08-26#第一百三十九条' });
    expect(r.body.articles['药品管理法@2019-08-26#第一百三十九条']).toBeDefined();
  });

  it('a 减轻 result says so and is never 简易程序', async () => {
    const r = await calc({ violation: 'TS-002', partyType: 'naturalPerson', circumstances: ['overdueUncorrected', 'eliminatedHarm', 'mitigationDecided'] });
    expect(r.body.mitigation).toMatchObject({ belowRange: true, statutory: true });
    expect(r.body.summaryProcedure.possible).toBe(false);
  });
});
