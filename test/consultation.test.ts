/**
 * 公开征求意见: a draft opened for comment (period guard), comments without an account on the public API (challenge,
 * limits, rate limit, personal data kept out of every public answer and of the record), answers grouped, the
 * feedback report, the gate other modules call, and authorization across a sibling unit and a sibling district.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitDraft } from '../src/domain/consultation/rules.ts';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { checkChallenge, newChallenge } from '../src/modules/consultation/challenge.ts';
import { consultationProblem, openConsultation } from '../src/modules/consultation/index.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { findMatter } from '../src/platform/workflow/engine.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let leader: ReturnType<typeof client>;
let officer: ReturnType<typeof client>;
let reviewer: ReturnType<typeof client>;
let otherDistrict: ReturnType<typeof client>;
let priceUnit: string;
const anon = () => client(env.app, null);

const DRAFT = `第一章 总则
第一条 为了规范本区明码标价行为，制定本办法。
第二条 本办法适用于本区行政区域内的经营者。
经营者应当按照规定明码标价。
第二章 附则
第三条 本办法自2027年1月1日起施行。`;

beforeAll(async () => {
  env = await createTestEnv();
  [leader, officer, reviewer, otherDistrict] = await Promise.all(
    ['lingdao', 'zhifa', 'shenhe', 'erqu'].map(async (u) => client(env.app, await login(env.app, u))),
  );
  priceUnit = await orgIdByName(env, '价格监督检查和反不正当竞争科');
}, 240_000);
afterAll(async () => env?.close());

/** Reads the operands from the signed token (a test is a program written for this form: the challenge does not stop it). */
const solve = (token: string) => {
  const t = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  return String(t.a + t.b);
};
const comment = async (id: string, body: Record<string, unknown>, ip = '198.51.100.7') => {
  const ch = (await anon().get(`/api/public/consultations/${id}/challenge`)).body;
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/public/consultations/${id}/comments`,
    remoteAddress: ip,
    payload: { challengeToken: ch.token, challengeAnswer: solve(ch.token), ...body },
  });
  return { status: res.statusCode, body: res.json() };
};
const open = (body: Record<string, unknown>) =>
  leader.post('/api/consultations', { orgId: priceUnit, title: '明码标价管理办法（征求意见稿）', text: DRAFT, days: 30, ...body });
const step = async (c: ReturnType<typeof client>, id: string, name: string, input: unknown = {}, date?: string) => {
  const m = (await findMatter(env.ctx.db, id))!;
  return c.post(`/api/consultations/${id}/transitions/${name}`, { expectedVersion: m.version, input, ...(date ? { date } : {}) });
};

describe('the draft', () => {
  it('splits a draft into articles and paragraphs; chapter headings are not anchors; text without articles by paragraph', () => {
    expect(splitDraft(DRAFT).map((a) => [a.id, a.label])).toEqual([
      ['a1', '第一条'],
      ['a2', '第二条'],
      ['a2p1', '第二条第一款'],
      ['a2p2', '第二条第二款'],
      ['a3', '第三条'],
    ]);
    expect(splitDraft('一段。\n\n二段。').map((a) => a.label)).toEqual(['第1段', '第2段']);
  });

  it('period guard: below the minimum of 30 days only with a recorded reason (重大行政决策程序暂行条例 第十五条); nothing written when refused', async () => {
    const before = await ledgerSize(env);
    const short = await open({ days: 15 });
    expect(short.status).toBe(422);
    expect(short.body.error.code).toBe('CONSULTATION_PERIOD_TOO_SHORT');
    expect(await ledgerSize(env)).toBe(before);
    const ok = await open({ days: 15, shortenedReason: '节前价格监管急需，缩短征求意见期限' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      state: 'open',
      days: 15,
      minimumDays: 30,
      shortenedReason: '节前价格监管急需，缩短征求意见期限',
      periodRule: 'consultation.normativeDocument',
    });
    expect(ok.body.anchors).toHaveLength(5);
    // the period ends 15 days after publication (the first day not counted), on a working day
    expect(ok.body.endsOn >= addDays(chinaToday(), 15)).toBe(true);
  });
});

describe('comments without an account', () => {
  let id: string;
  beforeAll(async () => {
    id = (await open({ title: '价格监督检查办法（征求意见稿）' })).body.id;
  });

  it('anyone comments on an article; the name and contact are kept for staff, never in a public answer or the record', async () => {
    const r = await comment(id, { anchor: 'a2p2', text: '建议明确网络经营者的标价方式。', name: '张三', contact: '13900001111' });
    expect(r.status).toBe(200);
    expect(r.body.number).toBe(1);
    expect((await comment(id, { anchor: 'whole', text: '整体赞成。' })).status).toBe(200);
    const pub = await anon().get(`/api/public/consultations/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.feedback).toEqual([]); // shown with their answers once the report is published
    expect(pub.body.acceptingComments).toBe(true);
    const list = await anon().get('/api/public/consultations?open=true');
    expect(list.body.items.find((x: { id: string }) => x.id === id).comments).toBe(2);
    for (const body of [JSON.stringify(pub.body), JSON.stringify(list.body)]) {
      expect(body).not.toContain('张三');
      expect(body).not.toContain('13900001111');
    }
    const entries = (
      await env.ctx.db.query<{ payload: unknown; actor_id: string | null; actor_name: string }>(
        `select payload, actor_id, actor_name from ledger_entries where matter_id = $1 and event_type = 'consultation.commented'`,
        [id],
      )
    ).rows;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actor_id: null, actor_name: '社会公众' });
    expect(JSON.stringify(entries)).not.toContain('张三');
    expect(JSON.stringify(entries)).not.toContain('13900001111');
    // staff of the drafting unit's subtree see who wrote (to answer them), grouped by anchor
    const staff = (await leader.get(`/api/consultations/${id}`)).body;
    expect(staff.groups.map((g: { anchor: string }) => g.anchor)).toEqual(['whole', 'a2p2']);
    expect(staff.groups[1].comments[0]).toMatchObject({ commenterName: '张三', commenterContact: '13900001111' });
  });

  it('the challenge: a wrong answer, a reused token, another draft’s token, a forged or expired one are refused; nothing is written', async () => {
    const before = await ledgerSize(env);
    const ch = (await anon().get(`/api/public/consultations/${id}/challenge`)).body;
    expect(ch.question).toMatch(/加.+等于几/);
    const post = (payload: unknown) => env.app.inject({ method: 'POST', url: `/api/public/consultations/${id}/comments`, payload: payload as object });
    const wrong = await post({ anchor: 'a1', text: '意见', challengeToken: ch.token, challengeAnswer: String(Number(solve(ch.token)) + 1) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('COMMENT_CHALLENGE_FAILED');
    const forged = `${ch.token.split('.')[0]}.${Buffer.alloc(32).toString('base64url')}`;
    expect((await post({ anchor: 'a1', text: '意见', challengeToken: forged, challengeAnswer: solve(ch.token) })).statusCode).toBe(422);
    expect(await ledgerSize(env)).toBe(before);
    expect((await post({ anchor: 'a1', text: '意见', challengeToken: ch.token, challengeAnswer: solve(ch.token) })).statusCode).toBe(200);
    const again = await post({ anchor: 'a1', text: '再提一条', challengeToken: ch.token, challengeAnswer: solve(ch.token) });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('COMMENT_CHALLENGE_FAILED');
    const signer = env.ctx.ledger.signer;
    const c = newChallenge(signer, id, 1_000_000);
    expect(checkChallenge(signer, id, c.token, solve(c.token), 1_000_000)).not.toBeNull();
    expect(checkChallenge(signer, 'other', c.token, solve(c.token), 1_000_000)).toBeNull();
    expect(checkChallenge(signer, id, c.token, solve(c.token), 1_000_000 + 3 * 3600_000)).toBeNull();
  });

  it('limits: the text’s size, an unknown anchor, the body size; bad input never 500s', async () => {
    const long = await comment(id, { anchor: 'a1', text: '长'.repeat(2001) });
    expect(long.status).toBe(400);
    const anchor = await comment(id, { anchor: 'a9', text: '意见' });
    expect(anchor.status).toBe(422);
    expect(anchor.body.error.code).toBe('COMMENT_ANCHOR_UNKNOWN');
    const big = await env.app.inject({ method: 'POST', url: `/api/public/consultations/${id}/comments`, payload: { text: 'x'.repeat(20_000) } });
    expect(big.statusCode).toBe(413);
    for (const bad of [
      {},
      { anchor: 'a1' },
      { anchor: 'a1', text: '意见', challengeToken: '..', challengeAnswer: '1' },
      { anchor: 'a1', text: '意见', challengeToken: 'x', challengeAnswer: '１' },
    ]) {
      const r = await env.app.inject({ method: 'POST', url: `/api/public/consultations/${id}/comments`, payload: bad });
      expect(r.statusCode, JSON.stringify(bad)).toBeLessThan(500);
    }
    expect((await anon().get('/api/public/consultations/nonexistent')).status).toBe(404);
  });

  it('rate limit: an address posts at most 20 comments an hour; another address is not affected', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 20; i++) expect((await comment(id, { anchor: 'a1', text: `意见${i}` }, ip)).status).toBe(200);
    const limited = await comment(id, { anchor: 'a1', text: '再来' }, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect((await comment(id, { anchor: 'a1', text: '别的地址' }, '203.0.113.78')).status).toBe(200);
  });
});

