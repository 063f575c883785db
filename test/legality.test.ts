// 合法性审查: the one review mechanism other modules call (requestLegalityReview, legalityProblem, legalityReviewsOf), its
// gate tried one step at a time, the minimum review time, the advisers' opinions, authorization across a sibling unit and
// a sibling district, and bad input.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalityProblem, legalityReviewsOf, requestLegalityReview } from '../src/modules/legality/index.ts';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { findMatter, transition } from '../src/platform/workflow/engine.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let officer: C, reviewer: C, leader: C, siblingStation: C, siblingDistrict: C;
const PASSWORD = 'Sibling2026x';

beforeAll(async () => {
  env = await createTestEnv();
  const city = await orgIdByName(env, '示例市市场监督管理局');
  const station1 = await orgIdByName(env, '第一市场监管所');
  await env.ctx.db.transaction(async (tx) => {
    const district = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
      parentId: city,
      name: '邻区市场监督管理局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '行政处罚法 第十八条',
    });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, { username: 'yisuo', displayName: '第一所执法员', orgId: station1, roles: ['officer'], password: PASSWORD });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'linqu',
      displayName: '邻区工作人员',
      orgId: district,
      roles: ['admin', 'leader', 'legalReviewer', 'officer'],
      password: PASSWORD,
    });
  });
  [officer, reviewer, leader] = await Promise.all(['zhifa', 'shenhe', 'lingdao'].map(async (u) => client(env.app, await login(env.app, u))));
  siblingStation = client(env.app, await login(env.app, 'yisuo', PASSWORD));
  siblingDistrict = client(env.app, await login(env.app, 'linqu', PASSWORD));
}, 240_000);
afterAll(async () => env?.close());

const request = async (subject: { type: string; id: string }, kind: 'majorPolicyDecision' | 'normativeDocument' | 'contract', date: string) => {
  const p = (await principalForUser(env.ctx.db, 'zhifa'))!;
  return env.ctx.db.transaction((tx) =>
    requestLegalityReview(tx, env.ctx, p, {
      subject,
      kind,
      title: '示例区农贸市场升级改造实施方案',
      materials: '决策草案及起草说明、法律依据、公众参与情况',
      date,
    }),
  );
};

const detail = async (c: C, id: string) => c.get(`/api/legality/reviews/${id}`);
const step = async (c: C, id: string, name: string, input: unknown, date?: string) => {
  const d = await detail(reviewer, id);
  return c.post(`/api/legality/reviews/${id}/transitions/${name}`, { expectedVersion: d.body.version, input, ...(date ? { date } : {}) });
};

const allPass = (kind: string, verdict = 'pass') =>
  env.ctx.db.query<{ id: string }>('select 1').then(async () => {
    const kinds = (await reviewer.get('/api/legality/kinds')).body.kinds as { id: string; checklist: { id: string }[] }[];
    return kinds.find((k) => k.id === kind)!.checklist.map((i) => ({ item: i.id, verdict, ...(verdict === 'fail' ? { note: '与上位法相抵触' } : {}) }));
  });

