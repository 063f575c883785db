/**
 * 执行 through the API (issue 10, items 6, 7 and 17): the late fee without the days of a 复议 (行政处罚法 第七十三条第三款),
 * payments in order, 催告 and the application to the people's court (行政强制法 第五十三条、第五十四条), every line of the
 * decision executed before 结案 or a ground of 终结执行 (行政强制法 第四十条). Every refusal leaves the record as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
import { type C, step, upload } from './case-steps.ts';
let officer: C, reviewer: C, leader: C;
let pricingOfficers: string[];
let foodOfficers: string[];
let spViolationId: string;
let jgViolationId: string;

const contact = { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' };
const citizen = (name: string) => ({ type: 'naturalPerson', name, idNumber: '11010519491231002X', address: '示例区建设路16号' });

async function openCase(c: C, body: Record<string, unknown>) {
  const r = await c.post('/api/cases', { source: 'complaint', contact, ...body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** A refused transition: its code, and the record did not grow. */
async function refuse(c: C, id: string, name: string, input: Record<string, unknown>, date: string, code: string, status = 422) {
  const before = await ledgerSize(env);
  const body = await step(c, id, name, input, date, status);
  expect(body.error.code, JSON.stringify(body)).toBe(code);
  expect(await ledgerSize(env)).toBe(before);
  return body;
}

/** An act on the case (POST /api/cases/:id/<path>); a refusal leaves the record as it was. */
async function act(c: C, id: string, path: string, body: Record<string, unknown>, expectStatus = 200, code?: string) {
  const before = await ledgerSize(env);
  const r = await c.post(`/api/cases/${id}/${path}`, body);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(expectStatus);
  if (code) expect(r.body.error.code).toBe(code);
  if (expectStatus !== 200) expect(await ledgerSize(env)).toBe(before);
  return r.body;
}

/** A 当场处罚 of 150 元 on `date`, not collected on the spot: served that day, payable within fifteen days. */
async function summaryFine(name: string, date: string) {
  const id = await openCase(officer, { procedure: 'summary', receivedOn: date, party: citizen(name), field: 'pricing', summary: '未明码标价' });
  const video = await upload(officer, id, '执法记录仪.mp4');
  const done = await step(
    officer,
    id,
    'decideOnSite',
    {
      violationId: jgViolationId,
      violationDate: date,
      officerIds: pricingOfficers,
      occurredAt: `${date}T10:20`,
      place: '店内',
      facts: '经营的小吃未标示价格。',
      penalties: [{ kind: 'fine', amountFen: 15_000 }],
      collectedOnSite: false,
      avFileIds: [video],
    },
    date,
  );
  expect(done.matter.state).toBe('served');
  return { id, paymentDue: done.paymentDue as string };
}

const certified = async (field: string) =>
  (
    await env.ctx.db.query<{ id: string }>(
      `select distinct f.id from officers f join certificates c on c.officer_id = f.id join orgs o on o.id = f.org_id
      where o.name = '第二市场监管所' and f.active and c.status = 'valid' and c.valid_from <= '2026-01-01' and c.valid_to >= '2026-12-31'
        and ($1 = any(c.fields) or 'general' = any(c.fields))
      order by f.id limit 2`,
      [field],
    )
  ).rows.map((r) => r.id);

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  officer = client(env.app, await login(env.app, 'zhifa'));
  reviewer = client(env.app, await login(env.app, 'shenhe'));
  leader = client(env.app, await login(env.app, 'lingdao'));
  pricingOfficers = await certified('pricing');
  foodOfficers = await certified('food');
  expect(pricingOfficers).toHaveLength(2);
  expect(foodOfficers).toHaveLength(2);
  spViolationId = (await env.ctx.db.query<{ id: string }>(`select id from violations where code = 'SP-001'`)).rows[0].id;
  jgViolationId = (await env.ctx.db.query<{ id: string }>(`select id from violations where code = 'JG-001'`)).rows[0].id;
}, 120_000);
afterAll(() => env?.close());