describe('answers, closing and the feedback report (gates tried one by one)', () => {
  it('runs open → closed → reported, refusing each skipped step; the report shows each comment with its answer, no personal data', async () => {
    const d = (await open({ title: '广告监督管理规定（征求意见稿）' })).body;
    const c1 = await comment(d.id, { anchor: 'a1', text: '第一条应写明上位法依据。', name: '李四', contact: 'li@example.com' });
    const c2 = await comment(d.id, { anchor: 'a1', text: '同意第一条。' });
    await comment(d.id, { anchor: 'a3', text: '施行日期过早。' });
    // not before the period ends
    const early = await step(leader, d.id, 'close');
    expect(early.body.error.code).toBe('CONSULTATION_PERIOD_RUNNING');
    // no report while open
    expect((await step(leader, d.id, 'publishReport', { summary: '略' })).body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    const after = addDays(d.endsOn, 1);
    expect((await step(leader, d.id, 'close', {}, after)).status).toBe(200);
    // comments are no longer taken
    const late = await comment(d.id, { anchor: 'a1', text: '迟到的意见' });
    expect(late.body.error.code).toBe('CONSULTATION_NOT_OPEN');
    // not before every comment is answered
    const staff = (await leader.get(`/api/consultations/${d.id}`)).body;
    const a1 = staff.groups.find((g: { anchor: string }) => g.anchor === 'a1').comments.map((x: { id: string }) => x.id);
    const a3 = staff.groups.find((g: { anchor: string }) => g.anchor === 'a3').comments.map((x: { id: string }) => x.id);
    expect((await leader.post(`/api/consultations/${d.id}/answers`, { commentIds: a1, outcome: 'adopted', reason: '已在第一条增加依据。' })).status).toBe(200);
    const unanswered = await step(leader, d.id, 'publishReport', { summary: '共收到意见3条。' }, after);
    expect(unanswered.body.error.code).toBe('CONSULTATION_COMMENTS_UNANSWERED');
    const bad = await leader.post(`/api/consultations/${d.id}/answers`, { commentIds: ['nope'], outcome: 'adopted', reason: 'x' });
    expect(bad.body.error.code).toBe('COMMENT_NOT_FOUND');
    expect((await leader.post(`/api/consultations/${d.id}/answers`, { commentIds: a3, outcome: 'notAdopted', reason: '施行日期已考虑过渡期。' })).status).toBe(
      200,
    );
    const report = await step(
      leader,
      d.id,
      'publishReport',
      { summary: '共收到意见3条，采纳2条，不予采纳1条。', finalTextUrl: '/portal/consultations' },
      after,
    );
    expect(report.status).toBe(200);
    expect(report.body.state).toBe('reported');
    const pub = (await anon().get(`/api/public/consultations/${d.id}`)).body;
    expect(pub.report).toMatchObject({
      summary: '共收到意见3条，采纳2条，不予采纳1条。',
      finalTextUrl: '/portal/consultations',
      counts: { adopted: 2, partlyAdopted: 0, notAdopted: 1 },
    });
    expect(pub.feedback.map((x: { number: number; answer: { outcomeLabel: string } }) => [x.number, x.answer.outcomeLabel])).toEqual([
      [1, '采纳'],
      [2, '采纳'],
      [3, '不予采纳'],
    ]);
    expect(JSON.stringify(pub)).not.toContain('李四');
    expect(JSON.stringify(pub)).not.toContain('li@example.com');
    void c1;
    void c2;
    // answers are final once published
    expect((await leader.post(`/api/consultations/${d.id}/answers`, { commentIds: a3, outcome: 'adopted', reason: '改' })).body.error.code).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('the gate: not required → null; none, open, closed without report → CONSULTATION_REQUIRED; reported → null', async () => {
    const p = (await principalForUser(env.ctx.db, 'lingdao'))!;
    const subject = { type: 'publicConsultation', id: 'none' };
    expect(await consultationProblem(env.ctx.db, subject, { required: false })).toBeNull();
    expect((await consultationProblem(env.ctx.db, subject, { required: true }))?.code).toBe('CONSULTATION_REQUIRED');
    const { consultationId } = await env.ctx.db.transaction((tx) =>
      openConsultation(tx, env.ctx, p, { title: '单独征求意见的草案', text: '第一条 试行。', days: 30, orgId: priceUnit }),
    );
    const own = { type: 'publicConsultation', id: consultationId };
    expect((await consultationProblem(env.ctx.db, own, { required: true }))?.message).toContain('正在公开征求意见');
    const endsOn = (await leader.get(`/api/consultations/${consultationId}`)).body.endsOn;
    await step(leader, consultationId, 'close', {}, addDays(endsOn, 1));
    expect((await consultationProblem(env.ctx.db, own, { required: true }))?.message).toContain('尚未公布意见采纳情况');
    await step(leader, consultationId, 'publishReport', { summary: '未收到意见。' }, addDays(endsOn, 1));
    expect(await consultationProblem(env.ctx.db, own, { required: true })).toBeNull();
  });
});

describe('authorization', () => {
  it('a sibling unit (第二市场监管所, 法制科) and a sibling district see nothing and cannot act; only the unit’s subtree may open', async () => {
    const d = (await open({ title: '授权测试草案' })).body;
    await comment(d.id, { anchor: 'a1', text: '意见', name: '王五' });
    for (const c of [officer, reviewer, otherDistrict]) {
      expect((await c.get(`/api/consultations/${d.id}`)).status).toBe(404);
      expect((await c.post(`/api/consultations/${d.id}/answers`, { commentIds: ['x'], outcome: 'adopted', reason: 'x' })).status).toBe(404);
      expect((await step(c, d.id, 'close', {}, addDays(d.endsOn, 1))).status).toBe(404);
      const list = (await c.get('/api/consultations')).body.items;
      expect(list.some((x: { id: string }) => x.id === d.id)).toBe(false);
      const opened = await c.post('/api/consultations', { orgId: priceUnit, title: '越权', text: '第一条 越权。', days: 30 });
      expect(opened.status).toBe(403);
    }
    expect((await anon().get(`/api/consultations/${d.id}`)).status).toBe(401);
  });
});

describe('the portal, without JavaScript', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const hidden = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
  const question = (page: string) => /验证题：([一二三四五六七八九])加([一二三四五六七八九])等于几/.exec(page)!;
  const digits = '零一二三四五六七八九';

  it('lists the drafts with their period and counter; a citizen comments on an article by the form and is told it was received', async () => {
    const d = (await open({ title: '门户表单测试草案' })).body;
    const list = await env.app.inject({ method: 'GET', url: '/portal/consultations' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('门户表单测试草案');
    expect(list.body).toContain(`${d.startsOn} 至 ${d.endsOn}（30 日）`);
    const page = await env.app.inject({ method: 'GET', url: `/portal/consultations/${d.id}?anchor=a2p2` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="a2p2" selected>第二条第二款</option>');
    expect(page.body).not.toMatch(/<script/);
    const q = question(page.body);
    const answer = String(digits.indexOf(q[1]) + digits.indexOf(q[2]));
    const post = (fields: Record<string, string>) =>
      env.app.inject({
        method: 'POST',
        url: `/portal/consultations/${d.id}/comments`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(fields),
      });
    // a wrong answer: the page again with the reason and what was typed; nothing stored
    const wrong = await post({
      anchor: 'a2p2',
      text: '建议写明<网络>标价。',
      name: '孙六',
      contact: '13700000000',
      challengeToken: hidden(page.body, 'challengeToken'),
      challengeAnswer: '99',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.headers['content-type']).toContain('text/html');
    expect(wrong.body).toContain('验证题答案不正确');
    expect(wrong.body).toContain('建议写明&lt;网络&gt;标价。');
    const ok = await post({
      anchor: 'a2p2',
      text: '建议写明网络标价。',
      name: '孙六',
      contact: '13700000000',
      challengeToken: hidden(page.body, 'challengeToken'),
      challengeAnswer: answer,
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/portal/consultations/${d.id}?submitted=1#comment`);
    const after = await env.app.inject({ method: 'GET', url: ok.headers.location as string });
    expect(after.body).toContain('您的意见已提交（第 1 条）');
    expect(after.body).toContain('1 条');
    expect(after.body).not.toContain('孙六');
    expect(after.body).not.toContain('13700000000');
    // the report page shows the comment with its answer, still without the name
    const staff = (await leader.get(`/api/consultations/${d.id}`)).body;
    await leader.post(`/api/consultations/${d.id}/answers`, {
      commentIds: [staff.groups[0].comments[0].id],
      outcome: 'partlyAdopted',
      reason: '在第二条第二款中明确。',
    });
    await step(leader, d.id, 'close', {}, addDays(d.endsOn, 1));
    await step(leader, d.id, 'publishReport', { summary: '收到意见1条，部分采纳。' }, addDays(d.endsOn, 1));
    const report = await env.app.inject({ method: 'GET', url: `/portal/consultations/${d.id}` });
    expect(report.body).toContain('意见采纳情况');
    expect(report.body).toContain('建议写明网络标价。');
    expect(report.body).toContain('部分采纳');
    expect(report.body).toContain('在第二条第二款中明确。');
    expect(report.body).not.toContain('孙六');
    expect(report.body).not.toContain('<form method="post"');
  });

  it('an unknown draft is the portal’s 404 page; a draft not yet published is not shown', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/portal/consultations/nope' });
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain('<main id="main"');
    const later = (await open({ title: '尚未发布的草案', startsOn: addDays(chinaToday(), 10) })).body;
    expect((await env.app.inject({ method: 'GET', url: `/portal/consultations/${later.id}` })).statusCode).toBe(404);
    expect((await anon().get('/api/public/consultations')).body.items.some((x: { id: string }) => x.id === later.id)).toBe(false);
  });
});

describe('figures (统计指标), over fixture data of one unit', () => {
  it('counts the drafts put out for comment and the comments by how they were answered', async () => {
    const se = await orgIdByName(env, '特种设备安全监察科');
    const d = (await leader.post('/api/consultations', { orgId: se, title: '指标测试草案', text: DRAFT, days: 30 })).body;
    for (const t of ['一', '二', '三']) await comment(d.id, { anchor: 'a1', text: `意见${t}` }, '198.51.100.99');
    const staff = (await leader.get(`/api/consultations/${d.id}`)).body;
    const [c1, c2] = staff.groups[0].comments.map((x: { id: string }) => x.id);
    await leader.post(`/api/consultations/${d.id}/answers`, { commentIds: [c1], outcome: 'adopted', reason: '采纳。' });
    await leader.post(`/api/consultations/${d.id}/answers`, { commentIds: [c2], outcome: 'notAdopted', reason: '不予采纳。' });
    const today = chinaToday();
    const value = async (id: string, extra = '') => {
      const r = await leader.get(`/api/figures/${id}?from=${today.slice(0, 4)}-01-01&to=${today}&orgId=${se}${extra}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.value;
    };
    expect(await value('consultation.drafts')).toBe(1);
    expect(await value('consultation.comments')).toBe(3);
    expect(await value('consultation.comments', '&filter=outcome=adopted')).toBe(1);
    expect(await value('consultation.comments', '&filter=outcome=notAdopted')).toBe(1);
    expect(await value('consultation.comments', '&filter=outcome=unanswered')).toBe(1);
  });
});

describe('a province’s own minimum period', () => {
  it('replaces the national default in the guard when the caller passes it with its citation', async () => {
    const p = (await principalForUser(env.ctx.db, 'lingdao'))!;
    const open15 = (minimum?: { days: number; basis: string }) =>
      env.ctx.db.transaction((tx) =>
        openConsultation(tx, env.ctx, p, { title: '省级期限测试', text: '第一条 测试。', days: 15, orgId: priceUnit, ...(minimum ? { minimum } : {}) }),
      );
    await expect(open15()).rejects.toMatchObject({ code: 'CONSULTATION_PERIOD_TOO_SHORT' });
    const { consultationId } = await open15({ days: 10, basis: '《××省行政规范性文件管理规定》第十条' });
    expect((await leader.get(`/api/consultations/${consultationId}`)).body.minimumDays).toBe(10);
  });
});
