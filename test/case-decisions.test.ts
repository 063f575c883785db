/**
 * Issue 10 items 1–5 and 12 through the API: a whole case driven via the routes, each guard tried and the
 * record checked unchanged when it refuses. The articles of 行政处罚法 (2021) are quoted where they are enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
import { type C, step, upload } from './case-steps.ts';
let officer: C, reviewer: C, leader: C;
let investigators: string[];
const violationIds: Record<string, string> = {};

const contact = { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' };
const citizen = { type: 'naturalPerson', name: '周小店', idNumber: '11010519491231002X', address: '示例区光明街12号' };

async function openCase(extra: Record<string, unknown> = {}) {
  const r = await officer.post('/api/cases', {
    source: 'complaint',
    receivedOn: '2026-09-02',
    party: citizen,
    contact,
    field: 'food',
    summary: '销售超过保质期的酸奶',
    ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** The guard refuses with `code` and nothing is written to the record. */
async function refuse(c: C, id: string, name: string, input: Record<string, unknown>, date: string, code: string) {
  const before = await ledgerSize(env);
  const body = await step(c, id, name, input, date, 422);
  expect(body.error.code, JSON.stringify(body.error)).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await ledgerSize(env)).toBe(before);
  return body;
}

/** The officer uploads an evidence file. */
const uploadAs = (id: string, name: string, contentType = 'video/mp4') => upload(officer, id, name, contentType);

/** Filing, evidence and the investigation closed (auditing). */
async function toAuditing(id: string, violation: string, input: Record<string, unknown>) {
  await step(officer, id, 'accept', {}, '2026-09-02');
  await step(
    officer,
    id,
    'proposeFiling',
    { violationId: violationIds[violation], violationDate: '2026-08-30', investigatorIds: investigators, opinion: '建议立案' },
    '2026-09-03',
  );
  await step(leader, id, 'approveFiling', { opinion: '同意立案' }, '2026-09-03');
  const e = await officer.post(`/api/cases/${id}/evidence`, { kind: 'documentary', title: '进货单据及销售记录', collectedOn: '2026-09-05' });
  expect(e.status, JSON.stringify(e.body)).toBe(200);
  return step(officer, id, 'closeInvestigation', { facts: '当事人销售超过保质期的酸奶。', ...input }, '2026-10-08');
}

const openRules = (d: { deadlines: { ruleId: string; status: string; due: string }[] }) => d.deadlines.filter((x) => x.status === 'open').map((x) => x.ruleId);

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  officer = client(env.app, await login(env.app, 'zhifa'));
  reviewer = client(env.app, await login(env.app, 'shenhe'));
  leader = client(env.app, await login(env.app, 'lingdao'));
  const station = (await env.ctx.db.query<{ id: string }>(`select id from orgs where name = '第二市场监管所'`)).rows[0].id;
  investigators = (
    await env.ctx.db.query<{ id: string }>(
      `select distinct f.id from officers f join certificates c on c.officer_id = f.id
      where f.org_id = $1 and f.active and c.status = 'valid' and c.valid_from <= '2026-09-01' and c.valid_to >= '2026-12-31' and ('food' = any(c.fields) or 'general' = any(c.fields))
      order by f.id limit 2`,
      [station],
    )
  ).rows.map((r) => r.id);
  for (const code of ['SP-001', 'SP-007', 'JG-001'])
    violationIds[code] = (await env.ctx.db.query<{ id: string }>(`select id from violations where code = $1`, [code])).rows[0].id;
}, 120_000);
afterAll(() => env?.close());

