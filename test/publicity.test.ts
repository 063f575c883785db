/**
 * 行政执法公示, the publication engine: a decided case is published automatically with its deadlines
 * and masked content; corrections add versions, a withdrawal ends the publicity, expiry and credit
 * repair end it too; a publication held back needs a reason and a leader's approval; the 双公示
 * export is incremental and validated; everything is in a record that verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../src/domain/codes.ts';
import { expireDue } from '../src/modules/publicity/workflow.ts';
import { verifyRecord } from '../src/platform/record/verify.ts';
import { findMatter, transition } from '../src/platform/workflow/engine.ts';
import { principalForUser } from '../src/platform/auth/sessions.ts';
import { client, createTestEnv, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
let leader: ReturnType<typeof client>;
let reviewer: ReturnType<typeof client>;
let officer: ReturnType<typeof client>;
let admin: ReturnType<typeof client>;
const anon = () => client(env.app, null);

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  [leader, reviewer, officer, admin] = await Promise.all(['lingdao', 'shenhe', 'zhifa', 'admin'].map(async (u) => client(env.app, await login(env.app, u))));
}, 240_000);
afterAll(async () => env?.close());

const pubOfParty = async (name: string) => {
  const r = await env.ctx.db.query<{ id: string; state: string }>(`select id, state from publications where party_name = $1`, [name]);
  return r.rows[0];
};
const step = async (c: ReturnType<typeof client>, id: string, name: string, input: unknown = {}, date?: string) => {
  const m = (await findMatter(env.ctx.db, id))!;
  return c.post(`/api/publicity/publications/${id}/transitions/${name}`, { expectedVersion: m.version, input, ...(date ? { date } : {}) });
};

describe('publication on decision', () => {
  it('publishes the archived scenario-1 decision on its decision day, within 20 working days; the external reports wait for the 双公示 export', async () => {
    const p = await pubOfParty('示例区鑫隆超市有限公司');
    expect(p.state).toBe('published');
    const d = (await leader.get(`/api/publicity/publications/${p.id}`)).body;
    expect(d.currentVersion).toBe(1);
    expect(d.publishedOn).toBe(d.decidedOn);
    expect(d.channels).toEqual(['portal', 'enterpriseCredit', 'creditChina']);
    const byRule = Object.fromEntries(d.deadlines.map((x: { ruleId: string; status: string }) => [x.ruleId, x.status]));
    // on the portal, not yet reported to 国家企业信用信息公示系统 or the credit site: 待上报, not 已履行
    expect(byRule).toMatchObject({ 'publicity.penalty': 'open', 'publicity.credit': 'open', 'publicity.period': 'open' });
    const v = d.versions[0].content;
    expect(v.number).toMatch(/市监处罚〔\d{4}〕\d+号/);
    expect(v.party).toMatchObject({ name: '示例区鑫隆超市有限公司', uscc: '91990105MA01ABCD2W', legalRep: '李鑫隆', idNumber: null });
    expect(v.penaltyText).toContain('罚款');
    expect(v.text.join('')).toContain('行政处罚决定书');
    // the party's phone never leaves; the record entry the public sees is the body's, not a person's
    expect(JSON.stringify(v)).not.toContain('12345678');
    const entry = (
      await env.ctx.db.query<{ actor_id: string | null; actor_name: string }>(
        `select actor_id, actor_name from ledger_entries where event_type = 'publication.published' and matter_id = $1`,
        [p.id],
      )
    ).rows[0];
    expect(entry).toEqual({ actor_id: null, actor_name: '示例区市场监督管理局' });
    // the case file links to its publication
    const caseId = (await env.ctx.db.query<{ source_id: string }>('select source_id from publications where id = $1', [p.id])).rows[0].source_id;
    expect((await officer.get(`/api/cases/${caseId}`)).body.publication).toEqual({
      id: p.id,
      state: 'published',
      stateLabel: '公示中',
      publishedOn: d.decidedOn,
      expiresOn: d.expiresOn,
      version: 1,
    });
  });

  it('does not publish the summary-procedure decision (当场处罚)', async () => {
    expect(await pubOfParty('张百味（示例区百味小吃店）')).toBeUndefined();
  });

  it('a case decided now is scheduled (auto-publish off), held back only with a leader’s approval, then published by a reviewer', async () => {
    env.ctx.config.publicityAutoPublish = false;
    try {
      const who = async (u: string) => (await principalForUser(env.ctx.db, u))!;
      const caseId = (await env.ctx.db.query<{ id: string }>(`select id from cases where party ->> 'name' = '示例区惠民便利店有限公司'`)).rows[0].id;
      const go = async (u: string, name: string, input: Record<string, unknown>) => {
        const m = (await findMatter(env.ctx.db, caseId))!;
        await transition(env.ctx, await who(u), { matterId: caseId, transition: name, expectedVersion: m.version, input });
      };
      const items = Object.fromEntries(
        ['subject', 'officerQualification', 'facts', 'evidence', 'lawApplied', 'discretion', 'procedure', 'competence', 'instruments', 'criminalReferral'].map(
          (k) => [k, { ok: true, note: '符合规定' }],
        ),
      );
      await go('shenhe', 'legalReview', { items, opinion: 'agree', reasons: '事实清楚，证据确凿，同意。', acceptsDeviation: false });
      const attendees = ['刘建国', '黄海', '林静'].map((name) => ({ name, position: '局领导' }));
      const today = new Date().toISOString().slice(0, 10);
      await go('lingdao', 'discuss', {
        heldOn: today,
        startAt: `${today}T15:00`,
        endAt: `${today}T16:00`,
        place: '第一会议室',
        chair: '刘建国',
        attendees,
        opinions: attendees.map((a) => ({ name: a.name, opinion: '同意。' })),
        decision: 'penalty',
        minutes: '汇报案件。',
        reporter: '王志强',
        recorder: '郑宇',
      });
      await go('lingdao', 'decide', {
        outcome: 'penalty',
        penalties: [
          { kind: 'fine', amountFen: 15_000_000 },
          { kind: 'confiscateIllegalGains', amountFen: 1_408_000 },
          { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶46杯' },
        ],
      });
      const p = await pubOfParty('示例区惠民便利店有限公司');
      expect(p.state).toBe('scheduled');
      // not on the portal yet
      expect((await anon().get(`/api/public/publications/${p.id}`)).status).toBe(404);
      // held back: a reason and a ground are required, then the leader decides
      expect((await step(officer, p.id, 'proposeExemption', { ground: 'tradeSecret' })).status).toBe(400);
      expect((await step(officer, p.id, 'proposeExemption', { ground: 'tradeSecret', reason: '决定书含有配方信息' })).status).toBe(200);
      expect((await step(officer, p.id, 'publish')).status).toBe(403);
      expect((await step(leader, p.id, 'rejectExemption', { opinion: '配方信息已在决定书中删除，应当公示' })).body.state).toBe('scheduled');
      const pub = await step(reviewer, p.id, 'publish');
      expect(pub.status, JSON.stringify(pub.body)).toBe(200);
      expect(pub.body.state).toBe('published');
      expect(pub.body.deadlines.find((x: { ruleId: string }) => x.ruleId === 'publicity.penalty').status).toBe('open');
      const pubDetail = (await anon().get(`/api/public/publications/${p.id}`)).body;
      expect(pubDetail).toMatchObject({ listed: true, onTime: true, partyName: '示例区惠民便利店有限公司' });
    } finally {
      env.ctx.config.publicityAutoPublish = true;
    }
  });
});

describe('versions: correction and withdrawal', () => {
  it('a correction is a new version; the old one is kept and marked; a reason is required', async () => {
    const p = await pubOfParty('示例区鑫隆超市有限公司');
    expect((await step(reviewer, p.id, 'correct', { reason: '', content: {} })).status).toBe(400);
    const r = await step(reviewer, p.id, 'correct', {
      reason: '违法事实表述有误，依申请更正',
      content: { facts: '当事人在保质期届满后仍销售“鲜活”牌酸奶，共售出1,280杯。联系电话13800138000。' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('corrected');
    expect(r.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'current'],
    ]);
    const cur = r.body.versions[1].content;
    expect(cur.facts).toContain('138****8000');
    expect(cur.facts).not.toContain('13800138000');
    const pub = (await anon().get(`/api/public/publications/${p.id}`)).body;
    expect(pub.versions.map((v: { status: string }) => v.status)).toEqual(['current', 'superseded']);
    expect(pub.versions[1].statusReason).toBe('违法事实表述有误，依申请更正');
    expect(pub.current.facts).toContain('138****8000');
  });

  it('a published version is never rewritten, not even by the database owner', async () => {
    const p = await pubOfParty('示例区鑫隆超市有限公司');
    await expect(env.owner.query(`update publication_versions set content = '{}'::jsonb where publication_id = $1`, [p.id])).rejects.toThrow(
      /PUBLICATION_VERSION_IMMUTABLE/,
    );
    await expect(env.owner.query(`delete from publication_versions where publication_id = $1`, [p.id])).rejects.toThrow(/PUBLICATION_VERSION_IMMUTABLE/);
  });

  it('the 双公示 export is incremental and validated, with an error report', async () => {
    const bureau = (await env.ctx.db.query<{ id: string }>(`select id from orgs where name = '示例区市场监督管理局'`)).rows[0].id;
    // the bureau has no 统一社会信用代码 yet: every row is reported, none exported
    const bad = await leader.post('/api/publicity/credit-exports', { format: 'json' });
    expect(bad.status, JSON.stringify(bad.body)).toBe(201);
    expect(bad.body.items).toBe(0);
    expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(
      expect.arrayContaining(['CF_CFJGDM:REQUIRED', 'CF_SJLYDM:REQUIRED']),
    );
    const first17 = '11990105MB0000001';
    expect((await admin.patch(`/api/orgs/${bureau}`, { uscc: first17 + usccCheckChar(first17) })).status).toBe(200);
    const ok = await leader.post('/api/publicity/credit-exports', { format: 'json' });
    // with the body's code set, both decided cases pass every check (a wrong check character: src/domain/publicity/creditExport.test.ts)
    expect(ok.body.items).toBe(2);
    expect(ok.body.errors).toEqual([]);
    // the export is the evidence of the reports: met now (已上报), with a record entry naming the export
    const xlId = (await pubOfParty('示例区鑫隆超市有限公司')).id;
    const reported = (await leader.get(`/api/publicity/publications/${xlId}`)).body.deadlines as { ruleId: string; status: string }[];
    expect(reported.filter((x) => x.ruleId === 'publicity.penalty' || x.ruleId === 'publicity.credit').map((x) => x.status)).toEqual(['met', 'met']);
    const met = await env.ctx.db.query<{ payload: { ruleIds: string[]; reason: string } }>(
      `select payload::jsonb as payload from ledger_entries where matter_id = $1 and event_type = 'matter.deadlineMet'`,
      [xlId],
    );
    expect(met.rows.map((r) => ({ ...r.payload, ruleIds: [...r.payload.ruleIds].sort() }))).toEqual([
      { matterId: xlId, ruleIds: ['publicity.credit', 'publicity.penalty'], reason: `双公示导出 ${ok.body.id}` },
    ]);
    const file = await leader.get(ok.body.downloadUrl);
    expect(file.status).toBe(200);
    const rows = file.body.items as Record<string, string>[];
    const xl = rows.find((r) => r.CF_XDR_MC === '示例区鑫隆超市有限公司')!;
    expect(xl).toMatchObject({
      action: 'publish',
      CF_XDR_SHXYM: '91990105MA01ABCD2W',
      CF_XDR_LB: '法人及非法人组织',
      CF_NR_FK: '15',
      CF_NR_WFFF: '1.408',
      CF_FRDB: '李鑫隆',
      BZ: '更正（第 2 版）',
    });
    expect(xl.CF_JDRQ).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    // nothing new since: an empty export; then a .xlsx and a .csv with the header row of field codes
    expect((await leader.post('/api/publicity/credit-exports', { format: 'csv' })).body).toMatchObject({ items: 0, errors: [] });
    const csvFile = await leader.get((await leader.post('/api/publicity/credit-exports', { format: 'csv' })).body.downloadUrl);
    expect(
      String(csvFile.raw.body)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0],
    ).toMatch(/^CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM/);
    expect((await officer.post('/api/publicity/credit-exports', { format: 'json' })).status).toBe(403);
  });

  it('a decision changed on reconsideration: the withdrawal deadline opens, the leader withdraws with a reason, the content leaves the portal', async () => {
    const p = await pubOfParty('示例区鑫隆超市有限公司');
    const n = await step(reviewer, p.id, 'noticeRevocation', {
      noticedOn: new Date().toISOString().slice(0, 10),
      ground: 'revoked',
      note: '行政复议决定撤销原处罚决定',
    });
    expect(n.status, JSON.stringify(n.body)).toBe(200);
    expect(n.body.deadlines.find((x: { ruleId: string }) => x.ruleId === 'publicity.withdrawal').status).toBe('open');
    expect((await step(reviewer, p.id, 'withdraw', { reason: 'x', ground: 'revoked' })).status).toBe(403);
    const w = await step(leader, p.id, 'withdraw', { reason: '原行政处罚决定已被行政复议机关撤销', ground: 'revoked' });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body.state).toBe('withdrawn');
    expect(w.body.deadlines.find((x: { ruleId: string }) => x.ruleId === 'publicity.withdrawal').status).toBe('met');
    const pub = (await anon().get(`/api/public/publications/${p.id}`)).body;
    expect(pub).toMatchObject({ listed: false, current: null, stateLabel: '已撤回' });
    expect(pub.versions.every((v: { content: unknown }) => v.content === null)).toBe(true);
    expect(pub.events.map((e: { eventType: string }) => e.eventType)).toEqual(['publication.published', 'publication.published', 'publication.withdrawn']);
    expect((await anon().get('/api/public/publications?q=鑫隆')).body.total).toBe(0);
    // the proof offered now is the withdrawal's, never the withdrawn content
    const proof = (await anon().get(`/api/public/publications/${p.id}/proof`)).body;
    expect(proof.entry.eventType).toBe('publication.withdrawn');
    const v1 = pub.versions.find((v: { version: number }) => v.version === 1).ledgerSeq;
    expect((await anon().get(`/api/public/publications/${p.id}/proof?seq=${v1}`)).status).toBe(404);
    // the credit platform is told too
    const exp = await leader.post('/api/publicity/credit-exports', { format: 'json' });
    expect(exp.body.items).toBe(1);
    expect((await leader.get(exp.body.downloadUrl)).body.items[0]).toMatchObject({ action: 'withdraw', BZ: '撤回：原行政处罚决定已被行政复议机关撤销' });
  });
});

describe('staff lists', () => {
  it('lists publications with their body, state label and next deadline; filters, pages and refuses an unknown state', async () => {
    const all = await reviewer.get('/api/publicity/publications');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    expect(all.body.items[0]).toMatchObject({ bodyName: '示例区市场监督管理局', stateLabel: expect.any(String) });
    const page2 = await reviewer.get('/api/publicity/publications?limit=1&offset=1');
    expect(page2.body).toMatchObject({ total: all.body.total, items: [expect.objectContaining({ id: all.body.items[1].id })] });
    const withdrawn = await reviewer.get('/api/publicity/publications?state=withdrawn');
    expect(withdrawn.body.items.map((x: { partyName: string; stateLabel: string }) => [x.partyName, x.stateLabel])).toEqual([
      ['示例区鑫隆超市有限公司', '已撤回'],
    ]);
    expect((await reviewer.get(`/api/publicity/publications?q=${encodeURIComponent('惠民')}`)).body.total).toBe(1);
    // 决定日期 from–to, inclusive: the day of one decision holds exactly the publications decided that day
    const day = all.body.items[0].decidedOn as string;
    const that = await reviewer.get(`/api/publicity/publications?from=${day}&to=${day}`);
    expect(that.body.total).toBe(all.body.items.filter((x: { decidedOn: string }) => x.decidedOn === day).length);
    expect(that.body.total).toBeGreaterThanOrEqual(1);
    expect((await reviewer.get(`/api/publicity/publications?to=${day.slice(0, 4)}-01-00`)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await reviewer.get('/api/publicity/publications?from=2000-01-01&to=2000-12-31')).body.total).toBe(0);
    const bad = await reviewer.get('/api/publicity/publications?state=deleted');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const d = (await reviewer.get(`/api/publicity/publications/${withdrawn.body.items[0].id}`)).body;
    expect(d).toMatchObject({ bodyName: '示例区市场监督管理局', stateLabel: '已撤回', matter: { final: true, transitions: [] } });
  });

  it('lists the 双公示 exports to those who may export, and only they download the files', async () => {
    const list = await leader.get('/api/publicity/credit-exports');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
    expect(list.body.items[0]).toMatchObject({
      bodyName: '示例区市场监督管理局',
      createdBy: expect.any(String),
      downloadUrl: expect.stringMatching(/^\/api\/publicity\/credit-exports\//),
    });
    expect(list.body.items.some((e: { errors: unknown[] }) => e.errors.length > 0)).toBe(true);
    expect((await leader.get('/api/auth/me')).body.abilities).toMatchObject({ publicity: true, exportCredit: true });
    expect((await officer.get('/api/auth/me')).body.abilities).toMatchObject({ publicity: true, exportCredit: false });
    expect((await officer.get('/api/publicity/credit-exports')).status).toBe(403);
    // the files carry full identity numbers for the credit platform: not for every officer
    expect((await officer.get(list.body.items[0].downloadUrl)).status).toBe(403);
    expect((await reviewer.get(list.body.items[0].downloadUrl)).status).toBe(200);
  });
});

describe('end of publicity', () => {
  it('credit repair is refused before the minimum period; expiry ends the publicity at the end of the period', async () => {
    const p = await pubOfParty('示例区惠民便利店有限公司');
    const early = await step(leader, p.id, 'repair', {
      reason: '已履行处罚决定并主动消除危害后果',
      applicant: '示例区惠民便利店有限公司',
      appliedOn: new Date().toISOString().slice(0, 10),
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('REPAIR_TOO_EARLY');
    expect(await expireDue(env.ctx)).toBe(0);
    expect(await expireDue(env.ctx, '2099-01-01')).toBe(1);
    const pub = (await anon().get(`/api/public/publications/${p.id}`)).body;
    expect(pub).toMatchObject({ state: 'expired', listed: false, current: null });
    expect(pub.events.at(-1)).toMatchObject({ eventType: 'publication.ended', note: '公示期满' });
  });

  it('the supervision overview lists rates per body and nothing missing; the record verifies', async () => {
    const o = (await leader.get('/api/publicity/overview')).body;
    expect(o.missing).toEqual([]);
    expect(o.rates).toEqual([expect.objectContaining({ bodyName: '示例区市场监督管理局', required: 2, published: 2, onTime: 2, rate: 100 })]);
    const report = await verifyRecord(env.ctx.db, {
      publicKeyPem: env.ctx.ledger.signer.publicKeyPem,
      blobs: env.ctx.blobs,
      fallbackAlg: env.ctx.ledger.hashAlg,
    });
    expect(report.ok, JSON.stringify(report.firstProblem)).toBe(true);
  });
});