describe('加处罚款 (行政处罚法 第七十二条第一款第（一）项, 第七十三条第三款)', () => {
  it('does not accrue while a 复议 is pending; late fees paid are deducted once; payments in order; paying what is shown leaves zero', async () => {
    const { id, paymentDue } = await summaryFine('复议中', '2026-03-02');
    expect(paymentDue).toBe('2026-03-17'); // 第六十七条第三款 "自收到行政处罚决定书之日起十五日内"
    // "当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予计算"
    await act(officer, id, 'challenges', { kind: 'reconsideration', filedOn: '2026-03-01', body: '示例区人民政府' }, 422, 'CHALLENGE_DATES_INVALID');
    const filed = await act(officer, id, 'challenges', { kind: 'reconsideration', filedOn: '2026-03-20', body: '示例区人民政府' });
    const challengeId = filed.execution.challenges[0].id as string;
    // 03-18 and 03-19 count, 03-20 … 03-25 do not: 2 days × 3 % × 150 元 = 9 元
    const first = await act(officer, id, 'payments', { paidOn: '2026-03-25', amountFen: 900, receiptNo: 'JF-1' });
    expect(first.payments[0]).toMatchObject({ lateFeeFen: 900, finePartFen: 0 });
    await act(officer, id, 'challenge-conclusion', { challengeId, concludedOn: '2026-03-19', outcome: 'upheld' }, 422, 'CHALLENGE_DATES_INVALID');
    await act(officer, id, 'challenge-conclusion', { challengeId, concludedOn: '2026-04-20', outcome: 'upheld' });
    await act(officer, id, 'challenge-conclusion', { challengeId, concludedOn: '2026-04-21', outcome: 'upheld' }, 409, 'CHALLENGE_ALREADY_CONCLUDED');
    // a payment dated before the last one recorded would change what that one paid
    await act(officer, id, 'payments', { paidOn: '2026-03-24', amountFen: 100 }, 422, 'PAYMENT_OUT_OF_ORDER');
    // on 04-22: 36 days after the due date, 32 of them (03-20 … 04-20) in the 复议 → 4 days, 18 元 accrued, 9 元 already paid
    await act(officer, id, 'payments', { paidOn: '2026-04-22', amountFen: 15_901 }, 422, 'OVERPAYMENT');
    const paid = await act(officer, id, 'payments', { paidOn: '2026-04-22', amountFen: 15_900, receiptNo: 'JF-2' });
    expect(paid.payments[1]).toMatchObject({ lateFeeFen: 900, finePartFen: 15_000 });
    expect(paid.owed).toMatchObject({ outstandingFen: 0, lateFeeFen: 0, accruedLateFeeFen: 1_800, lateFeePaidFen: 1_800 });
    expect(paid.execution.lines[0]).toMatchObject({ kind: 'fine', state: 'executed', owedFen: 0 });
    expect(paid.deadlines.find((d: { ruleId: string }) => d.ruleId === 'penalty.payment').status).toBe('met');
    // guidance (issue 14): the leader is not offered an application to the court that can only fail
    const g = (await leader.get(`/api/todo/matters/${id}`)).body;
    const steps = Object.fromEntries(g.steps.map((s: { transition: string }) => [s.transition, s]));
    expect(steps.applyEnforcement.blocked.map((b: { code: string }) => b.code)).toEqual(['NOTHING_TO_ENFORCE']);
    expect(steps.close).toMatchObject({ mine: true, blocked: [] });
    // the record says what was still owed when each payment was recorded
    const rec = await leader.get(`/api/record/matters/case/${id}`);
    const pays = rec.body.entries.filter((e: { eventType: string }) => e.eventType === 'case.paymentRecorded');
    expect(pays[0].payload).toMatchObject({ lateFeeFen: 900, excludedDays: 6, stillOwed: [{ line: 0, label: '罚款', owedFen: 15_000 }] });
    expect(pays[1].payload).toMatchObject({ outstandingFen: 0, lateFeeOwedFen: 0, stillOwed: [] });
    expect((await step(leader, id, 'close', { opinion: '同意结案' }, '2026-04-23')).matter.state).toBe('closed');
  });
});

