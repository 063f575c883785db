/**
 * The record covers the current state (`fazhi ledger verify --state`, platform/record/state.ts): replaying
 * the record over the demo bureau — orgs, users, officers, certificates, evidence, every workflow
 * matter, and the rows of cases, publications, inspection tasks, power-list versions, violations,
 * discretion benchmarks and thresholds — finds nothing; a row changed, added or removed behind the
 * application's back (triggers disabled by the database owner) is named with its field, one test per table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateTables } from '../src/modules/record/state-tables.ts';
import { verifyState } from '../src/platform/record/state.ts';
import { createTestEnv, type TestEnv } from './helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
}, 240_000);
afterAll(() => env.close());

/** What an intruder with the owner's login could do: the deferred record-check trigger switched off. */
async function behindTheRecord(table: string, trigger: string, sql: string, params: unknown[] = []) {
  await env.owner.query(`alter table ${table} disable trigger ${trigger}`);
  try {
    await env.owner.query(sql, params);
  } finally {
    await env.owner.query(`alter table ${table} enable trigger ${trigger}`);
  }
}

const one = async (sql: string) => String((await env.ctx.db.query<{ id: string }>(sql)).rows[0].id);

describe('fazhi ledger verify --state', () => {
  it('finds the demo bureau exactly as its record says', async () => {
    const r = await verifyState(env.ctx.db, stateTables);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.rowsChecked).toBeGreaterThan(100);
    expect(r.eventsReplayed).toBeGreaterThan(100);
  });

  it('names every row changed, added or removed outside the record', async () => {
    const officer = await one(`select id from officers order by name limit 1`);
    const kase = await one(`select id from matters where type = 'case' order by created_at limit 1`);
    const evidence = await one(`select id from evidence_files limit 1`);
    await behindTheRecord('officers', 'officers_recorded', `update officers set name = '篡改后的姓名' where id = $1`, [officer]);
    await behindTheRecord('matters', 'matters_recorded', `update matters set state = 'closed' where id = $1`, [kase]);
    await behindTheRecord('orgs', 'orgs_recorded', `insert into orgs (id, parent_id, name, kind) values ('org-forged', null, '伪造机构', 'bureau')`);
    await env.owner.query('delete from evidence_files where id = $1', [evidence]);
    const r = await verifyState(env.ctx.db, stateTables);
    expect(r.ok).toBe(false);
    const brief = r.problems.map((p) => `${p.code} ${p.table} ${p.id} ${p.column ?? ''}`.trim());
    expect(brief).toContain(`FIELD_CHANGED_OUTSIDE_RECORD officers ${officer} name`);
    expect(brief).toContain(`FIELD_CHANGED_OUTSIDE_RECORD matters ${kase} state`);
    expect(brief).toContain('ROW_NOT_IN_RECORD orgs org-forged');
    expect(brief).toContain(`ROW_MISSING evidence_files ${evidence}`);
    expect(r.problems.length).toBe(4);
    expect(r.problems.find((p) => p.table === 'officers')!.message).toMatch(/name 记录为 “.+”，当前为 “篡改后的姓名”/);
  });

  // one direct UPDATE per declared table (data, not code: a table without a row here is listed in `declared`)
  const tampering: [table: string, trigger: string, column: string, set: string][] = [
    ['cases', 'cases_recorded', 'received_on', `received_on = received_on - 1`],
    ['publications', 'publications_recorded', 'decided_on', `decided_on = decided_on - 1`],
    ['publications', 'publications_recorded', 'state', `state = 'withdrawn'`],
    ['inspection_tasks', 'inspection_tasks_recorded', 'name', `name = name || '（改）'`],
    ['power_item_versions', 'power_item_versions_recorded', 'version_no', `version_no = version_no + 100`],
    ['violations', 'violations_recorded', 'name', `name = name || '（改）'`],
    ['discretion_benchmarks', 'discretion_benchmarks_recorded', 'valid_to', `valid_to = date '2030-12-31'`],
    ['discretion_thresholds', 'discretion_thresholds_recorded', 'natural_person_fen', `natural_person_fen = natural_person_fen + 100`],
  ];
  it('declares every table the tampering tests change', () => {
    const declared = new Set(stateTables.map((t) => t.table));
    for (const [table] of tampering) expect(declared.has(table), table).toBe(true);
  });
  for (const [table, trigger, column, set] of tampering) {
    it(`names a ${table}.${column} changed by a direct UPDATE`, async () => {
      const id = await one(`select id from ${table} order by id limit 1`);
      await behindTheRecord(table, trigger, `update ${table} set ${set} where id = $1`, [id]);
      const r = await verifyState(env.ctx.db, stateTables);
      const brief = r.problems.map((p) => `${p.code} ${p.table} ${p.id} ${p.column ?? ''}`.trim());
      expect(brief).toContain(`FIELD_CHANGED_OUTSIDE_RECORD ${table} ${id} ${column}`);
    });
  }
});