describe('item 1 and 2: a decision heavier than the last notice needs a new notice (第四十四条、第四十五条第二款、第六十二条、第六十三条)', () => {
  // 价格违法行为行政处罚规定 第十三条: 可以处五千元以下的罚款 — both amounts lie inside the statute's range
  it('a citizen notified of 4,000 元 without hearing rights cannot be decided at 5,000 元; re-notified, the windows reopen', async () => {
    const id = await openCase({ field: 'pricing', summary: '未明码标价' });
    const proposed = [{ kind: 'fine', amountFen: 400_000 }];
    const closed = await toAuditing(id, 'JG-001', { bases: {}, proposed, deviationReason: '多次提醒仍未标价' });
    // the district's 较大数额 for a citizen's hearing is 5,000 元: 4,000 元 gives no hearing right
    expect(closed.hearingEligible).toBe(false);
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true }, '2026-10-09');
    const noticed = await step(officer, id, 'notify', { servedOn: '2026-10-12' }, '2026-10-12');
    expect(noticed.notice.penalties).toEqual(proposed);
    expect(noticed.notice.hearingEligible).toBe(false);
    expect(openRules(noticed)).not.toContain('penalty.hearingRequest');
    const w = await officer.post(`/api/cases/${id}/waiver`, { statement: true, signedOn: '2026-10-13', note: '当事人书面放弃陈述、申辩' });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    await step(officer, id, 'proceedToDecision', {}, '2026-10-13');

    // "行政机关不得因当事人陈述、申辩而给予更重的处罚" (第四十五条第二款): 5,000 元 exceeds the notice, and reaches the
    // 较大数额 that gives hearing rights (第六十三条第一款第（一）项)
    const heavier = [{ kind: 'fine', amountFen: 500_000 }];
    const r = await refuse(
      leader,
      id,
      'decide',
      { outcome: 'penalty', penalties: heavier, reason: '多次提醒仍未标价' },
      '2026-10-14',
      'DECISION_EXCEEDS_NOTICE',
    );
    expect(r.error.details.problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['DECISION_EXCEEDS_NOTICE', 'HEARING_RIGHTS_NOT_NOTIFIED']),
    );
    expect(r.error.message).toContain('第四十五条第二款');
    // a penalty not announced at all is refused the same way
    await refuse(
      leader,
      id,
      'decide',
      { outcome: 'penalty', penalties: [...proposed, { kind: 'warning' }, { kind: 'confiscateIllegalGains', amountFen: 10_000 }] },
      '2026-10-14',
      'DECISION_EXCEEDS_NOTICE',
    );

    // a re-notification needs its reason
    await refuse(officer, id, 'notify', { servedOn: '2026-10-14', proposed: heavier }, '2026-10-14', 'REASON_REQUIRED');
    const renoticed = await step(
      officer,
      id,
      'notify',
      { servedOn: '2026-10-14', proposed: heavier, renoticeReason: '复核后认定违法行为持续时间较长，拟提高罚款数额', deviationReason: '多次提醒仍未标价' },
      '2026-10-14',
    );
    expect(renoticed.matter.state).toBe('noticed');
    expect(renoticed.notice).toMatchObject({ hearingEligible: true, penalties: heavier, renotice: { previous: proposed } });
    expect(renoticed.notice.instrumentNumbers).toHaveLength(2); // 告知书 and 听证告知书
    expect(renoticed.waivers).toEqual({});
    expect(openRules(renoticed)).toEqual(expect.arrayContaining(['penalty.statement', 'penalty.hearingRequest']));
    // the waiver given to the first notice does not close the new windows
    await refuse(officer, id, 'proceedToDecision', {}, '2026-10-15', 'DEFENCE_WINDOW_OPEN');
    const due = renoticed.deadlines.find((d: { ruleId: string; status: string }) => d.ruleId === 'penalty.hearingRequest' && d.status === 'open').due;
    const after = '2026-10-22';
    expect(due < after).toBe(true);
    await step(officer, id, 'proceedToDecision', {}, after);
    const decided = await step(leader, id, 'decide', { outcome: 'penalty', penalties: heavier, reason: '多次提醒仍未标价' }, after);
    expect(decided.decision).toMatchObject({ outcome: 'penalty' });
    expect(decided.fineFen).toBe(500_000);
  });
});