describe('legality review', () => {
  const subject = { type: 'majorPolicyDecision', id: randomUUID() };
  let reviewId: string;
  let adviserId: string;

  it('no review: the gate refuses with 第二十五条 and says why', async () => {
    const p = await legalityProblem(env.ctx.db, subject);
    expect(p?.code).toBe('LEGALITY_REVIEW_MISSING');
    expect(p?.message).toContain('不得提交决策机关讨论');
  });

  it('a request opens a review at the legal office, with the minimum review time (第二十六条: 7 working days)', async () => {
    reviewId = (await request(subject, 'majorPolicyDecision', '2026-09-28')).reviewId;
    const d = await detail(reviewer, reviewId);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ state: 'underReview', kind: 'majorPolicyDecision', earliestOpinionOn: '2026-10-13', advisersRequired: true });
    expect(d.body.transitions.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['conclude', 'consultAdviser', 'returnMaterials']));
    expect((await legalityProblem(env.ctx.db, subject))?.code).toBe('LEGALITY_REVIEW_PENDING');
    // a second request while one runs
    await expect(request(subject, 'majorPolicyDecision', '2026-09-29')).rejects.toMatchObject({ code: 'LEGALITY_REVIEW_OPEN' });
    // the queue
    const queue = await reviewer.get('/api/legality/reviews?open=true');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(reviewId);
  });

  it('a sibling unit and a sibling district see nothing; the requester may not give the opinion', async () => {
    expect((await detail(siblingStation, reviewId)).status).toBe(404);
    expect((await detail(siblingDistrict, reviewId)).status).toBe(404);
    expect((await siblingDistrict.get('/api/legality/reviews')).body.items.map((i: { id: string }) => i.id)).not.toContain(reviewId);
    const before = await ledgerSize(env);
    const checklist = await allPass('majorPolicyDecision');
    expect((await step(siblingDistrict, reviewId, 'conclude', { checklist, opinion: 'lawful' }, '2026-10-13')).status).toBe(404);
    expect((await step(siblingStation, reviewId, 'conclude', { checklist, opinion: 'lawful' }, '2026-10-13')).status).toBe(404);
    expect((await step(officer, reviewId, 'conclude', { checklist, opinion: 'lawful' }, '2026-10-13')).status).toBe(403);
    // through the engine too, not only the route
    const p = (await principalForUser(env.ctx.db, 'linqu'))!;
    const m = (await findMatter(env.ctx.db, reviewId))!;
    await expect(
      transition(env.ctx, p, { matterId: reviewId, transition: 'conclude', expectedVersion: m.version, input: { checklist, opinion: 'lawful' } }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(await ledgerSize(env)).toBe(before);
    // the bureau's leader (the requesting unit is in the scope) may withdraw the request, not review it
    expect((await leader.get(`/api/legality/reviews/${reviewId}`)).body.transitions.map((t: { id: string }) => t.id)).toEqual(['withdraw']);
  });

  it('第二十八条: the opinion waits for an adviser or public lawyer of the register', async () => {
    const checklist = await allPass('majorPolicyDecision');
    const r = await step(reviewer, reviewId, 'conclude', { checklist, opinion: 'lawful' }, '2026-10-13');
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('LEGALITY_ADVISERS_REQUIRED');
    // the register: bad input, then a public lawyer
    expect((await reviewer.post('/api/legality/advisers', { kind: 'publicLawyer', name: '' })).status).toBe(400);
    expect(
      (
        await reviewer.post('/api/legality/advisers', {
          kind: 'adviser',
          name: '张律师',
          qualification: '律师执业证',
          certificateNumber: 'X1',
          termStart: '2026-01-01',
          termEnd: '2025-12-31',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await siblingStation.post('/api/legality/advisers', {
          kind: 'adviser',
          name: '张律师',
          qualification: '律师执业证',
          certificateNumber: 'X1',
          termStart: '2026-01-01',
        })
      ).status,
    ).toBe(403);
    const a = await reviewer.post('/api/legality/advisers', {
      kind: 'publicLawyer',
      name: '李明',
      qualification: '公职律师证',
      certificateNumber: '14401202610000001',
      termStart: '2026-01-01',
      termEnd: '2028-12-31',
    });
    expect(a.status).toBe(200);
    adviserId = a.body.id;
    expect(
      (
        await reviewer.post('/api/legality/advisers', {
          kind: 'publicLawyer',
          name: '李明',
          qualification: '公职律师证',
          certificateNumber: '14401202610000001',
          termStart: '2026-01-01',
        })
      ).body.error.code,
    ).toBe('LEGAL_ADVISER_TAKEN');
    // an opinion given outside the term is refused
    expect((await step(reviewer, reviewId, 'consultAdviser', { adviserId, opinion: '建议补充风险评估报告', givenOn: '2025-10-08' })).body.error.code).toBe(
      'LEGAL_ADVISER_NOT_FOUND',
    );
    const c = await step(reviewer, reviewId, 'consultAdviser', { adviserId, opinion: '建议补充风险评估报告', givenOn: '2026-10-08' }, '2026-10-08');
    expect(c.status).toBe(200);
    expect(c.body.consultations).toHaveLength(1);
    const list = await reviewer.get('/api/legality/advisers');
    expect(list.body.items.find((x: { id: string }) => x.id === adviserId).opinions).toHaveLength(1);
    expect((await siblingDistrict.get('/api/legality/advisers')).body.items.map((x: { id: string }) => x.id)).not.toContain(adviserId);
  });

  it('the opinion: every item, reasons for 不合法, not before the minimum review time without a reason', async () => {
    const checklist = await allPass('majorPolicyDecision');
    // bad input: 400 and nothing changed
    expect((await step(reviewer, reviewId, 'conclude', { checklist, opinion: 'maybe' }, '2026-10-13')).status).toBe(400);
    expect((await step(reviewer, reviewId, 'conclude', { checklist: 'all', opinion: 'lawful' }, '2026-10-13')).status).toBe(400);
    const missing = await step(reviewer, reviewId, 'conclude', { checklist: checklist.slice(1), opinion: 'lawful' }, '2026-10-13');
    expect(missing.body.error.code).toBe('LEGALITY_CHECKLIST_INCOMPLETE');
    const failing = await allPass('majorPolicyDecision', 'fail');
    expect((await step(reviewer, reviewId, 'conclude', { checklist: failing, opinion: 'unlawful' }, '2026-10-13')).body.error.code).toBe('REASON_REQUIRED');
    expect((await step(reviewer, reviewId, 'conclude', { checklist: failing, opinion: 'lawful' }, '2026-10-13')).body.error.code).toBe(
      'LEGALITY_OPINION_INCONSISTENT',
    );
    // 第二十六条第二款: requested 2026-09-28, the seventh working day is 2026-10-13
    const early = await step(reviewer, reviewId, 'conclude', { checklist: failing, opinion: 'unlawful', reasons: '超越法定权限' }, '2026-10-12');
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('LEGALITY_REVIEW_TOO_EARLY');
    expect(early.body.error.message).toContain('2026-10-13');
    expect((await detail(reviewer, reviewId)).body.state).toBe('underReview');
    const done = await step(reviewer, reviewId, 'conclude', { checklist: failing, opinion: 'unlawful', reasons: '决策事项超越本机关法定权限' }, '2026-10-13');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'concluded', opinion: 'unlawful', concludedOn: '2026-10-13' });
    expect(done.body.instrumentId).toBeTruthy();
    const inst = await reviewer.get(`/api/instruments/${done.body.instrumentId}`);
    expect(inst.status).toBe(200);
    expect(inst.body.title ?? inst.body.instrument?.title).toBe('合法性审查意见书');
  });

  it('不合法: the gate stays closed; a new review that concludes 修改后合法 opens it (early, with a reason)', async () => {
    expect((await legalityProblem(env.ctx.db, subject))?.code).toBe('LEGALITY_REVIEW_UNLAWFUL');
    const second = (await request(subject, 'majorPolicyDecision', '2026-11-02')).reviewId;
    expect((await legalityProblem(env.ctx.db, subject))?.code).toBe('LEGALITY_REVIEW_PENDING');
    await step(reviewer, second, 'consultAdviser', { adviserId, opinion: '修改后可以提交讨论', givenOn: '2026-11-03' }, '2026-11-03');
    const checklist = await allPass('majorPolicyDecision');
    const r = await step(
      reviewer,
      second,
      'conclude',
      { checklist, opinion: 'lawfulAfterChanges', reasons: '删除第五条', earlyReason: '政府常务会议定于11月6日召开' },
      '2026-11-04',
    );
    expect(r.status).toBe(200);
    expect(await legalityProblem(env.ctx.db, subject)).toBeNull();
    const all = await legalityReviewsOf(env.ctx.db, subject);
    expect(all.map((x) => x.opinion)).toEqual(['lawfulAfterChanges', 'unlawful']);
  });

  it("figures: reviews by kind and opinion, the advisers' opinions", async () => {
    const district = await orgIdByName(env, '示例区市场监督管理局');
    const value = async (id: string, from: string, to: string, extra = '') => {
      const r = await leader.get(`/api/figures/${id}?from=${from}&to=${to}&orgId=${district}${extra}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.value;
    };
    // this file's decision: 不合法 on 2026-10-13 (one adviser's opinion on 2026-10-08), 修改后合法 on 2026-11-04
    expect(await value('legality.reviewsConcluded', '2026-10-13', '2026-10-13', '&filter=kind=majorPolicyDecision')).toBe(1);
    expect(await value('legality.reviewsConcluded', '2026-10-13', '2026-10-13', '&filter=opinion=unlawful')).toBe(1);
    expect(await value('legality.reviewsConcluded', '2026-11-04', '2026-11-04', '&filter=opinion=lawfulAfterChanges')).toBe(1);
    expect(await value('legality.adviserOpinions', '2026-10-08', '2026-10-08', '&filter=adviser_kind=publicLawyer')).toBe(1);
  });

  it('returned for materials and resubmitted; a withdrawn review leaves the gate closed', async () => {
    const s = { type: 'normativeDocument', id: randomUUID() };
    const id = (await request(s, 'normativeDocument', '2026-12-07')).reviewId;
    const d = await detail(reviewer, id);
    expect(d.body.earliestOpinionOn).toBe('2026-12-14');
    expect(d.body.deadlines.map((x: { ruleId: string; due: string }) => [x.ruleId, x.due])).toEqual([['legality.limit.normativeDocument', '2026-12-28']]);
    expect((await step(reviewer, id, 'returnMaterials', { reason: ' ' })).status).toBe(400);
    expect((await step(reviewer, id, 'returnMaterials', { reason: '缺少起草说明' }, '2026-12-08')).body.state).toBe('returned');
    expect((await step(reviewer, id, 'resubmit', { materials: 'x' })).status).toBe(403);
    const back = await step(officer, id, 'resubmit', { materials: '送审稿、起草说明、制定依据' }, '2026-12-09');
    expect(back.body).toMatchObject({ state: 'underReview', earliestOpinionOn: '2026-12-16' });
    expect(back.body.deadlines.filter((x: { status: string }) => x.status === 'open').map((x: { due: string }) => x.due)).toEqual(['2026-12-30']);
    expect((await step(officer, id, 'withdraw', { reason: '暂缓制定' }, '2026-12-10')).body.state).toBe('withdrawn');
    expect((await legalityProblem(env.ctx.db, s))?.code).toBe('LEGALITY_REVIEW_MISSING');
    expect((await reviewer.post(`/api/legality/reviews/${id}/transitions/approve`, { expectedVersion: 0, input: {} })).body.error.code).toBe(
      'TRANSITION_UNKNOWN',
    );
  });
});
