/**
 * 规范性文件: the lifecycle through the API with each gate tried one by one (comment skipped without a
 * reason or where it is required, legality review skipped before fair competition, deliberation without
 * legality review and after 不合法, publication without deliberation), the gapless register number, the
 * filing deadline with the example its rule quotes, cleanups and versions, the public pages, authorization
 * across a sibling unit and a sibling district, and bad input — nothing written when refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { checklistItemIds } from '../src/domain/fairCompetition/rules.ts';
import { reviewKinds } from '../src/domain/legality/rules.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
type Client = ReturnType<typeof client>;
let admin: Client;
let shenhe: Client;
let lingdao: Client;
let zhifa: Client;
let erqu: Client;
let jiandu: Client;
let priceUnit: string;
const today = chinaToday();
const year = Number(today.slice(0, 4));

const articles = [
  { chapter: '第一章 总则', text: '为规范经营者明码标价行为，维护市场价格秩序，根据《中华人民共和国价格法》等规定，结合本区实际，制定本规定。' },
  { text: '本区行政区域内经营者销售商品、提供服务的明码标价行为，适用本规定。' },
  { text: '本规定自施行之日起施行。' },
];
const draft = (over: Record<string, unknown> = {}) => ({
  unitId: priceUnit,
  title: '示例区市场监督管理局关于规范商品明码标价行为的若干规定',
  affectsRights: true,
  concernsMarket: true,
  articles,
  necessity: '本区部分经营者明码标价不规范，消费者投诉较多，有必要统一规范。',
  impact: '规范经营者标价行为，对经营者增加标价义务，不设定行政处罚。',
  citations: ['价格法@1997-12-29#第十二条'],
  ...over,
});

async function doc(c: Client, id: string) {
  const r = await c.get(`/api/normative-documents/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
async function act(c: Client, id: string, name: string, input: Record<string, unknown> = {}, date?: string) {
  const d = await doc(c, id);
  return c.post(`/api/normative-documents/${id}/transitions/${name}`, { expectedVersion: d.matter.version, input, ...(date ? { date } : {}) });
}
async function ok(c: Client, id: string, name: string, input: Record<string, unknown> = {}, date?: string) {
  const r = await act(c, id, name, input, date);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
async function matterVersion(id: string) {
  return (await env.ctx.db.query<{ version: number }>('select version from matters where id = $1', [id])).rows[0].version;
}
/** the other modules' steps, through their own APIs */
async function finishConsultation(consultationId: string) {
  let v = await matterVersion(consultationId);
  let r = await admin.post(`/api/consultations/${consultationId}/transitions/close`, { expectedVersion: v, input: {} });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  v = await matterVersion(consultationId);
  r = await admin.post(`/api/consultations/${consultationId}/transitions/publishReport`, {
    expectedVersion: v,
    input: { summary: '征求意见期间未收到意见。' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}
async function approveFairCompetition(reviewId: string) {
  const v = await matterVersion(reviewId);
  const r = await admin.post(`/api/fair-competition/reviews/${reviewId}/transitions/approve`, {
    expectedVersion: v,
    input: {
      prohibitionChecks: checklistItemIds.map((item) => ({ item, contains: false })),
      stakeholderViews: '征求了辖区经营者和行业协会的意见，未提出异议。',
      reason: '不含排除、限制竞争的内容，可以出台。',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}
async function concludeLegality(reviewId: string, opinion: 'lawful' | 'unlawful') {
  const v = await matterVersion(reviewId);
  const checklist = reviewKinds.normativeDocument.checklist.map((i) =>
    opinion === 'unlawful' && i.id === 'rightsAndDuties'
      ? { item: i.id, verdict: 'fail', note: '第二条增加经营者义务没有上位法依据' }
      : { item: i.id, verdict: 'pass' },
  );
  const r = await shenhe.post(`/api/legality/reviews/${reviewId}/transitions/conclude`, {
    expectedVersion: v,
    input: {
      checklist,
      opinion,
      ...(opinion === 'unlawful' ? { reasons: '没有法律、法规依据增加经营者义务' } : {}),
      earlyReason: '材料齐全，审核完毕',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  [admin, shenhe, lingdao, zhifa, erqu, jiandu] = await Promise.all(
    ['admin', 'shenhe', 'lingdao', 'zhifa', 'erqu', 'jiandu'].map(async (u) => client(env.app, await login(env.app, u))),
  );
  priceUnit = await orgIdByName(env, '价格监督检查和反不正当竞争科');
}, 600_000);
afterAll(async () => env?.close());

describe('figures over the demo bureau (src/seed/normativeDocuments.ts), counted by hand', () => {
  it('made, filed, cleaned by outcome, repealed', async () => {
    const q = `from=${addDays(today, -1000)}&to=${today}`;
    const value = async (id: string, extra = '') => {
      const r = await admin.get(`/api/figures/${id}?${q}${extra}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.value as number | null;
    };
    // the document in force and the 暂行 one, each published once; the draft under comment is not made yet
    expect(await value('normativeDocuments.made')).toBe(2);
    expect(await value('normativeDocuments.made', '&filter=kind=amendment')).toBe(0);
    // both filed, both registered by the supervising government
    expect(await value('normativeDocuments.filed', '&filter=result=registered')).toBe(2);
    // the expired one confirmed invalid in the year's cleanup; nothing repealed
    expect(await value('normativeDocuments.cleaned')).toBe(1);
    expect(await value('normativeDocuments.cleaned', '&filter=outcome=invalid')).toBe(1);
    expect(await value('normativeDocuments.repealed')).toBe(0);
  });
});

describe('规范性文件', () => {
  let market: string; // affects rights and concerns the market: every gate
  let internal: string; // neither
  let marketNumber = '';

  it('bad input is refused with a stable code and writes nothing', async () => {
    const before = await ledgerSize(env);
    expect((await admin.post('/api/normative-documents', draft({ articles: [] }))).status).toBe(400);
    expect((await admin.post('/api/normative-documents', draft({ articles: [{ text: '' }] }))).status).toBe(400);
    expect((await admin.post('/api/normative-documents', draft({ title: 'x'.repeat(201) }))).status).toBe(400);
    expect((await admin.post('/api/normative-documents', { ...draft(), extra: 1 })).status).toBe(400);
    const unknownArticle = await admin.post('/api/normative-documents', draft({ citations: ['价格法@1997-12-29#第九百条'] }));
    expect(unknownArticle.status).toBe(422);
    expect(unknownArticle.body.error.code).toBe('ARTICLE_NOT_FOUND');
    const otherDistrict = await admin.post('/api/normative-documents', draft({ unitId: await orgIdByName(env, '示例二区第一市场监管所') }));
    expect([404, 422]).toContain(otherDistrict.status);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('drafts: the drafting unit and the body’s legal office and leaders see them; a sibling unit and another district do not', async () => {
    const r = await admin.post('/api/normative-documents', draft());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    market = r.body.id;
    const r2 = await admin.post(
      '/api/normative-documents',
      draft({ title: '示例区市场监督管理局行政规范性文件管理办法（试行）', affectsRights: false, concernsMarket: false, citations: [] }),
    );
    expect(r2.status).toBe(201);
    internal = r2.body.id;
    const d = await doc(admin, market);
    expect(d.stateLabel).toBe('起草中');
    expect(d.articles[0]).toMatchObject({ label: '第一条', chapter: '第一章 总则' });
    expect(d.citations[0].articleId).toBe('价格法@1997-12-29#第十二条');
    expect((await doc(admin, internal)).provisional).toBe(true);
    expect((await shenhe.get(`/api/normative-documents/${market}`)).status).toBe(200);
    expect((await lingdao.get(`/api/normative-documents/${market}`)).status).toBe(200);
    // a station (sibling unit) and another district: not found, nothing to act on
    const before = await ledgerSize(env);
    for (const c of [zhifa, erqu]) {
      expect((await c.get(`/api/normative-documents/${market}`)).status).toBe(404);
      expect((await c.post(`/api/normative-documents/${market}/transitions/skipComment`, { expectedVersion: 0, input: { reason: 'x' } })).status).toBe(404);
      expect((await c.get('/api/normative-documents')).body.items.map((i: { id: string }) => i.id)).not.toContain(market);
    }
    expect(
      (await erqu.post(`/api/normative-documents/${market}/cleanups`, { kind: 'adHoc', outcome: 'repeal', reason: 'x', decidedOn: today, expectedVersion: 0 }))
        .status,
    ).toBe(404);
    // the supervisor reads, does not act
    expect((await jiandu.get(`/api/normative-documents/${market}`)).status).toBe(200);
    expect((await jiandu.post(`/api/normative-documents/${market}/transitions/skipComment`, { expectedVersion: 0, input: { reason: 'x' } })).status).toBe(403);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('public comment: required when the document affects rights and duties; skipping it needs a recorded reason', async () => {
    const required = await act(admin, market, 'skipComment', { reason: '时间紧迫' });
    expect(required.status).toBe(422);
    expect(required.body.error.code).toBe('NORMATIVE_COMMENT_REQUIRED');
    const noReason = await act(admin, internal, 'skipComment', {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('REASON_REQUIRED');
    const blank = await act(admin, internal, 'skipComment', { reason: '   ' });
    expect(blank.body.error.code).toBe('REASON_REQUIRED');
    const d = await ok(admin, internal, 'skipComment', { reason: '仅规范本局内部规范性文件管理程序，不涉及公民、法人和其他组织权利义务' });
    expect(d.state).toBe('commentClosed');
    expect(d.commentSkipReason).toMatch(/不涉及/);

    const opened = await ok(admin, market, 'openComment', { startsOn: addDays(today, -45), days: 30 });
    expect(opened.state).toBe('underComment');
    expect(opened.consultationId).toBeTruthy();
    // the feedback report is not published yet: the comment is not over
    const early = await act(admin, market, 'closeComment');
    expect(early.status).toBe(422);
    await finishConsultation(opened.consultationId);
    expect((await ok(admin, market, 'closeComment')).state).toBe('commentClosed');
  });

  it('a market-related document does not go to legality review without its fair-competition review', async () => {
    const skipped = await act(admin, market, 'requestLegalityReview');
    expect(skipped.status).toBe(422);
    const d = await ok(admin, market, 'requestFairCompetitionReview');
    expect(d.state).toBe('fairCompetitionReview');
    const running = await act(admin, market, 'requestLegalityReview');
    expect(running.status).toBe(422);
    await approveFairCompetition(d.fairReviewId);
    const sent = await ok(admin, market, 'requestLegalityReview');
    expect(sent.state).toBe('legalityReview');
    expect(sent.legalityReviewId).toBeTruthy();
  });

  it('deliberation: refused while the legality review runs and after 不合法 — the guidance disables the step with the reason', async () => {
    const meeting = { meetingOn: today, meeting: '2026年第12次局务会', attendees: ['刘建国', '李明'], minutes: '会议审议了草案。', result: 'passed' };
    const before = await ledgerSize(env);
    const running = await act(lingdao, market, 'deliberate', meeting);
    expect(running.status).toBe(422);
    expect(await ledgerSize(env)).toBe(before);
    await concludeLegality((await doc(admin, market)).legalityReviewId, 'unlawful');
    const refused = await act(lingdao, market, 'deliberate', meeting);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/不合法|不得提交/);
    const guidance = await lingdao.get(`/api/todo/matters/${market}`);
    expect(guidance.status).toBe(200);
    const step = guidance.body.steps.find((s: { transition: string }) => s.transition === 'deliberate');
    expect(step?.blocked?.length).toBeGreaterThan(0);
    // back to the drafting unit; the comment it already had counts, the review is asked again and found lawful
    await ok(admin, market, 'returnForRevision', { reason: '合法性审核不合法：删除第二条增加的义务' });
    await ok(admin, market, 'skipComment', { reason: '已公开征求意见，修改未增加新的权利义务内容' });
    await ok(admin, market, 'requestLegalityReview');
    await concludeLegality((await doc(admin, market)).legalityReviewId, 'lawful');
    // publication before deliberation: not from this state
    const early = await act(admin, market, 'publish', { effectiveOn: today, interpretation: '解读' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    const early2 = await act(admin, market, 'register');
    expect(early2.status).toBe(409);
    const d = await ok(lingdao, market, 'deliberate', meeting);
    expect(d.state).toBe('adopted');
    expect(d.deliberation.resultLabel).toBe('审议通过');
  });

  it('统一登记编号: one gapless series per body and year; the .docx in the official layout', async () => {
    // the demo bureau has numbered documents this year already: the series goes on from its last number
    const last = (await env.ctx.db.query<{ n: number }>('select coalesce(max(seq), 0)::int as n from normative_documents where year = $1', [year])).rows[0].n;
    const first = await ok(shenhe, market, 'register');
    expect(first.number).toBe(`示市监规〔${year}〕${last + 1}号`);
    marketNumber = first.number;
    // the internal document: no comment, no fair competition, lawful
    await ok(admin, internal, 'requestLegalityReview');
    await concludeLegality((await doc(admin, internal)).legalityReviewId, 'lawful');
    await ok(lingdao, internal, 'deliberate', { meetingOn: today, meeting: '局务会', attendees: ['刘建国'], minutes: '通过', result: 'passedWithChanges' });
    const second = await ok(shenhe, internal, 'register');
    expect(second.number).toBe(`示市监规〔${year}〕${last + 2}号`);
    const file = await admin.get(`/api/instruments/${first.instrumentId}/docx`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toMatch(/officedocument/);
  });

  it('publication with its 政策解读 opens the filing deadline (30 days from publication, the rule’s example) and the validity', async () => {
    const bad = await act(admin, market, 'publish', { effectiveOn: '2026-03-01', interpretation: '本规定规范明码标价。' }, '2026-03-02');
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('NORMATIVE_EFFECTIVE_BEFORE_PUBLICATION');
    const noInterpretation = await act(admin, market, 'publish', { effectiveOn: '2026-03-02' }, '2026-03-02');
    expect(noInterpretation.status).toBe(400);
    const d = await ok(admin, market, 'publish', { effectiveOn: '2026-03-02', interpretation: '一、制定背景……二、主要内容……' }, '2026-03-02');
    expect(d.libraryStatusLabel).toBe('现行有效');
    const filing = d.deadlines.find((x: { ruleId: string }) => x.ruleId === 'normativeDocument.filing');
    expect(filing.due).toBe('2026-04-01');
    const validity = d.deadlines.find((x: { ruleId: string }) => x.ruleId === 'normativeDocument.validity');
    expect(validity.due).toBe('2031-03-02');
    expect(d.expiresOn).toBe('2031-03-02');
    const filed = await ok(shenhe, market, 'file', {}, '2026-03-20');
    expect(filed.filedWith).toBe('本级人民政府');
    expect(filed.deadlines.find((x: { ruleId: string }) => x.ruleId === 'normativeDocument.filing').status).toBe('met');
    const wrongDate = await act(shenhe, market, 'recordFilingResult', { result: 'registered', resultOn: '2026-03-19' });
    expect(wrongDate.body.error.code).toBe('NORMATIVE_DATE_INVALID');
    expect((await ok(shenhe, market, 'recordFilingResult', { result: 'registered', resultOn: '2026-04-10' })).state).toBe('inForce');
    // the provisional one: two years
    const p = await ok(admin, internal, 'publish', { effectiveOn: today, interpretation: '内部管理办法解读' });
    expect(p.deadlines.find((x: { ruleId: string }) => x.ruleId === 'normativeDocument.validity.provisional')).toBeTruthy();
  });

  it('the portal lists published documents with their status; a draft is not public', async () => {
    const anon = client(env.app, null);
    const list = await anon.get('/api/public/normative-documents');
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { id: string }) => i.id === market);
    expect(item).toMatchObject({ number: marketNumber, statusLabel: '现行有效' });
    const page = await anon.get(`/api/public/normative-documents/${market}`);
    expect(page.body.articles[1].label).toBe('第二条');
    expect(page.body.interpretation).toMatch(/制定背景/);
    const d = await admin.post('/api/normative-documents', draft({ title: '未公布的草案' }));
    expect((await anon.get(`/api/public/normative-documents/${d.body.id}`)).status).toBe(404);
  });

  it('清理: amend opens a new version (the old one stays in force until it is published); repeal ends it; a draft cannot be cleaned up', async () => {
    const v = (await doc(admin, market)).matter.version;
    const aDraft = (await admin.get('/api/normative-documents?state=drafting')).body.items[0].id;
    const notActive = await admin.post(`/api/normative-documents/${aDraft}/cleanups`, {
      kind: 'adHoc',
      outcome: 'repeal',
      reason: 'x',
      decidedOn: today,
      expectedVersion: (await doc(admin, aDraft)).matter.version,
    });
    expect(notActive.body.error.code, JSON.stringify(notActive.body)).toBe('NORMATIVE_CLEANUP_NOT_ALLOWED');
    const amend = await shenhe.post(`/api/normative-documents/${market}/cleanups`, {
      kind: 'periodic',
      round: `${year}年度规范性文件清理`,
      outcome: 'amend',
      reason: '上位法调整，需修改第二条',
      decidedOn: today,
      expectedVersion: v,
    });
    expect(amend.status, JSON.stringify(amend.body)).toBe(200);
    expect(amend.body.state).toBe('inForce');
    expect(amend.body.cleanups[0].outcomeLabel).toBe('修改');
    const next = amend.body.cleanups[0].newVersionId;
    const nd = await doc(admin, next);
    expect(nd.versionNo).toBe(2);
    expect(nd.versions.map((x: { versionNo: number }) => x.versionNo)).toEqual([1, 2]);
    // keep and repeal of the internal one
    let iv = (await doc(admin, internal)).matter.version;
    const keep = await lingdao.post(`/api/normative-documents/${internal}/cleanups`, {
      kind: 'periodic',
      outcome: 'keep',
      reason: '继续适用',
      decidedOn: today,
      expectedVersion: iv,
    });
    expect(keep.body.state).toBe('published');
    iv = keep.body.matter.version;
    const repeal = await lingdao.post(`/api/normative-documents/${internal}/cleanups`, {
      kind: 'adHoc',
      outcome: 'repeal',
      reason: '已被新办法取代',
      decidedOn: today,
      expectedVersion: iv,
    });
    expect(repeal.status, JSON.stringify(repeal.body)).toBe(200);
    expect(repeal.body.libraryStatusLabel).toBe('已废止');
    expect(repeal.body.deadlines.every((x: { status: string }) => x.status !== 'open')).toBe(true);
    const view = await shenhe.get('/api/normative-documents/cleanup');
    expect(view.status).toBe(200);
    expect(view.body.decisions.length).toBeGreaterThanOrEqual(3);
    // the public list shows it repealed
    const pub = await client(env.app, null).get('/api/public/normative-documents?status=repealed');
    expect(pub.body.items.map((i: { id: string }) => i.id)).toContain(internal);
  });

  it('a cited law repealed: the document shows in the cleanup view; the cleanup that answers it clears the flag on the record', async () => {
    const pingtai = client(env.app, await login(env.app, 'pingtai'));
    const repealed = await pingtai.post(`/api/laws/versions/${encodeURIComponent('价格法@1997-12-29')}/repeal`, {
      repealedOn: today,
      note: '测试：上位法废止',
    });
    expect(repealed.status, JSON.stringify(repealed.body)).toBe(200);
    const d = await doc(shenhe, market);
    expect(d.openFlags.length).toBeGreaterThan(0);
    const view = await shenhe.get('/api/normative-documents/cleanup');
    const due = view.body.due.find((x: { id: string }) => x.id === market);
    expect(due.reasons.map((r: { kind: string }) => r.kind)).toContain('lawChange');
    const before = (await env.ctx.db.query<{ n: number }>("select count(*)::int as n from ledger_entries where event_type = 'basis.cleared'")).rows[0].n;
    const r = await shenhe.post(`/api/normative-documents/${market}/cleanups`, {
      kind: 'lawChange',
      outcome: 'keep',
      reason: '所依据的条文废止后，本规定的内容仍有其他上位法依据，继续有效',
      decidedOn: today,
      flagIds: d.openFlags.map((f: { id: string }) => f.id),
      expectedVersion: d.matter.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.openFlags).toEqual([]);
    expect(r.body.cleanups.at(-1)).toMatchObject({ kindLabel: '上位法变化', outcomeLabel: '继续有效' });
    const after = (await env.ctx.db.query<{ n: number }>("select count(*)::int as n from ledger_entries where event_type = 'basis.cleared'")).rows[0].n;
    expect(after - before).toBe(d.openFlags.length);
    // a flag of another document is refused, nothing written
    const other = (await env.ctx.db.query<{ id: string }>(`select id from basis_flags where status = 'open' and subject_id <> $1 limit 1`, [market])).rows[0];
    if (other) {
      const v = (await doc(shenhe, market)).matter.version;
      const bad = await shenhe.post(`/api/normative-documents/${market}/cleanups`, {
        kind: 'lawChange',
        outcome: 'keep',
        reason: 'x',
        decidedOn: today,
        flagIds: [other.id],
        expectedVersion: v,
      });
      expect(bad.body.error.code).toBe('NORMATIVE_FLAG_UNKNOWN');
    }
  });

  it('the document’s record reads in words: no English key, no JSON, no id', async () => {
    const developerText = [/\b[a-z]+[A-Z][A-Za-z]*\b/, /\{"/, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i];
    type Display = { summary: string; rows: { label: string; values: { text: string }[] }[] };
    const words = (d: Display) => [d.summary, ...d.rows.flatMap((r) => [r.label, ...r.values.map((v) => v.text)])].join('\n');
    for (const id of [market, internal]) {
      const rec = await shenhe.get(`/api/record/matters/normativeDocument/${id}`);
      expect(rec.status, JSON.stringify(rec.body).slice(0, 300)).toBe(200);
      const entries = rec.body.entries as { eventType: string; display: Display }[];
      expect(entries.length).toBeGreaterThan(5);
      for (const e of entries) for (const re of developerText) expect(words(e.display), `${e.eventType}: ${re}`).not.toMatch(re);
    }
  });
});
