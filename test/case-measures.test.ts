/**
 * Issue 10 item 10: the time limits a district bureau lives by, each quoted from the text in `laws/` and driven
 * through the API.
 * - 行政处罚法 第五十六条 "可以先行登记保存，并应当在七日内及时作出处理决定" (七日 = working days, 第八十五条);
 * - 行政强制法 第二十五条 "查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日"
 *   and its third paragraph (检测、检验、检疫或者技术鉴定的期间 do not count), 第二十四条 (the decision and its list),
 *   第二十七条、第二十八条 (处理决定, 解除);
 * - 行政处罚法 第六十条 (九十日) and the further extension by collective discussion (《市场监督管理行政处罚程序规定》第六十四条,
 *   not in the law library: only the refusal without a recorded discussion is enforced, the length is the discussion's);
 * - 市场监督管理投诉举报处理暂行办法 第三十一条 "举报人实名举报的，有处理权限的市场监督管理部门还应当自作出是否立案决定之日起五个
 *   工作日内告知举报人";
 * - 市场监督管理行政处罚信息公示规定 第十条 (登记地（住所地）不在同一省、自治区、直辖市: 十个工作日内推送).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialSchedules } from '../src/modules/calendar/official.ts';
import { WorkCalendar } from '../src/domain/calendar/workCalendar.ts';
import { computeDeadline } from '../src/domain/deadlines/compute.ts';
import { deadlineRuleById } from '../src/domain/deadlines/rules.ts';
import { usccCheckChar } from '../src/domain/codes.ts';
import { measuresBlockingClosure } from '../src/domain/cases/measures.ts';
import { pushToRegistrationPlaceRequired, registrationProvince } from '../src/domain/publicity/push.ts';
import { openMeasureProblems } from '../src/modules/cases/measures.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

const LAWS = join(import.meta.dirname, '..', 'laws');
const law = (file: string) => readFileSync(join(LAWS, file), 'utf8');
const APL = law('行政处罚法(2021-01-22).md');
const CEL = law('行政强制法(2011-06-30).md');
const REPORTS = law('市场监督管理投诉举报处理暂行办法(2022-03-24).md');
const PUB = law('市场监督管理行政处罚信息公示规定(2021-07-30).md');

let env: TestEnv;
import { type C, openCase, party, step, upload } from './case-steps.ts';
let officer: C, leader: C, other: C;
let investigators: string[];
let leaderUserId: string;
let officerUserId: string;
let spViolationId: string;

async function toFiled(id: string, date = '2026-09-03') {
  await step(officer, id, 'accept', {}, '2026-09-02');
  await step(
    officer,
    id,
    'proposeFiling',
    { violationId: spViolationId, violationDate: '2026-08-30', investigatorIds: investigators, opinion: '涉嫌经营超过保质期的食品，建议立案' },
    date,
  );
  return step(leader, id, 'approveFiling', { opinion: '同意立案' }, date);
}

/** a refused act: the code, and the record did not grow */
async function refused(p: Promise<{ status: number; body: { error?: { code: string } } }>, status: number, code: string) {
  const before = await ledgerSize(env);
  const r = await p;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error?.code).toBe(code);
  expect(await ledgerSize(env)).toBe(before);
}

const deadline = (detail: { deadlines: { ruleId: string; due: string; status: string }[] }, ruleId: string) =>
  detail.deadlines.filter((d) => d.ruleId === ruleId).at(-1);

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  officer = client(env.app, await login(env.app, 'zhifa'));
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
  expect(investigators).toHaveLength(2);
  leaderUserId = (await env.ctx.db.query<{ id: string }>(`select id from users where username = 'lingdao'`)).rows[0].id;
  officerUserId = (await env.ctx.db.query<{ id: string }>(`select id from users where username = 'zhifa'`)).rows[0].id;
  spViolationId = (await env.ctx.db.query<{ id: string }>(`select id from violations where code = 'SP-001'`)).rows[0].id;
  // an officer of the other district (示例二区) sees none of these cases
  const otherUser = (
    await env.ctx.db.query<{ username: string }>(
      `select u.username from users u join orgs o on o.id = u.org_id where o.name like '示例二区%' and 'officer' = any(u.roles) and u.active limit 1`,
    )
  ).rows[0];
  if (otherUser) other = client(env.app, await login(env.app, otherUser.username));
}, 120_000);
afterAll(() => env?.close());

