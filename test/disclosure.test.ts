// 政府信息公开 on request, recommendations (检察建议、司法建议) and the 公安机关移送 lead source (issue 16): the portal's
// filing without an account (challenge, query code, a status without personal data), the answer period with its
// correction (第三十条), third-party consultation excluded (第三十二条, 第三十三条第三款) and extension (第三十三条第二款),
// the answers of 第三十六条 as instruments, authorization across a sibling unit and a sibling district, bad input, and
// the figures counted by hand against the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { answerTypeIds } from '../src/domain/disclosure/rules.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { openCase } from '../src/modules/cases/commands/open-case.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let reviewer: C, leader: C, officer: C, admin: C, otherDistrict: C, otherDistrictOfficer: C, siblingStation: C;
let district: string;
const PASSWORD = 'Sibling2026x';
const today = chinaToday();

beforeAll(async () => {
  env = await createTestEnv();
  district = await orgIdByName(env, '示例区市场监督管理局');
  const station1 = await orgIdByName(env, '第一市场监管所');
  await env.ctx.db.transaction((tx) =>
    insertUser(tx, env.ctx, SYSTEM_ACTOR, { username: 'yisuo', displayName: '第一所执法员', orgId: station1, roles: ['officer'], password: PASSWORD }),
  );
  [reviewer, leader, officer, admin, otherDistrict, otherDistrictOfficer] = await Promise.all(
    ['shenhe', 'lingdao', 'zhifa', 'admin', 'erqu', 'erqu_zhifa'].map(async (u) => client(env.app, await login(env.app, u))),
  );
  siblingStation = client(env.app, await login(env.app, 'yisuo', PASSWORD));
}, 240_000);
afterAll(async () => env?.close());

const anon = () => client(env.app, null);
const solve = (token: string) => {
  const t = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  return String(t.a + t.b);
};
const file = async (body: Record<string, unknown>, ip = '198.51.100.20') => {
  const bodyId = (body.bodyId as string) ?? district;
  const ch = (await anon().get('/api/public/disclosure-requests/challenge')).body;
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/public/disclosure-requests',
    remoteAddress: ip,
    payload: {
      bodyId,
      applicantKind: 'natural',
      applicantName: '周密申请人',
      applicantContact: 'zhoumi@example.com',
      description: '示例区2026年计量器具强制检定情况',
      form: '电子邮件',
      challengeToken: ch.token,
      challengeAnswer: solve(ch.token),
      ...body,
    },
  });
  return { status: res.statusCode, body: res.json() };
};
const detail = (c: C, id: string) => c.get(`/api/disclosure-requests/${id}`);
const step = async (c: C, id: string, name: string, input: unknown, date?: string) => {
  const d = await detail(reviewer, id);
  return c.post(`/api/disclosure-requests/${id}/transitions/${name}`, { expectedVersion: d.body.version, input, ...(date ? { date } : {}) });
};
const registerInPerson = (c: C, body: Record<string, unknown> = {}) =>
  c.post('/api/disclosure-requests', {
    channel: 'inPerson',
    applicantKind: 'business',
    applicantName: '示例区测试商贸有限公司',
    applicantContact: '0999-11112222',
    description: '2026年本区食品经营许可注销名单',
    receivedOn: '2026-12-07',
    ...body,
  });
const answerDue = (d: { deadlines: { ruleId: string; due: string; status: string }[] }) =>
  d.deadlines.filter((x) => x.ruleId === 'disclosure.answer' && x.status !== 'cancelled').at(-1)?.due;