describe('item 3: 不予处罚 (a ground of the law) and 免予处罚 (the 免罚清单) are different decisions', () => {
  it('免予处罚 under the 首违不罚 list is its own decision and instrument; 不予处罚 names its ground', async () => {
    const id = await openCase({ summary: '未查验供货者许可证' });
    const closed = await toAuditing(id, 'SP-007', {
      bases: {},
      circumstances: ['firstOffence', 'harmSlight', 'correctedPromptly'],
      proposed: [],
    });
    expect(closed.discretion.exempt).toBe(true);
    expect(closed.discretion.exemption?.list).toBe('firstOffenceExemption');
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '同意' }, '2026-10-09');
    await step(officer, id, 'proceedToDecision', {}, '2026-10-09');
    await refuse(leader, id, 'decide', { outcome: 'noPenalty', noPenaltyReason: '初次违法' }, '2026-10-10', 'NO_PENALTY_GROUND_MISSING');
    await refuse(leader, id, 'decide', { outcome: 'exempted' }, '2026-10-10', 'NO_PENALTY_REASON_MISSING');
    const d = await step(
      leader,
      id,
      'decide',
      { outcome: 'exempted', noPenaltyReason: '当事人初次违法，危害后果轻微并已及时改正，符合本局首违不罚清单' },
      '2026-10-10',
    );
    expect(d.decision).toMatchObject({ outcome: 'exempted', exemption: { list: 'firstOffenceExemption' } });
    expect(d.instruments.at(-1)).toMatchObject({ kind: 'exemptionDecision' });
  });

  it('a case the 免罚清单 does not cover cannot be 免予处罚; 不予处罚 on 第三十三条第二款 records its ground', async () => {
    const id = await openCase();
    await toAuditing(id, 'SP-001', { bases: { goodsValue: 500_000 }, proposed: [], deviationReason: '当事人有证据证明没有主观过错' });
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true }, '2026-10-09');
    await step(officer, id, 'proceedToDecision', {}, '2026-10-09');
    await refuse(leader, id, 'decide', { outcome: 'exempted', noPenaltyReason: '首违' }, '2026-10-10', 'EXEMPTION_LIST_MISSING');
    const d = await step(
      leader,
      id,
      'decide',
      { outcome: 'noPenalty', noPenaltyGround: 'noFault', noPenaltyReason: '当事人有证据足以证明没有主观过错' },
      '2026-10-10',
    );
    expect(d.decision).toMatchObject({ outcome: 'noPenalty', ground: 'noFault' });
    expect(d.instruments.at(-1)).toMatchObject({ kind: 'noPenaltyDecision' });
  });
});