describe('申请人民法院强制执行 (行政强制法 第五十三条、第五十四条)', () => {
  it('only after the 复议 and 诉讼 periods, a 催告书 and its ten working days, within three months', async () => {
    const { id } = await summaryFine('逾期不缴', '2026-03-02');
    const apply = (appliedOn: string) => ({ appliedOn, court: '示例区人民法院' });
    // the old rule let this through (the day after the payment period); now "当事人在法定期限内不申请行政复议或者提起行政诉讼"
    await refuse(leader, id, 'applyEnforcement', apply('2026-03-18'), '2026-03-18', 'ENFORCEMENT_REMEDY_PERIOD_OPEN');
    await refuse(leader, id, 'applyEnforcement', apply('2026-03-10'), '2026-03-10', 'PAYMENT_NOT_OVERDUE');
    // "行政机关申请人民法院强制执行前，应当催告当事人履行义务"
    await refuse(leader, id, 'applyEnforcement', apply('2026-09-03'), '2026-09-03', 'ENFORCEMENT_DEMAND_MISSING');
    const demand = { method: 'direct', recipient: '逾期不缴' };
    await refuse(officer, id, 'serveDemand', { ...demand, servedOn: '2026-03-17' }, '2026-03-17', 'DEMAND_BEFORE_DUE');
    await refuse(leader, id, 'serveDemand', { ...demand, servedOn: '2026-09-03' }, '2026-09-03', 'FORBIDDEN', 403);
    const demanded = await step(officer, id, 'serveDemand', { ...demand, servedOn: '2026-09-03' }, '2026-09-03');
    expect(demanded.matter.state).toBe('served');
    expect(demanded.instruments.at(-1)).toMatchObject({ kind: 'enforcementDemand', title: '催告书' });
    // 十日 is ten working days (行政强制法 第六十九条); three months from the end of the six months to sue (09-02)
    expect(demanded.execution.demand).toMatchObject({ servedOn: '2026-09-03', periodEnds: '2026-09-17' });
    expect(demanded.execution.periods).toMatchObject({
      reconsiderationEnds: '2026-05-06',
      litigationEnds: '2026-09-02',
      windowStart: '2026-09-02',
      windowEnds: '2026-12-02',
    });
    const open = (ruleId: string) => demanded.deadlines.find((d: { ruleId: string }) => d.ruleId === ruleId);
    expect(open('enforcement.demand')).toMatchObject({ status: 'open', due: '2026-09-17' });
    expect(open('enforcement.application')).toMatchObject({ status: 'open', due: '2026-12-02' });
    await refuse(officer, id, 'serveDemand', { ...demand, servedOn: '2026-09-04' }, '2026-09-04', 'DEMAND_ALREADY_SERVED', 409);
    // "催告书送达十日后当事人仍未履行义务的…"
    await refuse(leader, id, 'applyEnforcement', apply('2026-09-17'), '2026-09-17', 'ENFORCEMENT_DEMAND_PERIOD_OPEN');
    // "自期限届满之日起三个月内"
    await refuse(leader, id, 'applyEnforcement', apply('2026-12-03'), '2026-12-03', 'ENFORCEMENT_WINDOW_CLOSED');
    // a 诉讼 filed (late, but filed) and pending blocks the application until it is concluded
    const filed = await act(officer, id, 'challenges', { kind: 'litigation', filedOn: '2026-09-10', body: '示例区人民法院' });
    await refuse(leader, id, 'applyEnforcement', apply('2026-09-18'), '2026-09-18', 'ENFORCEMENT_CHALLENGE_PENDING');
    await act(officer, id, 'challenge-conclusion', { challengeId: filed.execution.challenges[0].id, concludedOn: '2026-09-15', outcome: 'withdrawn' });
    const applied = await step(leader, id, 'applyEnforcement', apply('2026-09-18'), '2026-09-18');
    expect(applied.matter.state).toBe('enforcement');
    expect(applied.instruments.at(-1)).toMatchObject({ kind: 'enforcementApplication', title: '强制执行申请书' });
    expect(applied.deadlines.filter((d: { ruleId: string }) => d.ruleId.startsWith('enforcement.')).map((d: { status: string }) => d.status)).toEqual([
      'met',
      'met',
    ]);
    // the late fee never exceeds the fine (行政强制法 第四十五条第二款)
    expect(applied.owed).toMatchObject({ outstandingFen: 15_000, lateFeeFen: 15_000, capped: true });
    await refuse(leader, id, 'close', { opinion: '结案' }, '2026-10-20', 'ENFORCEMENT_OUTCOME_MISSING');
    await refuse(leader, id, 'close', { opinion: '结案', enforcementOutcome: '人民法院已裁定准予执行' }, '2026-10-20', 'EXECUTION_INCOMPLETE');
    await act(officer, id, 'payments', { paidOn: '2026-10-20', amountFen: 30_000, receiptNo: '法院执行款' });
    const closed = await step(leader, id, 'close', { opinion: '结案', enforcementOutcome: '人民法院强制执行完毕' }, '2026-10-21');
    expect(closed.matter.state).toBe('closed');
  });

  it('not on a decision set aside by the 复议', async () => {
    const { id } = await summaryFine('复议撤销', '2026-03-02');
    const filed = await act(officer, id, 'challenges', { kind: 'reconsideration', filedOn: '2026-03-10', body: '示例区人民政府' });
    await act(officer, id, 'challenge-conclusion', { challengeId: filed.execution.challenges[0].id, concludedOn: '2026-04-10', outcome: 'revoked' });
    await step(officer, id, 'serveDemand', { method: 'direct', recipient: '复议撤销', servedOn: '2026-09-03' }, '2026-09-03');
    await refuse(leader, id, 'applyEnforcement', { appliedOn: '2026-09-18', court: '示例区人民法院' }, '2026-09-18', 'ENFORCEMENT_DECISION_SET_ASIDE');
    // 行政强制法 第四十条第（四）项 "据以执行的行政决定被撤销的"
    const closed = await step(leader, id, 'close', { opinion: '决定已被撤销，终结执行', terminationGround: 'decisionRevoked' }, '2026-09-18');
    expect(closed.execution.termination).toMatchObject({ ground: 'decisionRevoked', on: '2026-09-18' });
    expect(closed.execution.lines[0].state).toBe('terminated');
  });
});