describe('政府信息公开 on request', () => {
  it('the portal: a request filed without an account gets a query code; the status shows no personal data', async () => {
    const r = await file({});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.queryCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const s = await anon().get(`/api/public/disclosure-requests/status/${r.body.queryCode}`);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ bodyName: '示例区市场监督管理局', receivedOn: today, stateLabel: '待答复' });
    const text = JSON.stringify(s.body);
    for (const secret of ['周密申请人', 'zhoumi@example.com', '计量器具']) expect(text).not.toContain(secret);
    // lower case and spaces are forgiven; an unknown or malformed code is a 404
    expect((await anon().get(`/api/public/disclosure-requests/status/${r.body.queryCode.toLowerCase()}`)).status).toBe(200);
    expect((await anon().get('/api/public/disclosure-requests/status/AAAA-AAAA-AAAA')).status).toBe(404);
    expect((await anon().get('/api/public/disclosure-requests/status/x')).status).toBe(404);
    // the staff list of the body shows it with the applicant
    const list = await reviewer.get('/api/disclosure-requests');
    const item = list.body.items.find((i: { queryCode: string }) => i.queryCode === r.body.queryCode);
    expect(item).toMatchObject({ channel: 'portal', applicantName: '周密申请人', state: 'received' });
    expect(item.answerDue).toBe((await detail(reviewer, item.id)).body.deadlines[0].due);
  });

  it('the portal refuses a wrong, reused or forged challenge, an unknown body and bad fields; nothing is written', async () => {
    const before = await ledgerSize(env);
    const ch = (await anon().get('/api/public/disclosure-requests/challenge')).body;
    const post = (payload: Record<string, unknown>) =>
      env.app.inject({ method: 'POST', url: '/api/public/disclosure-requests', remoteAddress: '198.51.100.21', payload });
    const base = { bodyId: district, applicantKind: 'natural', applicantName: '甲', applicantContact: '1', description: '某信息' };
    const wrong = await post({ ...base, challengeToken: ch.token, challengeAnswer: String(Number(solve(ch.token)) + 1) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('COMMENT_CHALLENGE_FAILED');
    const forged = `${ch.token.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await post({ ...base, challengeToken: forged, challengeAnswer: solve(ch.token) })).statusCode).toBe(422);
    expect((await post({ ...base, applicantKind: 'alien', challengeToken: ch.token, challengeAnswer: solve(ch.token) })).statusCode).toBe(400);
    expect((await post({ ...base, description: ' ', challengeToken: ch.token, challengeAnswer: solve(ch.token) })).statusCode).toBe(400);
    const nobody = (await anon().get('/api/public/disclosure-requests/challenge')).body;
    const unknown = await post({ ...base, bodyId: 'nobody', challengeToken: nobody.token, challengeAnswer: solve(nobody.token) });
    expect(unknown.statusCode).toBe(404);
    expect(await ledgerSize(env)).toBe(before);
    expect((await post({ ...base, challengeToken: ch.token, challengeAnswer: solve(ch.token) })).statusCode).toBe(200);
    const again = await post({ ...base, challengeToken: ch.token, challengeAnswer: solve(ch.token) });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toContain('已经使用过');
  });

  it('the portal pages: the form without JavaScript files a request, the status page shows it by its query code', async () => {
    const page = await anon().get('/portal/disclosure');
    expect(page.status).toBe(200);
    const token = /name="challengeToken" value="([^"]+)"/.exec(page.body)![1];
    const form = new URLSearchParams({
      bodyId: district,
      applicantKind: 'natural',
      applicantName: '门户申请人',
      applicantContact: '13800000000',
      description: '2026年电梯维护保养单位名单',
      challengeToken: token,
      challengeAnswer: '0',
    });
    const post = (body: URLSearchParams) =>
      env.app.inject({
        method: 'POST',
        url: '/portal/disclosure/requests',
        remoteAddress: '198.51.100.22',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    const refused = await post(form);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('验证题答案不正确');
    expect(refused.body).toContain('2026年电梯维护保养单位名单');
    form.set('challengeAnswer', solve(token));
    const filed = await post(form);
    expect(filed.statusCode).toBe(200);
    const code = /class="query-code">([A-Z2-9-]+)</.exec(filed.body)![1];
    const status = await anon().get(`/portal/disclosure/status?code=${code}`);
    expect(status.status).toBe(200);
    expect(status.body).toContain('待答复');
    expect(status.body).not.toContain('门户申请人');
    expect(status.body).not.toContain('电梯维护保养');
    expect((await anon().get('/portal/disclosure/status?code=ZZZZ-ZZZZ-ZZZZ')).body).toContain('没有找到');
  });

  it('third-party consultation is excluded from the 20 working days, the extension adds 20, the 部分公开 answer is an instrument', async () => {
    const r = await registerInPerson(reviewer);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const id = r.body.id;
    // 第三十三条第二款: 20 working days from 2026-12-07 (元旦 not counted)
    expect(answerDue(r.body)).toBe('2027-01-05');
    expect(
      (await step(reviewer, id, 'consultThirdParty', { thirdParty: '示例区乳业有限公司', sentOn: '2026-12-10', reason: '涉及商业秘密' }, '2026-12-10')).status,
    ).toBe(200);
    // the third party's own 15 working days (第三十二条)
    const consulting = (await detail(reviewer, id)).body;
    expect(consulting.deadlines.find((x: { ruleId: string }) => x.ruleId === 'disclosure.thirdPartyOpinion').due).toBe('2026-12-31');
    const back = await step(reviewer, id, 'recordThirdPartyOpinion', { repliedOn: '2026-12-16', opinion: 'disagree', note: '不同意公开配方' }, '2026-12-16');
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    // 第三十三条第三款: 12-10 … 12-16 (five working days) do not count → 2027-01-12
    expect(answerDue(back.body)).toBe('2027-01-12');
    // extension: a leader only (政府信息公开工作机构负责人同意), once
    expect((await step(reviewer, id, 'extendAnswer', { reason: '需要检索多个年度' }, '2027-01-04')).status).toBe(403);
    const ext = await step(leader, id, 'extendAnswer', { reason: '需要检索多个年度' }, '2027-01-04');
    expect(ext.status, JSON.stringify(ext.body)).toBe(200);
    expect(answerDue(ext.body)).toBe('2027-02-15');
    expect(ext.body.extension).toMatchObject({ dueOn: '2027-02-15', approvedBy: '刘建国' });
    expect(ext.body.instruments.map((i: { kind: string }) => i.kind)).toEqual(['disclosureExtension']);
    const twice = await step(leader, id, 'extendAnswer', { reason: '再延长' }, '2027-01-05');
    expect(twice.body.error.code).toBe('DEADLINE_ALREADY_EXTENDED');
    // 部分公开 without the ground and the reason is refused, nothing changes
    const version = (await detail(reviewer, id)).body.version;
    const bad = await step(reviewer, id, 'answer', { answerType: 'partlyDisclosed', access: '电子邮件' }, '2027-01-20');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('DISCLOSURE_ANSWER_INCOMPLETE');
    expect(bad.body.error.message).toContain('第十四条、第十五条、第十六条');
    expect((await detail(reviewer, id)).body.version).toBe(version);
    const ok = await step(
      reviewer,
      id,
      'answer',
      { answerType: 'partlyDisclosed', ground: 'thirdPartyRights', reason: '配方属于第三方商业秘密', access: '删除配方后的材料以电子邮件发送' },
      '2027-01-20',
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'answered', answerType: 'partlyDisclosed', answerTypeLabel: '部分公开', answeredOn: '2027-01-20' });
    expect(ok.body.answer.sentences.join('')).toContain('第十五条');
    expect(ok.body.answer.sentences.join('')).toContain('第三十七条');
    expect(ok.body.deadlines.find((x: { ruleId: string }) => x.ruleId === 'disclosure.answer').status).toBe('met');
    const ins = ok.body.instruments.find((i: { kind: string }) => i.kind === 'disclosureAnswer');
    expect(ins.title).toBe('政府信息公开申请答复告知书');
    const docx = await reviewer.get(`/api/instruments/${ins.id}/docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const data = (await reviewer.get(`/api/instruments/${ins.id}`)).body.data;
    expect(data.applicant).toBe('示例区测试商贸有限公司');
    expect(data.sentences.join('')).toContain('配方属于第三方商业秘密');
    // answered: no more steps
    expect((await step(reviewer, id, 'answer', { answerType: 'notExist', reason: '无' }, '2027-01-21')).body.error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('correction (第三十条): within 7 working days, once; the answer period runs again from the corrected application', async () => {
    const late = (await registerInPerson(reviewer, { receivedOn: '2026-11-02' })).body.id;
    const tooLate = await step(reviewer, late, 'requestCorrection', { items: '请写明文号', dueOn: '2026-11-30' }, '2026-11-12');
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.error.code).toBe('DISCLOSURE_CORRECTION_LATE');
    const ok = await step(reviewer, late, 'requestCorrection', { items: '请写明文号', dueOn: '2026-11-30' }, '2026-11-11');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.state).toBe('correcting');
    expect(ok.body.answerDue).toBeNull();
    expect(ok.body.instruments.map((i: { kind: string }) => i.kind)).toEqual(['disclosureCorrection']);
    // while the applicant corrects: no answer but 申请内容不明确, and that only after the period
    expect((await step(reviewer, late, 'answer', { answerType: 'disclosed', access: '邮寄' }, '2026-11-15')).body.error.code).toBe(
      'DISCLOSURE_CORRECTION_PENDING',
    );
    expect((await step(reviewer, late, 'answer', { answerType: 'unclear' }, '2026-11-30')).body.error.code).toBe('DISCLOSURE_CORRECTION_PENDING');
    const corrected = await step(
      reviewer,
      late,
      'receiveCorrection',
      { receivedOn: '2026-11-20', correctedDescription: '2026年食品经营许可注销名单（文号示市监〔2026〕1号）' },
      '2026-11-20',
    );
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(answerDue(corrected.body)).toBe('2026-12-18');
    expect((await step(reviewer, late, 'requestCorrection', { items: '再补正', dueOn: '2026-12-30' }, '2026-11-21')).body.error.code).toBe(
      'DISCLOSURE_CORRECTION_LATE',
    );
    const unclear = (await registerInPerson(reviewer, { receivedOn: '2026-11-02' })).body.id;
    await step(reviewer, unclear, 'requestCorrection', { items: '请写明文号', dueOn: '2026-11-20' }, '2026-11-03');
    const gaveUp = await step(reviewer, unclear, 'answer', { answerType: 'unclear' }, '2026-11-23');
    expect(gaveUp.status, JSON.stringify(gaveUp.body)).toBe(200);
    expect(gaveUp.body.answer.sentences[0]).toContain('视为放弃申请');
  });

  it('authorization: the body’s legal office, leaders and administrators; not a station, not another district', async () => {
    const id = (await registerInPerson(admin)).body.id;
    for (const c of [reviewer, leader, admin]) expect((await detail(c, id)).status).toBe(200);
    for (const c of [officer, siblingStation, otherDistrict, otherDistrictOfficer]) expect((await detail(c, id)).status).toBe(404);
    for (const c of [officer, otherDistrict]) {
      const list = await c.get('/api/disclosure-requests');
      expect(list.body.items.some((i: { id: string }) => i.id === id)).toBe(false);
    }
    expect((await registerInPerson(officer)).status).toBe(403);
    expect((await step(otherDistrict, id, 'answer', { answerType: 'notExist', reason: '无' })).status).toBe(404);
    expect((await step(officer, id, 'answer', { answerType: 'notExist', reason: '无' })).status).toBe(404);
    // bad input: a future receipt, an unknown channel, a portal channel by staff
    expect((await registerInPerson(reviewer, { receivedOn: addDays(today, 1) })).status).toBe(400);
    expect((await registerInPerson(reviewer, { channel: 'pigeon' })).status).toBe(400);
    expect((await registerInPerson(reviewer, { channel: 'portal' })).status).toBe(400);
    expect((await reviewer.post(`/api/disclosure-requests/${id}/transitions/nothing`, { expectedVersion: 0, input: {} })).body.error.code).toBe(
      'TRANSITION_UNKNOWN',
    );
  });

  it('the demo: thirteen requests, every answer type, one extended, one with a third-party consultation, one open from the portal', async () => {
    const list = (await reviewer.get('/api/disclosure-requests?limit=500')).body.items as {
      answerType: string | null;
      channel: string;
      applicantName: string;
    }[];
    const demo = list.filter((i) => !['周密申请人', '甲', '示例区测试商贸有限公司', '门户申请人'].includes(i.applicantName));
    expect(demo).toHaveLength(13);
    expect(new Set(demo.map((i) => i.answerType).filter(Boolean))).toEqual(new Set(answerTypeIds));
    expect(demo.filter((i) => i.channel === 'portal' && !i.answerType)).toHaveLength(1);
    const rows = (
      await env.ctx.db.query<{ n: number; e: number; c: number }>(
        `select count(*)::int as n, count(extension)::int as e, count(*) filter (where jsonb_array_length(consultations) > 0)::int as c
         from disclosure_requests d where d.applicant_name not in ('周密申请人', '甲', '示例区测试商贸有限公司', '门户申请人')`,
      )
    ).rows[0];
    expect(rows).toEqual({ n: 13, e: 1, c: 1 });
  });
});

describe('检察建议、司法建议', () => {
  const reg = (c: C, body: Record<string, unknown> = {}) =>
    c.post('/api/recommendations', {
      kind: 'procuratorial',
      issuer: '示例区人民检察院',
      documentNumber: '示检行建〔2026〕9号',
      content: '建议加强对网络餐饮的监督检查。',
      issuedOn: '2026-10-08',
      receivedOn: '2026-10-09',
      ...body,
    });
  const rstep = async (c: C, id: string, name: string, input: unknown, date?: string) => {
    const d = await reviewer.get(`/api/recommendations/${id}`);
    return c.post(`/api/recommendations/${id}/transitions/${name}`, { expectedVersion: d.body.version, input, ...(date ? { date } : {}) });
  };

  it('the answer deadline: the date the document states, else two months; assigned, answered by the unit, filed', async () => {
    const plain = await reg(reviewer);
    expect(plain.status, JSON.stringify(plain.body)).toBe(200);
    expect(plain.body.answerDue).toBe('2026-12-09');
    const stated = await reg(reviewer, { statedDueOn: '2026-11-20' });
    expect(stated.body.answerDue).toBe('2026-11-20');
    const id = stated.body.id;
    const other = await orgIdByName(env, '示例二区第一市场监管所');
    expect((await rstep(reviewer, id, 'assign', { unitId: other })).body.error.code).toBe('UNIT_NOT_IN_BODY');
    const station2 = (await env.ctx.db.query<{ org_id: string }>(`select org_id from users where username = 'zhifa'`)).rows[0].org_id;
    expect((await rstep(reviewer, id, 'assign', { unitId: station2 }, '2026-10-10')).status).toBe(200);
    // the assigned unit's officer reads and answers it; a sibling station and another district see nothing
    expect((await officer.get(`/api/recommendations/${id}`)).status).toBe(200);
    for (const c of [siblingStation, otherDistrict]) expect((await c.get(`/api/recommendations/${id}`)).status).toBe(404);
    expect((await rstep(officer, id, 'answer', { reply: '已整改', answeredOn: '2026-10-01' }, '2026-11-18')).body.error.code).toBe('VALIDATION_FAILED');
    const answered = await rstep(officer, id, 'answer', { reply: '已开展网络餐饮专项检查', answeredOn: '2026-11-18' }, '2026-11-18');
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.deadlines[0].status).toBe('met');
    expect((await rstep(officer, id, 'file', { measures: '检查平台商户40家', filedOn: '2026-11-25' })).status).toBe(403);
    const filed = await rstep(reviewer, id, 'file', { measures: '检查平台商户40家', filedOn: '2026-11-25' }, '2026-11-25');
    expect(filed.body).toMatchObject({ state: 'filed', measures: '检查平台商户40家' });
    // bad input and roles
    expect((await reg(officer)).status).toBe(403);
    expect((await reg(reviewer, { receivedOn: '2026-10-01' })).status).toBe(400);
    expect((await reg(reviewer, { kind: 'advice' })).status).toBe(400);
    expect((await reg(otherDistrictOfficer)).status).toBe(403);
  });
});

