import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/platform/db/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { openDeadline, setDeadlineDue } from '../src/platform/workflow/deadlines.ts';
import { deadlinesOf } from '../src/platform/workflow/engine.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
let officer: ReturnType<typeof client>;

beforeAll(async () => {
  env = await createTestEnv();
  admin = client(env.app, await login(env.app, 'admin'));
  officer = client(env.app, await login(env.app, 'zhifa'));
});
afterAll(() => env.close());

/** A bare matter of the case type and its record entry (the entry matter_deadlines' trigger asks for). */
async function bareMatter(tx: Queryable, orgId: string, matterId: string, create = false) {
  if (create)
    await tx.query(`insert into matters (id, type, workflow_version, state, org_id, title) values ($1, 'case', 1, 'test', $2, '工作日历测试')`, [
      matterId,
      orgId,
    ]);
  await env.ctx.ledger.append(tx, {
    actor: SYSTEM_ACTOR,
    orgId,
    matterType: 'case',
    matterId,
    eventType: 'matter.created',
    payload: { matterId, type: 'case', workflowVersion: 1, state: 'test', title: '工作日历测试' },
  });
}

describe('a year without an official schedule (全国年节及纪念日放假办法 第二条、第六条)', () => {
  it('shows the days off by rule, with the 补假 of 第六条 "如果适逢周六、周日，应当在工作日补假"', async () => {
    const r = await officer.get('/api/calendar/2027');
    expect(r.body.official).toBe(false);
    expect(r.body.days.find((d: { date: string }) => d.date === '2027-10-04')).toMatchObject({
      kind: 'holiday',
      source: 'makeUp',
      basis: '全国年节及纪念日放假办法@2024-11-10#第六条',
    });
    const c = await officer.post('/api/deadlines/compute', { ruleId: 'penalty.statement', start: '2027-09-28' });
    expect(c.body).toMatchObject({ due: '2027-10-08', provisional: true, officialCalendar: false });
    const limitation = await officer.post('/api/deadlines/compute', { ruleId: 'penalty.limitation', start: '2025-10-02' });
    expect(limitation.body).toMatchObject({ due: '2027-10-02', provisional: false, restDay: { applies: true, extends: false } });
  });

  it('recomputes the open deadlines when the administrator enters the official days, in the same transaction and on the record', async () => {
    const orgId = await orgIdByName(env, '第二市场监管所');
    const matterId = randomUUID();
    const planned = randomUUID();
    await env.ctx.db.transaction(async (tx) => {
      await bareMatter(tx, orgId, matterId, true);
      await bareMatter(tx, orgId, planned, true);
      // 五个工作日 from Tuesday 2027-09-28: 9/29, 9/30, (国庆 10/1–10/3, 补假 10/4–10/5), 10/6, 10/7, 10/8
      expect((await openDeadline(tx, { id: matterId, type: 'case' }, 'penalty.statement', '2027-09-28', 'notify')).due).toBe('2027-10-08');
      await openDeadline(tx, { id: planned, type: 'case' }, 'penalty.statement', '2027-09-28', 'notify');
      // a due date decided for the deadline (not the calculator's) is left as decided
      await setDeadlineDue(tx, planned, 'penalty.statement', '2027-10-20');
    });
    expect((await deadlinesOf(env.ctx.db, matterId))[0]).toMatchObject({ due: '2027-10-08', provisional: true });

    const s = await login(env.app, 'pingtai');
    const put = (date: string, body: object) =>
      env.app.inject({ method: 'PUT', url: `/api/calendar/days/${date}`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body });
    const notice = '国务院办公厅关于2027年部分节假日安排的通知';
    const before = await ledgerSize(env);
    const r = await put('2027-10-06', { kind: 'holiday', name: '国庆节', notice });
    expect(r.statusCode).toBe(200);
    expect(r.json().deadlinesRecomputed).toBeGreaterThanOrEqual(1);
    expect(await ledgerSize(env)).toBe(before + 1 + r.json().deadlinesRecomputed);

    const [d] = await deadlinesOf(env.ctx.db, matterId);
    expect(d).toMatchObject({ due: '2027-10-11', provisional: false });
    const rec = await admin.get(`/api/record/matters/case/${matterId}`);
    const moved = rec.body.entries.find((e: { eventType: string }) => e.eventType === 'matter.deadlineRecomputed');
    expect(moved.payload).toMatchObject({ deadlineId: d.id, ruleId: 'penalty.statement', from: '2027-10-08', to: '2027-10-11', calendarDate: '2027-10-06' });
    expect(moved.payload.reason).toContain(notice);
    const cal = await admin.get('/api/record/matters/calendar/2027');
    expect(cal.body.entries.at(-1).payload).toMatchObject({ date: '2027-10-06', deadlinesRecomputed: r.json().deadlinesRecomputed });

    // a make-up workday (调休上班) brings it back a day; the planned deadline never moved
    expect((await put('2027-10-09', { kind: 'workday', name: '国庆节调休上班', notice })).statusCode).toBe(200);
    expect((await deadlinesOf(env.ctx.db, matterId))[0].due).toBe('2027-10-09');
    expect((await deadlinesOf(env.ctx.db, planned))[0].due).toBe('2027-10-20');
    expect(
      (await admin.get(`/api/record/matters/case/${planned}`)).body.entries.some((e: { eventType: string }) => e.eventType === 'matter.deadlineRecomputed'),
    ).toBe(false);
  });
});

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
    const entered = await put('2027-01-02', { kind: 'workday', name: '元旦调休上班', notice: '国务院办公厅关于2027年部分节假日安排的通知' });
    expect(entered.statusCode).toBe(200);
    // the day's entry, and one entry on each matter whose open deadline the change moved
    expect(await ledgerSize(env)).toBe(before + 1 + entered.json().deadlinesRecomputed);
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&n=1')).body.date).toBe('2027-01-02');
    expect((await put('2027-13-01', { kind: 'holiday', name: 'x' })).statusCode).toBe(400);
    expect((await put('2027-01-02', { kind: null, name: '恢复' })).statusCode).toBe(200);
    expect((await admin.get('/api/calendar/workdays?from=2026-12-31&n=1')).body.date).toBe('2027-01-04');
  });
});
