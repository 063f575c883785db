/**
 * 文书: every template renders to .docx and PDF; the .docx opens in LibreOffice with the right text;
 * the PDF keeps its Chinese text; numbers are gapless per org, kind and year under concurrency; the
 * record holds both files' hashes and a changed file is refused on download. Both databases.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/app.ts';
import { hashBytes } from '../src/domain/merkle.ts';
import { loadConfig } from '../src/platform/config.ts';
import { resolveCjkFonts, selectCjkFonts } from '../src/platform/documents/fonts.ts';
import type { AppError } from '../src/platform/errors.ts';
import type { Queryable } from '../src/platform/db/index.ts';
import { issueInstrument, setInstrumentOrgCode, type IssueInstrumentInput } from '../src/platform/documents/issue.ts';
import { layOutInstrument, renderInstrument } from '../src/platform/documents/render.ts';
import { instrumentTemplates, templateByKind } from '../src/platform/documents/templates/index.ts';
import { templateFields } from '../src/platform/documents/fill.ts';
import type { FsBlobStore } from '../src/platform/record/blobs.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/platform/record/ledger.ts';
import { verifyRecord } from '../src/platform/record/verify.ts';
import { createMatter, readOnlyMatterResolver } from '../src/platform/workflow/engine.ts';
import { platformModules } from '../src/app.ts';
import { defineModule } from '../src/platform/modules.ts';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { client, createTestDatabase, createTestEnv, ledgerSize, login, orgIdByName, usingPostgres, type TestEnv } from './helpers.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'fazhi-instruments-'));

let env: TestEnv;
let district: string;
let caseInStation2: string;
let caseInStation1: string;
let actor: Actor;

/** The text of a PDF, whitespace removed (LibreOffice spaces CJK from Latin; the checks are about the characters). */
async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 20 * 1024 * 1024 });
  return stdout.replace(/\s+/g, '');
}

const sample = (kind: string) => structuredClone(templateByKind(kind)!.sample);
const issue = (over: Partial<IssueInstrumentInput> & { kind: string }, tx?: Queryable) => {
  const input: IssueInstrumentInput = {
    orgId: district,
    matterType: 'instrumentTestCase',
    matterId: caseInStation2,
    data: sample(over.kind),
    date: '2026-11-23',
    ...over,
  };
  return tx ? issueInstrument(env.ctx, tx, actor, input) : env.ctx.db.transaction((t) => issueInstrument(env.ctx, t, actor, input));
};
const counter = async (kind: string, year = 2026) =>
  (await env.ctx.db.query<{ n: number }>('select last_seq as n from instrument_numbers where org_id = $1 and kind = $2 and year = $3', [district, kind, year]))
    .rows[0]?.n ?? 0;

