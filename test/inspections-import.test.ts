/**
 * The target-pool import (检查对象名录库) beyond the good path of inspections.test.ts: the progress a
 * caller sees (the command's phases and counts, and the background job the console polls), the row-level
 * error report of a refused file through that job, the rows stored exactly as the file gave them (the
 * packed batch of import-targets.ts: empty cells, commas, quotes, tabs and line breaks inside cells), one
 * record entry per import, and the pool's statement-level record check of migration 0020.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashBytes } from '../src/domain/merkle.ts';
import { targetLine } from '../src/domain/inspections/targets.ts';
import { importTargets, type ImportProgress } from '../src/modules/inspections/commands/import-targets.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';
import { csvHeader, targetCsv, uscc } from './inspections-fixtures.ts';

let env: TestEnv;
let s: Awaited<ReturnType<typeof login>>;
let district: string;

beforeAll(async () => {
  env = await createTestEnv();
  s = await login(env.app, 'admin');
  district = await orgIdByName(env, '示例区市场监督管理局');
}, 120_000);
afterAll(() => env?.close());

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const post = (csv: string, query = '') =>
  env.app.inject({
    method: 'POST',
    url: `/api/inspections/targets/import?bodyId=${district}&fileName=t.csv${query}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv, 'utf8'),
  });
/** Polls a background import until it ends; every state it was seen in. */
async function follow(id: string) {
  const seen: { status: string; phase: string; done: number; total: number }[] = [];
  for (;;) {
    const j = await client(env.app, s).get(`/api/inspections/targets/import/${id}`);
    expect(j.status).toBe(200);
    seen.push({ status: j.body.status, phase: j.body.phase, done: j.body.done, total: j.body.total });
    if (j.body.status !== 'running') return { job: j.body, seen };
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('progress', () => {
  it('the command reports read, check, write in batches up to the total, then done', async () => {
    const n = 4500;
    const events: ImportProgress[] = [];
    const r = await importTargets(env.ctx, SYSTEM_ACTOR, { bodyId: district, file: Buffer.from(targetCsv(n, { from: 20_000 })), fileName: 'p.csv' }, (p) =>
      events.push({ ...p }),
    );
    expect(r).toMatchObject({ rows: n, added: n, updated: 0 });
    const phases = events.map((e) => e.phase);
    expect(phases[0]).toBe('read');
    expect(phases.at(-1)).toBe('done');
    expect(phases.indexOf('check')).toBeGreaterThan(0);
    expect(phases.indexOf('write')).toBeGreaterThan(phases.indexOf('check'));
    expect(events.find((e) => e.phase === 'check')?.total).toBe(n + 1); // the header row and n rows
    const writes = events.filter((e) => e.phase === 'write');
    expect(writes.map((e) => e.done)).toEqual([0, 2000, 4000, 4500]);
    expect(writes.every((e) => e.total === n)).toBe(true);
    expect(events.at(-1)).toEqual({ phase: 'done', done: n, total: n });
  });

  it('a background import answers 202 with a job the caller polls to its result; the rows are stored exactly as the file gave them', async () => {
    const before = await ledgerSize(env);
    const odd = [
      [uscc(30_001), '示例区"老王"水果店, 二分店', '个体工商户', '', '示例区人民路1号\n后门', '990105', '食品销售', '', 'B', '存续'],
      [uscc(30_002), '示例区\t制表符商店', '企业', '李四', '示例区人民路2号', '990105', '餐饮服务', 'JY1;JY2', 'c类', '歇业'],
    ];
    const csv = `${targetCsv(2500, { from: 30_010 })}${odd.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
    const res = await post(csv, '&background=true');
    expect(res.statusCode, res.body).toBe(202);
    const { job, seen } = await follow(res.json().id);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ rows: 2502, added: 2502, updated: 0, unchanged: 0 });
    // while writing, the job counts rows against the total; the read phase counts rows read (no total yet)
    for (const x of seen) if (x.phase === 'write' || x.phase === 'done') expect(x.done).toBeLessThanOrEqual(x.total);
    expect(seen.at(-1)).toMatchObject({ status: 'done', phase: 'done', done: 2502, total: 2502 });
    expect(await ledgerSize(env)).toBe(before + 1);

    const stored = (
      await env.ctx.db.query<Record<string, unknown>>(
        `select uscc, name, entity_type as "entityType", legal_rep as "legalRep", address, division_code as "divisionCode", industry, licences,
                risk_class as "riskClass", status, uscc_flagged as "usccFlagged", import_id as "importId" from inspection_targets where uscc = any($1) order by uscc`,
        [[uscc(30_001), uscc(30_002)]],
      )
    ).rows;
    expect(stored).toEqual([
      {
        uscc: uscc(30_001),
        name: '示例区"老王"水果店, 二分店',
        entityType: '个体工商户',
        legalRep: null,
        address: '示例区人民路1号\n后门',
        divisionCode: '990105',
        industry: '食品销售',
        licences: '',
        riskClass: 'B',
        status: 'active',
        usccFlagged: false,
        importId: job.result.importId,
      },
      {
        uscc: uscc(30_002),
        name: '示例区\t制表符商店',
        entityType: '企业',
        legalRep: '李四',
        address: '示例区人民路2号',
        divisionCode: '990105',
        industry: '餐饮服务',
        licences: 'JY1;JY2',
        riskClass: 'C',
        status: 'suspended',
        usccFlagged: false,
        importId: job.result.importId,
      },
    ]);

    // the record entry states the file and the canonical rows it wrote
    const entry = (
      await env.ctx.db.query<{ payload: string }>(
        `select payload from ledger_entries where event_type = 'targetPool.imported' and payload::jsonb ->> 'importId' = $1`,
        [job.result.importId],
      )
    ).rows[0];
    const payload = JSON.parse(entry.payload);
    expect(payload).toMatchObject({ rows: 2502, added: 2502, fileHash: hashBytes(env.ctx.ledger.hashAlg, Buffer.from(csv, 'utf8')).toString('hex') });
    const all = (
      await env.ctx.db.query<Parameters<typeof targetLine>[0]>(
        `select uscc, name, entity_type as "entityType", legal_rep as "legalRep", address, division_code as "divisionCode", industry, licences,
                risk_class as "riskClass", status, uscc_flagged as "usccFlagged" from inspection_targets where import_id = $1`,
        [job.result.importId],
      )
    ).rows;
    const lines = all
      .sort((a, b) => (a.uscc < b.uscc ? -1 : 1))
      .map(targetLine)
      .join('\n');
    expect(payload.rowsHash).toBe(hashBytes(env.ctx.ledger.hashAlg, lines).toString('hex'));
  });

  it('a refused file ends its job failed with the row-level report; nothing is written', async () => {
    const before = [await ledgerSize(env), Number((await env.ctx.db.query<{ n: number }>('select count(*)::int as n from inspection_targets')).rows[0].n)];
    const csv = [
      csvHeader,
      `${uscc(40_001)},好商店,企业,张三,示例区1号,990105,食品销售,,A,存续`,
      `${uscc(40_002)},坏\u001f商店,企业,张三,示例区2号,990105,食品销售,,A,存续`,
      `${uscc(40_001)},重复商店,企业,张三,示例区3号,990105,食品销售,,X,存续`,
    ].join('\n');
    const res = await post(csv, '&background=true');
    expect(res.statusCode).toBe(202);
    const { job } = await follow(res.json().id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('IMPORT_INVALID');
    expect(job.error.details.errors).toEqual([
      { row: 3, column: '名称', message: '“名称”含有不可见的控制字符' },
      { row: 4, column: '统一社会信用代码', message: expect.stringContaining('与第 2 行重复') },
      { row: 4, column: '信用风险分类', message: expect.stringContaining('无效') },
    ]);
    expect(job.error.message).toMatch(/未导入任何内容/);
    const after = [await ledgerSize(env), Number((await env.ctx.db.query<{ n: number }>('select count(*)::int as n from inspection_targets')).rows[0].n)];
    expect(after).toEqual(before);
  });
});

describe('the record check of the pool', () => {
  it('a change to the pool without a targetPool entry in the same transaction is refused, an insert as an update', async () => {
    const id = (await env.ctx.db.query<{ id: string }>('select id from inspection_targets where body_id = $1 limit 1', [district])).rows[0].id;
    await expect(env.ctx.db.transaction((tx) => tx.query(`update inspection_targets set name = '篡改' where id = $1`, [id]))).rejects.toThrow(
      /LEDGER_ENTRY_MISSING/,
    );
    await expect(
      env.ctx.db.transaction((tx) =>
        tx.query(
          `insert into inspection_targets (id, body_id, uscc, name, entity_type, address, division_code, industry, risk_class) values ('forged', $1, $2, '伪造', '企业', '示例区', '990105', '食品销售', 'A')`,
          [district, uscc(50_001)],
        ),
      ),
    ).rejects.toThrow(/LEDGER_ENTRY_MISSING/);
    expect((await env.ctx.db.query<{ name: string }>('select name from inspection_targets where id = $1', [id])).rows[0].name).not.toBe('篡改');
  });
});
