import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDef } from '../src/domain/workflow.ts';
import { principalForSession } from '../src/platform/auth/sessions.ts';
import type { Principal } from '../src/platform/policies.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { createMatter, deadlinesInScope, findMatter, readOnlyMatterResolver, transition, type GuardInput } from '../src/platform/workflow/engine.ts';
import { platformModules } from '../src/app.ts';
import { buildRegistry, defineModule } from '../src/platform/modules.ts';
import type { AppContext } from '../src/platform/context.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

/** A small workflow exercising every feature of the engine; real matter types declare theirs the same way. */
const v1: WorkflowDef<GuardInput<{ reason?: string; noticeDate?: string }>> = {
  type: 'testMatter',
  version: 1,
  label: '测试事项',
  initial: 'draft',
  states: { draft: { label: '起草' }, submitted: { label: '已提交' }, approved: { label: '已批准', final: true }, returned: { label: '已退回' } },
  transitions: {
    submit: {
      label: '提交',
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['officer', 'admin'],
      opens: [{ ruleId: 'penalty.hearingRequest', startFrom: 'noticeDate' }],
    },
    approve: {
      label: '批准',
      from: ['submitted'],
      to: 'approved',
      roles: ['leader'],
      meets: ['penalty.hearingRequest'],
      guards: [({ input }) => (input?.reason ? [] : [{ code: 'REASON_REQUIRED', message: '批准须写明理由' }])],
    },
    giveBack: { label: '退回', from: ['submitted'], to: 'returned', roles: ['leader'] },
  },
};
const v2: WorkflowDef<GuardInput<unknown>> = {
  ...v1,
  version: 2,
  transitions: { ...v1.transitions, approve: { ...v1.transitions.approve, guards: [] } },
} as never;

/** A module of the test's own declaring the given versions of its workflow. */
const testModule = (...workflows: WorkflowDef<GuardInput<never>>[]) =>
  defineModule({ name: 'workflowTest', label: '测试', workflows: workflows as never, matterResolvers: { testMatter: readOnlyMatterResolver } });

let env: TestEnv;
let org: string;
/** the context the test acts in: the platform's modules and the test's (v1; later v1 and v2) */
let ctx: AppContext;
const principal = async (username: string): Promise<Principal> => {
  const s = await login(env.app, username);
  return (await principalForSession(env.ctx.db, s.cookie.split('=')[1]))!.principal;
};
const newMatter = (title: string) => ctx.db.transaction((tx) => createMatter(tx, ctx, SYSTEM_ACTOR, { type: 'testMatter', orgId: org, title }));

beforeAll(async () => {
  env = await createTestEnv({ modules: [...platformModules, testModule(v1)] });
  ctx = env.ctx;
  org = await orgIdByName(env, '第二市场监管所');
});
afterAll(() => env.close());

