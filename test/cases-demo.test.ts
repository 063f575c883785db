/**
 * The demo cases (scenarios 1 and 2) seeded through the workflow: their states, a verified record,
 * and the instruments generated from the case opening in LibreOffice with the case's own text.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyRecord } from '../src/platform/record/verify.ts';
import { client, createTestEnv, login, type TestEnv } from './helpers.ts';

const run = promisify(execFile);
let env: TestEnv;
let work: string;
beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  work = mkdtempSync(join(tmpdir(), 'fazhi-cases-'));
}, 180_000);
afterAll(async () => {
  await env?.close();
  rmSync(work, { recursive: true, force: true });
});

it('seeds scenario 1 archived, a case in legal review, a lead and scenario 2 closed — all in a record that verifies', async () => {
  const leader = client(env.app, await login(env.app, 'lingdao'));
  const list = (await leader.get('/api/cases?limit=50')).body;
  const byParty = Object.fromEntries(list.items.map((c: { partyName: string; state: string }) => [c.partyName, c.state]));
  expect(byParty).toMatchObject({
    示例区鑫隆超市有限公司: 'archived',
    示例区惠民便利店有限公司: 'legalReview',
    示例区康源健康科技有限公司: 'verifying',
    '张百味（示例区百味小吃店）': 'closed',
  });
  // the random inspection's "problem found → open a lead" became a case lead of the bureau
  const admin = client(env.app, await login(env.app, 'admin'));
  // (the other leads of the demo come from a 举报 and a 公安机关移送: seed/complaints.ts, seed/openness.ts)
  const leads = (await admin.get('/api/cases?state=lead')).body.items as { id: string }[];
  const details = await Promise.all(leads.map(async (l) => (await admin.get(`/api/cases/${l.id}`)).body));
  const fromInspection = details.filter((c) => c.source === 'randomInspection');
  expect(fromInspection).toHaveLength(1);
  const lead = fromInspection[0];
  expect(lead).toMatchObject({ source: 'randomInspection', field: expect.any(String) });
  expect(lead.summary).toContain('双随机抽查发现');
  const result = (await env.ctx.db.query<{ leadId: string }>('select lead_id as "leadId" from inspection_results where lead_requested')).rows[0];
  expect(result.leadId).toBe(lead.id);
  const reviewer = client(env.app, await login(env.app, 'shenhe'));
  const inbox = (await reviewer.get('/api/cases?inbox=review')).body.items.map((c: { partyName: string }) => c.partyName);
  expect(inbox).toEqual(['示例区惠民便利店有限公司']);
  const report = await verifyRecord(env.ctx.db, {
    publicKeyPem: env.ctx.ledger.signer.publicKeyPem,
    blobs: env.ctx.blobs,
    fallbackAlg: env.ctx.ledger.hashAlg,
  });
  expect(report.ok, JSON.stringify(report).slice(0, 500)).toBe(true);
});

it('the decision and the hearing record of scenario 1 open in LibreOffice with the case’s text', async () => {
  const officer = client(env.app, await login(env.app, 'zhifa'));
  const list = (await officer.get('/api/cases?q=鑫隆')).body.items;
  const c = (await officer.get(`/api/cases/${list[0].id}`)).body;
  const files: string[] = [];
  for (const kind of ['penaltyDecision', 'hearingRecord', 'legalReviewOpinion']) {
    const ins = c.instruments.find((i: { kind: string }) => i.kind === kind);
    const r = await officer.get(`/api/instruments/${ins.id}/docx`);
    expect(r.status).toBe(200);
    const f = join(work, `${kind}.docx`);
    writeFileSync(f, r.raw.rawPayload);
    files.push(f);
  }
  await run(
    'soffice',
    [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'out'), ...files],
    { timeout: 120_000 },
  );
  const text = async (kind: string) => (await run('pdftotext', ['-layout', join(work, 'out', `${kind}.pdf`), '-'])).stdout.replace(/\s+/g, '');
  const decision = await text('penaltyDecision');
  for (const s of [
    '行政处罚决定书',
    c.decision.number,
    '示例区鑫隆超市有限公司',
    '91990105MA01ABCD2W',
    '第三十四条',
    '第一百二十四条',
    '依法公开举行听证', // the hearing as the record has it (openness 公开举行), with the hearing report's conclusion
    '听证报告认为',
    '罚没款共计', // every money penalty of the decision and their total (issue 10 item 16)
    '示例区人民政府',
  ])
    expect(decision, s).toContain(s.replace(/\s+/g, ''));
  expect(await text('hearingRecord')).toContain('对事实无异议');
  const review = await text('legalReviewOpinion');
  for (const s of ['执法主体是否合法', '属于重大执法决定', '经过听证程序', '审核意见：同意']) expect(review).toContain(s);
}, 180_000);

it('the case list filters by a date range on the lead, the filing or the decision (d(-n): relative to today)', async () => {
  const leader = client(env.app, await login(env.app, 'lingdao'));
  const { addDays, chinaToday } = await import('../src/domain/dates.ts');
  const t = chinaToday();
  const names = async (qs: string) => {
    const r = await leader.get(`/api/cases?limit=50&${qs}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.items.map((c: { partyName: string }) => c.partyName).sort();
  };
  // decided: the supermarket d(-35) and the snack bar's 当场处罚 d(-10)
  expect(await names(`dateField=decided&from=${addDays(t, -40)}&to=${t}`)).toEqual(['张百味（示例区百味小吃店）', '示例区鑫隆超市有限公司'].sort());
  expect(await names(`dateField=decided&from=${addDays(t, -20)}&to=${t}`)).toEqual(['张百味（示例区百味小吃店）']);
  // filed: only the ordinary cases are 立案
  expect(await names(`dateField=filed&from=${addDays(t, -400)}&to=${t}`)).not.toContain('张百味（示例区百味小吃店）');
  expect((await leader.get('/api/cases?dateField=sometime&from=2026-01-01')).status).toBe(400);
});
