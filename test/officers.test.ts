import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
let station2: string;

beforeAll(async () => {
  env = await createTestEnv();
  admin = client(env.app, await login(env.app, 'admin'));
  station2 = await orgIdByName(env, '第二市场监管所');
});
afterAll(() => env.close());

const certificate = (over: Record<string, unknown> = {}) => ({
  number: `T${Date.now()}${Math.floor(Math.random() * 1000)}`,
  issuingAuthority: '示例市人民政府',
  fields: ['food'],
  areas: '示例区',
  validFrom: '2025-01-01',
  validTo: '2029-12-31',
  ...over,
});

describe('officers and certificates', () => {
  it('registers an officer with a certificate and a training, each in the record', async () => {
    const before = await ledgerSize(env);
    const o = await admin.post('/api/officers', { orgId: station2, name: '测试员甲', gender: '女', employeeNo: 'T001' });
    expect(o.status).toBe(201);
    expect(o.body.abilities.issueCertificate).toBe(true);
    const c = await admin.post(`/api/officers/${o.body.id}/certificates`, certificate());
    expect(c.status).toBe(201);
    expect(c.body.certificates[0].effectiveStatus).toBe('valid');
    const t = await admin.post(`/api/officers/${o.body.id}/trainings`, { kind: 'exam', title: '年度考试', heldOn: '2026-03-01', score: 92, passed: true });
    expect(t.status).toBe(201);
    expect(t.body.trainings).toHaveLength(1);
    expect(await ledgerSize(env)).toBe(before + 3);
    const rec = await admin.get(`/api/record/matters/officer/${o.body.id}`);
    expect(rec.body.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['officer.created', 'certificate.issued', 'training.recorded']);
  });

  it('flags expired and expiring-soon certificates in the list', async () => {
    const r = await admin.get('/api/officers');
    expect(r.status).toBe(200);
    const statuses = new Set(r.body.items.map((o: { certificateStatus: string }) => o.certificateStatus));
    for (const s of ['valid', 'expiringSoon', 'expired', 'suspended', 'revoked']) expect(statuses).toContain(s);
    const expiring = await admin.get('/api/officers?certificateStatus=expiringSoon');
    expect(expiring.body.items.length).toBeGreaterThan(0);
    expect(expiring.body.items.every((o: { certificates: { expiringSoon: boolean }[] }) => o.certificates.some((c) => c.expiringSoon))).toBe(true);
  });

  it('suspends and reinstates a certificate; a revoked one stays revoked', async () => {
    const o = await admin.post('/api/officers', { orgId: station2, name: '测试员乙' });
    const c = await admin.post(`/api/officers/${o.body.id}/certificates`, certificate());
    const certId = c.body.certificates[0].id;
    const url = `/api/officers/${o.body.id}/certificates/${certId}/status`;
    expect((await admin.post(url, { status: 'suspended', reason: '调查期间暂扣' })).body.certificates[0].effectiveStatus).toBe('suspended');
    expect((await admin.post(url, { status: 'valid', reason: '调查结束恢复' })).body.certificates[0].effectiveStatus).toBe('valid');
    expect((await admin.post(url, { status: 'revoked', reason: '调离执法岗位' })).status).toBe(200);
    const again = await admin.post(url, { status: 'valid', reason: '试图恢复' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CERTIFICATE_REVOKED');
  });

  it('answers the 持证上岗 question through the API', async () => {
    const a = await admin.post('/api/officers', { orgId: station2, name: '测试员丙' });
    const b = await admin.post('/api/officers', { orgId: station2, name: '测试员丁' });
    await admin.post(`/api/officers/${a.body.id}/certificates`, certificate());
    await admin.post(`/api/officers/${b.body.id}/certificates`, certificate({ fields: ['pricing'] }));
    const q = (officerIds: string[], field: string) => admin.post('/api/officers/eligibility', { officerIds, field, act: 'inspection', date: '2026-06-01' });
    const food = await q([a.body.id, b.body.id], 'food');
    expect(food.body.allowed).toBe(false);
    expect(food.body.problems.map((p: { code: string }) => p.code)).toContain('FIELD_NOT_COVERED');
    await admin.post(`/api/officers/${b.body.id}/certificates`, certificate({ fields: ['food'] }));
    expect((await q([a.body.id, b.body.id], 'food')).body.allowed).toBe(true);
    expect((await q([a.body.id], 'food')).body.problems.map((p: { code: string }) => p.code)).toEqual(['TOO_FEW_OFFICERS']);
  });
});

describe('bad input: a clear 4xx with a stable code and a Chinese message, and nothing written', () => {
  const cases: { name: string; send: () => Promise<{ status: number; body: any }>; status: number; code: string }[] = [
    {
      name: 'malformed JSON',
      send: () => admin.post('/api/officers', '{"orgId": ', { 'content-type': 'application/json' }),
      status: 400,
      code: 'INVALID_JSON',
    },
    { name: 'missing field', send: () => admin.post('/api/officers', { name: '无机构' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'extra field', send: () => admin.post('/api/officers', { orgId: station2, name: '多字段', salary: 1 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'wrong type', send: () => admin.post('/api/officers', { orgId: station2, name: 12345 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'unknown org', send: () => admin.post('/api/officers', { orgId: 'no-such-org', name: '查无机构' }), status: 422, code: 'ORG_NOT_FOUND' },
    {
      name: 'oversized body',
      send: () => admin.post('/api/officers', { orgId: station2, name: '大', position: 'x'.repeat(2_000_000) }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await ledgerSize(env);
      const count = (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from officers')).rows[0].n;
      const r = await c.send();
      expect(r.status).toBe(c.status);
      expect(r.body.error.code).toBe(c.code);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await ledgerSize(env)).toBe(before);
      expect((await env.ctx.db.query<{ n: number }>('select count(*)::int as n from officers')).rows[0].n).toBe(count);
    });
  }

  const certCases: { name: string; body: Record<string, unknown>; status: number; code: string }[] = [
    {
      name: 'validity ends before it starts',
      body: certificate({ validFrom: '2026-01-01', validTo: '2025-12-31' }),
      status: 422,
      code: 'CERTIFICATE_VALIDITY_INVALID',
    },
    { name: 'a date that does not exist', body: certificate({ validTo: '2026-02-30' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'not a date', body: certificate({ validFrom: 'yesterday' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'unknown field', body: certificate({ fields: ['astrology'] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'no field', body: certificate({ fields: [] }), status: 400, code: 'VALIDATION_FAILED' },
  ];
  for (const c of certCases) {
    it(`certificate: ${c.name}`, async () => {
      const o = (await env.ctx.db.query<{ id: string }>('select id from officers limit 1')).rows[0];
      const before = await ledgerSize(env);
      const r = await admin.post(`/api/officers/${o.id}/certificates`, c.body);
      expect(r.status).toBe(c.status);
      expect(r.body.error.code).toBe(c.code);
      expect(await ledgerSize(env)).toBe(before);
    });
  }

  it('certificate: duplicate number', async () => {
    const o = (await env.ctx.db.query<{ id: string }>('select id from officers limit 1')).rows[0];
    const existing = (await env.ctx.db.query<{ number: string }>('select number from certificates limit 1')).rows[0].number;
    const before = await ledgerSize(env);
    const r = await admin.post(`/api/officers/${o.id}/certificates`, certificate({ number: existing }));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CERTIFICATE_NUMBER_TAKEN');
    expect(r.body.error.message).toContain(existing);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('org: an enforcement body without its legal basis', async () => {
    const before = await ledgerSize(env);
    const parent = await orgIdByName(env, '示例区市场监督管理局');
    const r = await admin.post('/api/orgs', { parentId: parent, name: '新执法主体', kind: 'squad', isEnforcementBody: true });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('LEGAL_BASIS_REQUIRED');
    const bad = await admin.post('/api/orgs', { parentId: parent, name: '错误代码单位', kind: 'department', uscc: '91110000100000000X' });
    expect(bad.status).toBe(400);
    expect(await ledgerSize(env)).toBe(before);
  });
});

describe('亮证: GET /api/officers/me', () => {
  it('answers the user’s own officer with certificates, null without one, 401 without a session', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const mine = await officer.get('/api/officers/me');
    expect(mine.status).toBe(200);
    const linked = (await env.ctx.db.query<{ officerId: string }>(`select officer_id as "officerId" from users where username = 'zhifa'`)).rows[0].officerId;
    expect(mine.body.officer.id).toBe(linked);
    expect(mine.body.officer.certificates.length).toBeGreaterThan(0);
    expect(mine.body.officer.certificates[0]).toMatchObject({ number: expect.any(String), issuingAuthority: expect.any(String) });
    const unlinked = (await env.ctx.db.query<{ username: string }>(`select username from users where officer_id is null order by username limit 1`)).rows[0]
      .username;
    const other = await client(env.app, await login(env.app, unlinked)).get('/api/officers/me');
    expect(other.status).toBe(200);
    expect(other.body.officer).toBeNull();
    expect((await client(env.app, null).get('/api/officers/me')).status).toBe(401);
  });
});
