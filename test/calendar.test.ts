import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
let officer: ReturnType<typeof client>;

beforeAll(async () => {
  env = await createTestEnv();
  admin = client(env.app, await login(env.app, 'admin'));
  officer = client(env.app, await login(env.app, 'zhifa'));
});
afterAll(() => env.close());

describe('calendar and deadlines API', () => {
  it('has the official 2026 schedule loaded, each year recorded', async () => {
    const r = await officer.get('/api/calendar/2026');
    expect(r.status).toBe(200);
    expect(r.body.official).toBe(true);
    expect(r.body.days.find((d: { date: string }) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday' });
    const rec = await admin.get('/api/record/matters/calendar/2026');
    expect(rec.body.entries[0].eventType).toBe('calendar.yearLoaded');
  });

  it('computes a deadline with its citation', async () => {
    const r = await officer.post('/api/deadlines/compute', { ruleId: 'penalty.hearingRequest', start: '2026-09-30' });
    expect(r.status).toBe(200);
    expect(r.body.due).toBe('2026-10-13');
    expect(r.body.basis).toContain('行政处罚法@2021-01-22#第六十四条');
    expect((await officer.get('/api/calendar/workdays?from=2025-09-30&n=5')).body.date).toBe('2025-10-14');
  });

  it('rejects bad input with a Chinese message', async () => {
    for (const [body, code] of [
      [{ ruleId: 'no.such.rule', start: '2026-01-01' }, 'DEADLINE_RULE_NOT_FOUND'],
      [{ ruleId: 'penalty.hearingRequest', start: '2026-02-30' }, 'VALIDATION_FAILED'],
      [{ ruleId: 'penalty.hearingRequest', start: '2026-02-01', extended: true }, 'DEADLINE_NOT_EXTENSIBLE'],
      [
        { ruleId: 'penalty.hearingRequest', start: '2026-02-01', suspensions: [{ from: '2026-02-02', to: '2026-02-03', reason: '听证' }] },
        'DEADLINE_NOT_SUSPENDABLE',
      ],
      [{ ruleId: 'penalty.decision', start: '2026-02-01', suspensions: [{ from: '2026-02-05', to: '2026-02-03', reason: '检测' }] }, 'PERIOD_INVALID'],
    ] as const) {
      const r = await officer.post('/api/deadlines/compute', body);
      expect(r.body.error.code, JSON.stringify(body)).toBe(code);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it("lets the platform administrator enter a future year's make-up workday (recorded); a district's administrator and others may not", async () => {
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&n=1')).body.date).toBe('2027-01-04');
    const before = await ledgerSize(env);
    expect((await officer.patch('/api/calendar/days/2027-01-02', {})).status).toBe(404);
    const denied = await env.app.inject({ method: 'PUT', url: '/api/calendar/days/2027-01-02', headers: { cookie: (await login(env.app, 'zhifa')).cookie } });
    expect([403, 400]).toContain(denied.statusCode);
    expect(await ledgerSize(env)).toBe(before);
    // the calendar is every district's: a district administrator is refused
    const district = await login(env.app, 'admin');
    const districtPut = await env.app.inject({
      method: 'PUT',
      url: '/api/calendar/days/2027-01-02',
      headers: { cookie: district.cookie, 'x-csrf-token': district.csrf },
      payload: { kind: 'workday', name: '元旦调休上班' },
    });
    expect(districtPut.statusCode).toBe(403);
    expect(districtPut.json().error.message).toContain('平台管理员');
    expect((await admin.get('/api/calendar/2027')).body.canEdit).toBe(false);
    expect(await ledgerSize(env)).toBe(before);
    const s = await login(env.app, 'pingtai');
    expect((await client(env.app, s).get('/api/calendar/2027')).body.canEdit).toBe(true);
    const put = (date: string, body: unknown) =>
      env.app.inject({ method: 'PUT', url: `/api/calendar/days/${date}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body as object });
    expect((await put('2027-01-02', { kind: 'workday', name: '元旦调休上班', notice: '国务院办公厅关于2027年部分节假日安排的通知' })).statusCode).toBe(200);
    expect(await ledgerSize(env)).toBe(before + 1);
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&n=1')).body.date).toBe('2027-01-02');
    expect((await put('2027-13-01', { kind: 'holiday', name: 'x' })).statusCode).toBe(400);
    expect((await put('2027-01-02', { kind: null, name: '恢复' })).statusCode).toBe(200);
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&n=1')).body.date).toBe('2027-01-04');
  });
});