describe('every line of the decision is executed before 结案 (行政处罚法 第七十四条; 行政强制法 第四十条)', () => {
  it('fine, confiscated gains and property: each recorded, or the case stays open', async () => {
    const id = await openCase(officer, { receivedOn: '2026-09-02', party: citizen('周小店'), field: 'food', summary: '销售超过保质期的酸奶' });
    await step(officer, id, 'accept', {}, '2026-09-02');
    await step(
      officer,
      id,
      'proposeFiling',
      { violationId: spViolationId, violationDate: '2026-08-30', investigatorIds: foodOfficers, opinion: '建议立案' },
      '2026-09-03',
    );
    await step(leader, id, 'approveFiling', { opinion: '同意立案' }, '2026-09-03');
    const video = await upload(officer, id, '现场检查.mp4');
    await act(officer, id, 'evidence', {
      kind: 'siteRecord',
      title: '现场检查笔录及执法记录仪视频',
      collectedOn: '2026-09-04',
      place: '当事人经营场所',
      officerIds: foodOfficers,
      fileIds: [video],
    });
    const penalties = [
      { kind: 'fine', amountFen: 800_000 },
      { kind: 'confiscateIllegalGains', amountFen: 100_000 },
      { kind: 'confiscateIllegalProperty', note: '过期酸奶46杯' },
    ];
    await step(
      officer,
      id,
      'closeInvestigation',
      {
        facts: '当事人销售超过保质期的酸奶，货值金额5,000元。',
        bases: { goodsValue: 500_000 },
        circumstances: [],
        proposed: penalties,
        deviationReason: '货值较小，按一般幅度',
      },
      '2026-10-08',
    );
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true }, '2026-10-09');
    await step(officer, id, 'notify', { servedOn: '2026-10-12' }, '2026-10-12');
    await act(officer, id, 'waiver', { statement: true, hearing: true, signedOn: '2026-10-13', note: '当事人书面放弃' });
    // 8,000 元 is below the statute's minimum (减轻): the leaders discuss it (行政处罚法 第五十七条第二款)
    await step(leader, id, 'submitForDiscussion', { reason: '减轻处罚' }, '2026-10-13');
    const attendees = ['刘卫东', '黄海', '林静'].map((name) => ({ name, position: '局领导' }));
    await step(
      leader,
      id,
      'discuss',
      {
        heldOn: '2026-10-13',
        startAt: '2026-10-13T15:00',
        endAt: '2026-10-13T16:00',
        place: '第一会议室',
        chair: '刘卫东',
        attendees,
        opinions: attendees.map((x) => ({ name: x.name, opinion: '同意' })),
        decision: 'penalty',
        minutes: '承办人汇报案情。',
        reporter: '王志强',
        recorder: '郑宇',
      },
      '2026-10-13',
    );
    await step(leader, id, 'decide', { outcome: 'penalty', penalties }, '2026-10-14');
    await step(officer, id, 'serve', { servedOn: '2026-10-14', method: 'direct', recipient: '周小店' }, '2026-10-14');

    let c = (await officer.get(`/api/cases/${id}`)).body;
    expect(c.execution.lines.map((l: { state: string }) => l.state)).toEqual(['pending', 'pending', 'pending']);
    await refuse(leader, id, 'close', { opinion: '结案' }, '2026-10-20', 'EXECUTION_INCOMPLETE');

    // a fine is paid through 登记缴款 (late fee first); the other lines through 登记执行, each fitting its line
    const exec = (body: Record<string, unknown>, status = 200, code?: string) =>
      act(officer, id, 'execution', { note: '—', on: '2026-10-20', ...body }, status, code);
    await exec({ line: 0, act: 'payment', amountFen: 800_000 }, 422, 'EXECUTION_ACT_MISMATCH');
    await exec({ line: 5, act: 'payment', amountFen: 1 }, 422, 'EXECUTION_LINE_UNKNOWN');
    await exec({ line: 1, act: 'destruction', receiptNo: 'X' }, 422, 'EXECUTION_ACT_MISMATCH');
    await exec({ line: 1, act: 'payment', amountFen: 100_001 }, 422, 'OVERPAYMENT');
    await exec({ line: 1, act: 'payment' }, 422, 'EXECUTION_AMOUNT_MISSING');
    await exec({ line: 2, act: 'destruction' }, 422, 'EXECUTION_RECEIPT_MISSING');
    await exec({ line: 2, act: 'destruction', on: '2026-10-13', receiptNo: 'X' }, 422, 'EXECUTION_BEFORE_SERVICE');
    // who may: officers and administrators, not a leader or a legal reviewer
    await act(leader, id, 'execution', { line: 1, act: 'payment', amountFen: 100_000, on: '2026-10-20', note: '—' }, 403);
    await act(reviewer, id, 'execution', { line: 1, act: 'payment', amountFen: 100_000, on: '2026-10-20', note: '—' }, 403);

    await exec({ line: 1, act: 'payment', amountFen: 60_000, receiptNo: 'FS-1' });
    c = (await officer.get(`/api/cases/${id}`)).body;
    expect(c.execution.lines[1]).toMatchObject({ state: 'pending', owedFen: 40_000 });
    await exec({ line: 1, act: 'payment', amountFen: 40_000, receiptNo: 'FS-2' });
    await exec({ line: 2, act: 'destruction', receiptNo: 'XH-0007', note: '两名执法人员监督销毁' });
    await refuse(leader, id, 'close', { opinion: '结案' }, '2026-10-21', 'EXECUTION_INCOMPLETE');
    const paid = await act(officer, id, 'payments', { paidOn: '2026-10-21', amountFen: 800_000, receiptNo: 'FS-3' });
    expect(paid.execution.lines.map((l: { state: string }) => l.state)).toEqual(['executed', 'executed', 'executed']);
    const closed = await step(leader, id, 'close', { opinion: '同意结案' }, '2026-10-22');
    expect(closed.matter.state).toBe('closed');
    await act(officer, id, 'execution', { line: 1, act: 'payment', amountFen: 1, on: '2026-10-22', note: '—' }, 409, 'CASE_STATE_NOT_ALLOWED');
  });

  it('a decision not executed closes only on a ground of 行政强制法 第四十条, "other" with its reason', async () => {
    const { id } = await summaryFine('已死亡', '2026-03-02');
    await refuse(leader, id, 'close', { opinion: '结案' }, '2026-05-01', 'EXECUTION_INCOMPLETE');
    await refuse(leader, id, 'close', { opinion: '结案', terminationGround: 'other' }, '2026-05-01', 'TERMINATION_REASON_MISSING');
    await refuse(leader, id, 'close', { opinion: '结案', terminationGround: 'no-such-ground' }, '2026-05-01', 'VALIDATION_FAILED', 400);
    // （一）公民死亡，无遗产可供执行，又无义务承受人的
    const closed = await step(
      leader,
      id,
      'close',
      { opinion: '当事人已死亡，终结执行', terminationGround: 'deceased', terminationNote: '死亡证明见卷' },
      '2026-05-01',
    );
    expect(closed.execution.termination).toMatchObject({ ground: 'deceased', note: '死亡证明见卷' });
  });

  it('another district sees no case: 404 for every execution act, nothing written', async () => {
    const { id } = await summaryFine('跨区', '2026-03-02');
    const other = client(env.app, await login(env.app, 'erqu_zhifa'));
    await act(other, id, 'execution', { line: 0, act: 'followUp', on: '2026-03-20', note: '—' }, 404);
    await act(other, id, 'challenges', { kind: 'reconsideration', filedOn: '2026-03-20', body: '示例区人民政府' }, 404);
    await act(other, id, 'challenge-conclusion', { challengeId: 'x', concludedOn: '2026-03-20', outcome: 'upheld' }, 404);
    const before = await ledgerSize(env);
    const r = await other.post(`/api/cases/${id}/transitions/serveDemand`, {
      expectedVersion: 1,
      date: '2026-09-03',
      input: { method: 'direct', recipient: '跨区', servedOn: '2026-09-03' },
    });
    expect(r.status).toBe(404);
    expect(await ledgerSize(env)).toBe(before);
  });
});
