/**
 * 双随机、一公开 end to end through the API: item, pool import, plan, task, commitment, draw,
 * re-run from the revealed seed, results, completion and publication — and every bad input of the
 * issue, each with a clear code and Chinese message and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDraw } from '../src/domain/draw/draw.ts';
import { verifyDrawDocument, type DrawDocument } from '../src/domain/inspections/drawDocument.ts';
import { computeDeadline } from '../src/domain/deadlines/compute.ts';
import { deadlineRuleById } from '../src/domain/deadlines/rules.ts';
import { loadCalendar } from '../src/modules/calendar/store.ts';
import { chinaToday } from '../src/domain/dates.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';
import { importCsv, itemInput, targetCsv, taskInput, uscc } from './inspections-fixtures.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
let s: Awaited<ReturnType<typeof login>>;
let district: string;
let itemId: string;
let planId: string;
let taskId: string;
let relatedOfficer: string;

const count = async (table: string) => Number((await env.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n);

beforeAll(async () => {
  env = await createTestEnv();
  s = await login(env.app, 'admin');
  admin = client(env.app, s);
  district = await orgIdByName(env, '示例区市场监督管理局');
}, 60_000);
afterAll(() => env?.close());

describe('random inspections, good path', () => {
  it('keeps the item list, versioned and recorded', async () => {
    const r = await admin.post('/api/inspections/items', itemInput(district));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    itemId = r.body.id;
    const again = await admin.post(`/api/inspections/items/${itemId}`, itemInput(district, { frequency: '每年不少于一次' }));
    expect(again.status).toBe(200);
    const list = await admin.get(`/api/inspections/items?bodyId=${district}`);
    expect(list.body.items[0]).toMatchObject({ code: 'SJ-SP-001', version: 2, frequency: '每年不少于一次', fieldLabel: '食品安全' });
    const pub = await client(env.app, null).get('/api/public/inspections/items');
    expect(pub.body.items.map((i: { code: string }) => i.code)).toContain('SJ-SP-001');
  });

  it('imports the target pool with one record entry and merges a re-import by uscc', async () => {
    const before = await ledgerSize(env);
    const r = await importCsv(env, s, district, targetCsv(40));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ rows: 40, added: 40, updated: 0, unchanged: 0, flagged: 0 });
    expect(await ledgerSize(env)).toBe(before + 1);
    const again = await importCsv(env, s, district, targetCsv(5, { rename: true }));
    expect(again.body).toMatchObject({ rows: 5, added: 0, updated: 5, unchanged: 0 });
    expect(await count('inspection_targets')).toBe(40);
    const search = await admin.get(`/api/inspections/targets?bodyId=${district}&q=${encodeURIComponent('新食品店3号')}`);
    expect(search.body.total).toBe(1);
    expect(search.body.items[0].uscc).toBe(uscc(3));
    const byUscc = await admin.get(`/api/inspections/targets?bodyId=${district}&q=${uscc(7).toLowerCase()}`);
    expect(byUscc.body.items[0].name).toBe('示例区食品店7号');
  });

  it('declares a relation: the inspector whose brother runs a shop is recused from it', async () => {
    const officers = await admin.get(`/api/inspections/inspectors?bodyId=${district}&field=food`);
    const eligible = officers.body.items.filter((o: { eligible: boolean }) => o.eligible);
    relatedOfficer = eligible[0].officerId;
    const r = await admin.post(`/api/inspections/inspectors/${relatedOfficer}/relations`, {
      kind: 'relative',
      uscc: uscc(3),
      note: '其兄经营示例区食品店3号',
      declaredOn: chinaToday(),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const expired = officers.body.items.find((o: { reason: string | null }) => o.reason?.includes('已过期'));
    expect(expired).toBeTruthy();
  });

  it('plans a task, freezes the candidates and publishes the commitment', async () => {
    const plan = await admin.post('/api/inspections/plans', { bodyId: district, year: new Date().getFullYear(), title: '年度双随机抽查工作计划' });
    expect(plan.status).toBe(201);
    planId = plan.body.id;
    const t = await admin.post('/api/inspections/tasks', taskInput(planId, itemId));
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    expect(t.body).toMatchObject({ state: 'draft', fieldLabel: '食品安全', draw: null });
    taskId = t.body.id;
    const c = await admin.post(`/api/inspections/tasks/${taskId}/commit`, { expectedVersion: t.body.version });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.state).toBe('committed');
    expect(c.body.draw).toMatchObject({ algorithm: 'fazhi-draw/v1', targetCount: 40, secret: null, seed: null, drawnAt: null });
    expect(c.body.draw.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(c.body.draw.excluded.some((x: { code: string }) => x.code === 'NO_VALID_CERTIFICATE')).toBe(true);
    // before the draw the public document has the digest and the commitment, not the secret
    const doc = await client(env.app, null).get(`/api/public/inspections/draws/${taskId}`);
    expect(doc.body).toMatchObject({ candidatesDigest: c.body.draw.candidatesDigest, commitment: c.body.draw.commitment, secret: null, assignments: null });
    expect(doc.body.candidates.recusals[relatedOfficer]).toEqual([uscc(3)]);
  });

  it('draws once, with the rules applied, and reveals the seed', async () => {
    const t = await admin.get(`/api/inspections/tasks/${taskId}`);
    const d = await admin.post(`/api/inspections/tasks/${taskId}/draw`, { expectedVersion: t.body.version });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.state).toBe('drawn');
    expect(d.body.draw.secret).toMatch(/^[0-9a-f]{64}$/);
    // 40 targets, 10 per class: ceil(10 × 10 %) + ceil(10 × 25 %) + ceil(10 × 50 %) + 10
    expect(d.body.counts.drawn).toBe(1 + 3 + 5 + 10);
    const a = await admin.get(`/api/inspections/tasks/${taskId}/assignments`);
    const units = new Map<string, string>();
    for (const x of a.body.items) {
      expect(x.inspectors).toHaveLength(2);
      expect(new Set(x.inspectors.map((i: { orgName: string }) => i.orgName)).size).toBe(2);
      if (x.uscc === uscc(3)) expect(x.inspectors.map((i: { officerId: string }) => i.officerId)).not.toContain(relatedOfficer);
      for (const i of x.inspectors) units.set(i.officerId, i.orgName);
    }
    // load balanced: nobody has more than one assignment more than anybody drawn
    const load = new Map<string, number>();
    for (const x of a.body.items) for (const i of x.inspectors) load.set(i.officerId, (load.get(i.officerId) ?? 0) + 1);
    expect(Math.max(...load.values()) - Math.min(...load.values())).toBeLessThanOrEqual(1);
  });

  it('a re-run of the published draw from its revealed seed gives the same assignment', async () => {
    const doc: DrawDocument = (await client(env.app, null).get(`/api/public/inspections/draws/${taskId}`)).body;
    const rerun = runDraw(doc.candidates, Buffer.from(doc.seed!, 'hex'));
    expect(rerun.assignments).toEqual(doc.assignments);
    const check = verifyDrawDocument(doc);
    expect(check.ok, JSON.stringify(check.checks)).toBe(true);
    expect(check.revealed).toBe(true);
    const api = await admin.get(`/api/inspections/tasks/${taskId}/verify`);
    expect(api.body.ok).toBe(true);
    expect(api.body.checks.map((c: { name: string }) => c.name)).toContain('treeHeadSignature');
    // a tampered document fails: a different seed gives a different draw
    const forged = { ...doc, assignments: [...doc.assignments!].reverse() };
    expect(verifyDrawDocument(forged).ok).toBe(false);
  });

  it('refuses a second draw: DRAW_ALREADY_RUN, nothing changed', async () => {
    const t = await admin.get(`/api/inspections/tasks/${taskId}`);
    const before = await ledgerSize(env);
    const assignments = await count('inspection_assignments');
    const again = await admin.post(`/api/inspections/tasks/${taskId}/draw`, { expectedVersion: t.body.version });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DRAW_ALREADY_RUN');
    expect(again.body.error.message).toMatch(/已于.*完成抽取/);
    const commitAgain = await admin.post(`/api/inspections/tasks/${taskId}/commit`, { expectedVersion: t.body.version });
    expect(commitAgain.status).toBe(409);
    expect(await ledgerSize(env)).toBe(before);
    expect(await count('inspection_assignments')).toBe(assignments);
    expect((await admin.get(`/api/inspections/tasks/${taskId}`)).body.draw.seed).toBe(t.body.draw.seed);
  });

  it('enters results, completes the task (20 working days to publish) and publishes', async () => {
    const a = (await admin.get(`/api/inspections/tasks/${taskId}/assignments`)).body.items;
    const t0 = await admin.get(`/api/inspections/tasks/${taskId}`);
    const early = await admin.post(`/api/inspections/tasks/${taskId}/complete`, { expectedVersion: t0.body.version });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('RESULTS_MISSING');
    const today = chinaToday();
    for (const [k, x] of a.entries()) {
      const r = await admin.post(`/api/inspections/tasks/${taskId}/results`, {
        targetId: x.targetId,
        inspectedOn: today,
        checkedItems: ['经营资质', '明码标价'],
        finding: k < 3 ? 'problemFound' : 'qualified',
        description: k < 3 ? '未公示价目表' : '',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const dup = await admin.post(`/api/inspections/tasks/${taskId}/results`, {
      targetId: a[0].targetId,
      inspectedOn: today,
      checkedItems: ['经营资质'],
      finding: 'qualified',
    });
    expect(dup.status).toBe(409);
    const t1 = await admin.get(`/api/inspections/tasks/${taskId}`);
    expect(t1.body.counts).toMatchObject({ drawn: a.length, entered: a.length, problems: 3 });
    const done = await admin.post(`/api/inspections/tasks/${taskId}/complete`, { expectedVersion: t1.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const due = computeDeadline(deadlineRuleById.get('inspection.resultsPublication')!, await loadCalendar(env.ctx.db), { start: today }).due;
    expect(done.body.publication).toMatchObject({ status: 'pending', dueDate: due, resultsFormedOn: today });
    const deadline = (
      await env.ctx.db.query<{ due: string }>(
        `select due_date as due from matter_deadlines where matter_id = $1 and rule_id = 'inspection.resultsPublication'`,
        [taskId],
      )
    ).rows[0];
    expect(deadline.due).toBe(due);
    // the publicity supervision overview follows the results' publication
    const pending = (await admin.get('/api/publicity/overview')).body.inspectionResults;
    expect(pending).toMatchObject({ overdue: [], pending: [{ taskId, due }], rates: [expect.objectContaining({ required: 1, published: 0, rate: 0 })] });
    const pub = await admin.post(`/api/inspections/tasks/${taskId}/publish`, { expectedVersion: done.body.version });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect((await admin.get('/api/publicity/overview')).body.inspectionResults).toMatchObject({
      pending: [],
      rates: [expect.objectContaining({ required: 1, published: 1, onTime: 1, rate: 100, onTimeRate: 100 })],
    });
    expect(pub.body).toMatchObject({ state: 'published', publication: { status: 'published' } });
    const open = await client(env.app, null).get('/api/public/inspections/results');
    expect(open.body.items[0].content.results).toHaveLength(a.length);
    const stats = await admin.get(`/api/inspections/stats?bodyId=${district}`);
    expect(stats.body).toMatchObject({ tasks: 1, published: 1, pool: 40, drawn: a.length, inspected: a.length, problems: 3, publications: { onTime: 1 } });
    expect(stats.body.byRiskClass.find((r: { key: string }) => r.key === 'D')).toMatchObject({ pool: 10, drawn: 10 });
  });

  it('publishes each entity’s result as a publication of its own: searchable, corrected and withdrawn on its own', async () => {
    const pubs = (
      await env.ctx.db.query<{ id: string; state: string; uscc: string }>(
        `select p.id, p.state, p.party_uscc as uscc from publications p join inspection_results r on r.id = p.source_id where p.kind = 'inspectionResult' and r.task_id = $1 order by p.party_uscc`,
        [taskId],
      )
    ).rows;
    const results = (await admin.get(`/api/inspections/tasks/${taskId}/assignments`)).body.items;
    expect(pubs).toHaveLength(results.length);
    expect(pubs.every((p) => p.state === 'published')).toBe(true);
    const anon = client(env.app, null);
    // found by the entity's code in the results, not among the penalty decisions
    const found = await anon.get(`/api/public/publications?kind=inspectionResult&q=${pubs[0].uscc}`);
    expect(found.body.items).toEqual([expect.objectContaining({ id: pubs[0].id, kind: 'inspectionResult', kindLabel: '双随机抽查结果' })]);
    expect((await anon.get(`/api/public/publications?q=${pubs[0].uscc}`)).body.total).toBe(0);
    const detail = (await anon.get(`/api/public/publications/${pubs[0].id}`)).body;
    expect(detail.current).toMatchObject({
      kind: 'inspectionResult',
      party: { uscc: pubs[0].uscc },
      task: { name: expect.any(String) },
      items: [expect.objectContaining({ name: expect.any(String) })],
    });
    const page = await env.app.inject({ method: 'GET', url: `/portal/decisions/${pubs[0].id}` });
    expect(page.body).toContain('抽查检查结果');
    expect(page.body).toContain(detail.current.findingLabel);

    // a correction of one finding by the leader: a new version; the portal's result list follows
    const leader = client(env.app, await login(env.app, 'lingdao'));
    const step = async (id: string, name: string, input: unknown) => {
      const m = (await env.ctx.db.query<{ version: number }>('select version from matters where id = $1', [id])).rows[0];
      return leader.post(`/api/publicity/publications/${id}/transitions/${name}`, { expectedVersion: m.version, input });
    };
    expect((await step(pubs[0].id, 'correct', { reason: '检查结果录入有误', content: { finding: 'wrong' } })).status).toBe(400);
    const fixed = await step(pubs[0].id, 'correct', {
      reason: '检查结果录入有误，经复核更正',
      content: { finding: 'correctionOrdered', description: '未公示价目表，已责令整改' },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({
      state: 'corrected',
      stateLabel: '公示中（已更正）',
      bodyName: '示例区市场监督管理局',
      source: { matterType: 'inspectionTask', matterId: taskId },
    });
    expect(fixed.body.versions.map((v: { status: string }) => v.status)).toEqual(['superseded', 'current']);
    expect(fixed.body.versions[1].content).toMatchObject({
      finding: 'correctionOrdered',
      findingLabel: '发现问题，责令整改',
      description: '未公示价目表，已责令整改',
    });
    // credit repair is for penalty information only; an inspection result has no publicity period to expire
    const repair = await step(pubs[1].id, 'repair', { reason: '申请', applicant: '某公司', appliedOn: chinaToday() });
    expect(repair.status).toBe(422);
    expect(repair.body.error.code).toBe('REPAIR_NOT_APPLICABLE');
    const withdrawn = await step(pubs[1].id, 'withdraw', { reason: '检查对象有误，该户未被实际检查', ground: 'other' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const open = (await anon.get('/api/public/inspections/results')).body.items.find((i: { taskId: string }) => i.taskId === taskId);
    expect(open.current).toHaveLength(results.length - 1);
    expect(open.current.find((c: { publicationId: string }) => c.publicationId === pubs[0].id)).toMatchObject({
      findingLabel: '发现问题，责令整改',
      version: 2,
    });
    expect(open.current.some((c: { publicationId: string }) => c.publicationId === pubs[1].id)).toBe(false);
    // the task's published snapshot keeps what was published at the time (its hash is in the record)
    expect(open.content.results).toHaveLength(results.length);
    const portal = await env.app.inject({ method: 'GET', url: '/portal/inspections' });
    expect(portal.body).toContain(`/portal/decisions/${pubs[0].id}`);
    expect(portal.body).toContain('另有 1 户的结果已撤回公示');
  });

  it('keeps the whole record verifiable', async () => {
    const { verifyRecord } = await import('../src/platform/record/verify.ts');
    const r = await verifyRecord(env.ctx.db, { publicKeyPem: env.ctx.ledger.signer.publicKeyPem, fallbackAlg: env.ctx.ledger.hashAlg });
    expect(r.ok, JSON.stringify(r.firstProblem)).toBe(true);
  });
});

describe('bad input: clear errors, nothing changed', () => {
  const unchanged = async (fn: () => Promise<void>) => {
    const before = [await ledgerSize(env), await count('inspection_targets')];
    await fn();
    expect([await ledgerSize(env), await count('inspection_targets')]).toEqual(before);
  };

  it('an invalid uscc is refused with its row and the expected check character', () =>
    unchanged(async () => {
      const bad = uscc(900).slice(0, 17) + (uscc(900)[17] === '0' ? '1' : '0');
      const r = await importCsv(
        env,
        s,
        district,
        targetCsv(3, {
          from: 800,
          extra: [`${bad},坏代码商店,企业,张三,示例区1号,990105,食品销售,,B,存续`, 'ABC,格式错误商店,企业,张三,示例区2号,990105,食品销售,,B,存续'],
        }),
      );
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('IMPORT_INVALID');
      expect(r.body.error.details.errors).toEqual([
        { row: 5, column: '统一社会信用代码', message: expect.stringMatching(/校验位错误（按 GB 32100-2015 应为 /) },
        { row: 6, column: '统一社会信用代码', message: expect.stringContaining('格式错误') },
      ]);
      expect(r.body.error.message).toMatch(/未导入任何内容/);
    }));

  it('a register import flags a failing check character instead of refusing it', async () => {
    const bad = uscc(901).slice(0, 17) + (uscc(901)[17] === '0' ? '1' : '0');
    const r = await importCsv(
      env,
      s,
      district,
      targetCsv(0, { extra: [`${bad},历史代码商店,企业,张三,示例区3号,990105,食品销售,,B,存续`] }),
      '&fromRegister=true&dryRun=true',
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, rows: 1, added: 1, flagged: 1, importId: null });
  });

  it('duplicate entities in one file are refused, naming the first row', () =>
    unchanged(async () => {
      const r = await importCsv(env, s, district, targetCsv(2, { from: 810, extra: [`${uscc(810)},重复商店,企业,张三,示例区4号,990105,食品销售,,C,存续`] }));
      expect(r.status).toBe(422);
      expect(r.body.error.details.errors).toEqual([{ row: 4, column: '统一社会信用代码', message: expect.stringContaining('与第 2 行重复') }]);
    }));

  it('an unknown division code, a bad risk class and a missing name are refused', () =>
    unchanged(async () => {
      const r = await importCsv(
        env,
        s,
        district,
        targetCsv(0, {
          extra: [`${uscc(820)},,企业,张三,示例区5号,990199,食品销售,,E,存续`, `${uscc(821)},外区商店,企业,张三,示例区6号,990102,食品销售,,A,存续`],
        }),
      );
      expect(r.status).toBe(422);
      expect(r.body.error.details.errors).toEqual([
        { row: 2, column: '名称', message: '“名称”不能为空' },
        { row: 2, column: '行政区划代码', message: '行政区划代码“990199”不存在（GB/T 2260）' },
        { row: 2, column: '信用风险分类', message: expect.stringContaining('无效') },
        { row: 3, column: '行政区划代码', message: expect.stringContaining('不在本机关的管辖区域内') },
      ]);
    }));

  it('a ratio over 100 % is refused', () =>
    unchanged(async () => {
      const before = await count('inspection_tasks');
      const r = await admin.post('/api/inspections/tasks', taskInput(planId, itemId, { ratios: { A: 5, B: 5, C: 10, D: 120 } }));
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message).toContain('ratios.D');
      expect(r.body.error.details).toEqual([{ path: 'ratios.D', message: 'D 类抽查比例不能超过 100%' }]);
      const one = await admin.post('/api/inspections/tasks', taskInput(planId, itemId, { perTarget: 1 }));
      expect(one.status).toBe(400);
      expect(one.body.error.details[0].message).toContain('不少于 2 名');
      expect(await count('inspection_tasks')).toBe(before);
    }));

  it('too few eligible inspectors: 422 with the reason for each one left out, the task stays a draft', async () => {
    const se = await admin.post(
      '/api/inspections/items',
      itemInput(district, { code: 'SJ-TZ-001', name: '特种设备使用单位监督检查', subjectType: '特种设备使用单位', field: 'specialEquipment' }),
    );
    const t = await admin.post('/api/inspections/tasks', taskInput(planId, se.body.id, { name: '特种设备抽查', perTarget: 4 }));
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    const before = await ledgerSize(env);
    const c = await admin.post(`/api/inspections/tasks/${t.body.id}/commit`, { expectedVersion: t.body.version });
    expect(c.status).toBe(422);
    expect(c.body.error.code).toBe('TOO_FEW_INSPECTORS');
    expect(c.body.error.message).toMatch(/只来自 3 个科所，每户须 4 名来自不同科所的人员/);
    const ex = c.body.error.details.excluded as { name: string; code: string; reason: string }[];
    expect(ex.length).toBeGreaterThan(20);
    expect(ex.every((x) => x.reason.length > 0)).toBe(true);
    expect(ex.some((x) => x.code === 'FIELD_NOT_COVERED' && x.reason === '行政执法证不包含“特种设备安全”执法领域')).toBe(true);
    expect(ex.some((x) => x.code === 'NO_VALID_CERTIFICATE')).toBe(true);
    expect(await ledgerSize(env)).toBe(before);
    expect((await admin.get(`/api/inspections/tasks/${t.body.id}`)).body).toMatchObject({ state: 'draft', draw: null });
  });

  it('a public value from the past is refused', async () => {
    const t = await admin.post('/api/inspections/tasks', taskInput(planId, itemId, { name: '第二批' }));
    const c = await admin.post(`/api/inspections/tasks/${t.body.id}/commit`, { expectedVersion: t.body.version, publicAfter: '2020-01-01T00:00:00Z' });
    expect(c.status).toBe(422);
    expect(c.body.error.code).toBe('PUBLIC_AFTER_IN_PAST');
    // a future public value: the draw must wait for it
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const ok = await admin.post(`/api/inspections/tasks/${t.body.id}/commit`, { expectedVersion: t.body.version, publicAfter: later });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const before = await ledgerSize(env);
    const early = await admin.post(`/api/inspections/tasks/${t.body.id}/draw`, { expectedVersion: ok.body.version });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('DRAW_TOO_EARLY');
    expect(await ledgerSize(env)).toBe(before);
  });
});

// last: it adds a task, which the statistics above do not expect
describe('抽查户数', () => {
  it('draws a fixed number of targets where the task sets 抽查户数 instead of a ratio, and the published draw re-runs', async () => {
    const t = await admin.post('/api/inspections/tasks', taskInput(planId, itemId, { name: '按户数抽取', targetCounts: { B: 2, D: 1 } }));
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    expect(t.body.targetCounts).toEqual({ B: 2, D: 1 });
    const c = await admin.post(`/api/inspections/tasks/${t.body.id}/commit`, { expectedVersion: t.body.version });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    const d = await admin.post(`/api/inspections/tasks/${t.body.id}/draw`, { expectedVersion: c.body.version });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.counts.drawn).toBe(1 + 2 + 5 + 1); // A and C by ratio, B and D by count
    const doc: DrawDocument = (await client(env.app, null).get(`/api/public/inspections/draws/${t.body.id}`)).body;
    expect(verifyDrawDocument(doc).ok).toBe(true);
    const bad = await admin.post('/api/inspections/tasks', taskInput(planId, itemId, { name: '户数有误', targetCounts: { B: -1 } }));
    expect(bad.status).toBe(400);
  });
});