beforeAll(async () => {
  const testModule = defineModule({
    name: 'instrumentTest',
    label: '测试',
    workflows: [{ type: 'instrumentTestCase', version: 1, label: '测试案件', initial: 'open', states: { open: { label: '办理中' } }, transitions: {} }],
    matterResolvers: { instrumentTestCase: readOnlyMatterResolver },
  });
  env = await createTestEnv({ modules: [...platformModules, testModule] });
  district = await orgIdByName(env, '示例区市场监督管理局');
  actor = { id: (await login(env.app, 'admin')).user.id, name: '系统管理员' };
  const station2 = await orgIdByName(env, '第二市场监管所');
  const station1 = await orgIdByName(env, '第一市场监管所');
  caseInStation2 = (
    await env.ctx.db.transaction((tx) =>
      createMatter(tx, env.ctx, SYSTEM_ACTOR, { type: 'instrumentTestCase', orgId: station2, title: '鲜味源公司经营超过保质期食品案' }),
    )
  ).id;
  caseInStation1 = (
    await env.ctx.db.transaction((tx) => createMatter(tx, env.ctx, SYSTEM_ACTOR, { type: 'instrumentTestCase', orgId: station1, title: '第一所案件' }))
  ).id;
});
afterAll(async () => {
  await env.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the generator', () => {
  it('renders every template to .docx and to a PDF whose Chinese text survives pdftotext', async () => {
    const dir = join(work, 'all');
    mkdirSync(dir);
    for (const t of instrumentTemplates) {
      const doc = layOutInstrument(t.kind, t.sample, { orgName: '示例区市场监督管理局', orgCode: '示', date: '2026-11-23', seq: 7, watermark: null });
      const [docx, pdf] = [await renderInstrument(doc, 'docx'), await renderInstrument(doc, 'pdf')];
      expect(docx.subarray(0, 2).toString(), t.kind).toBe('PK');
      expect(pdf.subarray(0, 5).toString(), t.kind).toBe('%PDF-');
      writeFileSync(join(dir, `${t.kind}.docx`), docx);
      writeFileSync(join(dir, `${t.kind}.pdf`), pdf);
      const text = await pdfText(join(dir, `${t.kind}.pdf`));
      expect(text, t.kind).toContain('示例区市场监督管理局');
      expect(text, t.kind).toContain(t.title);
      expect(text, t.kind).toContain(doc.number);
      if (templateFields(t).some((f) => f.path === 'party.name')) expect(text, t.kind).toContain((t.sample as { party: { name: string } }).party.name);
    }
    // the bundled Noto Serif SC (npm) is embedded as a subset with a Unicode map (pdffonts: name type encoding emb sub uni object id)
    const fonts = (await run('pdffonts', [join(dir, 'penaltyDecision.pdf')])).stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    for (const line of fonts) expect(line).toMatch(/\syes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  });

  it('PDF_FONTS=system embeds the system CJK fonts (Debian fonts-noto-cjk / fonts-wqy-microhei, installed by CI)', async () => {
    const doc = layOutInstrument('penaltyDecision', sample('penaltyDecision'), {
      orgName: '示例区市场监督管理局',
      orgCode: '示',
      date: '2026-11-23',
      seq: 8,
      watermark: null,
    });
    const file = join(work, 'system-fonts.pdf');
    try {
      selectCjkFonts('system');
      writeFileSync(file, await renderInstrument(doc, 'pdf'));
    } finally {
      selectCjkFonts('bundled');
    }
    const fonts = (await run('pdffonts', [file])).stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/(NotoSerifCJK|NotoSansCJK|WenQuanYi).*\syes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    expect(await pdfText(file)).toContain('行政处罚决定书');
  });

  it('a missing font is a clear error naming the fix; PDF_FONTS accepts only bundled or system', () => {
    expect(() => loadConfig({ PDF_FONTS: 'arial' } as NodeJS.ProcessEnv)).toThrow(/PDF_FONTS must be bundled or system/);
    expect(loadConfig({} as NodeJS.ProcessEnv).pdfFonts).toBe('bundled');
    expect(loadConfig({ PDF_FONTS: '' } as NodeJS.ProcessEnv).pdfFonts).toBe('bundled');
    expect(resolveCjkFonts('bundled').serif.normal.file).toMatch(/noto-serif-sc\/400Regular\/NotoSerifSC_400Regular\.ttf$/);
    const e = (() => {
      try {
        resolveCjkFonts('bundled', { packageRoot: join(work, 'no-such-package') });
      } catch (err) {
        return err as AppError;
      }
    })();
    expect(e?.code).toBe('CJK_FONT_MISSING');
    expect(e?.message).toContain('npm install');
    expect(e?.message).toContain('PDF_FONTS=system');
  });

  it('writes .docx that LibreOffice opens and converts with the title, the 文号 and the party intact', async () => {
    const dir = join(work, 'lo');
    mkdirSync(dir);
    const kinds = ['penaltyDecision', 'filingApproval', 'inquiryRecord', 'serviceReceipt', 'legalReviewOpinion'];
    const files: string[] = [];
    for (const kind of kinds) {
      const doc = layOutInstrument(kind, sample(kind), { orgName: '示例区市场监督管理局', orgCode: '示', date: '2026-11-23', seq: 12, watermark: null });
      const f = join(dir, `${kind}.docx`);
      writeFileSync(f, await renderInstrument(doc, 'docx'));
      files.push(f);
    }
    const profile = `file://${join(work, 'lo-profile')}`;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'out'), ...files], {
      timeout: 120_000,
    });
    for (const kind of kinds) {
      const t = templateByKind(kind)!;
      const text = await pdfText(join(dir, 'out', `${kind}.pdf`));
      expect(text, kind).toContain(t.title);
      expect(text, kind).toContain(t.numberPattern.replace('{orgShort}', '示').replace('{year}', '2026').replace('{n}', '12'));
      if (kind !== 'inquiryRecord') expect(text, kind).toContain('示例市鲜味源食品贸易有限公司');
    }
    const decision = await pdfText(join(dir, 'out', 'penaltyDecision.pdf'));
    for (const s of [
      '当事人：示例市鲜味源食品贸易有限公司',
      '统一社会信用代码：91990105MA01ABCD2W',
      '第六十七条第三款',
      '第七十二条第一款第（一）项',
      '行政复议法》第二十条',
      '行政诉讼法》第四十六条',
      '信息公示规定》第八条',
      '二〇二六年十一月二十三日',
    ]) {
      expect(decision).toContain(s);
    }
  }, 180_000);
});

