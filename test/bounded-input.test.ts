/**
 * Bounded inputs (hardening): no date and no string can stop the server or reach the database in a
 * form it rejects. Dates: one boundary type (ZDate, 1949-10-01 … 2100-12-31) and day arithmetic that
 * refuses to leave the calendar's years, so a stored or computed absurd date ends in 422, not in a
 * loop that exhausts the heap. Strings: NUL characters and lone surrogates are refused with 400 on
 * every route, anonymous or signed in, and nothing is written.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialSchedules } from '../src/modules/calendar/official.ts';
import { WorkCalendar } from '../src/domain/calendar/workCalendar.ts';
import { addDays, chinaToday, DateOutOfRangeError } from '../src/domain/dates.ts';
import { computeDeadline } from '../src/domain/deadlines/compute.ts';
import { deadlineRuleById } from '../src/domain/deadlines/rules.ts';
import { errorHandler } from '../src/platform/http.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
let officer: ReturnType<typeof client>;
let admin: ReturnType<typeof client>;
const anon = () => client(env.app, null);

beforeAll(async () => {
  env = await createTestEnv();
  officer = client(env.app, await login(env.app, 'zhifa'));
  admin = client(env.app, await login(env.app, 'admin'));
});
afterAll(() => env.close());

const official = officialSchedules();
const calendar = () => new WorkCalendar([...official.values()].flat(), official.keys());

describe('dates: one range at the boundary, bounded arithmetic below it', () => {
  it('day arithmetic refuses to leave 1901–2100 instead of looping (the 9999-12-31 request that exhausted the heap)', () => {
    const t0 = Date.now();
    expect(() => calendar().addWorkingDays('9999-12-31', 5)).toThrow(DateOutOfRangeError);
    expect(() => calendar().addWorkingDays('2100-12-28', 5)).toThrow(DateOutOfRangeError);
    expect(() => calendar().workingDaysBetween('2026-01-01', '9999-12-31')).toThrow(DateOutOfRangeError);
    expect(() => calendar().nextWorkingDayFrom('1900-01-01')).toThrow(DateOutOfRangeError);
    expect(() => computeDeadline(deadlineRuleById.get('lead.verification')!, calendar(), { start: '2100-12-30' })).toThrow(DateOutOfRangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(DateOutOfRangeError);
    expect(Date.now() - t0).toBeLessThan(2000);
    // inside the range nothing changed: 2025-09-30 + 5 working days skips 国庆/中秋 (10-01…10-08), Sat 10-11 is worked
    expect(calendar().addWorkingDays('2025-09-30', 5).date).toBe('2025-10-14');
  });

  it('a far date in a request is a 400 naming the range; one that computes past 2100 is a 422; the server keeps answering', async () => {
    const far = await admin.get('/api/calendar/workdays?from=9999-12-31&n=5');
    expect(far.status).toBe(400);
    expect(JSON.stringify(far.body.error.details)).toContain('1949-10-01 至 2100-12-31');
    expect((await admin.get('/api/calendar/workdays?from=1900-01-01&n=5')).status).toBe(400);
    const edge = await admin.get('/api/calendar/workdays?from=2100-12-28&n=5');
    expect(edge.status).toBe(422);
    expect(edge.body.error.code).toBe('DATE_OUT_OF_RANGE');
    expect(edge.body.error.message).toMatch(/日期超出可计算的范围/);
    const compute = await admin.post('/api/deadlines/compute', { ruleId: 'lead.verification', start: '9999-12-31' });
    expect(compute.status).toBe(400);
    expect((await admin.post('/api/deadlines/compute', { ruleId: 'lead.verification', start: '2100-12-30' })).body.error.code).toBe('DATE_OUT_OF_RANGE');
    expect((await anon().get('/api/health')).status).toBe(200);
  });

  it('a case cannot be registered with a lead received in 9999', async () => {
    const before = await ledgerSize(env);
    const party = {
      type: 'organisation',
      name: '示例区鑫隆超市有限公司',
      uscc: '91990105MA01ABCD2W',
      address: '示例市示例区和平路88号',
      legalRep: '李鑫隆',
      phone: '0999-12345678',
    };
    const base = { source: 'complaint', party, field: 'food', summary: '销售超过保质期的酸奶' };
    const r = await officer.post('/api/cases', { ...base, receivedOn: '9999-12-31' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(await ledgerSize(env)).toBe(before);
    // a lead cannot have been received tomorrow: a recorded fact is not in the future
    const tomorrow = await officer.post('/api/cases', { ...base, receivedOn: addDays(chinaToday(), 1) });
    expect(tomorrow.status).toBe(400);
    expect(JSON.stringify(tomorrow.body.error.details)).toContain('已发生事实的日期不能晚于今天');
    expect(await ledgerSize(env)).toBe(before);
  });
});

describe('codes: the message says what is wrong with them', () => {
  const lead = (party: Record<string, unknown>) =>
    officer.post('/api/cases', {
      source: 'complaint',
      receivedOn: '2026-09-02',
      contact: { name: '王某', phone: '0999-12345678' },
      party: { type: 'organisation', name: '示例区某某有限公司', address: '示例市示例区和平路88号', ...party },
      field: 'food',
      summary: '销售超过保质期的酸奶',
    });
  const messages = (r: { body: { error: { details: { message: string }[] } } }) => r.body.error.details.map((d) => d.message).join('；');

  it.each([
    ['a five-character 统一社会信用代码', { uscc: '91990' }, '统一社会信用代码应为18位'],
    ['one with a letter it never uses', { uscc: '91990105MA01ABCD2I' }, '不使用 I、O、Z、S、V'],
    ['one with a wrong check character', { uscc: '91990105MA01ABCD2X' }, '统一社会信用代码校验位不正确'],
    ['a short 法定代表人身份号码', { uscc: '91990105MA01ABCD2W', legalRepId: '44052418800101' }, '法定代表人身份号码应为18位'],
  ])('%s', async (_what, party, message) => {
    const r = await lead(party);
    expect(r.status).toBe(400);
    expect(messages(r)).toContain(message);
  });
});

describe('strings: NUL characters and lone surrogates are refused on every route', () => {
  it.each([['/api/public/publications/%00'], ['/api/public/powers?q=%00']])('anonymous GET %s → 400 INVALID_CHARACTERS', async (url) => {
    const r = await anon().get(url);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_CHARACTERS');
    expect(r.body.error.message).toMatch(/空字符/);
  });

  it('a portal page answers the same refusal as a page of the portal', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/portal/decisions/%00' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toMatch(/空字符/);
  });

  it.each([
    ['a NUL character', '示例\u0000超市'],
    ['a lone surrogate', '示例\ud800超市'],
  ])('a case party name with %s → 400, nothing written', async (_what, name) => {
    const before = await ledgerSize(env);
    const r = await officer.post('/api/cases', {
      source: 'complaint',
      receivedOn: '2026-09-02',
      party: { type: 'organisation', name, uscc: '91990105MA01ABCD2W', address: '示例市示例区和平路88号', legalRep: '李鑫隆', phone: '0999-12345678' },
      field: 'food',
      summary: '销售超过保质期的酸奶',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('INVALID_CHARACTERS');
    expect(r.body.error.details).toMatchObject({ part: 'body', path: 'party.name' });
    expect(await ledgerSize(env)).toBe(before);
  });

  it('a NUL in a query of a signed-in list and in a JSON key is refused too', async () => {
    expect((await officer.get('/api/cases?q=%00')).body.error.code).toBe('INVALID_CHARACTERS');
    expect((await officer.post('/api/cases', { 'source\u0000': 'complaint' })).body.error.code).toBe('INVALID_CHARACTERS');
  });
});

describe('an unexpected error', () => {
  it('is a 500 with a Chinese message and the request id, logged with that id, never a stack', async () => {
    const logged: string[] = [];
    const app = Fastify({ logger: { level: 'error', stream: { write: (l: string) => logged.push(l) } }, genReqId: () => 'req-test-1' });
    app.setErrorHandler(errorHandler);
    app.get('/boom', async () => {
      throw new Error('secret internal detail');
    });
    const r = await app.inject({ method: 'GET', url: '/boom' });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({
      error: { code: 'INTERNAL_ERROR', message: expect.stringContaining('请求编号 req-test-1'), details: { requestId: 'req-test-1' } },
    });
    expect(r.body).not.toContain('secret internal detail');
    expect(logged.join('')).toContain('secret internal detail');
    expect(logged.join('')).toContain('req-test-1');
    await app.close();
  });

  it('a request not answered in time is a 503 REQUEST_TIMEOUT with its request id (handlerTimeout, REQUEST_TIMEOUT_SECONDS)', async () => {
    const app = Fastify({ handlerTimeout: 50, genReqId: () => 'req-test-2' });
    app.setErrorHandler(errorHandler);
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 1000));
      return { ok: true };
    });
    const r = await app.inject({ method: 'GET', url: '/slow' });
    expect(r.statusCode).toBe(503);
    expect(r.json().error).toMatchObject({ code: 'REQUEST_TIMEOUT', details: { requestId: 'req-test-2' } });
    await app.close();
  });
});