describe('the rules, quoted from the texts', () => {
  const official = officialSchedules();
  const cal = new WorkCalendar([...official.values()].flat(), official.keys());

  it('the articles say what the rules encode', () => {
    expect(APL).toContain('在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定');
    expect(APL).toContain('本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。');
    expect(CEL).toContain(
      '查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。',
    );
    expect(CEL).toContain('对物品需要进行检测、检验、检疫或者技术鉴定的，查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间。');
    expect(CEL).toContain('本法中十日以内期限的规定是指工作日，不含法定节假日。'); // 三十日 are calendar days
    expect(REPORTS).toContain('举报人实名举报的，有处理权限的市场监督管理部门还应当自作出是否立案决定之日起五个工作日内告知举报人。');
    expect(PUB).toMatch(
      /第十条 作出行政处罚决定的市场监督管理部门和行政处罚当事人登记地（住所地）不在同一省、自治区、直辖市的，作出行政处罚决定的市场监督管理部门应当自作出行政处罚决定之日起十个工作日内/,
    );
  });

  it.each(['evidence.preservationDecision', 'coercive.seizure', 'report.filingNotice', 'publicity.push'])('%s: basis cited, examples computed', (id) => {
    const rule = deadlineRuleById.get(id)!;
    expect(rule.basis.length).toBeGreaterThan(0);
    expect(rule.examples?.length).toBeGreaterThan(0);
    for (const e of rule.examples ?? []) expect(computeDeadline(rule, cal, { start: e.start }).due, e.text).toBe(e.due);
  });

  it('查封、扣押: the extension adds at most thirty days; testing periods do not count', () => {
    const rule = deadlineRuleById.get('coercive.seizure')!;
    expect(rule.extension?.amount).toBe(30);
    expect(computeDeadline(rule, cal, { start: '2026-09-04', extended: true }).due).toBe('2026-11-03');
    // ten days of testing (9-10 … 9-19) push 10-04 (a holiday: 10-08) to 10-14
    expect(computeDeadline(rule, cal, { start: '2026-09-04', suspensions: [{ from: '2026-09-10', to: '2026-09-19', reason: '检验' }] }).due).toBe('2026-10-14');
  });

  it('办案期限: the sourceNote names the unavailable 程序规定 and sets no number of its own', () => {
    const rule = deadlineRuleById.get('penalty.decision')!;
    expect(rule.basis).toContain('行政处罚法@2021-01-22#第六十条');
    expect(rule.sourceNote).toMatch(/第六十四条.*待入库/);
  });

  it('推送: the registration province is read from the 统一社会信用代码 (登记管理机关行政区划码)', () => {
    expect(registrationProvince('91990105MA01ABCD2W')).toBe('99');
    expect(pushToRegistrationPlaceRequired('91990105MA01ABCD2W', '990105')).toBe(false);
    expect(pushToRegistrationPlaceRequired('91110105MA01ABCD2W', '990105')).toBe(true);
    expect(pushToRegistrationPlaceRequired(null, '990105')).toBe(false);
    expect(pushToRegistrationPlaceRequired('91110105MA01ABCD2W', null)).toBe(false);
  });

  it('结案: a measure neither released nor ended by a decision keeps the case open', () => {
    const m = { id: 'm', kind: 'seize' as const, imposedOn: '2026-09-04', items: [{ name: '酸奶' }] };
    expect(measuresBlockingClosure([{ ...m, status: 'active' }]).map((p) => p.code)).toEqual(['MEASURES_OPEN']);
    expect(
      measuresBlockingClosure([
        { ...m, status: 'released' },
        { ...m, status: 'disposed' },
      ]),
    ).toEqual([]);
  });
});