describe('the API', () => {
  it('lists the templates with their Chinese field names and required fields', async () => {
    const c = client(env.app, await login(env.app, 'zhifa'));
    const r = await c.get('/api/instruments/templates');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(instrumentTemplates.length);
    const decision = r.body.items.find((t: { kind: string }) => t.kind === 'penaltyDecision');
    expect(decision.title).toBe('行政处罚决定书');
    expect(decision.numberPattern).toBe('{orgShort}市监处罚〔{year}〕{n}号');
    const facts = decision.fields.find((f: { path: string }) => f.path === 'facts');
    expect(facts).toEqual({ path: 'facts', label: '违法事实', required: true });
    expect(decision.fields.find((f: { path: string }) => f.path === 'hearingSummary')).toEqual({ path: 'hearingSummary', label: '听证情况', required: false });
    expect(decision.fields.find((f: { path: string }) => f.path === 'party.legalRep')).toMatchObject({ required: false, condition: 'party.uscc' });
    expect(decision.fields.find((f: { path: string }) => f.path === 'noPublicity')).toMatchObject({ label: '不予公示', required: false });
  });

  it('previews as PDF and .docx in the name of the caller’s bureau, watermarked, unnumbered, unrecorded', async () => {
    const c = client(env.app, await login(env.app, 'zhifa'));
    const before = await ledgerSize(env);
    const pdf = await c.post('/api/instruments/preview', { kind: 'penaltyNotice', data: sample('penaltyNotice'), date: '2026-10-12' });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('行政处罚告知书（样稿）.pdf');
    const file = join(work, 'preview.pdf');
    writeFileSync(file, pdf.raw.rawPayload);
    const text = await pdfText(file);
    expect(text).toContain('示例区市场监督管理局'); // the station's enforcement body
    expect(text).toContain('示市监罚告〔2026〕号'); // no number on a preview
    // the watermark is drawn diagonally, so pdftotext yields its two characters apart
    expect(text).toContain('样');
    expect(text).toContain('稿');
    expect(text).toContain('要求举行听证');
    const docx = await c.post('/api/instruments/preview', { kind: 'penaltyNotice', data: sample('penaltyNotice'), format: 'docx' });
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await ledgerSize(env)).toBe(before);
    expect(await counter('penaltyNotice')).toBe(0);
  });

  it('answers a preview with missing data with 422 listing every missing field', async () => {
    const c = client(env.app, await login(env.app, 'zhifa'));
    const { facts: _f, penalties: _p, contact: _c, ...data } = sample('penaltyNotice') as Record<string, unknown>;
    const r = await c.post('/api/instruments/preview', { kind: 'penaltyNotice', data });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('INSTRUMENT_DATA_MISSING');
    expect(r.body.error.details.missing.map((m: { path: string }) => m.path).sort()).toEqual(['contact.name', 'contact.phone', 'facts', 'penalties']);
    expect(r.body.error.message).toMatch(/违法事实.*处罚内容.*联系人.*联系电话/);
    expect((await c.post('/api/instruments/preview', { kind: 'noSuchKind', data: {} })).body.error.code).toBe('INSTRUMENT_KIND_UNKNOWN');
    expect(
      (await c.post('/api/instruments/preview', { kind: 'penaltyNotice', data: {}, orgId: await orgIdByName(env, '第一市场监管所') })).body.error.code,
    ).toBe('ORG_NOT_FOUND');
  });
});