describe('figures (hand-counted against the demo data)', () => {
  const value = async (id: string, extra = '', from = addDays(today, -100), to = today) => {
    const r = await leader.get(`/api/figures/${id}?from=${from}&to=${to}&orgId=${district}${extra}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.value;
  };
  // runs after the describes above, which added their own requests dated 2026-11-02 … 2027-01-20 and today;
  // the demo's lie within the last 100 days, and the figures below count the demo's alone by choosing the filters
  it('政府信息公开: received by applicant kind, answers by type, carried over, on time; recommendations; police referrals', async () => {
    // demo: 13 requests — natural 8, business 2, legal service, research, public interest 1 each (the tests above add 3 portal filings and 4 in person)
    expect(await value('disclosure.received', '&filter=channel=portal')).toBe(1 + 3);
    expect(await value('disclosure.received', '&filter=applicant=research')).toBe(1);
    expect(await value('disclosure.received', '&filter=applicant=legalService')).toBe(1);
    expect(await value('disclosure.received', '&filter=applicant=publicInterest')).toBe(1);
    expect(await value('disclosure.received', '&filter=channel=letter')).toBe(1);
    // answers: 予以公开 3 (one after correction, one extended), every other type once (the tests' answers are dated 2026-11-23 and 2027-01-20)
    expect(await value('disclosure.answered', '&filter=answer=disclosed')).toBe(3);
    for (const t of ['alreadyPublic', 'notDisclosed', 'notExist', 'notResponsible', 'repeated', 'specialProcedure', 'notGovernmentInfo'])
      expect(await value('disclosure.answered', `&filter=answer=${t}`)).toBe(1);
    expect(await value('disclosure.answeredOnTime', '', addDays(today, -100), addDays(today, -1))).toBe(1);
    expect(await value('recommendations.received', '&filter=kind=procuratorial', addDays(today, -95), addDays(today, -85))).toBe(1);
    expect(await value('recommendations.received', '&filter=kind=judicial')).toBe(1);
    expect(await value('recommendations.received', '&filter=kind=procuratorialConsultation')).toBe(1);
    expect(await value('recommendations.answered', '&filter=kind=judicial')).toBe(1);
    expect(await value('recommendations.answered', '&filter=on_time=yes', addDays(today, -45), addDays(today, -35))).toBe(1);
    // the demo's police lead comes with the demo cases (not seeded here): one opened now is counted by its source
    const zhifa = (await principalForUser(env.ctx.db, 'zhifa'))!;
    await openCase(env.ctx, zhifa, {
      source: 'policeReferral',
      receivedOn: addDays(today, -2),
      party: { type: 'organisation', name: '示例区益康大药房有限公司', uscc: '91990105MA01NPQR21', address: '示例市示例区健康路9号' },
      contact: { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' },
      field: 'drugs',
      summary: '公安机关移送：销售标签不符合规定的药品',
      procedure: 'ordinary',
    });
    expect(await value('cases.leads', '&filter=source=policeReferral', addDays(today, -10), today)).toBe(1);
    expect(await value('cases.leads', '&filter=source=referral', addDays(today, -10), today)).toBe(0);
  });
});