describe('先行登记保存: the 处理决定 within seven working days (行政处罚法 第五十六条)', () => {
  it('opens the deadline when the preservation is registered and meets it with the decision', async () => {
    const id = await openCase(officer);
    await step(officer, id, 'accept', {}, '2026-09-02');
    const video = await upload(officer, id, '先行登记保存.mp4');
    const preservation = {
      kind: 'evidencePreservation',
      title: '“鲜活”牌酸奶46杯',
      collectedOn: '2026-09-30',
      place: '当事人经营场所',
      officerIds: investigators,
      fileIds: [video],
    };
    // "在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存" (行政处罚法 第五十六条)
    const before = await ledgerSize(env);
    await refused(officer.post(`/api/cases/${id}/evidence`, preservation), 422, 'APPROVER_REQUIRED');
    await refused(officer.post(`/api/cases/${id}/evidence`, { ...preservation, approvedBy: officerUserId }), 422, 'APPROVER_INVALID');
    expect(await ledgerSize(env)).toBe(before);
    const e = await officer.post(`/api/cases/${id}/evidence`, { ...preservation, approvedBy: leaderUserId });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    const entry = (await officer.get(`/api/record/matters/case/${id}`)).body;
    expect(JSON.stringify(entry)).toContain('"approvedBy"');
    const evidenceId = e.body.evidence.find((x: { kind: string }) => x.kind === 'evidencePreservation').id;
    // 9-30 + 7 working days: 10-1…10-7 国庆 not counted, Saturday 10-10 a make-up working day counted
    expect(deadline(e.body, 'evidence.preservationDecision')).toMatchObject({ due: '2026-10-15', status: 'open' });
    const card = (await officer.get(`/api/cases/${id}/measures`)).body;
    expect(card.preservations).toEqual([
      expect.objectContaining({ evidenceId, decision: null, deadline: expect.objectContaining({ due: '2026-10-15', overdue: true }) }),
    ]);

    await refused(
      officer.post(`/api/cases/${id}/evidence/nope/preservation-decision`, { decidedOn: '2026-10-09', decision: 'test', note: '送检' }),
      404,
      'PRESERVATION_NOT_FOUND',
    );
    await refused(
      officer.post(`/api/cases/${id}/evidence/${evidenceId}/preservation-decision`, { decidedOn: '2026-10-09', decision: 'burn', note: '送检' }),
      400,
      'VALIDATION_FAILED',
    );
    const d = await officer.post(`/api/cases/${id}/evidence/${evidenceId}/preservation-decision`, {
      decidedOn: '2026-10-09',
      decision: 'test',
      note: '送示例市食品检验检测中心检验',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.preservations[0]).toMatchObject({ deadline: { status: 'met', overdue: false }, decision: { decision: 'test', late: false } });
    expect(d.body.preservations[0].decision.number).toMatch(/市监登处/);
    await refused(
      officer.post(`/api/cases/${id}/evidence/${evidenceId}/preservation-decision`, { decidedOn: '2026-10-09', decision: 'release', note: '退还' }),
      409,
      'PRESERVATION_ALREADY_DECIDED',
    );
    const rec = await officer.get(`/api/record/matters/case/${id}`);
    expect(rec.body.entries.map((x: { eventType: string }) => x.eventType)).toContain('case.preservationDecided');
  });
});

describe('查封、扣押 as a decision of its own (行政强制法 第二十四条、第二十五条、第二十七条、第二十八条)', () => {
  let id: string;
  let video: string;
  const impose = (extra: Record<string, unknown> = {}) => ({
    kind: 'seize',
    reason: '涉案酸奶超过保质期，可能危害人体健康',
    basis: '《中华人民共和国食品安全法》第一百一十条第（四）项',
    items: [{ name: '“鲜活”牌酸奶（超过保质期）', quantity: '46杯', note: '封存于涉案物品保管室' }],
    place: '示例市示例区和平路88号当事人经营场所',
    imposedOn: '2026-09-04',
    approvedBy: leaderUserId,
    officerIds: investigators,
    fileIds: [video],
    ...extra,
  });

  beforeAll(async () => {
    id = await openCase(officer);
    await toFiled(id);
    video = await upload(officer, id, '扣押执法记录仪.mp4');
  });

  it('refuses a measure without the A/V record, two certified officers, a leader’s approval, or longer than thirty days', async () => {
    const photo = await upload(officer, id, '照片.jpg', 'image/jpeg');
    await refused(officer.post(`/api/cases/${id}/measures`, impose({ fileIds: [photo] })), 422, 'AV_RECORD_MISSING');
    await refused(officer.post(`/api/cases/${id}/measures`, impose({ officerIds: investigators.slice(0, 1) })), 422, 'OFFICER_NOT_CERTIFIED');
    await refused(officer.post(`/api/cases/${id}/measures`, impose({ approvedBy: officerUserId })), 422, 'APPROVER_INVALID');
    // 第二十五条 "查封、扣押的期限不得超过三十日"
    await refused(officer.post(`/api/cases/${id}/measures`, impose({ periodDays: 31 })), 422, 'MEASURE_PERIOD_INVALID');
    await refused(leader.post(`/api/cases/${id}/measures`, impose()), 403, 'FORBIDDEN');
    if (other) await refused(other.post(`/api/cases/${id}/measures`, impose()), 404, 'NOT_FOUND');
  });

  it('imposes with the 查封、扣押决定书, its own deadline, shown overdue when neither released nor extended', async () => {
    const r = await officer.post(`/api/cases/${id}/measures`, impose());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const m = r.body.measures[0];
    // 9-04 + 30 days = 10-04, a holiday (国庆): the next working day 10-08
    expect(m).toMatchObject({ kind: 'seize', status: 'active', periodDays: 30, deadline: { due: '2026-10-08', status: 'open', overdue: true } });
    expect(m.decisionNumber).toMatch(/市监强制/);
    const detail = (await officer.get(`/api/cases/${id}`)).body;
    expect(detail.deadlines.filter((d: { ruleId: string }) => d.ruleId === 'coercive.seizure')).toHaveLength(1);
    expect(await openMeasureProblems(env.ctx.db, id)).toEqual([expect.objectContaining({ code: 'MEASURES_OPEN' })]);
    // the measure's limit is extended or suspended on the measure (with its notice), not by the generic deadline acts
    await refused(leader.post(`/api/cases/${id}/deadlines/extend`, { ruleId: 'coercive.seizure', reason: '延长' }), 422, 'DEADLINE_NOT_EXTENDABLE');
    await refused(
      officer.post(`/api/cases/${id}/deadlines/suspend`, { ruleId: 'coercive.seizure', from: '2026-09-10', to: '2026-09-11', reason: '检验' }),
      422,
      'DEADLINE_NOT_SUSPENDABLE',
    );
    expect(detail.instruments.map((i: { number: string }) => i.number)).toContain(m.decisionNumber);
  });

  it('excludes a testing period and extends once, by a leader, by at most thirty days', async () => {
    const m = (await officer.get(`/api/cases/${id}/measures`)).body.measures[0];
    const t = await officer.post(`/api/cases/${id}/measures/${m.id}/testing`, { from: '2026-09-10', to: '2026-09-19', reason: '送检验' });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body.measures[0].deadline.due).toBe('2026-10-14');
    await refused(officer.post(`/api/cases/${id}/measures/${m.id}/extend`, { extendedOn: '2026-10-09', days: 30, reason: '情况复杂' }), 403, 'FORBIDDEN');
    // 第二十五条 "延长期限不得超过三十日"
    await refused(
      leader.post(`/api/cases/${id}/measures/${m.id}/extend`, { extendedOn: '2026-10-09', days: 31, reason: '情况复杂' }),
      422,
      'MEASURE_PERIOD_INVALID',
    );
    const x = await leader.post(`/api/cases/${id}/measures/${m.id}/extend`, { extendedOn: '2026-10-09', days: 30, reason: '涉案食品来源需补充调查' });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    // 9-04 + 30 + 30 + 10 days of testing = 11-13
    expect(x.body.measures[0]).toMatchObject({ extension: { days: 30 }, deadline: { due: '2026-11-13', status: 'open' } });
    expect(x.body.measures[0].extension.number).toMatch(/市监延强/);
    await refused(
      leader.post(`/api/cases/${id}/measures/${m.id}/extend`, { extendedOn: '2026-10-10', days: 5, reason: '再次延长' }),
      409,
      'MEASURE_ALREADY_EXTENDED',
    );
  });

  it('releases on a ground of 第二十八条 with its instrument; an unknown or released measure is refused', async () => {
    const m = (await officer.get(`/api/cases/${id}/measures`)).body.measures[0];
    const end = { endedOn: '2026-10-20', kind: 'release', ground: 'noViolation', reason: '经检验，涉案酸奶符合标准', approvedBy: leaderUserId };
    await refused(officer.post(`/api/cases/${id}/measures/unknown/end`, end), 404, 'MEASURE_NOT_FOUND');
    // 第二十七条: 没收 is the decision's; none was made
    await refused(officer.post(`/api/cases/${id}/measures/${m.id}/end`, { ...end, kind: 'dispose', ground: 'confiscate' }), 409, 'MEASURE_NOT_ACTIVE');
    await refused(officer.post(`/api/cases/${id}/measures/${m.id}/end`, { ...end, ground: 'confiscate' }), 422, 'INPUT_INVALID');
    const r = await officer.post(`/api/cases/${id}/measures/${m.id}/end`, end);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.measures[0]).toMatchObject({
      status: 'released',
      deadline: { status: 'met', overdue: false },
      ended: { kind: 'release', ground: 'noViolation' },
    });
    expect(r.body.measures[0].ended.number).toMatch(/市监解强/);
    expect(await openMeasureProblems(env.ctx.db, id)).toEqual([]);
    await refused(officer.post(`/api/cases/${id}/measures/${m.id}/end`, end), 409, 'MEASURE_NOT_ACTIVE');
    await refused(leader.post(`/api/cases/${id}/measures/${m.id}/extend`, { extendedOn: '2026-10-21', days: 5, reason: '延长' }), 409, 'MEASURE_NOT_ACTIVE');
    const rec = await officer.get(`/api/record/matters/case/${id}`);
    const events = rec.body.entries.map((x: { eventType: string }) => x.eventType);
    expect(events).toEqual(expect.arrayContaining(['case.measureImposed', 'case.measureTestingExcluded', 'case.measureExtended', 'case.measureEnded']));
  });
});

