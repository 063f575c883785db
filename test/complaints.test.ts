/**
 * 投诉举报: intake from the portal without an account (challenge, attachments, anonymous reports, the query code),
 * by staff and by the 12315 import (row-level report); the complaint's deadlines against 第十四条, 第二十一条 and
 * 第二十三条; mediation with its 调解书 and the termination notice; a report turned into a case lead (the link both
 * ways, the case's reporter notice); grouping; the reporter's confidentiality tried on every leak path (portal,
 * record, instruments, export, other roles, a sibling unit and district) with every read audited; the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { findMatter } from '../src/platform/workflow/engine.ts';
import { reporterOf } from '../src/modules/cases/measures.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let leader: C, officer: C, reviewer: C, admin: C, supervisor: C, siblingStation: C, siblingDistrict: C;
let district: string, station2: string;
const anon = () => client(env.app, null);
const PASSWORD = 'Sibling2026x';

// the secrets: a complainant and a named reporter — they must appear nowhere but the audited identity read
const COMPLAINANT = { name: '欧阳翠花', phone: '13912345678', address: '示例区幸福路8号' };
const REPORTER = { name: '司马青云', phone: '13800009999', address: '示例区和平街3号' };

beforeAll(async () => {
  env = await createTestEnv();
  district = await orgIdByName(env, '示例区市场监督管理局');
  station2 = await orgIdByName(env, '第二市场监管所');
  const station1 = await orgIdByName(env, '第一市场监管所');
  const district2 = await orgIdByName(env, '示例二区市场监督管理局');
  await env.ctx.db.transaction(async (tx) => {
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, { username: 'ts_yisuo', displayName: '第一所执法员', orgId: station1, roles: ['officer'], password: PASSWORD });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'ts_erqu',
      displayName: '二区局领导',
      orgId: district2,
      roles: ['leader', 'officer', 'supervisor', 'admin'],
      password: PASSWORD,
    });
  });
  [leader, officer, reviewer, admin, supervisor] = await Promise.all(
    ['lingdao', 'zhifa', 'shenhe', 'admin', 'jiandu'].map(async (u) => client(env.app, await login(env.app, u))),
  );
  siblingStation = client(env.app, await login(env.app, 'ts_yisuo', PASSWORD));
  siblingDistrict = client(env.app, await login(env.app, 'ts_erqu', PASSWORD));
}, 240_000);
afterAll(async () => env?.close());

/** Reads the operands from the signed token (a test is a program written for this form). */
const solve = (token: string) => {
  const t = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  return String(t.a + t.b);
};
const file = async (body: Record<string, unknown>, ip = '198.51.100.21') => {
  const ch = (await anon().get('/api/public/complaints/challenge')).body;
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/public/complaints',
    remoteAddress: ip,
    payload: { challengeToken: ch.token, challengeAnswer: solve(ch.token), orgId: district, ...body },
  });
  return { status: res.statusCode, body: res.json() };
};
const complaintBody = (respondent = '示例区好味道餐饮店', extra: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  respondent: { name: respondent, address: '示例区人民路12号' },
  category: 'food',
  summary: '在该店就餐时菜品中发现异物，要求退款被拒。',
  request: '退还餐费二百元。',
  person: COMPLAINANT,
  ...extra,
});
const step = async (c: C, id: string, name: string, input: unknown = {}, date?: string) => {
  const m = (await findMatter(env.ctx.db, id))!;
  return c.post(`/api/complaints/${id}/transitions/${name}`, { expectedVersion: m.version, input, ...(date ? { date } : {}) });
};
const deadline = async (id: string, rule: string) =>
  (
    await env.ctx.db.query<{ start: string; due: string; status: string; extended: boolean }>(
      `select start_date as start, due_date as due, status, extended from matter_deadlines where matter_id = $1 and rule_id = $2 order by created_at desc limit 1`,
      [id, rule],
    )
  ).rows[0];
const intake = (c: C, body: Record<string, unknown>) => c.post('/api/complaints', { channel: 'phone', ...body });

let portalComplaint: { id: string; queryCode: string };
let namedReport: { id: string; queryCode: string };
let anonymousReport: string;

