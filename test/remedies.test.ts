// 行政复议 and 行政应诉: the demo data (an answered reconsideration, one revoking a decision that leaves the portal with its
// versions kept, a suit with the head in court), the answer bundle's proofs checked against the record, a suit through
// both instances with the appeal windows of 第八十五条, the 负责人出庭应诉 rule, a generic subject, the 2017 history, the
// figures counted by hand, authorization across a sibling unit and a sibling district, and bad input changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { nodeHash } from '../src/domain/merkle.ts';
import { verifyInclusionWith } from '../src/domain/merkleVerify.ts';
import { remediesOfSubject } from '../src/modules/remedies/index.ts';
import { REVOKED_PARTY, seedRemedies } from '../src/seed/remedies.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { findMatter } from '../src/platform/workflow/engine.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';
import { officialSchedules } from '../src/modules/calendar/official.ts';
import { WorkCalendar } from '../src/domain/calendar/workCalendar.ts';
import { computeDeadline } from '../src/domain/deadlines/compute.ts';
import { deadlineRule } from '../src/domain/deadlines/rules.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let reviewer: C, leader: C, officer: C, admin: C, otherDistrict: C;
const today = chinaToday();
const d = (n: number) => addDays(today, n);
const anon = () => client(env.app, null);

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  await seedRemedies(env.ctx, today);
  [reviewer, leader, officer, admin, otherDistrict] = await Promise.all(
    ['shenhe', 'lingdao', 'zhifa', 'admin', 'erqu'].map(async (u) => client(env.app, await login(env.app, u))),
  );
}, 300_000);
afterAll(async () => env?.close());

const caseOf = async (party: string) => (await env.ctx.db.query<{ id: string }>(`select id from cases where party ->> 'name' = $1`, [party])).rows[0].id;
const step = async (c: C, kind: 'reconsiderations' | 'lawsuits', id: string, name: string, input: unknown, date?: string) => {
  const m = (await findMatter(env.ctx.db, id))!;
  return c.post(`/api/${kind}/${id}/transitions/${name}`, { expectedVersion: m.version, input, ...(date ? { date } : {}) });
};