describe('issuing (numbering service)', () => {
  it('refuses missing data with 422 listing the fields: nothing numbered, nothing recorded', async () => {
    const before = await ledgerSize(env);
    // the demo seed issues instruments of its own (合法性审查意见书, 重大行政决策 …): nothing is added to them
    const issued = (await env.ctx.db.query('select 1 from instruments')).rows.length;
    const data = sample('penaltyDecision') as Record<string, unknown>;
    delete data.facts;
    delete data.penaltyBasis;
    await expect(issue({ kind: 'penaltyDecision', data })).rejects.toMatchObject({
      status: 422,
      code: 'INSTRUMENT_DATA_MISSING',
      details: {
        missing: [
          { path: 'facts', label: '违法事实' },
          { path: 'penaltyBasis', label: '处罚依据' },
        ],
      },
    });
    expect(await ledgerSize(env)).toBe(before);
    expect(await counter('penaltyDecision')).toBe(0);
    expect((await env.ctx.db.query('select 1 from instruments')).rows).toHaveLength(issued);
    await expect(issue({ kind: 'penaltyDecision', orgId: await orgIdByName(env, '第二市场监管所') })).rejects.toMatchObject({
      code: 'ORG_NOT_ENFORCEMENT_BODY',
    });
  });

  it('issues a decision: number, both files stored by hash, the hashes in the record, downloads re-verified', async () => {
    const before = await ledgerSize(env);
    const i = await issue({ kind: 'penaltyDecision' });
    expect(i).toMatchObject({
      kind: 'penaltyDecision',
      title: '行政处罚决定书',
      year: 2026,
      seq: 1,
      number: '示市监处罚〔2026〕1号',
      issuedOn: '2026-11-23',
      matterId: caseInStation2,
    });
    expect(await ledgerSize(env)).toBe(before + 1);

    const admin = client(env.app, await login(env.app, 'admin'));
    const rec = await admin.get(`/api/record/matters/instrumentTestCase/${caseInStation2}`);
    const entry = rec.body.entries.find((e: { eventType: string }) => e.eventType === 'instrument.issued');
    expect(entry.eventLabel).toBe('制作文书');
    expect(entry.payload).toMatchObject({ instrumentId: i.id, number: '示市监处罚〔2026〕1号', docxHash: i.docxHash, pdfHash: i.pdfHash, seq: 1 });

    const meta = await admin.get(`/api/instruments/${i.id}`);
    expect(meta.status).toBe(200);
    expect(meta.body).toMatchObject({ number: '示市监处罚〔2026〕1号', orgName: '示例区市场监督管理局', data: { facts: expect.stringContaining('牛肉干') } });

    const alg = env.ctx.ledger.hashAlg;
    for (const format of ['docx', 'pdf'] as const) {
      const r = await admin.get(`/api/instruments/${i.id}/${format}`);
      expect(r.status).toBe(200);
      const bytes = r.raw.rawPayload;
      const hash = hashBytes(alg, bytes).toString('hex');
      expect(hash).toBe(format === 'docx' ? entry.payload.docxHash : entry.payload.pdfHash);
      expect(r.headers['x-content-hash']).toBe(`${alg}:${hash}`);
      expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain(`行政处罚决定书（示市监处罚〔2026〕1号）.${format}`);
    }
    // a download is an attachment; the console's 预览 asks for the PDF inline, which the browser shows (in a new tab)
    expect(String((await admin.get(`/api/instruments/${i.id}/pdf`)).headers['content-disposition'])).toMatch(/^attachment; /);
    const preview = await admin.get(`/api/instruments/${i.id}/pdf?disposition=inline`);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(String(preview.headers['content-disposition'])).toMatch(/^inline; filename\*=UTF-8''/);
    // the console's policy lets a PDF show at the top level: no sandbox, which would stop the browser's viewer
    expect(String(preview.headers['content-security-policy'])).not.toContain('sandbox');
    expect((await admin.get(`/api/instruments/${i.id}/pdf?disposition=open`)).status).toBe(400);
    expect(String((await admin.get(`/api/instruments/${i.id}/docx?disposition=inline`)).headers['content-disposition'])).toMatch(/^attachment; /);
    const file = join(work, 'issued.pdf');
    writeFileSync(file, (await admin.get(`/api/instruments/${i.id}/pdf`)).raw.rawPayload);
    const text = await pdfText(file);
    expect(text).toContain('示市监处罚〔2026〕1号');
    expect(text).not.toContain('稿'); // no watermark on an issued instrument
  });

  it('refuses a stored file that no longer matches its recorded hash (and ledger verify reports it)', async () => {
    const i = await issue({ kind: 'noPenaltyDecision' });
    const path = (env.ctx.blobs as FsBlobStore).pathOf(i.pdfHash);
    const original = readFileSync(path);
    writeFileSync(path, Buffer.concat([original, Buffer.from('%tampered')]));
    try {
      const admin = client(env.app, await login(env.app, 'admin'));
      const r = await admin.get(`/api/instruments/${i.id}/pdf`);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('INSTRUMENT_TAMPERED');
      expect((await admin.get(`/api/instruments/${i.id}/docx`)).status).toBe(200);
      const report = await verifyRecord(env.ctx.db, {
        publicKeyPem: env.ctx.ledger.signer.publicKeyPem,
        blobs: env.ctx.blobs,
        fallbackAlg: env.ctx.ledger.hashAlg,
      });
      expect(report.ok).toBe(false);
      expect(report.firstProblem?.code).toBe('BLOB_MISMATCH');
    } finally {
      writeFileSync(path, original);
    }
    const report = await verifyRecord(env.ctx.db, {
      publicKeyPem: env.ctx.ledger.signer.publicKeyPem,
      blobs: env.ctx.blobs,
      fallbackAlg: env.ctx.ledger.hashAlg,
    });
    expect(report.ok).toBe(true);
  });

  it('numbers gaplessly under concurrency: 20 issues at once get 1…20, without deadlocks', async () => {
    const before = await ledgerSize(env);
    const station2 = await orgIdByName(env, '第二市场监管所');
    // half of them record something before issuing, in the same transaction, as case handling will
    // (they hold the record's lock before they reach the counter)
    const issued = await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        k % 2 === 0
          ? issue({ kind: 'hearingRightsNotice' })
          : env.ctx.db.transaction(async (tx) => {
              const m = await createMatter(tx, env.ctx, SYSTEM_ACTOR, { type: 'instrumentTestCase', orgId: station2, title: `并发案件${k}` });
              return issue({ kind: 'hearingRightsNotice', matterId: m.id }, tx);
            }),
      ),
    );
    expect(issued.map((i) => i.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
    expect(new Set(issued.map((i) => i.number)).size).toBe(20);
    expect(new Set(issued.map((i) => i.pdfHash)).size).toBe(20); // each file carries its own number
    expect(await ledgerSize(env)).toBe(before + 30);
    expect(await counter('hearingRightsNotice')).toBe(20);
  }, 120_000);

  it('gives a number back when the issuing transaction rolls back; numbers are per kind and per year', async () => {
    const first = await issue({ kind: 'criminalReferral' });
    expect(first.seq).toBe(1);
    await expect(
      env.ctx.db.transaction(async (tx) => {
        await issue({ kind: 'criminalReferral' }, tx);
        throw new Error('the caller failed after issuing');
      }),
    ).rejects.toThrow('the caller failed');
    expect((await issue({ kind: 'criminalReferral' })).number).toBe('示市监移〔2026〕2号');
    expect((await issue({ kind: 'criminalReferral', date: '2027-01-04' })).number).toBe('示市监移〔2027〕1号');
    expect((await issue({ kind: 'serviceReceipt' })).number).toBe('示市监送〔2026〕1号');
  });

  it('uses the org’s 机关代字 once it is set (recorded)', async () => {
    const before = await ledgerSize(env);
    await env.ctx.db.transaction((tx) => setInstrumentOrgCode(env.ctx, tx, actor, district, '示区'));
    expect(await ledgerSize(env)).toBe(before + 1);
    expect((await issue({ kind: 'closureApproval' })).number).toBe('示区市监结审〔2026〕1号');
    await expect(env.ctx.db.transaction((tx) => setInstrumentOrgCode(env.ctx, tx, actor, district, '示/区'))).rejects.toMatchObject({
      code: 'ORG_CODE_INVALID',
    });
    await env.ctx.db.transaction((tx) => setInstrumentOrgCode(env.ctx, tx, actor, district, '示'));
  });

  it('shows an instrument in the issuing body’s subtree and to those who see its matter, to nobody else', async () => {
    const own = await issue({ kind: 'siteRecord' });
    const other = await issue({ kind: 'siteRecord', matterId: caseInStation1 });
    const zhifa = client(env.app, await login(env.app, 'zhifa')); // 第二市场监管所
    expect((await zhifa.get(`/api/instruments/${own.id}`)).status).toBe(200);
    expect((await zhifa.get(`/api/instruments/${own.id}/pdf`)).status).toBe(200);
    expect((await zhifa.get(`/api/instruments/${other.id}`)).status).toBe(404);
    expect((await zhifa.get(`/api/instruments/${other.id}/docx`)).status).toBe(404);
    const jiandu = client(env.app, await login(env.app, 'jiandu')); // the city bureau: the district is in its subtree
    expect((await jiandu.get(`/api/instruments/${other.id}`)).status).toBe(200);
    expect((await zhifa.get('/api/instruments/no-such-id')).status).toBe(404);
  });

  it('never changes an issued instrument', async () => {
    const i = await issue({ kind: 'caseAudit' });
    await expect(env.owner.query(`update instruments set number = 'x' where id = $1`, [i.id])).rejects.toThrow(/INSTRUMENT_IMMUTABLE/);
    await expect(env.owner.query('delete from instruments where id = $1', [i.id])).rejects.toThrow(/INSTRUMENT_IMMUTABLE/);
  });
});