describe('intake from the portal (no account)', () => {
  it('a complaint with an attachment gets a query code; the status page shows no personal data', async () => {
    const r = await file(
      complaintBody('示例区好味道餐饮店', {
        attachments: [{ fileName: '小票.txt', mime: 'text/plain', contentBase64: Buffer.from(`小票 ${COMPLAINANT.name}`).toString('base64') }],
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0].queryCode).toMatch(/^TS[2-9A-HJKMNP-Z]{10}$/);
    portalComplaint = r.body.items[0];
    const s = await anon().get(`/api/public/complaints/status/${portalComplaint.queryCode.toLowerCase()}`);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ kind: 'complaint', state: 'received', stateLabel: '待决定是否受理', orgName: '示例区市场监督管理局' });
    const text = JSON.stringify(s.body);
    for (const secret of [COMPLAINANT.name, COMPLAINANT.phone, COMPLAINANT.address, '好味道']) expect(text).not.toContain(secret);
    const d = await leader.get(`/api/complaints/${portalComplaint.id}`);
    expect(d.body).toMatchObject({ channel: 'portal', personGiven: true, attachments: [{ fileName: '小票.txt' }] });
  });

  it('a named report and an anonymous one; a complaint cannot be anonymous (第九条); a submission that is both becomes two matters (第七条)', async () => {
    const named = await file({
      kind: 'report',
      respondent: { name: '示例区鑫源超市' },
      category: 'pricing',
      summary: '超市价签与结算价不一致，涉嫌价格欺诈。',
      person: REPORTER,
    });
    expect(named.status).toBe(200);
    namedReport = named.body.items[0];
    const anonymous = await file(
      { kind: 'report', respondent: { name: '示例区无名烧烤摊' }, category: 'food', summary: '夜间无证经营烧烤。', anonymous: true },
      '198.51.100.22',
    );
    expect(anonymous.status).toBe(200);
    anonymousReport = anonymous.body.items[0].id;
    expect((await leader.get(`/api/complaints/${anonymousReport}`)).body).toMatchObject({ anonymous: true, personGiven: false });

    const before = await ledgerSize(env);
    const anonComplaint = await file({ ...complaintBody(), anonymous: true, person: null }, '198.51.100.23');
    expect(anonComplaint.status).toBe(422);
    expect(anonComplaint.body.error.code).toBe('COMPLAINT_PERSON_REQUIRED');
    expect(await ledgerSize(env)).toBe(before);

    const both = await file({ ...complaintBody('示例区双拼快餐店'), kind: 'both' }, '198.51.100.24');
    expect(both.body.items.map((i: { kind: string }) => i.kind)).toEqual(['complaint', 'report']);
    const [c, r] = both.body.items;
    expect((await leader.get(`/api/complaints/${r.id}`)).body.siblingId).toBe(c.id);
  });

  it('refuses a wrong or replayed challenge and bad input, writing nothing', async () => {
    const before = await ledgerSize(env);
    const ch = (await anon().get('/api/public/complaints/challenge')).body;
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/public/complaints',
      remoteAddress: '198.51.100.30',
      payload: { ...complaintBody(), orgId: district, challengeToken: ch.token, challengeAnswer: String(Number(solve(ch.token)) + 1) },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('COMPLAINT_CHALLENGE_FAILED');
    const ok = { ...complaintBody('示例区重放测试店'), orgId: district, challengeToken: ch.token, challengeAnswer: solve(ch.token) };
    expect((await env.app.inject({ method: 'POST', url: '/api/public/complaints', remoteAddress: '198.51.100.30', payload: ok })).statusCode).toBe(200);
    const replay = await env.app.inject({ method: 'POST', url: '/api/public/complaints', remoteAddress: '198.51.100.30', payload: ok });
    expect(replay.json().error.code).toBe('COMPLAINT_CHALLENGE_FAILED');
    const afterOk = await ledgerSize(env);
    expect(afterOk).toBeGreaterThan(before);
    const bad = await file({ kind: 'complaint', respondent: { name: '' }, category: 'nope', summary: '' }, '198.51.100.31');
    expect(bad.status).toBe(400);
    expect((await file({ ...complaintBody(), orgId: station2 }, '198.51.100.32')).status).toBe(400); // a station is not a body
    expect(await ledgerSize(env)).toBe(afterOk);
    expect((await anon().get('/api/public/complaints/status/TS2222222222')).body.error.code).toBe('COMPLAINT_QUERY_CODE_UNKNOWN');
    expect((await anon().get('/api/public/complaints/status/garbage')).status).toBe(404);
  });
});