describe('items 4, 5 and 12: 当场处罚 and 当场收缴', () => {
  const onSite = async (video: string, extra: Record<string, unknown>) => ({
    violationId: violationIds['JG-001'],
    violationDate: '2026-11-20',
    officerIds: investigators,
    occurredAt: '2026-11-20T10:20',
    place: '店内',
    facts: '经营的小吃未标示价格。',
    penalties: [{ kind: 'fine', amountFen: 15_000 }],
    avFileIds: [video],
    ...extra,
  });

  it('"对公民处以二百元以下……罚款" (第五十一条) is the total of the decision, not each line', async () => {
    const id = await openCase({ procedure: 'summary', field: 'pricing', summary: '未明码标价' });
    const video = await uploadAs(id, '执法记录仪.mp4');
    const r = await refuse(
      officer,
      id,
      'decideOnSite',
      await onSite(video, {
        penalties: [
          { kind: 'fine', amountFen: 15_000 },
          { kind: 'fine', amountFen: 10_000 },
        ],
      }),
      '2026-11-20',
      'SUMMARY_NOT_ALLOWED',
    );
    expect(r.error.message).toContain('合计');
  });

  it('a 减轻 result is not decided on the spot (第五十一条, 第五十七条第二款)', async () => {
    const id = await openCase({ procedure: 'summary', field: 'pricing', summary: '未明码标价' });
    const video = await uploadAs(id, '执法记录仪.mp4');
    const calc = await officer.post('/api/discretion/calculate', {
      violation: violationIds['JG-001'],
      violationDate: '2026-11-20',
      decisionDate: '2026-11-20',
      partyType: 'naturalPerson',
      circumstances: ['mitigationDecided'],
    });
    expect(calc.status, JSON.stringify(calc.body)).toBe(200);
    expect(calc.body.tier).toBe('mitigatedBelowRange');
    await refuse(officer, id, 'decideOnSite', await onSite(video, { circumstances: ['mitigationDecided'] }), '2026-11-20', 'SUMMARY_MITIGATION_NOT_ALLOWED');
    // a circumstance the benchmark does not have does not switch the check off: the act is refused
    await refuse(
      officer,
      id,
      'decideOnSite',
      await onSite(video, { circumstances: ['mitigationDecided', 'noSuchCircumstance'] }),
      '2026-11-20',
      'UNKNOWN_CIRCUMSTANCE',
    );
  });

  it('当场收缴 only for 100 元 or less or a recorded reason, against the 专用票据; handed over within two working days (第六十八条—第七十一条)', async () => {
    const id = await openCase({ procedure: 'summary', field: 'pricing', summary: '未明码标价' });
    const video = await uploadAs(id, '执法记录仪.mp4');
    // "依法给予一百元以下罚款的": 150 元 is not
    await refuse(
      officer,
      id,
      'decideOnSite',
      await onSite(video, { collectedOnSite: true, collectionGround: 'smallFine', receiptNo: 'FS-2026-0001' }),
      '2026-11-20',
      'ONSITE_COLLECTION_NOT_ALLOWED',
    );
    // "不当场收缴事后难以执行的": the reason is recorded
    await refuse(
      officer,
      id,
      'decideOnSite',
      await onSite(video, { collectedOnSite: true, collectionGround: 'hardToEnforce', receiptNo: 'FS-2026-0001' }),
      '2026-11-20',
      'ONSITE_COLLECTION_NOT_ALLOWED',
    );
    // 第七十条: the 专用票据
    await refuse(
      officer,
      id,
      'decideOnSite',
      await onSite(video, { collectedOnSite: true, collectionGround: 'hardToEnforce', collectionReason: '当事人系外地流动摊贩，无固定住所' }),
      '2026-11-20',
      'RECEIPT_MISSING',
    );
    const done = await step(
      officer,
      id,
      'decideOnSite',
      await onSite(video, {
        collectedOnSite: true,
        collectionGround: 'hardToEnforce',
        collectionReason: '当事人系外地流动摊贩，无固定住所',
        receiptNo: 'FS-2026-0001',
      }),
      '2026-11-20',
    );
    expect(done.decision.collection).toMatchObject({ ground: 'hardToEnforce', receiptNo: 'FS-2026-0001', amountFen: 15_000, collectedOn: '2026-11-20' });
    // "应当自收缴罚款之日起二日内，交至行政机关" — 二日 are working days (第八十五条): Friday 11-20 → Tuesday 11-24
    const handover = done.deadlines.find((d: { ruleId: string }) => d.ruleId === 'penalty.onSiteHandover');
    expect(handover).toMatchObject({ status: 'open', due: '2026-11-24' });
    expect(done.deadlines.some((d: { ruleId: string }) => d.ruleId === 'penalty.payment')).toBe(false);
    await refuse(officer, id, 'handOverFine', { handedOverOn: '2026-11-19', handedOverTo: '本局财务室 李会计' }, '2026-11-23', 'HANDOVER_NOT_DUE');
    const handed = await step(officer, id, 'handOverFine', { handedOverOn: '2026-11-23', handedOverTo: '本局财务室 李会计' }, '2026-11-23');
    expect(handed.decision.collection).toMatchObject({ handedOverOn: '2026-11-23' });
    expect(handed.deadlines.find((d: { ruleId: string }) => d.ruleId === 'penalty.onSiteHandover').status).toBe('met');
    await refuse(officer, id, 'handOverFine', { handedOverOn: '2026-11-23', handedOverTo: '本局财务室' }, '2026-11-23', 'HANDOVER_NOT_DUE');
  });

  it('a fine not collected on the spot has nothing to hand over', async () => {
    const id = await openCase({ procedure: 'summary', field: 'pricing', summary: '未明码标价' });
    const video = await uploadAs(id, '执法记录仪.mp4');
    const done = await step(officer, id, 'decideOnSite', await onSite(video, {}), '2026-11-20');
    expect(done.deadlines.some((d: { ruleId: string }) => d.ruleId === 'penalty.onSiteHandover')).toBe(false);
    await refuse(officer, id, 'handOverFine', { handedOverOn: '2026-11-20', handedOverTo: '本局财务室' }, '2026-11-20', 'HANDOVER_NOT_DUE');
  });
});

