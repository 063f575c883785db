/**
 * Issue 14 parts 1 and 2: the next step of a matter, computed from its workflow (who, until when, why not), and one
 * 待办 across every matter type. The dry run writes nothing; a sibling district sees neither the guidance nor the item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../src/domain/dates.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';
import { type C, openCase, step } from './case-steps.ts';

let env: TestEnv;
let officer: C, reviewer: C, leader: C, otherDistrict: C;
let investigators: string[];
let jgViolation: string;
const citizen = { type: 'naturalPerson', name: '周小店', idNumber: '11010519491231002X', address: '示例区光明街12号' };
const today = chinaToday();

type Step = {
  transition: string;
  mine: boolean;
  blocked: { code: string; message: string }[];
  required: boolean;
  actors: { name: string }[];
  due: { due: string } | null;
};
const guidance = async (c: C, id: string) => {
  const r = await c.get(`/api/todo/matters/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { ...r.body, byId: Object.fromEntries(r.body.steps.map((s: Step) => [s.transition, s])) as Record<string, Step> };
};
const todo = async (c: C) => {
  const r = await c.get('/api/todo');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Record<'actNow' | 'waiting' | 'others', { matterId: string; href: string; steps: { label: string; blocked: string[] }[] }[]> & {
    count: number;
  };
};
const ids = (items: { matterId: string }[]) => items.map((i) => i.matterId);

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  officer = client(env.app, await login(env.app, 'zhifa'));
  reviewer = client(env.app, await login(env.app, 'shenhe'));
  leader = client(env.app, await login(env.app, 'lingdao'));
  otherDistrict = client(env.app, await login(env.app, 'erqu_zhifa'));
  // zhifa's own officer and a certified colleague of the station are the case's 办案人员
  investigators = (
    await env.ctx.db.query<{ id: string }>(
      `select f.id from officers f join certificates c on c.officer_id = f.id
        where f.org_id = (select org_id from users where username = 'zhifa') and f.active and c.status = 'valid'
          and c.valid_from <= $1 and c.valid_to >= $1 and ('pricing' = any(c.fields) or 'general' = any(c.fields))
        order by (f.id = (select officer_id from users where username = 'zhifa')) desc, f.id limit 2`,
      [today],
    )
  ).rows.map((r) => r.id);
  jgViolation = (await env.ctx.db.query<{ id: string }>(`select id from violations where code = 'JG-001'`)).rows[0].id;
}, 120_000);
afterAll(() => env?.close());

describe('the next step of a case', () => {
  let id: string;

  it('a new lead: the officer accepts it; the leader and the reviewer have no step; guidance names who and writes nothing', async () => {
    id = await openCase(officer, { receivedOn: today, party: citizen, field: 'pricing', summary: '未明码标价' });
    const before = await ledgerSize(env);
    const g = await guidance(officer, id);
    expect(g.summary).toMatch(/^下一步：/);
    expect(g.byId.accept).toMatchObject({ mine: true, blocked: [] });
    expect(g.byId.accept.actors.length).toBeGreaterThan(0);
    expect((await guidance(reviewer, id)).steps.filter((s: Step) => s.mine)).toEqual([]);
    expect(await ledgerSize(env)).toBe(before);
    // 待办: the officer's to act on now, with the link to the case page
    const mine = await todo(officer);
    expect(ids(mine.actNow)).toContain(id);
    expect(mine.actNow.find((i) => i.matterId === id)?.href).toBe(`/cases/${id}`);
    expect(mine.count).toBeGreaterThanOrEqual(mine.actNow.length);
    expect((await officer.get('/api/todo/count')).body.count).toBe(mine.count);
  });

  it('a sibling district sees neither the guidance nor the item', async () => {
    expect((await otherDistrict.get(`/api/todo/matters/${id}`)).status).toBe(404);
    const theirs = await todo(otherDistrict);
    expect([...ids(theirs.actNow), ...ids(theirs.waiting), ...ids(theirs.others)]).not.toContain(id);
    expect((await officer.get('/api/todo/matters/no-such-matter')).status).toBe(404);
  });

  it('notified today: 进入决定 and 提交法制审核 are disabled with the guard’s reason, and the case waits in the 待办', async () => {
    await step(officer, id, 'accept', {}, today);
    await step(officer, id, 'proposeFiling', { violationId: jgViolation, violationDate: today, investigatorIds: investigators, opinion: '建议立案' }, today);
    // after filing, the leader approves; the officer's 待办 shows it waiting for the leader
    const filing = await guidance(officer, id);
    expect(filing.byId.approveFiling).toMatchObject({ mine: false });
    expect(ids((await todo(officer)).others)).toContain(id);
    expect(ids((await todo(leader)).actNow)).toContain(id);
    await step(leader, id, 'approveFiling', { opinion: '同意立案' }, today);
    // the officer steps of a filed case belong to its 办案人员 by name
    const filed = await guidance(officer, id);
    const named = (await env.ctx.db.query<{ name: string }>(`select display_name as name from users where officer_id = any($1)`, [investigators])).rows;
    expect(filed.byId.closeInvestigation.actors.map((a: { name: string }) => a.name).sort()).toEqual(named.map((n) => n.name).sort());
    const e = await officer.post(`/api/cases/${id}/evidence`, { kind: 'documentary', title: '进货单据及销售记录', collectedOn: today });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    await step(
      officer,
      id,
      'closeInvestigation',
      { facts: '当事人经营的商品未标示价格。', bases: {}, proposed: [{ kind: 'fine', amountFen: 400_000 }], deviationReason: '多次提醒仍未标价' },
      today,
    );
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true }, today);
    await step(officer, id, 'notify', { servedOn: today }, today);

    const before = await ledgerSize(env);
    const g = await guidance(officer, id);
    expect(g.byId.proceedToDecision.blocked.map((b: { code: string }) => b.code)).toContain('DEFENCE_WINDOW_OPEN');
    expect(g.byId.submitForLegalReview.blocked.map((b: { code: string }) => b.code)).toContain('NOT_MAJOR');
    expect(g.byId.proceedToDecision.due).toBeTruthy();
    // 重新告知 stays possible, as an optional act: it does not make the case the officer's to act on now
    expect(g.byId.notify).toMatchObject({ required: false, blocked: [] });
    expect(g.summary).toMatch(/另可：.*送达行政处罚告知书/);
    // the reason is the one the act itself would give
    const refused = await officer.post(`/api/cases/${id}/transitions/proceedToDecision`, {
      expectedVersion: (await officer.get(`/api/cases/${id}`)).body.matter.version,
      date: today,
      input: {},
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(g.byId.proceedToDecision.blocked[0].message);
    expect(await ledgerSize(env)).toBe(before);
    const list = await todo(officer);
    expect(ids(list.waiting)).toContain(id);
    expect(ids(list.actNow)).not.toContain(id);
    expect(list.waiting.find((i) => i.matterId === id)?.steps.find((s) => s.label === '进入决定')?.blocked[0]).toMatch(/届满/);
  });
});

describe('every matter type, without a change to the 待办', () => {
  it('publications and inspection tasks appear by their own workflows and policies', async () => {
    const types = async (c: C) => {
      const l = await todo(c);
      return new Set([...l.actNow, ...l.waiting, ...l.others].map((i) => (i as unknown as { type: string }).type));
    };
    // the demo has inspection tasks of the bureau: its leader manages them
    const t = await types(leader);
    expect([...t].length).toBeGreaterThan(0);
    for (const type of t) expect(env.ctx.registry.workflowOf(type)).toBeTruthy();
  });
});