describe('the demo bureau (src/seed/remedies.ts)', () => {
  it('a reconsideration revoking a decision concludes the case’s 复议 entry and withdraws the publication: gone from the portal’s list, versions kept', async () => {
    const caseId = await caseOf(REVOKED_PARTY);
    const list = await reviewer.get(`/api/reconsiderations?subjectType=case&subjectId=${caseId}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const r = (await reviewer.get(`/api/reconsiderations/${list.body.items[0].id}`)).body;
    expect(r).toMatchObject({ state: 'decided', outcome: 'revoked', effect: 'setAside', subjectKind: 'penalty', publicationState: 'withdrawn' });
    expect(r.hearings).toHaveLength(1);
    expect(r.subjectHref).toBe(`/cases/${caseId}`);
    // the case: its 复议 entry concluded as revoked (enforcement of it is refused by the case module)
    const c = (await officer.get(`/api/cases/${caseId}`)).body;
    const ch = c.execution.challenges.find((x: { id: string }) => x.id === r.challengeId);
    expect(ch).toMatchObject({ kind: 'reconsideration', outcome: 'revoked', concludedOn: d(-7) });
    // a revoked decision owes nothing: the payment period ended with it (cancelled, named in the conclusion's entry), so no reminder asks for the fine
    const open = await env.ctx.db.query(`select rule_id from matter_deadlines where matter_id = $1 and status = 'open'`, [caseId]);
    expect(open.rows).toEqual([]);
    const payment = await env.ctx.db.query<{ status: string }>(`select status from matter_deadlines where matter_id = $1 and rule_id = 'penalty.payment'`, [
      caseId,
    ]);
    expect(payment.rows).toEqual([{ status: 'cancelled' }]);
    const entry = await env.ctx.db.query<{ payload: string }>(
      `select payload from ledger_entries where matter_id = $1 and event_type = 'case.challengeConcluded' order by write_id desc limit 1`,
      [caseId],
    );
    expect(JSON.parse(entry.rows[0].payload).deadlinesCancelled).toContain('penalty.payment');
    // the portal: no longer in the current list, the withdrawn version still on its page
    const search = (await anon().get(`/api/public/publications?q=${encodeURIComponent('旺福')}`)).body;
    expect(search.items.filter((i: { partyName: string }) => i.partyName === REVOKED_PARTY)).toHaveLength(0);
    const pub = (await anon().get(`/api/public/publications/${r.publicationId}`)).body;
    expect(pub.versions.map((v: { status: string }) => v.status)).toEqual(['withdrawn']);
    // the withdrawal's 3-working-day limit was opened from the day the decision was received and met by the leader's withdrawal
    const dl = (
      await env.ctx.db.query<{ status: string; start: string }>(
        `select status, start_date as start from matter_deadlines where matter_id = $1 and rule_id = 'publicity.withdrawal'`,
        [r.publicationId],
      )
    ).rows;
    expect(dl).toEqual([{ status: 'met', start: d(-7) }]);
  });

  it('the answered reconsideration met its 10-working-day limit; its bundle proves every entry of the case in a signed tree head', async () => {
    const caseId = await caseOf('张百味（示例区百味小吃店）');
    const r = (await reviewer.get(`/api/reconsiderations?subjectType=case&subjectId=${caseId}`)).body.items[0];
    expect(r).toMatchObject({ state: 'answered', answeredOn: d(-3), lawVersion: '2023' });
    const detail = (await reviewer.get(`/api/reconsiderations/${r.id}`)).body;
    expect(detail.deadlines.find((x: { ruleId: string }) => x.ruleId === 'reconsideration.answer')).toMatchObject({ status: 'met', start: d(-6) });
    const b = await reviewer.get(`/api/reconsiderations/${r.id}/answer-bundle`);
    expect(b.status).toBe(200);
    expect(b.body.bundleHash).toBe(detail.bundleHash);
    expect(b.body.entries.length).toBeGreaterThan(2);
    const alg = b.body.treeHead.hashAlg;
    for (const e of b.body.entries)
      expect(
        verifyInclusionWith((l, rr) => nodeHash(alg, l, rr), e.leafHash, e.seq, b.body.treeHead.treeSize, e.inclusionProof, b.body.treeHead.rootHash),
      ).toBe(true);
    // not answered yet: no bundle
    const other = (await reviewer.get(`/api/reconsiderations?state=decided`)).body.items[0];
    expect(other).toBeDefined();
  });

  it('the suit against scenario 1 is defended, the deputy head appeared; other pages list the remedies of the case', async () => {
    const caseId = await caseOf('示例区鑫隆超市有限公司');
    const p = (await principalForUser(env.ctx.db, 'shenhe'))!;
    const all = await remediesOfSubject(env.ctx.db, p, { type: 'case', id: caseId });
    expect(all.reconsiderations).toHaveLength(0);
    expect(all.lawsuits).toHaveLength(1);
    expect(all.lawsuits[0]).toMatchObject({ state: 'defended', headAppeared: true, instance: 'first' });
    const l = (await reviewer.get(`/api/lawsuits/${all.lawsuits[0].id}`)).body;
    expect(l.hearings[0]).toMatchObject({ appearance: 'head', headName: '刘建国', headTitle: '副局长' });
    expect(l.deadlines.find((x: { ruleId: string }) => x.ruleId === 'litigation.defence')).toMatchObject({ status: 'met', due: d(-15) });
    // the publication of scenario 1 stays on the portal (the suit is pending)
    expect((await env.ctx.db.query(`select state from publications where party_name = '示例区鑫隆超市有限公司'`)).rows[0]).toEqual({ state: 'published' });
  });
});

describe('figures (src/modules/remedies/figures.ts), counted by hand from the demo data', () => {
  const Y = { from: addDays(today, -364), to: today };
  const value = async (id: string, extra = '') => {
    const r = await admin.get(`/api/figures/${id}?from=${Y.from}&to=${Y.to}${extra}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.value as number | null;
  };
  it('one reconsideration decided (revoked, 行政处罚), no suit concluded; 100 % corrected; the head at the one hearing; 3 of 3 on time', async () => {
    expect(await value('remedies.reconsiderationsDecided')).toBe(1);
    expect(await value('remedies.reconsiderationsDecided', '&filter=outcome=revoked,subject_kind=penalty')).toBe(1);
    expect(await value('remedies.reconsiderationsDecided', '&filter=outcome=upheld')).toBe(0);
    expect(await value('remedies.lawsuitsConcluded')).toBe(0);
    expect(await value('remedies.correctionRate')).toBe(1);
    expect(await value('remedies.headAppearanceRate')).toBe(1);
    // two answers (10 working days) and one defence (15 days), each made in time
    expect(await value('remedies.answersOnTime')).toBe(1);
    expect(await value('remedies.answersOnTime', '&filter=kind=litigation')).toBe(1);
  });
});

describe('a suit through both instances', () => {
  it('defence, hearings (负责人出庭应诉 rule), a first-instance judgment with its 15-day window, an appeal, the final judgment, execution', async () => {
    const caseId = await caseOf('张百味（示例区百味小吃店）');
    const before = await ledgerSize(env);
    // bad input changes nothing
    expect((await reviewer.post('/api/lawsuits', { subject: { type: 'case', id: caseId }, plaintiff: '张百味' })).status).toBe(400);
    expect(
      (
        await reviewer.post('/api/lawsuits', {
          subject: { type: 'nonsense', id: caseId },
          plaintiff: '张百味',
          court: '示例市示例区人民法院',
          claims: '撤销',
          receivedOn: d(-40),
        })
      ).body.error.code,
    ).toBe('REMEDY_SUBJECT_NOT_FOUND');
    expect(
      (
        await officer.post('/api/lawsuits', {
          subject: { type: 'case', id: caseId },
          plaintiff: '张百味',
          court: '示例区法院',
          claims: '撤销',
          receivedOn: d(-40),
        })
      ).status,
    ).toBe(403);
    expect(await ledgerSize(env)).toBe(before);

    const reg = await reviewer.post('/api/lawsuits', {
      subject: { type: 'case', id: caseId },
      plaintiff: '张百味',
      court: '示例市示例区人民法院',
      fileNumber: '（2026）示0105行初101号',
      claims: '请求撤销罚款100元的行政处罚决定',
      receivedOn: d(-40),
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    const id = reg.body.id;
    expect(reg.body.deadlines[0]).toMatchObject({ ruleId: 'litigation.defence', status: 'open' });
    // the officer of a station and another district see nothing
    expect((await officer.get(`/api/lawsuits/${id}`)).status).toBe(404);
    expect((await otherDistrict.get(`/api/lawsuits/${id}`)).status).toBe(404);
    expect((await otherDistrict.get('/api/lawsuits')).body.total).toBe(0);
    expect((await step(officer, 'lawsuits', id, 'defend', { defence: '答辩', evidence: '证据' })).status).toBe(404);

    expect(
      (await step(reviewer, 'lawsuits', id, 'defend', { defence: '原告未明码标价，事实清楚。', evidence: '当场处罚决定书、执法记录仪视频' }, d(-30))).status,
    ).toBe(200);
    // a lawyer alone, or no reason: refused with the article
    const lawyer = await step(reviewer, 'lawsuits', id, 'attendHearing', { heldOn: d(-25), attendees: '某律师', appearance: 'lawyerOnly' }, d(-25));
    expect(lawyer.status).toBe(422);
    expect(lawyer.body.error.code).toBe('REMEDY_APPEARANCE_INVALID');
    expect(lawyer.body.error.message).toContain('第三条第三款');
    const required = await step(
      reviewer,
      'lawsuits',
      id,
      'attendHearing',
      { heldOn: d(-25), attendees: '陈静', appearance: 'staff', absenceGround: 'notRequired', absenceReason: '委托法制科出庭', headRequired: true },
      d(-25),
    );
    expect(required.body.error.code).toBe('REMEDY_APPEARANCE_INVALID');
    const staff = await step(
      reviewer,
      'lawsuits',
      id,
      'attendHearing',
      { heldOn: d(-25), attendees: '陈静（法制科）', appearance: 'staff', absenceGround: 'legitimate', absenceReason: '负责人参加全省会议' },
      d(-25),
    );
    expect(staff.status, JSON.stringify(staff.body)).toBe(200);
    expect(staff.body.headAppeared).toBe(false);

    // a first-instance judgment: a final-judgment entry is refused (there is an appeal window)
    expect(
      (await step(reviewer, 'lawsuits', id, 'enterFinalJudgment', { kind: 'judgment', outcome: 'claimDismissed', number: 'x', servedOn: d(-20), summary: 's' }))
        .body.error.code,
    ).toBe('REMEDY_INSTANCE_INVALID');
    const j = await step(
      reviewer,
      'lawsuits',
      id,
      'enterJudgment',
      { kind: 'judgment', outcome: 'claimDismissed', number: '（2026）示0105行初101号', servedOn: d(-20), summary: '驳回原告的诉讼请求' },
      d(-20),
    );
    expect(j.status, JSON.stringify(j.body)).toBe(200);
    const window = j.body.deadlines.find((x: { ruleId: string }) => x.ruleId === 'litigation.appeal.judgment');
    expect(window).toMatchObject({ status: 'open', start: d(-20) });
    // not effective before the window ends; an appeal after it is late
    expect((await step(reviewer, 'lawsuits', id, 'becomeEffective', {}, d(-19))).body.error.code).toBe('REMEDY_APPEAL_WINDOW_OPEN');
    expect(
      (await step(reviewer, 'lawsuits', id, 'appeal', { appealedBy: 'plaintiff', appealedOn: addDays(window.due, 1), court: '示例市中级人民法院' }, d(-1))).body
        .error.code,
    ).toBe('REMEDY_APPEAL_LATE');
    const a = await step(reviewer, 'lawsuits', id, 'appeal', { appealedBy: 'plaintiff', appealedOn: d(-10), court: '示例市中级人民法院' }, d(-10));
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body).toMatchObject({ state: 'defended', instance: 'second', court: '示例市中级人民法院' });
    const f = await step(
      leader,
      'lawsuits',
      id,
      'enterFinalJudgment',
      { kind: 'judgment', outcome: 'appealDismissed', number: '（2026）示01行终9号', servedOn: d(-2), summary: '驳回上诉，维持原判' },
      d(-2),
    );
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    expect(f.body).toMatchObject({ state: 'effective', outcome: 'appealDismissed', effect: 'stands' });
    expect(f.body.judgments.map((x: { instance: string }) => x.instance)).toEqual(['first', 'second']);
    const c = (await officer.get(`/api/cases/${caseId}`)).body;
    expect(c.execution.challenges.find((x: { id: string }) => x.id === f.body.challengeId)).toMatchObject({ kind: 'litigation', outcome: 'upheld' });
    const done = await step(reviewer, 'lawsuits', id, 'closeSuit', { execution: 'nothingToExecute', on: d(-1), note: '维持原处罚决定，罚款已当场收缴' }, d(-1));
    expect(done.body.state).toBe('concluded');
    expect(done.body.execution.kindLabel).toBe('无需执行');
  });
});

describe('subjects, laws and bad input', () => {
  it('any matter of the registry can be the subject (a normative document: 其他行政行为)', async () => {
    const doc = (await env.ctx.db.query<{ id: string }>(`select id from matters where type = 'normativeDocument' order by created_at limit 1`)).rows[0];
    const r = await leader.post('/api/reconsiderations', {
      subject: { type: 'normativeDocument', id: doc.id },
      applicant: '某公司',
      reviewingBody: '示例区人民政府',
      request: '附带审查规范性文件',
      receivedOn: d(-2),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ subjectKind: 'other', subjectType: 'normativeDocument', challengeId: null });
    expect((await leader.get(`/api/reconsiderations?subjectType=normativeDocument&subjectId=${doc.id}`)).body.total).toBe(1);
    // 调解 without saying what it does to the act: refused, nothing changed
    const before = await ledgerSize(env);
    const m = await step(leader, 'reconsiderations', r.body.id, 'enterDecision', {
      outcome: 'mediated',
      number: '调〔2026〕1号',
      decidedOn: d(-1),
      receivedOn: d(-1),
      summary: '调解',
    });
    expect(m.status).toBe(422);
    expect(m.body.error.code).toBe('REMEDY_EFFECT_REQUIRED');
    expect(await ledgerSize(env)).toBe(before);
    expect((await step(leader, 'reconsiderations', r.body.id, 'enterDecision', { outcome: 'nonsense' })).status).toBe(400);
    expect((await reviewer.get(`/api/reconsiderations/${r.body.id}/answer-bundle`)).body.error.code).toBe('REMEDY_NOT_ANSWERED');
  });

  it("a reconsideration and a suit about a 政府信息公开 answer count in the disclosure report's 复议/诉讼 figure (尚未审结)", async () => {
    const req = (await env.ctx.db.query<{ id: string }>(`select id from matters where type = 'disclosureRequest' order by created_at limit 1`)).rows[0];
    expect(req, 'the demo has 政府信息公开 requests').toBeTruthy();
    const year = { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
    const figure = async () => (await leader.get(`/api/figures/remedies.disclosureRemedies?from=${year.from}&to=${year.to}`)).body;
    const before = await figure();
    const r = await leader.post('/api/reconsiderations', {
      subject: { type: 'disclosureRequest', id: req.id },
      applicant: '申请人',
      reviewingBody: '示例区人民政府',
      request: '撤销答复，责令重新答复',
      receivedOn: today,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.subjectKind).toBe('disclosure');
    const l = await leader.post('/api/lawsuits', {
      subject: { type: 'disclosureRequest', id: req.id },
      plaintiff: '申请人',
      court: '示例市示例区人民法院',
      claims: '撤销答复',
      receivedOn: today,
    });
    expect(l.status, JSON.stringify(l.body)).toBe(200);
    const after = await figure();
    const group = (b: typeof after, key: string) =>
      (b.groups.find((g: { key: string }) => g.key === 'kind_result').items.find((x: { key: string }) => x.key === key)?.value as number | undefined) ?? 0;
    expect(after.value).toBe(before.value + 2);
    expect(group(after, 'reconsiderationPending')).toBe(group(before, 'reconsiderationPending') + 1);
    expect(group(after, 'litigationPending')).toBe(group(before, 'litigationPending') + 1);
  });

  it('a reconsideration the bureau decided itself under the 2017 law is history: no answer owed, the 2023 law refused before 2024', async () => {
    const caseId = await caseOf('示例区鑫隆超市有限公司');
    const bad = await reviewer.post('/api/reconsiderations', {
      subject: { type: 'case', id: caseId },
      applicant: '某公司',
      reviewingBody: '示例区市场监督管理局',
      request: '撤销',
      receivedOn: '2023-05-10',
      lawVersion: '2023',
    });
    expect(bad.body.error.code).toBe('REMEDY_LAW_VERSION');
    const r = await reviewer.post('/api/reconsiderations', {
      subject: { type: 'case', id: caseId },
      applicant: '某公司',
      reviewingBody: '示例区市场监督管理局',
      request: '撤销',
      receivedOn: '2023-05-10',
      selfDecided: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ lawVersion: '2017', selfDecided: true, deadlines: [] });
    expect((await step(reviewer, 'reconsiderations', r.body.id, 'answer', { answer: '答复', materials: '材料' })).body.error.code).toBe('REMEDY_SELF_DECIDED');
    const dec = await step(reviewer, 'reconsiderations', r.body.id, 'enterDecision', {
      outcome: 'upheld',
      number: '示市监复决〔2023〕2号',
      decidedOn: '2023-07-01',
      receivedOn: '2023-07-01',
      summary: '维持',
    });
    expect(dec.status, JSON.stringify(dec.body)).toBe(200);
    // the publication of scenario 1 is untouched by an upheld decision
    expect((await env.ctx.db.query(`select state from publications where party_name = '示例区鑫隆超市有限公司'`)).rows[0]).toEqual({ state: 'published' });
  });
});

describe('the deadline rules of 行政复议 and 行政应诉, against the articles (official 2025 and 2026 calendars)', () => {
  const official = officialSchedules();
  const cal = new WorkCalendar([...official.values()].flat(), official.keys());
  const due = (id: Parameters<typeof deadlineRule>[0], start: string) => computeDeadline(deadlineRule(id), cal, { start }).due;
  it('答复: "十日" are working days under the 2023 law (第八十八条第二款), calendar days under the 2017 law', () => {
    // received Thursday 24 September 2026: 中秋 and 国庆 not counted, Saturday 10 October a working day
    expect(due('reconsideration.answer', '2026-09-24')).toBe('2026-10-15');
    // the same receipt under the 2017 law: ten days end on 4 October, a holiday, and extend to the next working day
    expect(due('reconsideration.answer.2017', '2026-09-24')).toBe('2026-10-08');
  });
  it('答辩 fifteen days (第六十七条); appeal fifteen days for a judgment, ten for a ruling (第八十五条)', () => {
    expect(due('litigation.defence', '2026-03-02')).toBe('2026-03-17');
    expect(due('litigation.appeal.judgment', '2026-09-16')).toBe('2026-10-08');
    expect(due('litigation.appeal.ruling', '2026-04-24')).toBe('2026-05-06');
    expect(due('litigation.appeal.ruling', '2026-03-02')).toBe('2026-03-12');
  });
});