describe('item 12: 减轻处罚 needs the collective discussion (第五十七条第二款)', () => {
  it('a mitigated case that is not major cannot go straight to the decision', async () => {
    const id = await openCase();
    const closed = await toAuditing(id, 'SP-001', {
      bases: { goodsValue: 500_000 },
      circumstances: ['mitigationDecided'],
      proposed: [
        { kind: 'fine', amountFen: 100_000 },
        { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶' },
      ],
      deviationReason: '具有减轻情节',
    });
    expect(closed.discretion.tier).toBe('mitigatedBelowRange');
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true }, '2026-10-09');
    await step(officer, id, 'notify', { servedOn: '2026-10-12' }, '2026-10-12');
    const w = await officer.post(`/api/cases/${id}/waiver`, { statement: true, signedOn: '2026-10-13', note: '放弃陈述申辩' });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    const r = await refuse(officer, id, 'proceedToDecision', {}, '2026-10-13', 'COLLECTIVE_DISCUSSION_REQUIRED');
    expect(r.error.message).toContain('第五十七条第二款');
    await step(leader, id, 'submitForDiscussion', { reason: '减轻处罚，提请集体讨论' }, '2026-10-13');
    const three = ['甲', '乙', '丙'].map((name) => ({ name }));
    await step(
      leader,
      id,
      'discuss',
      {
        heldOn: '2026-10-14',
        startAt: '2026-10-14T15:00',
        endAt: '2026-10-14T16:00',
        place: '会议室',
        chair: '甲',
        attendees: three,
        opinions: three.map((a) => ({ name: a.name, opinion: '同意减轻处罚' })),
        decision: 'penalty',
        minutes: '讨论',
        reporter: '王',
        recorder: '郑',
      },
      '2026-10-14',
    );
    const d = await step(
      leader,
      id,
      'decide',
      {
        outcome: 'penalty',
        penalties: [
          { kind: 'fine', amountFen: 100_000 },
          { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶' },
        ],
      },
      '2026-10-15',
    );
    expect(d.decision.outcome).toBe('penalty');
  });
});

describe('item 3: the statistics count 给予、不予 and 免予 apart, within what the caller may see', () => {
  it('counts each outcome with its ground or list; another district sees none of them; no session, no answer', async () => {
    const r = await leader.get('/api/cases/statistics?from=2026-01-01&to=2026-12-31');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const { outcomes } = r.body;
    expect(outcomes.exempted.byDetail).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'firstOffenceExemption', label: '首违不罚' })]));
    expect(outcomes.noPenalty.byDetail).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'noFault' })]));
    expect(outcomes.noPenalty.byDetail.find((d: { key: string }) => d.key === 'noFault').label).toContain('第三十三条第二款');
    expect(outcomes.penalty.count).toBeGreaterThanOrEqual(3);
    expect(r.body.total).toBe(outcomes.penalty.count + outcomes.noPenalty.count + outcomes.exempted.count);
    const other = client(env.app, await login(env.app, 'erqu_zhifa'));
    const theirs = await other.get('/api/cases/statistics');
    expect(theirs.status).toBe(200);
    expect(theirs.body.outcomes.exempted.count + theirs.body.outcomes.noPenalty.count).toBe(0);
    expect(theirs.body.total).toBeLessThan(r.body.total);
    expect((await client(env.app, null).get('/api/cases/statistics')).status).toBe(401);
    expect((await leader.get('/api/cases/statistics?from=2026-13-01')).status).toBe(400);
  });
});
