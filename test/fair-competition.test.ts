/**
 * 公平竞争审查: the checklist as data quoting 第八条–第十一条, the conclusions and their guards (every item answered;
 * a contained item needs a justified 第十二条 exception to issue; 第十七条第二款 detail), 会审 with every unit's
 * opinion, amendment and resubmission, the 第十八条 gate other modules call, the register with counts by outcome and
 * year, and authorization across a sibling unit and a sibling district.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItemIds, fairCompetitionChecklist } from '../src/domain/fairCompetition/rules.ts';
import { fairCompetitionProblem, requestFairCompetitionReview } from '../src/modules/fairCompetition/index.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { findMatter } from '../src/platform/workflow/engine.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let leader: ReturnType<typeof client>;
let officer: ReturnType<typeof client>;
let reviewer: ReturnType<typeof client>;
let otherDistrict: ReturnType<typeof client>;
let unit: string;

beforeAll(async () => {
  env = await createTestEnv();
  [leader, officer, reviewer, otherDistrict] = await Promise.all(
    ['lingdao', 'zhifa', 'shenhe', 'erqu'].map(async (u) => client(env.app, await login(env.app, u))),
  );
  unit = await orgIdByName(env, '价格监督检查和反不正当竞争科');
}, 240_000);
afterAll(async () => env?.close());

const none = () => checklistItemIds.map((item) => ({ item, contains: false }));
const containing = (id: string) => none().map((x) => (x.item === id ? { ...x, contains: true, note: '涉及' } : x));
const conclusion = (over: Record<string, unknown> = {}) => ({
  prohibitionChecks: none(),
  article12Exceptions: [],
  stakeholderViews: '听取了行业协会意见。',
  reason: '逐项审查。',
  ...over,
});
const justified = {
  ground: 'publicInterest',
  justification: '为实现节约能源目标，对完成改造的电梯给予补助；已比较其他方式，没有对公平竞争影响更小的替代方案。',
  noLessRestrictiveAlternative: true,
  period: '三年',
};
const request = async (title = '测试政策措施') => (await leader.post('/api/fair-competition/reviews', { orgId: unit, title, text: '第一条 测试。' })).body;
const step = async (c: ReturnType<typeof client>, id: string, name: string, input: unknown = {}) => {
  const m = (await findMatter(env.ctx.db, id))!;
  return c.post(`/api/fair-competition/reviews/${id}/transitions/${name}`, { expectedVersion: m.version, input });
};

describe('the standards as data', () => {
  it('lists every item of 第八条 (5), 第九条 (6), 第十条 (4), 第十一条 (4) with its article', async () => {
    expect(fairCompetitionChecklist).toHaveLength(19);
    expect(fairCompetitionChecklist.filter((i) => i.basis.endsWith('#第九条'))).toHaveLength(6);
    const r = await leader.get('/api/fair-competition/checklist');
    expect(r.status).toBe(200);
    expect(r.body.items[2]).toMatchObject({
      id: 'art8.3',
      basis: '公平竞争审查条例@2024-06-06#第八条',
      text: '限定经营、购买或者使用特定经营者提供的商品或者服务',
    });
    expect(r.body.exceptionGrounds).toHaveLength(4);
  });
});

describe('conclusions (each guard tried)', () => {
  it('refuses an incomplete checklist, "may issue" with a contained item and no exception, an unjustified exception; nothing written', async () => {
    const r = await request();
    const before = await ledgerSize(env);
    const partial = await step(leader, r.id, 'approve', conclusion({ prohibitionChecks: none().slice(1) }));
    expect(partial.body.error.code).toBe('FAIR_COMPETITION_CHECKLIST_INCOMPLETE');
    const contained = await step(leader, r.id, 'approve', conclusion({ prohibitionChecks: containing('art10.2') }));
    expect(contained.body.error.code).toBe('FAIR_COMPETITION_CONCLUSION_INVALID');
    expect(contained.body.error.message).toContain('第十八条');
    const thin = await step(
      leader,
      r.id,
      'approve',
      conclusion({ prohibitionChecks: containing('art10.2'), article12Exceptions: [{ ...justified, justification: '节能' }] }),
    );
    expect(thin.body.error.code).toBe('FAIR_COMPETITION_EXCEPTION_UNJUSTIFIED');
    const noAlt = await step(
      leader,
      r.id,
      'approve',
      conclusion({ prohibitionChecks: containing('art10.2'), article12Exceptions: [{ ...justified, noLessRestrictiveAlternative: false }] }),
    );
    expect(noAlt.body.error.code).toBe('FAIR_COMPETITION_EXCEPTION_UNJUSTIFIED');
    const amendNothing = await step(leader, r.id, 'requireAmendment', conclusion());
    expect(amendNothing.body.error.code).toBe('FAIR_COMPETITION_CONCLUSION_INVALID');
    expect(await ledgerSize(env)).toBe(before);
    // the gate holds while the review runs
    expect((await fairCompetitionProblem(env.ctx.db, { type: 'fairCompetitionReview', id: r.id }))?.code).toBe('FAIR_COMPETITION_REVIEW_REQUIRED');
    const ok = await step(leader, r.id, 'approve', conclusion({ prohibitionChecks: containing('art10.2'), article12Exceptions: [justified] }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'mayIssue', conclusion: 'mayIssue', exceptionUsed: true });
    expect(ok.body.exceptions[0].groundLabel).toContain('第十二条第三项');
  });

  it('must amend → resubmit → self-review again; refuse is final', async () => {
    const r = await request('须修改的措施');
    expect((await step(leader, r.id, 'requireAmendment', conclusion({ prohibitionChecks: containing('art8.3') }))).body.state).toBe('amendmentRequired');
    expect((await step(leader, r.id, 'resubmit', { amendedText: '第一条 修改后。', note: '删去指定机构' })).body.state).toBe('selfReview');
    expect((await step(leader, r.id, 'approve', conclusion())).body.state).toBe('mayIssue');
    const n = await request('不得出台的措施');
    expect((await step(leader, n.id, 'refuse', conclusion({ prohibitionChecks: containing('art9.1') }))).body.state).toBe('mayNotIssue');
    expect((await step(leader, n.id, 'resubmit', { amendedText: 'x', note: 'y' })).body.error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('会审: organised by the bureau (a leader or admin), concluded only when every unit has given its opinion', async () => {
    const r = await request('会审的措施');
    expect((await step(officer, r.id, 'startJointReview', { jointUnits: ['区财政局'] })).status).toBe(404);
    const started = await step(leader, r.id, 'startJointReview', { jointUnits: ['区财政局', '区司法局'] });
    expect(started.body.state).toBe('jointReview');
    expect((await step(leader, r.id, 'recordJointOpinion', { jointUnit: '区财政局', jointOpinion: '同意。' })).status).toBe(200);
    expect((await step(leader, r.id, 'recordJointOpinion', { jointUnit: '区教育局', jointOpinion: '同意。' })).status).toBe(400);
    const early = await step(leader, r.id, 'approve', conclusion());
    expect(early.body.error.code).toBe('FAIR_COMPETITION_JOINT_OPINION_MISSING');
    expect(early.body.error.message).toContain('区司法局');
    await step(leader, r.id, 'recordJointOpinion', { jointUnit: '区司法局', jointOpinion: '同意。' });
    const done = await step(leader, r.id, 'approve', conclusion());
    expect(done.body).toMatchObject({ state: 'mayIssue', joint: true });
    expect(done.body.jointUnits).toEqual([
      { name: '区财政局', opinion: '同意。' },
      { name: '区司法局', opinion: '同意。' },
    ]);
  });
});

describe('the gate and the register', () => {
  it('第十八条: none, running, must amend, may not issue → FAIR_COMPETITION_REVIEW_REQUIRED; may issue → null', async () => {
    const p = (await principalForUser(env.ctx.db, 'lingdao'))!;
    const subject = { type: 'fairCompetitionReview', id: 'x' };
    expect((await fairCompetitionProblem(env.ctx.db, subject))?.message).toContain('未经公平竞争审查');
    const { reviewId } = await env.ctx.db.transaction((tx) =>
      requestFairCompetitionReview(tx, env.ctx, p, { title: '门控测试', text: '第一条 测试。', orgId: unit }),
    );
    // a review of a measure on its own has no subject; the gate is asked of a subject's latest review
    expect(await fairCompetitionProblem(env.ctx.db, { type: 'fairCompetitionReview', id: reviewId })).not.toBeNull();
  });

  it('the register counts by outcome and year, with joint reviews and exceptions (the demo: an exception, a 会审, an amendment)', async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    const r = (await leader.get(`/api/fair-competition/reviews?year=${year}`)).body;
    const y = r.byYear.find((x: { year: number }) => x.year === year);
    expect(y.reviewed).toBe(r.items.length);
    expect(y.mayIssue + y.mustAmend + y.mayNotIssue + y.pending).toBe(y.reviewed);
    expect(y.joint).toBeGreaterThanOrEqual(1);
    expect(y.exceptions).toBeGreaterThanOrEqual(1);
    expect(r.items.some((i: { title: string; exceptionUsed: boolean }) => i.title === '关于促进住宅电梯节能改造的若干措施' && i.exceptionUsed)).toBe(true);
  });
});

describe('authorization', () => {
  it('a sibling unit and a sibling district see nothing and cannot act or request for the unit', async () => {
    const r = await request('授权测试措施');
    for (const c of [officer, reviewer, otherDistrict]) {
      expect((await c.get(`/api/fair-competition/reviews/${r.id}`)).status).toBe(404);
      expect((await step(c, r.id, 'approve', conclusion())).status).toBe(404);
      expect((await c.get('/api/fair-competition/reviews')).body.items.some((x: { id: string }) => x.id === r.id)).toBe(false);
      expect((await c.post('/api/fair-competition/reviews', { orgId: unit, title: '越权', text: 'x' })).status).toBe(403);
    }
  });
});

describe('figures (统计指标), over fixture data of one unit', () => {
  it('counts the documents reviewed by conclusion, exception and joint review, and the joint reviews (seed 001: 会审20余次, 文件440份)', async () => {
    const se = await orgIdByName(env, '特种设备安全监察科');
    const mk = async (title: string) => (await leader.post('/api/fair-competition/reviews', { orgId: se, title, text: '第一条 测试。' })).body.id as string;
    const a = await mk('指标：适用例外');
    await step(leader, a, 'approve', conclusion({ prohibitionChecks: containing('art10.2'), article12Exceptions: [justified] }));
    const b = await mk('指标：会审');
    await step(leader, b, 'startJointReview', { jointUnits: ['区财政局'] });
    await step(leader, b, 'recordJointOpinion', { jointUnit: '区财政局', jointOpinion: '同意。' });
    await step(leader, b, 'approve', conclusion());
    const c = await mk('指标：应当修改');
    await step(leader, c, 'requireAmendment', conclusion({ prohibitionChecks: containing('art8.3') }));
    await mk('指标：审查中（不计）');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const q = (id: string, extra = '') => leader.get(`/api/figures/${id}?from=${today.slice(0, 4)}-01-01&to=${today}&orgId=${se}${extra}`);
    const value = async (id: string, extra = '') => {
      const r = await q(id, extra);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.value;
    };
    expect(await value('fairCompetition.reviewed')).toBe(3);
    expect(await value('fairCompetition.reviewed', '&filter=conclusion=mayIssue')).toBe(2);
    expect(await value('fairCompetition.reviewed', '&filter=exception=yes')).toBe(1);
    expect(await value('fairCompetition.reviewed', '&filter=joint=yes')).toBe(1);
    expect(await value('fairCompetition.jointReviews')).toBe(1);
    // another district sees nothing of this unit
    expect((await otherDistrict.get(`/api/figures/fairCompetition.reviewed?from=${today.slice(0, 4)}-01-01&to=${today}&orgId=${se}`)).status).toBe(404);
  });
});