describe('投诉: acceptance, mediation, termination', () => {
  it('第十四条: the acceptance deadline runs 7 working days from receipt; 受理 meets it and opens the 45-working-day mediation period (第二十一条)', async () => {
    const r = await intake(leader, { ...complaintBody('示例区时光理发店'), category: 'consumerProtection', receivedOn: '2026-09-28' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const id = r.body.items[0].id;
    expect(await deadline(id, 'complaint.acceptance')).toMatchObject({ start: '2026-09-28', due: '2026-10-13', status: 'open' });
    expect((await step(officer, id, 'accept', {}, '2026-10-09')).status).toBe(404); // zhifa's station does not see a bureau-level complaint
    const a = await step(leader, id, 'accept', { noticeMethod: 'phone' }, '2026-10-09');
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.state).toBe('accepted');
    expect(await deadline(id, 'complaint.acceptance')).toMatchObject({ status: 'met' });
    expect(await deadline(id, 'complaint.mediation')).toMatchObject({ start: '2026-10-09', status: 'open' });
  });

  it('不予受理 on a ground of 第十五条, shown on the portal with its article', async () => {
    const r = await step(leader, portalComplaint.id, 'reject', { ground: 'alreadyHandled', reason: '消费者协会已受理同一争议。' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ state: 'rejected', rejectionGround: 'alreadyHandled' });
    const s = (await anon().get(`/api/public/complaints/status/${portalComplaint.queryCode}`)).body;
    expect(s.steps.map((x: { label: string }) => x.label)).toContain('决定不予受理（《市场监督管理投诉举报处理暂行办法》第十五条第（二）项）');
    expect((await step(leader, portalComplaint.id, 'accept')).status).toBe(409);
    const bad = await step(leader, portalComplaint.id, 'reject', { ground: 'whatever', reason: '' });
    expect(bad.status).toBe(400);
  });

  let mediated: string;
  it('分送 to a station; mediation record; 第二十二条: an on-site agreement needs a 调解书, which names both parties', async () => {
    const r = await intake(leader, { ...complaintBody('示例区春风洗衣店'), channel: 'walkIn', category: 'consumerProtection' });
    mediated = r.body.items[0].id;
    const as = await leader.post(`/api/complaints/${mediated}/assign`, { orgId: station2, note: '由第二所调解' });
    expect(as.status, JSON.stringify(as.body)).toBe(200);
    expect((await step(officer, mediated, 'accept')).status).toBe(200);
    const m = await officer.post(`/api/complaints/${mediated}/mediations`, {
      heldOn: (await officer.get(`/api/complaints/${mediated}`)).body.decidedOn,
      mode: 'onSite',
      mediators: ['王志强'],
      summary: '双方到场，投诉人要求赔偿洗坏的外套。',
    });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.mediations).toHaveLength(1);
    const refused = await step(officer, mediated, 'recordAgreement', {
      mode: 'onSite',
      content: '赔偿三百元。',
      makeDocument: false,
      noDocumentReason: 'notOnSite',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('COMPLAINT_AGREEMENT_DOCUMENT');
    const ok = await step(officer, mediated, 'recordAgreement', { mode: 'onSite', content: '被投诉人赔偿投诉人三百元，当场支付。', makeDocument: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.state).toBe('resolved');
    expect(ok.body.instruments).toMatchObject([{ kind: 'mediationAgreement', title: '调解书' }]);
    const data = (await env.ctx.db.query<{ data: unknown }>(`select data from instruments where id = $1`, [ok.body.instruments[0].id])).rows[0];
    expect(JSON.stringify(data)).toContain(COMPLAINANT.name);
    expect(await deadline(mediated, 'complaint.mediation')).toMatchObject({ status: 'met' });
  });

  it("第二十一条: ending for the 45 working days only after them; the notice within 7 working days, without the complainant's name", async () => {
    const r = await intake(leader, { ...complaintBody('示例区宏达家电'), category: 'consumerProtection', receivedOn: '2026-08-27' });
    const id = r.body.items[0].id;
    expect((await step(leader, id, 'accept', {}, '2026-09-01')).status).toBe(200);
    expect(await deadline(id, 'complaint.mediation')).toMatchObject({ due: '2026-11-09' });
    const early = await step(leader, id, 'terminate', { ground: 'timeLimit', reason: '未能达成协议。' }, '2026-11-09');
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('COMPLAINT_TERMINATION_EARLY');
    const t = await step(leader, id, 'terminate', { ground: 'timeLimit', reason: '三次调解，双方对赔偿金额分歧较大。' }, '2026-11-10');
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body.state).toBe('terminated');
    expect(await deadline(id, 'complaint.terminationNotice')).toMatchObject({ start: '2026-11-10', due: '2026-11-19', status: 'open' });
    const n = await step(leader, id, 'notifyTermination', { method: 'letter' }, '2026-11-12');
    expect(n.status, JSON.stringify(n.body)).toBe(200);
    expect(n.body.state).toBe('closed');
    expect(await deadline(id, 'complaint.terminationNotice')).toMatchObject({ status: 'met' });
    const ins = n.body.instruments.find((i: { kind: string }) => i.kind === 'mediationTerminationNotice');
    const data = JSON.stringify((await env.ctx.db.query(`select data from instruments where id = $1`, [ins.id])).rows[0]);
    expect(data).toContain('自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议');
    for (const secret of [COMPLAINANT.name, COMPLAINANT.phone]) expect(data).not.toContain(secret);
    // another ground any time
    const r2 = await intake(leader, { ...complaintBody('示例区宏达家电二店'), category: 'consumerProtection' });
    expect((await step(leader, r2.body.items[0].id, 'accept')).status).toBe(200);
    expect((await step(leader, r2.body.items[0].id, 'terminate', { ground: 'refusedToAttend', reason: '被投诉人明确拒绝调解。' })).status).toBe(200);
  });

  it('第二十三条: a lead found in mediation is verified within 15 working days, extendable once by 15; it becomes a case lead with the link both ways', async () => {
    const r = await intake(leader, { ...complaintBody('示例区光明眼镜店'), category: 'metrology', receivedOn: '2026-09-21' });
    const id = r.body.items[0].id;
    expect((await step(leader, id, 'accept', {}, '2026-09-22')).status).toBe(200);
    const f = await leader.post(`/api/complaints/${id}/lead`, { foundOn: '2026-09-25', description: '验光仪未经检定。' });
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    expect(await deadline(id, 'complaint.leadVerification')).toMatchObject({ start: '2026-09-25', due: '2026-10-22', status: 'open' });
    expect((await leader.post(`/api/complaints/${id}/lead`, { foundOn: '2026-09-25', description: '再次' })).body.error.code).toBe('COMPLAINT_LEAD_STATE');
    expect((await leader.post(`/api/complaints/${id}/lead/extend`, { reason: '需要计量检定机构出具报告。' })).status).toBe(200);
    expect(await deadline(id, 'complaint.leadVerification')).toMatchObject({ due: '2026-11-12', extended: true });
    expect((await leader.post(`/api/complaints/${id}/lead/extend`, { reason: '再延' })).body.error.code).toBe('DEADLINE_ALREADY_EXTENDED');
    const v = await leader.post(`/api/complaints/${id}/lead/verify`, { verifiedOn: '2026-10-20', outcome: 'caseOpened', field: 'metrology' });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(v.body.lead).toMatchObject({ outcome: 'caseOpened', verifiedOn: '2026-10-20' });
    expect(v.body.caseId).toBeTruthy();
    const c = await leader.get(`/api/cases/${v.body.caseId}`);
    expect(c.body).toMatchObject({ source: 'complaint', origin: { type: 'complaint', id } });
    expect(await deadline(id, 'complaint.leadVerification')).toMatchObject({ status: 'met' });
  });
});

describe('举报 → case lead (one click), the reporter told through the case module', () => {
  let caseId: string;
  it('转为案件线索 opens a lead of source 举报 with the named reporter; the case shows the report, the report its case', async () => {
    await leader.post(`/api/complaints/${namedReport.id}/assign`, { orgId: station2 });
    const r = await step(officer, namedReport.id, 'openLead', { note: '请核查价签。' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('leadOpened');
    caseId = r.body.caseId;
    const c = await officer.get(`/api/cases/${caseId}`);
    expect(c.body).toMatchObject({ source: 'report', origin: { type: 'report', id: namedReport.id }, unitId: station2 });
    const row = (await env.ctx.db.query<{ reporter: { name: string } }>('select reporter from cases where id = $1', [caseId])).rows[0];
    expect(row.reporter.name).toBe(REPORTER.name); // the case module's 第三十一条 notice needs it
    expect(JSON.stringify(c.body)).not.toContain(REPORTER.phone);
    const s = (await anon().get(`/api/public/complaints/status/${namedReport.queryCode}`)).body;
    expect(s.stateLabel).toBe('已转为案件线索');
    expect(JSON.stringify(s)).not.toContain(caseId);
  });

  it('the case knows its 实名举报人, so its filing decision (批准立案 / 不予立案) opens report.filingNotice (第三十一条第二款)', async () => {
    expect(await reporterOf(env.ctx.db, caseId)).toMatchObject({ name: REPORTER.name });
    const wf = env.ctx.registry.workflowOf('case')!;
    for (const t of ['approveFiling', 'rejectFiling']) expect(wf.transitions[t].opens?.map((o) => o.ruleId)).toContain('report.filingNotice');
    // the notice is the case module's: the case's measures card names the reporter (phone masked) and the deadline
    const measures = await officer.get(`/api/cases/${caseId}/measures`);
    expect(measures.status).toBe(200);
    expect(measures.body.reporter).toMatchObject({ name: REPORTER.name });
    expect(JSON.stringify(measures.body)).not.toContain(REPORTER.phone);
  });

  it('an anonymous report becomes a lead without a reporter (no notice owed)', async () => {
    const r = await step(leader, anonymousReport, 'openLead');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const row = (await env.ctx.db.query<{ reporter: unknown }>('select reporter from cases where id = $1', [r.body.caseId])).rows[0];
    expect(row.reporter).toBeNull();
  });

  it('不予处理并告知 (第二十九条)', async () => {
    const r = await intake(leader, {
      kind: 'report',
      respondent: { name: '外省某网店' },
      category: 'ecommerce',
      summary: '外省网店销售假货。',
      anonymous: true,
    });
    const x = await step(leader, r.body.items[0].id, 'close', { ground: 'notCompetent', reason: '被举报人住所地不在本区。', method: null });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    expect(x.body.rejectionGroundLabel).toContain('第二十九条');
  });
});

describe("the reporter's identity: never leaked, read only by those handling it, every read audited", () => {
  const accessRows = async () =>
    (
      await env.ctx.db.query<{ username: string; note: string }>(
        `select username, note from access_log where action = 'complaint.person' and resource_id = $1 order by id`,
        [namedReport.id],
      )
    ).rows;

  it('not in any record entry of the complaints, not in the staff detail, not in the list or the export', async () => {
    const entries = await env.ctx.db.query<{ payload: unknown }>(`select payload from ledger_entries where matter_type in ('complaint', 'report')`);
    const all = JSON.stringify(entries.rows);
    for (const secret of [COMPLAINANT.name, COMPLAINANT.phone, REPORTER.name, REPORTER.phone, REPORTER.address]) expect(all).not.toContain(secret);
    const detail = JSON.stringify((await leader.get(`/api/complaints/${namedReport.id}`)).body);
    expect(detail).not.toContain(REPORTER.name);
    const list = JSON.stringify((await leader.get('/api/complaints')).body);
    const csv = await leader.get('/api/complaints/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.raw.body)).toContain('示例区鑫源超市');
    for (const secret of [COMPLAINANT.name, COMPLAINANT.phone, REPORTER.name, REPORTER.phone]) {
      expect(list).not.toContain(secret);
      expect(String(csv.raw.body)).not.toContain(secret);
    }
  });

  it('the handler reads it (audited); a supervisor or administrator only with a reason (audited); a legal reviewer not at all', async () => {
    const before = (await accessRows()).length;
    const h = await officer.get(`/api/complaints/${namedReport.id}/person`);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ name: REPORTER.name, phone: REPORTER.phone });
    const noReason = await admin.get(`/api/complaints/${namedReport.id}/person`);
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('COMPLAINT_REASON_REQUIRED');
    expect((await admin.get(`/api/complaints/${namedReport.id}/person?reason=${encodeURIComponent('核查举报人重复举报情况')}`)).status).toBe(200);
    expect((await supervisor.get(`/api/complaints/${namedReport.id}/person?reason=${encodeURIComponent('执法监督抽查')}`)).status).toBe(200);
    const rows = await accessRows();
    expect(rows.slice(before).map((r) => r.username)).toEqual(['zhifa', 'admin', 'jiandu']);
    expect(rows.at(-2)!.note).toBe('核查举报人重复举报情况');
    expect((await reviewer.get(`/api/complaints/${namedReport.id}/person`)).status).toBe(404); // the legal office is outside the unit's subtree
    expect((await anon().get(`/api/complaints/${namedReport.id}/person`)).status).toBe(401);
    expect((await leader.get(`/api/complaints/${anonymousReport}/person`)).status).toBe(404);
  });

  it('a sibling unit and a sibling district see nothing — not the matter, the person, the list or the export', async () => {
    for (const c of [siblingStation, siblingDistrict]) {
      expect((await c.get(`/api/complaints/${namedReport.id}`)).status).toBe(404);
      expect((await c.get(`/api/complaints/${namedReport.id}/person?reason=${encodeURIComponent('越权查看测试')}`)).status).toBe(404);
      expect((await c.get(`/api/complaints/${portalComplaint.id}`)).status).toBe(404);
      expect((await step(c, portalComplaint.id, 'accept')).status).toBe(404);
      expect(JSON.stringify((await c.get('/api/complaints')).body)).not.toContain('示例区鑫源超市');
      expect(String((await c.get('/api/complaints/export.csv')).raw.body)).not.toContain('示例区鑫源超市');
    }
  });

  it('attachments only for the handlers, audited', async () => {
    const d = (await leader.get(`/api/complaints/${portalComplaint.id}`)).body;
    const url = `/api/complaints/${portalComplaint.id}/attachments/${d.attachments[0].id}`;
    const got = await leader.get(url);
    expect(got.status).toBe(200);
    expect(String(got.raw.body)).toContain(COMPLAINANT.name);
    expect((await admin.get(url)).status).toBe(403);
    const rows = (
      await env.ctx.db.query<{ note: string }>(`select note from access_log where resource_id = $1 and action = 'complaint.person'`, [portalComplaint.id])
    ).rows;
    expect(rows.map((r) => r.note)).toContain('附件：小票.txt');
  });
});

describe('grouping and handling together', () => {
  it('same respondent and matter within 30 days → one group; 一并受理 accepts every member', async () => {
    const ids: string[] = [];
    for (const [i, name] of ['示例区幸运奶茶店', '示例区 幸运奶茶店', '示例区幸运奶茶店（总店）'].entries()) {
      const r = await intake(leader, { ...complaintBody(name), category: 'food', summary: `第${i + 1}位消费者：奶茶变质。` });
      ids.push(r.body.items[0].id);
    }
    const ds = await Promise.all(ids.map((id) => leader.get(`/api/complaints/${id}`)));
    expect(ds[1].body.groupId).toBe(ds[0].body.groupId);
    expect(ds[2].body.groupId).not.toBe(ds[0].body.groupId); // a different name is another respondent
    expect(ds[0].body.groupSize).toBe(2);
    const g = await leader.post(`/api/complaints/groups/${ds[0].body.groupId}/transitions/accept`, { input: { noticeMethod: 'sms' } });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    expect(g.body.items.map((i: { state: string }) => i.state)).toEqual(['accepted', 'accepted']);
    expect((await siblingDistrict.post(`/api/complaints/groups/${ds[0].body.groupId}/transitions/accept`, { input: {} })).status).toBe(404);
  });
});

describe("import of the 12315 platform's export", () => {
  const header = '登记编号,类型,登记日期,被投诉举报对象,统一社会信用代码,对象地址,事项类别,问题描述,诉求,投诉举报人,联系电话,联系地址,是否匿名';
  const post = (c: C, csv: string, q = '') => c.post(`/api/complaints/import${q}`, Buffer.from(csv, 'utf8'), { 'content-type': 'application/octet-stream' });

  it('reports every bad row with its column and imports nothing', async () => {
    const before = await ledgerSize(env);
    const csv = [
      header,
      '12315-001,投诉,2025-03-03,示例区甲店,,示例区一路1号,食品安全,买到过期食品,退款,张三,13900000001,示例区二路2号,',
      '12315-002,咨询,2025-03-04,示例区乙店,,,价格,价格问题,,,,,是',
      '12315-003,投诉,2099-01-01,示例区丙店,,,玩具,问题,,,,,是',
    ].join('\n');
    const r = await post(leader, csv);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('IMPORT_INVALID');
    const errs = r.body.error.details.errors as { row: number; column: string }[];
    expect(errs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '类型' }),
        expect.objectContaining({ row: 4, column: '登记日期' }),
        expect.objectContaining({ row: 4, column: '事项类别' }),
        expect.objectContaining({ row: 4, column: '投诉举报人' }),
      ]),
    );
    expect(await ledgerSize(env)).toBe(before);
    expect((await post(leader, '问题描述\n一行')).body.error.details.errors.map((e: { column: string }) => e.column)).toContain('登记编号');
    expect((await leader.post('/api/complaints/import', { a: 1 })).status).toBe(415);
  });

  it('imports the rows (channel 12315, acceptance deadline from the registration date); a re-import skips known numbers; 2025-03 figures by hand', async () => {
    const csv = [
      header,
      '12315-101,投诉,2025-03-03,示例区甲店,,示例区一路1号,食品安全,买到过期食品,退款,张三,13900000001,示例区二路2号,否',
      '12315-102,举报,2025-03-04,示例区乙店,,,价格,不明码标价,,,,,是',
      '12315-103,投诉举报,2025-03-05,示例区丙店,,示例区三路3号,计量,电子秤缺斤少两,赔偿,李四,13900000002,示例区四路4号,否',
    ].join('\r\n');
    const r = await post(leader, csv);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ rows: 3, imported: 3, skipped: 0, complaints: 2, reports: 2 });
    const again = await post(leader, csv);
    expect(again.body).toMatchObject({ imported: 0, skipped: 3 });
    const list = ((await leader.get('/api/complaints?channel=platform12315')).body.items as { id: string; externalNo: string; kind: string }[]).filter((i) =>
      i.externalNo.startsWith('12315-1'),
    );
    expect(list).toHaveLength(4);
    const first = list.find((i) => i.externalNo === '12315-101')!;
    expect(await deadline(first.id, 'complaint.acceptance')).toMatchObject({ start: '2025-03-03', due: '2025-03-12', status: 'open' });
    // accept one in time, leave the other overdue
    expect((await step(leader, first.id, 'accept', {}, '2025-03-10')).status).toBe(200);

    const fig = async (id: string, q = '') => (await admin.get(`/api/figures/${id}?orgId=${district}&from=2025-03-01&to=2025-03-31${q}`)).body;
    const received = await fig('complaints.received');
    expect(received.value).toBe(4); // 101, 102, and 103 as a complaint and a report (第七条)
    const byKind = await fig('complaints.received', '&by=kind');
    expect(byKind.groups[0].items.map((x: { key: string; value: number }) => [x.key, x.value]).sort()).toEqual([
      ['complaint', 2],
      ['report', 2],
    ]);
    const onTime = await fig('complaints.acceptanceOnTime');
    expect(onTime.records).toBe(2); // 101 decided in time; 103 (due 2025-03-14) still undecided
    expect(onTime.value).toBeCloseTo(0.5, 6); // a share: 1 of 2
    const overdue = (await admin.get(`/api/figures/complaints.overdue?orgId=${district}&from=2025-03-01&to=2025-03-31`)).body;
    expect(overdue.value).toBe(3); // 103's acceptance, 102's and 103's report verification
  });
});

describe('the catalogue', () => {
  it('the three deadline rules cite the articles; the figures are listed', async () => {
    const rules = (await admin.get('/api/rules')).body;
    const text = JSON.stringify(rules);
    for (const id of ['complaint.mediation', 'complaint.terminationNotice', 'complaint.leadVerification']) expect(text).toContain(id);
    const figs = (await admin.get('/api/figures')).body.items.map((f: { id: string }) => f.id);
    expect(figs).toEqual(
      expect.arrayContaining([
        'complaints.received',
        'complaints.handled',
        'complaints.acceptanceOnTime',
        'complaints.mediationSuccess',
        'complaints.reportsToCases',
        'complaints.overdue',
      ]),
    );
  });
});
