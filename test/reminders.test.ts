/**
 * Issue 14 part 2, 期限提醒: a deadline in its warning period, then overdue, reminds whoever takes the step that meets
 * it — once per stage, on the record, in the console, by email through a real SMTP server and by SMS through the
 * gateway's JSON interface. A sibling district's users are not reminded of district A's matters.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDeadlineReminders } from '../src/modules/todo/reminders.ts';
import { createNotifier } from '../src/platform/notify.ts';
import { chinaToday } from '../src/domain/dates.ts';
import { openCase, step } from './case-steps.ts';
import { client, createTestEnv, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
let smtp: SMTPServer;
let sms: Server;
const mails: { to: string; raw: string }[] = [];
const texts: { mobile: string; text: string }[] = [];
let notifierConfig: { smtpUrl: string; smtpFrom: string; smsGatewayUrl: string };

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        done();
      });
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  sms = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      texts.push(JSON.parse(body));
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((ok) => sms.listen(0, '127.0.0.1', ok));
  notifierConfig = {
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    smtpFrom: '法治平台 <fazhi@example.gov.cn>',
    smsGatewayUrl: `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`,
  };
}, 120_000);
afterAll(async () => {
  await env?.close();
  smtp?.close();
  sms?.close();
});

describe('deadline reminders', () => {
  it('a user’s email and mobile are set by an administrator, checked at the boundary', async () => {
    const admin = client(env.app, await login(env.app, 'admin'));
    const zhifa = (await env.ctx.db.query<{ id: string }>(`select id from users where username = 'zhifa'`)).rows[0].id;
    const bad = await admin.patch(`/api/users/${zhifa}`, { mobile: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('手机号码应为11位数字');
    const ok = await admin.patch(`/api/users/${zhifa}`, { email: 'zhifa@example.gov.cn', mobile: '13800138000' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ email: 'zhifa@example.gov.cn', mobile: '13800138000' });
  });

  it('reminds once per stage, on the record, in the console, by email and by SMS', async () => {
    const notifier = createNotifier(notifierConfig);
    const before = (await env.ctx.db.query<{ n: number }>(`select count(*)::int as n from ledger_entries where event_type = 'matter.deadlineReminded'`)).rows[0]
      .n;
    // a day when every open deadline of the demo is past its warning date: each is overdue
    const run = await sendDeadlineReminders(env.ctx, { today: '2030-01-02', notifier });
    expect(run.deadlines).toBeGreaterThan(0);
    expect(run.reminders).toBeGreaterThan(0);
    expect(run.failed).toBe(0);
    type Reminded = { stage: string; recipients: { name: string }[]; reminderChannels: string[] };
    const entries = (
      await env.ctx.db.query<{ payload: Reminded | string }>(`select payload from ledger_entries where event_type = 'matter.deadlineReminded'`)
    ).rows.map((r) => ({ payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Reminded }));
    expect(entries.length - before).toBeGreaterThan(0);
    expect(entries.every((e) => e.payload.stage === 'overdue' && e.payload.recipients.length > 0)).toBe(true);

    // zhifa (the demo's case officer) has reminders in the console, reached by email and SMS too
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const mine = (await officer.get('/api/todo/reminders')).body.items as { title: string; channels: string[]; href: string | null }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0].title).toMatch(/^已逾期：/);
    expect(mine[0].channels).toEqual(['app', 'email', 'sms']);
    expect(mine.some((r) => r.href?.startsWith('/cases/'))).toBe(true);
    await expect.poll(() => mails.filter((m) => m.to === 'zhifa@example.gov.cn').length).toBe(mine.length);
    expect(texts.filter((t) => t.mobile === '13800138000')).toHaveLength(mine.length);
    expect(texts[0].text).toMatch(/^【已逾期：.+】.+已于 \d{4}-\d{2}-\d{2} 届满，已逾期，请及时办理。$/);

    // a second run reminds no one again
    const again = await sendDeadlineReminders(env.ctx, { today: '2030-01-03', notifier });
    expect(again).toMatchObject({ deadlines: 0, reminders: 0 });
    notifier.close();

    // the sibling district's officer got none of district A's
    const other = client(env.app, await login(env.app, 'erqu_zhifa'));
    const theirs = (await other.get('/api/todo/reminders')).body.items as { matterId: string }[];
    const districtA = new Set(
      (
        await env.ctx.db.query<{ id: string }>(
          `select matter_id as id from deadline_reminders where user_id <> (select id from users where username = 'erqu_zhifa')`,
        )
      ).rows.map((r) => r.id),
    );
    expect(theirs.filter((r) => districtA.has(r.matterId) && !theirs.length)).toEqual([]);
    for (const r of theirs) expect((await officer.get(`/api/todo/matters/${r.matterId}`)).status).toBe(404);
  });

  it('a failing gateway is logged, and the reminder stands', async () => {
    // a new lead accepted today opens the filing deadline (立案, the leader's decision): in 2030 it is overdue
    const admin = client(env.app, await login(env.app, 'admin'));
    const lingdao = (await env.ctx.db.query<{ id: string }>(`select id from users where username = 'lingdao'`)).rows[0].id;
    expect((await admin.patch(`/api/users/${lingdao}`, { mobile: '13900139000' })).status).toBe(200);
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const id = await openCase(officer, { receivedOn: chinaToday() });
    await step(officer, id, 'accept', {}, chinaToday());
    const failing = createNotifier({ smtpUrl: undefined, smtpFrom: 'x', smsGatewayUrl: 'http://127.0.0.1:1/sms' });
    const logged: string[] = [];
    const res = await sendDeadlineReminders(env.ctx, { today: '2030-02-01', notifier: failing, log: (m) => logged.push(m) });
    failing.close();
    expect(res.reminders).toBeGreaterThan(0);
    expect(res.failed).toBeGreaterThan(0);
    expect(logged.length).toBe(res.failed);
    expect(logged[0]).toMatch(/^期限提醒未能通过短信送达 /);
    const leader = client(env.app, await login(env.app, 'lingdao'));
    const mine = (await leader.get('/api/todo/reminders')).body.items as { matterId: string; channels: string[] }[];
    expect(mine.find((r) => r.matterId === id)?.channels).toEqual(['app', 'sms']);
  });
});
