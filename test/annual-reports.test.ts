/**
 * Issue 18 part 3: the yearly reports. A year (2026) of fixture data is built through the API — an ordinary
 * 价格 case decided at 4,000 元, paid and taken to 行政复议; two 当场处罚 (食品 150 元 collected on the spot and handed
 * over, 价格 50 元) — and the reports are generated for the district bureau: every number is checked against a count
 * made by hand from that fixture, and against the catalogue's own API for the same period (the inspections and
 * publications the demo seeds are dated relative to today). The .docx opens in LibreOffice with the figures in its
 * text; versions, approval, publication on the portal, authorization and bad input are tried.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems, reportLayouts, type ReportLayout } from '../src/domain/annualReports/layouts.ts';
import { catalogueView } from '../src/modules/annualReports/content.ts';
import { type C, step, upload } from './case-steps.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

const run = promisify(execFile);
let env: TestEnv;
let work: string;
let officer: C, reviewer: C, leader: C, admin: C, supervisor: C, erqu: C, anonymous: C;
let bureau: string;
let investigators: string[];
const violation: Record<string, string> = {};
const YEAR = 2026;

const contact = { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' };
const citizen = { type: 'naturalPerson', name: '周小店', idNumber: '11010519491231002X', address: '示例区光明街12号' };

async function openCase(extra: Record<string, unknown>) {
  const r = await officer.post('/api/cases', { source: 'complaint', receivedOn: '2026-09-02', party: citizen, contact, summary: '未明码标价', ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function act(id: string, path: string, body: Record<string, unknown>) {
  const r = await officer.post(`/api/cases/${id}/${path}`, body);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

/** The fixture of 2026 (counted by hand in the expectations below). */
async function buildYear() {
  // 1. 普通程序, 价格: filed 2026-09-03, 4,000 元 decided 2026-10-14, paid in full 2026-10-30, 行政复议 filed 2026-11-02 and concluded 2026-12-01 (维持)
  const ordinary = await openCase({ field: 'pricing' });
  await step(officer, ordinary, 'accept', {}, '2026-09-02');
  await step(
    officer,
    ordinary,
    'proposeFiling',
    { violationId: violation['JG-001'], violationDate: '2026-08-30', investigatorIds: investigators, opinion: '建议立案' },
    '2026-09-03',
  );
  await step(leader, ordinary, 'approveFiling', { opinion: '同意立案' }, '2026-09-03');
  const e = await officer.post(`/api/cases/${ordinary}/evidence`, { kind: 'documentary', title: '价签照片', collectedOn: '2026-09-05' });
  expect(e.status, JSON.stringify(e.body)).toBe(200);
  const fine = [{ kind: 'fine', amountFen: 400_000 }];
  await step(
    officer,
    ordinary,
    'closeInvestigation',
    { facts: '当事人经营的商品未标示价格。', bases: {}, proposed: fine, deviationReason: '多次提醒仍未标价' },
    '2026-10-08',
  );
  await step(reviewer, ordinary, 'audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true }, '2026-10-09');
  await step(officer, ordinary, 'notify', { servedOn: '2026-10-12' }, '2026-10-12');
  const w = await officer.post(`/api/cases/${ordinary}/waiver`, { statement: true, signedOn: '2026-10-13', note: '当事人书面放弃陈述、申辩' });
  expect(w.status, JSON.stringify(w.body)).toBe(200);
  await step(officer, ordinary, 'proceedToDecision', {}, '2026-10-13');
  await step(leader, ordinary, 'decide', { outcome: 'penalty', penalties: fine, reason: '多次提醒仍未标价' }, '2026-10-14');
  await step(officer, ordinary, 'serve', { servedOn: '2026-10-14', method: 'direct', recipient: '周小店' }, '2026-10-14');
  await act(ordinary, 'payments', { paidOn: '2026-10-30', amountFen: 400_000, receiptNo: 'JF-2026-1' });
  const filed = await act(ordinary, 'challenges', { kind: 'reconsideration', filedOn: '2026-11-02', body: '示例区人民政府' });
  await act(ordinary, 'challenge-conclusion', { challengeId: filed.execution.challenges[0].id, concludedOn: '2026-12-01', outcome: 'upheld' });

  // 2. 当场处罚, 食品: 150 元 collected on the spot (hard to enforce later) and handed over on 2026-11-23
  const onSite = async (video: string, extra: Record<string, unknown>) => ({
    violationId: violation['JG-001'],
    violationDate: '2026-11-20',
    officerIds: investigators,
    occurredAt: '2026-11-20T10:20',
    place: '店内',
    facts: '经营的小吃未标示价格。',
    penalties: [{ kind: 'fine', amountFen: 15_000 }],
    avFileIds: [video],
    ...extra,
  });
  const food = await openCase({ procedure: 'summary', field: 'food' });
  await step(
    officer,
    food,
    'decideOnSite',
    await onSite(await upload(officer, food, '执法记录仪.mp4'), {
      collectedOnSite: true,
      collectionGround: 'hardToEnforce',
      collectionReason: '当事人系外地流动摊贩，无固定住所',
      receiptNo: 'FS-2026-0001',
    }),
    '2026-11-20',
  );
  await step(officer, food, 'handOverFine', { handedOverOn: '2026-11-23', handedOverTo: '本局财务室 李会计' }, '2026-11-23');

  // 3. 当场处罚, 价格: 50 元, not collected on the spot and not paid yet
  const pricing = await openCase({ procedure: 'summary', field: 'pricing' });
  await step(
    officer,
    pricing,
    'decideOnSite',
    await onSite(await upload(officer, pricing, '执法记录仪.mp4'), { penalties: [{ kind: 'fine', amountFen: 5_000 }] }),
    '2026-11-25',
  );
}

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  work = mkdtempSync(join(tmpdir(), 'fazhi-reports-'));
  officer = client(env.app, await login(env.app, 'zhifa'));
  reviewer = client(env.app, await login(env.app, 'shenhe'));
  leader = client(env.app, await login(env.app, 'lingdao'));
  admin = client(env.app, await login(env.app, 'admin'));
  supervisor = client(env.app, await login(env.app, 'jiandu'));
  erqu = client(env.app, await login(env.app, 'erqu'));
  anonymous = client(env.app, null);
  bureau = await orgIdByName(env, '示例区市场监督管理局');
  const station = await orgIdByName(env, '第二市场监管所');
  investigators = (
    await env.ctx.db.query<{ id: string }>(
      `select distinct f.id from officers f join certificates c on c.officer_id = f.id
      where f.org_id = $1 and f.active and c.status = 'valid' and c.valid_from <= '2026-09-01' and c.valid_to >= '2026-12-31' and ('food' = any(c.fields) or 'general' = any(c.fields))
      order by f.id limit 2`,
      [station],
    )
  ).rows.map((r) => r.id);
  for (const code of ['JG-001']) violation[code] = (await env.ctx.db.query<{ id: string }>(`select id from violations where code = $1`, [code])).rows[0].id;
  await buildYear();
}, 300_000);
afterAll(() => {
  env?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const paragraph = (d: { content: { sections: { paragraphs: { id: string; text: string; values: { ref: string; value: string }[] }[] }[] } }, id: string) =>
  d.content.sections.flatMap((s) => s.paragraphs).find((p) => p.id === id)!;
const row = (d: { content: { tables: { rows: { id: string; value: string; previous: string }[] }[] } }, id: string) =>
  d.content.tables.flatMap((t) => t.rows).find((r) => r.id === id)!;

/** The catalogue's own number for the district bureau in 2026, as the figures API computes it. */
async function catalogue(id: string, filter = '') {
  const r = await admin.get(`/api/figures/${id}?from=${YEAR}-01-01&to=${YEAR}-12-31&orgId=${bureau}${filter}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.value as number | null;
}

describe('the layouts', () => {
  it('every figure id of every layout is in the catalogue (checked at start-up too); an unknown one is named', () => {
    const cat = catalogueView(env.ctx.registry);
    for (const l of Object.values(reportLayouts)) expect(layoutProblems(l, cat), l.kind).toEqual([]);
    const bad: ReportLayout = {
      ...reportLayouts.enforcementData,
      tables: [
        {
          id: 't',
          title: 't',
          basis: '',
          rows: [
            { id: 'a', label: 'a', figure: 'cases.nothing' },
            { id: 'b', label: 'b', figure: 'cases.decided[colour=red]' },
            { id: 'c', label: 'c', figure: 'cases.decided[field=nowhere]' },
            { id: 'd', label: 'd', figure: null },
          ],
        },
      ],
    };
    const problems = layoutProblems(bad, cat);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toContain('unknown figure cases.nothing');
  });
});

describe('法治政府建设年度报告', () => {
  let id: string;
  let d: any;

  it('is generated by the legal office from one kept figure set for the year (and last year for 同比), each number counted by hand', async () => {
    const before = await ledgerSize(env);
    const r = await reviewer.post('/api/annual-reports', { bodyId: bureau, year: YEAR, kind: 'lawBasedGovernment' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(await ledgerSize(env)).toBeGreaterThan(before);
    d = (await reviewer.get(`/api/annual-reports/${id}`)).body;
    expect(d).toMatchObject({ state: 'draft', versionNo: 1, year: YEAR, title: `示例区市场监督管理局${YEAR}年度法治政府建设年度报告`, due: '2027-03-31' });
    expect(d.content.sections.map((s: { heading: string }) => s.heading)).toEqual([
      '依法全面履行政府职能',
      '完善依法行政制度体系',
      '推进依法科学民主决策',
      '坚持严格规范公正文明执法',
      '强化对行政权力的制约和监督',
      '依法有效化解社会矛盾纠纷',
      '提升依法行政能力',
      '存在的问题和下一步工作',
    ]);
    // 立案: only the ordinary case (当场处罚 is never 立案); 办结: all three; 2025 had none
    const cases = paragraph(d, 'enforcement.cases').text;
    expect(cases).toContain('全年共立案行政处罚案件1件，办结行政处罚案件3件，同比上年为零，不计算增幅');
    expect(cases).toContain('其中简易程序2件，不予行政处罚0件，免予行政处罚0件');
    // 罚款 4,000 + 150 + 50 元; 入库: the 4,000 元 paid and the 150 元 handed over (the 50 元 is unpaid)
    const amounts = paragraph(d, 'enforcement.amounts').text;
    expect(amounts).toContain('决定罚款4200.00元，没收违法所得0.00元，罚没款入库4150.00元');
    // the ordinary case's 法制审核 (audit); no hearing, no referral
    expect(paragraph(d, 'enforcement.procedure').text).toContain('举行听证0次，移送司法机关0件');
    // the one 行政复议, counted when concluded (2026-12-01)
    expect(paragraph(d, 'disputes.challenges').text).toBe('全年发生行政复议和行政诉讼案件1件，其中行政复议1件、行政诉讼0件。');
    // typical cases: drafted from the records behind 罚款, largest first, named by field (a title may name a citizen)
    const typical = paragraph(d, 'enforcement.typical').text;
    expect(typical).toBe('本年度罚款数额较大的典型案件：1. 价格监管案件（4000.00元）；2. 食品安全案件（150.00元）；3. 价格监管案件（50.00元）。');
    expect(typical).not.toContain('周小店');
    // the text blocks wait for the body's own words (no invented content)
    expect(paragraph(d, 'problems.issues')).toMatchObject({ kind: 'text', text: '' });
  });

  it('every number printed is the kept set’s, and agrees with the catalogue for the same body and year', async () => {
    expect(await catalogue('cases.decided')).toBe(3);
    expect(await catalogue('cases.fines')).toBe(420_000);
    expect(await catalogue('cases.collected')).toBe(415_000);
    const inspections = paragraph(d, 'functions.inspections');
    const tasks = inspections.values.find((v: { ref: string }) => v.ref === 'inspections.tasks')?.value;
    expect(tasks).toBe(String(await catalogue('inspections.tasks')));
    const published = paragraph(d, 'oversight.publicity').values.find((v: { ref: string }) => v.ref === 'publicity.published')?.value;
    expect(published).toBe(String(await catalogue('publicity.published')));
    // the set is the figures module's: the kept values' hash holds and nothing changed since
    const check = await reviewer.get(`/api/figures/sets/${d.figureSetId}/check`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valuesHashHolds: true, changed: [] });
    const set = (await reviewer.get(`/api/figures/sets/${d.figureSetId}`)).body;
    expect([set.from, set.to]).toEqual([`${YEAR}-01-01`, `${YEAR}-12-31`]);
    const prev = (await reviewer.get(`/api/figures/sets/${d.previousSetId}`)).body;
    expect([prev.from, prev.to]).toEqual([`${YEAR - 1}-01-01`, `${YEAR - 1}-12-31`]);
  });

  it('the draft .docx (样稿) opens in LibreOffice, in the official layout, and its text holds the figures', async () => {
    const r = await reviewer.get(`/api/annual-reports/${id}/docx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const f = join(work, 'report.docx');
    writeFileSync(f, r.raw.rawPayload);
    await run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'out'), f], {
      timeout: 180_000,
    });
    const text = (await run('pdftotext', ['-layout', join(work, 'out', 'report.pdf'), '-'])).stdout.replace(/\s+/g, '');
    for (const s of [
      '示例区市场监督管理局',
      '法治政府建设年度报告',
      `（${YEAR}年度）`,
      '一、依法全面履行政府职能',
      '四、坚持严格规范公正文明执法',
      '办结行政处罚案件3件',
      '决定罚款4200.00元',
      '罚没款入库4150.00元',
    ])
      expect(text, s).toContain(s);
    const pdf = await reviewer.get(`/api/annual-reports/${id}/pdf`);
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
  });

  it('is not submitted while 存在的问题和下一步工作 is empty; each edit is a version with its record entry', async () => {
    const submit = await reviewer.post(`/api/annual-reports/${id}/transitions/submit`, { expectedVersion: d.matterVersion, input: {} });
    expect([submit.status, submit.body.error.code]).toEqual([422, 'ANNUAL_REPORT_INCOMPLETE']);
    expect(submit.body.error.message).toContain('存在的问题和下一步工作');

    const edit = await reviewer.patch(`/api/annual-reports/${id}/paragraphs/problems.issues`, {
      expectedVersion: 1,
      text: '基层执法力量不足，案件办理时效有待提高。',
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body.versionNo).toBe(2);
    // a figures paragraph is edited as its sentence: the numbers still come from the kept set
    const sentence = edit.body.content.sections[3].paragraphs[0];
    const edited = await reviewer.patch(`/api/annual-reports/${id}/paragraphs/enforcement.cases`, {
      expectedVersion: 2,
      text: '本年度作出行政处罚决定{cases.decided}件（上年{cases.decided:prev}件），其中价格领域{cases.decided[field=pricing]}件。',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(paragraph(edited.body, 'enforcement.cases').text).toBe('本年度作出行政处罚决定3件（上年0件），其中价格领域2件。');
    expect(sentence.id).toBe('enforcement.cases');

    // refused, and nothing written: a number typed as an unknown figure, a stale version, an unknown paragraph
    const size = await ledgerSize(env);
    const bad = [
      [{ expectedVersion: 3, text: '罚款{cases.nothing}元' }, 'problems.next', 422, 'ANNUAL_REPORT_FIGURE_UNKNOWN', 'enforcement.amounts'],
      [{ expectedVersion: 2, text: '旧版本上的修改' }, 'problems.next', 409, 'CONCURRENT_CHANGE', 'problems.next'],
      [{ expectedVersion: 3, text: '无此段落' }, 'problems.nowhere', 422, 'ANNUAL_REPORT_PARAGRAPH_UNKNOWN', 'problems.nowhere'],
      [{ expectedVersion: 3 }, 'problems.next', 400, 'VALIDATION_FAILED', 'problems.next'],
    ] as const;
    for (const [body, , status, code, pid] of bad) {
      const r = await reviewer.patch(`/api/annual-reports/${id}/paragraphs/${pid}`, body);
      expect([r.status, r.body.error?.code], code).toEqual([status, code]);
    }
    expect(await ledgerSize(env)).toBe(size);

    d = (await reviewer.get(`/api/annual-reports/${id}`)).body;
    expect(d.versions.map((v: { versionNo: number; paragraphId: string | null }) => [v.versionNo, v.paragraphId])).toEqual([
      [3, 'enforcement.cases'],
      [2, 'problems.issues'],
      [1, null],
    ]);
    const v1 = (await reviewer.get(`/api/annual-reports/${id}/versions/1`)).body;
    expect(paragraph(v1, 'enforcement.cases').text).toContain('办结行政处罚案件3件');
    const entries = await env.ctx.db.query<{ payload: string }>(
      `select payload from ledger_entries where matter_id = $1 and event_type = 'annualReport.paragraphEdited' order by write_id`,
      [id],
    );
    expect(entries.rows.map((e) => JSON.parse(e.payload).paragraphId)).toEqual(['problems.issues', 'enforcement.cases']);
  });

  it('is submitted, approved by a leader (not by the legal office), no longer edited, and published with its numbered document', async () => {
    d = (await reviewer.post(`/api/annual-reports/${id}/transitions/submit`, { expectedVersion: d.matterVersion, input: {} })).body;
    expect(d.state).toBe('submitted');
    const notLeader = await reviewer.post(`/api/annual-reports/${id}/transitions/approve`, { expectedVersion: d.matterVersion, input: {} });
    expect(notLeader.status).toBe(403);
    const late = await reviewer.patch(`/api/annual-reports/${id}/paragraphs/problems.next`, { expectedVersion: 3, text: '提交后修改' });
    expect([late.status, late.body.error.code]).toEqual([409, 'ANNUAL_REPORT_NOT_DRAFT']);
    d = (await leader.post(`/api/annual-reports/${id}/transitions/approve`, { expectedVersion: d.matterVersion, input: { note: '同意公开' } })).body;
    expect(d.state).toBe('approved');
    // not public before publication
    expect((await anonymous.get(`/api/public/annual-reports/${id}`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/annual-reports/${id}/docx`)).status).toBe(404);
    const pub = await leader.post(`/api/annual-reports/${id}/transitions/publish`, { expectedVersion: d.matterVersion, input: {} });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    d = pub.body;
    expect(d.state).toBe('published');
    expect(d.instrumentId).toBeTruthy();
    const ins = (await reviewer.get(`/api/instruments/${d.instrumentId}`)).body;
    expect(ins).toMatchObject({ kind: 'annualReport', matterType: 'annualReport', matterId: id });
    expect(ins.number).toMatch(/市监法报〔\d{4}〕1号$/);
    const deadlines = await env.ctx.db.query<{ rule_id: string; status: string }>('select rule_id, status from matter_deadlines where matter_id = $1', [id]);
    expect(deadlines.rows).toEqual([{ rule_id: 'annualReport.lawBasedGovernment', status: 'met' }]);
  });

  it('the portal lists the body’s published reports, each readable as HTML and downloadable as .docx and PDF', async () => {
    const list = await anonymous.get(`/api/public/annual-reports?bodyId=${bureau}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const one = await anonymous.get(`/api/public/annual-reports/${id}`);
    expect(one.body.formats).toEqual(['docx', 'pdf']);
    expect(paragraph(one.body, 'enforcement.cases').text).toBe('本年度作出行政处罚决定3件（上年0件），其中价格领域2件。');
    const docx = await anonymous.get(`/api/public/annual-reports/${id}/docx`);
    expect([docx.status, docx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect((await anonymous.get(`/api/public/annual-reports/${id}/pdf`)).status).toBe(200);
    const page = await anonymous.get(`/portal/annual-reports?bodyId=${bureau}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`${YEAR}年度法治政府建设年度报告`);
    const html = await anonymous.get(`/portal/annual-reports/${id}`);
    expect(html.status).toBe(200);
    expect(html.body).toContain('本年度作出行政处罚决定3件（上年0件），其中价格领域2件。');
    expect(html.body).toContain(`/api/public/annual-reports/${id}/docx`);
  });
});

describe('行政执法数据年度公开 and 政府信息公开工作年度报告', () => {
  it('the enforcement data tables by body, from the kept set, with 未接入 where no figure exists yet; .xlsx', async () => {
    const r = await admin.post('/api/annual-reports', { bodyId: bureau, year: YEAR, kind: 'enforcementData' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = (await admin.get(`/api/annual-reports/${r.body.id}`)).body;
    expect(d.due).toBe('2027-01-31');
    expect(row(d, 'penalty.filed')).toMatchObject({ value: '1', previous: '0' });
    expect(row(d, 'penalty.decided')).toMatchObject({ value: '3', previous: '0' });
    expect(row(d, 'penalty.summary').value).toBe('2');
    expect(row(d, 'penalty.food').value).toBe('1');
    expect(row(d, 'penalty.pricing').value).toBe('2');
    expect(row(d, 'penalty.fines').value).toBe('4200.00');
    expect(row(d, 'penalty.collected').value).toBe('4150.00');
    expect(row(d, 'penalty.challenges').value).toBe('1');
    expect(row(d, 'inspection.tasks').value).toBe(String(await catalogue('inspections.tasks')));
    // no 查封、扣押 in the fixture year
    expect(row(d, 'coercion.measures')).toMatchObject({ value: '0', figure: 'cases.coerciveMeasures' });
    expect(d.unmapped).toEqual([]);
    const x = await admin.get(`/api/annual-reports/${r.body.id}/xlsx`);
    expect(x.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw.rawPayload as never);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((v) => v[1] === '罚款金额（元）')?.slice(1, 4)).toEqual(['罚款金额（元）', '4200.00', '0.00']);
    // no document for a data report
    expect((await admin.get(`/api/annual-reports/${r.body.id}/docx`)).status).toBe(404);
  });

  it("the 政府信息公开 tables: proactive publication, 依申请公开 by the report's columns and 复议/诉讼 filled from the catalogue", async () => {
    const r = await admin.post('/api/annual-reports', { bodyId: bureau, year: YEAR, kind: 'disclosure' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = (await admin.get(`/api/annual-reports/${r.body.id}`)).body;
    expect(d.content.tables.map((t: { title: string }) => t.title)).toEqual([
      '一、主动公开政府信息情况',
      '二、收到和处理政府信息公开申请情况',
      '三、政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(row(d, 'proactive.penalty').value).toBe(String(await catalogue('publicity.published', '&filter=kind=penalty')));
    // 依申请公开: the year's requests and answers by the report's columns, the requests standing at last year's end
    expect(row(d, 'requests.received').value).toBe(String(await catalogue('disclosure.received')));
    expect(row(d, 'requests.partly').value).toBe(String(await catalogue('disclosure.answered', '&filter=category=partlyDisclosed')));
    expect(row(d, 'requests.total').value).toBe(String(await catalogue('disclosure.answered')));
    const lastYear = await admin.get(`/api/figures/disclosure.carriedOver?from=${YEAR - 1}-01-01&to=${YEAR - 1}-12-31&orgId=${bureau}`);
    expect(row(d, 'requests.carried').value).toBe(String(lastYear.body.value));
    const columns = ['disclosed', 'partly', 'refused', 'unable', 'notHandled', 'other'].map((k) => Number(row(d, `requests.${k}`).value));
    expect(columns.reduce((a, b) => a + b, 0)).toBe(Number(row(d, 'requests.total').value));
    // the fixture has no reconsideration or suit about disclosure: the remedies rows are mapped and 0
    expect(row(d, 'remedies.litigationTotal').value).toBe('0');
    expect(row(d, 'remedies.reconsiderationCorrected').value).toBe('0');
    expect(d.unmapped).toEqual([]);
    // 第五十条第（四）项 is required before submission
    const s = await admin.post(`/api/annual-reports/${r.body.id}/transitions/submit`, { expectedVersion: d.matterVersion, input: {} });
    expect([s.status, s.body.error.code]).toEqual([422, 'ANNUAL_REPORT_INCOMPLETE']);
  });
});

describe('authorization and bad input', () => {
  it('a unit officer and another district see nothing and generate nothing; a supervisor above reads but does not write', async () => {
    const any = (await reviewer.get('/api/annual-reports')).body.items[0].id as string;
    expect((await officer.get(`/api/annual-reports/${any}`)).status).toBe(404);
    expect((await officer.get('/api/annual-reports')).body.items).toEqual([]);
    expect((await officer.post('/api/annual-reports', { bodyId: bureau, year: 2025, kind: 'lawBasedGovernment' })).status).toBe(404);
    expect((await erqu.get(`/api/annual-reports/${any}`)).status).toBe(404);
    expect((await erqu.get(`/api/annual-reports/${any}/docx`)).status).toBe(404);
    expect((await erqu.post('/api/annual-reports', { bodyId: bureau, year: 2025, kind: 'lawBasedGovernment' })).status).toBe(404);
    expect((await erqu.patch(`/api/annual-reports/${any}/paragraphs/problems.issues`, { expectedVersion: 1, text: 'x' })).status).toBe(404);
    expect((await supervisor.get(`/api/annual-reports/${any}`)).status).toBe(200);
    const w = await supervisor.patch(`/api/annual-reports/${any}/paragraphs/problems.issues`, { expectedVersion: 1, text: 'x' });
    expect(w.status).toBe(403);
    expect((await supervisor.post('/api/annual-reports', { bodyId: bureau, year: 2025, kind: 'lawBasedGovernment' })).status).toBe(403);
    expect((await anonymous.get('/api/annual-reports')).status).toBe(401);
  });

  it('refuses a bad year, kind or body, a second report of the same kind, and changes nothing', async () => {
    const size = await ledgerSize(env);
    const station = await orgIdByName(env, '第二市场监管所');
    const bad = [
      [{ bodyId: bureau, year: 1999, kind: 'lawBasedGovernment' }, 400, 'VALIDATION_FAILED'],
      [{ bodyId: bureau, year: YEAR, kind: 'weekly' }, 400, 'VALIDATION_FAILED'],
      [{ bodyId: bureau, year: '2026', kind: 'lawBasedGovernment' }, 400, 'VALIDATION_FAILED'],
      [{ bodyId: bureau, year: YEAR, kind: 'lawBasedGovernment', extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ bodyId: bureau, year: 2099, kind: 'lawBasedGovernment' }, 422, 'ANNUAL_REPORT_YEAR_INVALID'],
      [{ bodyId: bureau, year: YEAR, kind: 'lawBasedGovernment' }, 409, 'ANNUAL_REPORT_EXISTS'],
      [{ bodyId: station, year: YEAR, kind: 'lawBasedGovernment' }, 422, 'ANNUAL_REPORT_BODY_INVALID'],
      [{ bodyId: 'no-such-org', year: YEAR, kind: 'lawBasedGovernment' }, 404, 'NOT_FOUND'],
    ] as const;
    for (const [body, status, code] of bad) {
      const r = await admin.post('/api/annual-reports', body);
      expect([r.status, r.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await ledgerSize(env)).toBe(size);
    expect((await anonymous.get('/api/public/annual-reports/nothing')).status).toBe(404);
  });
});