describe('fazhi instrument render', () => {
  it('writes a preview .docx or PDF from a JSON data file', async () => {
    const dataDir = join(work, 'cli');
    mkdirSync(dataDir);
    let databaseUrl: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    if (usingPostgres()) ({ url: databaseUrl, drop } = await createTestDatabase());
    try {
      // a database with one enforcement body, written through the same command as the API
      const ctx = await createContext(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' } as NodeJS.ProcessEnv));
      await ctx.db.transaction((tx) =>
        insertOrg(tx, ctx, SYSTEM_ACTOR, {
          parentId: null,
          name: '示例县市场监督管理局',
          kind: 'bureau',
          isEnforcementBody: true,
          legalBasis: '《中华人民共和国行政处罚法》第十八条',
        }),
      );
      await ctx.db.close();
      const fazhi = (...args: string[]) =>
        run(process.execPath, ['bin/fazhi.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' }, timeout: 60_000 });
      const data = join(work, 'decision.json');
      writeFileSync(data, JSON.stringify(sample('penaltyDecision')));
      const out = join(work, 'cli-decision.pdf');
      const r = await fazhi('instrument', 'render', 'penaltyDecision', data, '--out', out, '--pdf', '--date', '2026-11-23');
      expect(r.stdout).toContain('已生成文书样稿');
      const text = await pdfText(out);
      expect(text).toContain('示例县市场监督管理局');
      expect(text).toContain('示市监处罚〔2026〕号');
      expect(text).toContain('二〇二六年十一月二十三日');
      const docx = join(work, 'cli-notice.docx');
      await fazhi('instrument', 'render', 'hearingNotice', 'sample', '--out', docx);
      expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
      const bad = await fazhi('instrument', 'render', 'penaltyDecision', join(work, 'empty.json'), '--out', out).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect((bad as { code: number }).code).toBe(2);
      writeFileSync(join(work, 'empty.json'), '{}');
      const missing = await fazhi('instrument', 'render', 'penaltyDecision', join(work, 'empty.json'), '--out', out).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect((missing as { stderr: string }).stderr).toMatch(/INSTRUMENT_DATA_MISSING：《行政处罚决定书》缺少以下内容/);
    } finally {
      await drop?.();
    }
  }, 120_000);
});