describe('workflow engine', () => {
  it('runs a matter through its transitions, recording each and opening and meeting deadlines', async () => {
    const m = await newMatter('测试事项甲');
    const officer = await principal('zhifa');
    const leader = await principal('lingdao');
    const s = await transition(ctx, officer, { matterId: m.id, transition: 'submit', expectedVersion: 0, input: { noticeDate: '2026-09-30' } });
    expect(s).toMatchObject({ state: 'submitted', version: 1 });
    const open = (await env.ctx.db.query<{ due: string; status: string }>('select due_date as due, status from matter_deadlines where matter_id = $1', [m.id]))
      .rows;
    expect(open).toEqual([{ due: '2026-10-13', status: 'open' }]);
    await transition(ctx, leader, { matterId: m.id, transition: 'approve', expectedVersion: 1, input: { reason: '事实清楚' } });
    expect((await env.ctx.db.query<{ status: string }>('select status from matter_deadlines where matter_id = $1', [m.id])).rows[0].status).toBe('met');
    const rec = await client(env.app, await login(env.app, 'lingdao')).get(`/api/record/matters/testMatter/${m.id}`);
    expect(rec.status).toBe(200);
    expect(rec.body.entries.map((e: { eventType: string; payload: { transition?: string } }) => e.payload.transition ?? e.eventType)).toEqual([
      'matter.created',
      'submit',
      'approve',
    ]);
  });

  it('refuses the wrong role (403), the wrong state (409), a failing guard (422), and writes nothing', async () => {
    const m = await newMatter('测试事项乙');
    const officer = await principal('zhifa');
    const leader = await principal('lingdao');
    const before = await ledgerSize(env);
    await expect(transition(ctx, officer, { matterId: m.id, transition: 'approve', expectedVersion: 0 })).rejects.toMatchObject({ status: 403 });
    await expect(transition(ctx, leader, { matterId: m.id, transition: 'approve', expectedVersion: 0 })).rejects.toMatchObject({
      status: 409,
      code: 'TRANSITION_NOT_ALLOWED',
    });
    await transition(ctx, officer, { matterId: m.id, transition: 'submit', expectedVersion: 0, input: { noticeDate: '2026-06-01' } });
    const mid = await ledgerSize(env);
    await expect(transition(ctx, leader, { matterId: m.id, transition: 'approve', expectedVersion: 1, input: {} })).rejects.toMatchObject({
      status: 422,
      code: 'REASON_REQUIRED',
    });
    await expect(transition(ctx, leader, { matterId: m.id, transition: 'nope', expectedVersion: 1 })).rejects.toMatchObject({ code: 'TRANSITION_UNKNOWN' });
    expect(await ledgerSize(env)).toBe(mid);
    expect(mid).toBe(before + 1);
    expect((await findMatter(env.ctx.db, m.id))!.state).toBe('submitted');
  });

  it("hides matters outside the caller's org subtree", async () => {
    const m = await newMatter('测试事项丙');
    const otherStationOfficer = { ...(await principal('zhifa')), scope: new Set([await orgIdByName(env, '第一市场监管所')]) };
    await expect(
      transition(ctx, otherStationOfficer, { matterId: m.id, transition: 'submit', expectedVersion: 0, input: { noticeDate: '2026-06-01' } }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('lets exactly one of two concurrent transitions succeed', async () => {
    const m = await newMatter('测试事项丁');
    const officer = await principal('zhifa');
    const leader = await principal('lingdao');
    await transition(ctx, officer, { matterId: m.id, transition: 'submit', expectedVersion: 0, input: { noticeDate: '2026-06-01' } });
    const results = await Promise.allSettled([
      transition(ctx, leader, { matterId: m.id, transition: 'approve', expectedVersion: 1, input: { reason: '同意' } }),
      transition(ctx, leader, { matterId: m.id, transition: 'giveBack', expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['CONCURRENT_CHANGE', 'TRANSITION_NOT_ALLOWED']).toContain(failed.reason.code);
    expect((await findMatter(env.ctx.db, m.id))!.version).toBe(2);
  });

  it('keeps an open matter on the workflow version it started with', async () => {
    const old = await newMatter('旧版本事项');
    // a new version is deployed: the platform restarts with both versions declared
    ctx = { ...env.ctx, registry: buildRegistry([...platformModules, testModule(v1, v2)]) };
    const fresh = await newMatter('新版本事项');
    expect(old.workflowVersion).toBe(1);
    expect(fresh.workflowVersion).toBe(2);
    expect(ctx.registry.workflowOf('testMatter')!.version).toBe(2);
    const officer = await principal('zhifa');
    const leader = await principal('lingdao');
    for (const m of [old, fresh])
      await transition(ctx, officer, { matterId: m.id, transition: 'submit', expectedVersion: 0, input: { noticeDate: '2026-06-01' } });
    // v1 still demands a reason; v2 dropped that guard
    await expect(transition(ctx, leader, { matterId: old.id, transition: 'approve', expectedVersion: 1, input: {} })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    await expect(transition(ctx, leader, { matterId: fresh.id, transition: 'approve', expectedVersion: 1, input: {} })).resolves.toMatchObject({
      state: 'approved',
    });
  });

  it("lists overdue and soon-due deadlines in the caller's scope", async () => {
    const m = await newMatter('逾期事项');
    await transition(ctx, await principal('zhifa'), { matterId: m.id, transition: 'submit', expectedVersion: 0, input: { noticeDate: '2026-01-05' } });
    const list = await deadlinesInScope(env.ctx.db, await principal('admin'), '2026-11-23');
    expect(list.find((d) => d.matterId === m.id)).toMatchObject({ overdue: true, due: '2026-01-12', label: '当事人提出听证要求' });
    const none = await deadlinesInScope(env.ctx.db, { ...(await principal('admin')), scope: new Set(['elsewhere']) }, '2026-11-23');
    expect(none).toHaveLength(0);
  });

  it('rejects an invalid workflow definition when the registry is built (start-up)', () => {
    expect(() => buildRegistry([testModule({ ...v1, type: 'broken', initial: 'nowhere' } as never)])).toThrow(/initial state/);
    expect(() =>
      buildRegistry([testModule({ ...v1, type: 'broken2', transitions: { x: { label: 'x', from: ['approved'], to: 'draft', roles: ['admin'] } } } as never)]),
    ).toThrow(/final state/);
    expect(() =>
      buildRegistry([
        testModule({
          ...v1,
          type: 'broken3',
          transitions: { x: { label: 'x', from: ['draft'], to: 'submitted', roles: ['admin'], opens: [{ ruleId: 'no.rule' }] } },
        } as never),
      ]),
    ).toThrow(/unknown deadline rule/);
  });
});