describe('办案期限: beyond 90 + 30 days only by collective discussion', () => {
  it('refuses a second extension without a recorded discussion; with one, the due date is the one it decided', async () => {
    const id = await openCase(officer);
    const filed = await toFiled(id);
    expect(deadline(filed, 'penalty.decision')!.due).toBe('2026-12-02'); // 行政处罚法 第六十条: 九十日
    const first = await leader.post(`/api/cases/${id}/deadlines/extend`, { ruleId: 'penalty.decision', reason: '案情复杂' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(deadline(first.body, 'penalty.decision')).toMatchObject({ due: '2027-01-04' });
    await refused(leader.post(`/api/cases/${id}/deadlines/extend`, { ruleId: 'penalty.decision', reason: '再次延长' }), 422, 'EXTENSION_DISCUSSION_REQUIRED');
    const discussion = {
      heldOn: '2026-12-01',
      chair: '张局长',
      attendees: [{ name: '张局长' }, { name: '李副局长' }],
      minutes: '同意继续延期三十日',
      extendTo: '2027-02-03',
    };
    await refused(leader.post(`/api/cases/${id}/deadlines/extend`, { ruleId: 'penalty.decision', reason: '再次延长', discussion }), 422, 'DISCUSSION_QUORUM');
    await refused(
      leader.post(`/api/cases/${id}/deadlines/extend`, {
        ruleId: 'penalty.decision',
        reason: '再次延长',
        discussion: { ...discussion, attendees: [...discussion.attendees, { name: '王副局长' }], extendTo: '2026-12-20' },
      }),
      422,
      'PERIOD_INVALID',
    );
    const ok = await leader.post(`/api/cases/${id}/deadlines/extend`, {
      ruleId: 'penalty.decision',
      reason: '案情特别复杂，需补充鉴定',
      discussion: { ...discussion, attendees: [...discussion.attendees, { name: '王副局长', position: '副局长' }] },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(deadline(ok.body, 'penalty.decision')).toMatchObject({ due: '2027-02-03' });
    const rec = await officer.get(`/api/record/matters/case/${id}`);
    expect(rec.body.entries.map((x: { eventType: string }) => x.eventType)).toContain('case.deadlineExtendedByDiscussion');
    // a later period that does not count (鉴定, three days) moves the date the discussion decided, not back to the rule's
    const suspended = await officer.post(`/api/cases/${id}/deadlines/suspend`, {
      ruleId: 'penalty.decision',
      from: '2026-12-02',
      to: '2026-12-04',
      reason: '鉴定',
    });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(deadline(suspended.body, 'penalty.decision')).toMatchObject({ due: '2027-02-06' });
    // other limits keep their one extension
    await refused(leader.post(`/api/cases/${id}/deadlines/extend`, { ruleId: 'lead.verification', reason: '延长' }), 404, 'NOT_FOUND');
  });
});

describe('实名举报人 told of the filing decision within five working days (投诉举报处理暂行办法 第三十一条)', () => {
  const reporter = { name: '陈举报', phone: '13800001234' };

  it('filing opens the deadline, the recorded notice meets it', async () => {
    const id = await openCase(officer, { source: 'report', reporter });
    const filed = await toFiled(id);
    expect(deadline(filed, 'report.filingNotice')).toMatchObject({ due: '2026-09-10', status: 'open' });
    const card = (await officer.get(`/api/cases/${id}/measures`)).body;
    expect(card.reporter).toMatchObject({ name: '陈举报', phone: '*******1234', deadline: { due: '2026-09-10', status: 'open' } });
    await refused(officer.post(`/api/cases/${id}/reporter-notices`, { notifiedOn: '2026-09-02', method: '电话告知' }), 422, 'PERIOD_INVALID');
    const r = await officer.post(`/api/cases/${id}/reporter-notices`, { notifiedOn: '2026-09-08', method: '电话告知', note: '已告知立案' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.reporter).toMatchObject({ deadline: { status: 'met' }, notices: [{ notifiedOn: '2026-09-08', decision: 'filed' }] });
  });

  it('不予立案 is told as well; a lead without a named reporter opens nothing', async () => {
    const id = await openCase(officer, { source: 'report', reporter });
    await step(officer, id, 'accept', {}, '2026-09-02');
    await step(
      officer,
      id,
      'proposeFiling',
      { violationId: spViolationId, violationDate: '2026-08-30', investigatorIds: investigators, opinion: '建议立案' },
      '2026-09-03',
    );
    const rejected = await step(leader, id, 'rejectFiling', { reason: '违法事实不能成立', opinion: '不予立案' }, '2026-09-04');
    expect(deadline(rejected, 'report.filingNotice')).toMatchObject({ due: '2026-09-11', status: 'open' });
    const r = await officer.post(`/api/cases/${id}/reporter-notices`, { notifiedOn: '2026-09-07', method: '书面告知' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.reporter.notices[0].decision).toBe('notFiled');

    const anonymous = await openCase(officer, { source: 'report' });
    const filed = await toFiled(anonymous);
    expect(deadline(filed, 'report.filingNotice')).toBeUndefined();
    await refused(officer.post(`/api/cases/${anonymous}/reporter-notices`, { notifiedOn: '2026-09-08', method: '电话告知' }), 409, 'REPORTER_NOTICE_NOT_DUE');
  });
});

describe('推送至当事人登记地 (市场监督管理行政处罚信息公示规定 第十条)', () => {
  const first17 = '91110105MA01ABCD2';
  const elsewhere = { ...party, name: '北京某某食品有限公司示例分店', uscc: `${first17}${usccCheckChar(first17)}` };

  async function decided(p: typeof party) {
    const id = await openCase(officer, { party: p });
    await toFiled(id);
    const documentary = await officer.post(`/api/cases/${id}/evidence`, { kind: 'documentary', title: '进货单据及销售记录', collectedOn: '2026-09-05' });
    expect(documentary.status, JSON.stringify(documentary.body)).toBe(200);
    const penalties = [{ kind: 'fine', amountFen: 5_000_000 }];
    await step(
      officer,
      id,
      'closeInvestigation',
      {
        facts: '当事人销售超过保质期的酸奶。',
        bases: { goodsValue: 500_000 },
        circumstances: [],
        proposed: penalties,
        deviationReason: '货值较小，按一般幅度',
      },
      '2026-10-08',
    );
    const reviewer = client(env.app, await login(env.app, 'shenhe'));
    await step(reviewer, id, 'audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true }, '2026-10-09');
    await step(officer, id, 'notify', { servedOn: '2026-10-12' }, '2026-10-12');
    const w = await officer.post(`/api/cases/${id}/waiver`, {
      statement: true,
      hearing: true,
      signedOn: '2026-10-13',
      note: '当事人书面表示放弃陈述、申辩和听证',
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    await step(officer, id, 'proceedToDecision', {}, '2026-10-13');
    return { id, decision: await step(leader, id, 'decide', { outcome: 'penalty', penalties }, '2026-10-14') };
  }

  it('a party registered in another province: the push is due in ten working days and recorded', async () => {
    const { id, decision } = await decided(elsewhere);
    expect(deadline(decision, 'publicity.push')).toMatchObject({ due: '2026-10-28', status: 'open' });
    await refused(officer.post(`/api/cases/${id}/publicity-push`, { pushedOn: '2026-10-13', via: '省局', recipient: '北京市' }), 422, 'PERIOD_INVALID');
    const r = await officer.post(`/api/cases/${id}/publicity-push`, {
      pushedOn: '2026-10-20',
      via: '通过示例省市场监督管理局',
      recipient: '北京市东城区市场监督管理局',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.push).toMatchObject({ deadline: { status: 'met' }, done: { pushedOn: '2026-10-20' } });
    await refused(officer.post(`/api/cases/${id}/publicity-push`, { pushedOn: '2026-10-21', via: '省局', recipient: '北京市' }), 409, 'PUSH_NOT_REQUIRED');
  }, 60_000);

  it('a party registered in the province: nothing to push', async () => {
    const { id, decision } = await decided(party);
    expect(deadline(decision, 'publicity.push')).toBeUndefined();
    await refused(officer.post(`/api/cases/${id}/publicity-push`, { pushedOn: '2026-10-20', via: '省局', recipient: '某地' }), 409, 'PUSH_NOT_REQUIRED');
  }, 60_000);
});
