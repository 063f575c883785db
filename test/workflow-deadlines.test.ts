/** platform/workflow/deadlines.ts: a module opens, re-dates and closes a matter's deadlines without writing matter_deadlines itself. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeDeadline } from '../src/domain/deadlines/compute.ts';
import { deadlineRule } from '../src/domain/deadlines/rules.ts';
import { loadCalendar } from '../src/platform/calendar.ts';
import type { Queryable } from '../src/platform/db/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { closeDeadlines, openDeadline, setDeadlineDue } from '../src/platform/workflow/deadlines.ts';
import { createTestEnv, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let orgId: string;

beforeAll(async () => {
  env = await createTestEnv();
  orgId = await orgIdByName(env, '第二市场监管所');
}, 300_000);
afterAll(() => env.close());

/** A bare matter and its record entry: the entry the table's trigger asks for in each transaction that writes a deadline. */
async function recorded(tx: Queryable, matterId: string, create = false) {
  if (create)
    await tx.query(`insert into matters (id, type, workflow_version, state, org_id, title) values ($1, 'case', 1, 'test', $2, '期限测试')`, [matterId, orgId]);
  await env.ctx.ledger.append(tx, {
    actor: SYSTEM_ACTOR,
    orgId,
    matterType: 'case',
    matterId,
    eventType: 'matter.created',
    payload: { matterId, type: 'case', workflowVersion: 1, state: 'test', title: '期限测试' },
  });
}

const rows = async (matterId: string) =>
  (
    await env.ctx.db.query<{ ruleId: string; status: string; due: string; warnFrom: string; openedBy: string; closedBy: string | null }>(
      `select rule_id as "ruleId", status, due_date as "due", warn_from as "warnFrom", opened_by_transition as "openedBy", closed_by_transition as "closedBy"
         from matter_deadlines where matter_id = $1 order by rule_id`,
      [matterId],
    )
  ).rows;

describe('deadlines written through the platform', () => {
  it('opens a deadline computed from its rule and the calendar, as the engine does', async () => {
    const id = randomUUID();
    const opened = await env.ctx.db.transaction(async (tx) => {
      await recorded(tx, id, true);
      return openDeadline(tx, { id, type: 'case' }, 'penalty.statement', '2026-03-02', 'notify');
    });
    const expected = computeDeadline(deadlineRule('penalty.statement'), await loadCalendar(env.ctx.db), { start: '2026-03-02' });
    expect(opened).toEqual({
      id: expect.any(String),
      ruleId: 'penalty.statement',
      label: expected.label,
      start: '2026-03-02',
      due: expected.due,
      warnFrom: expected.warnFrom,
    });
    expect(await rows(id)).toEqual([
      { ruleId: 'penalty.statement', status: 'open', due: expected.due, warnFrom: expected.warnFrom, openedBy: 'notify', closedBy: null },
    ]);
  });

  it('refuses a start that is not a date', async () => {
    const id = randomUUID();
    await expect(
      env.ctx.db.transaction(async (tx) => {
        await recorded(tx, id, true);
        await openDeadline(tx, { id, type: 'case' }, 'penalty.statement', '', 'notify');
      }),
    ).rejects.toMatchObject({ code: 'DEADLINE_START_MISSING' });
  });

  it('sets a decided due date, then closes open deadlines once (met or cancelled)', async () => {
    const id = randomUUID();
    await env.ctx.db.transaction(async (tx) => {
      await recorded(tx, id, true);
      const cal = await loadCalendar(tx);
      await openDeadline(tx, { id, type: 'case' }, 'penalty.payment', '2026-03-02', 'decide', cal);
      await openDeadline(tx, { id, type: 'case' }, 'penalty.statement', '2026-03-02', 'notify', cal);
    });
    expect(await env.ctx.db.transaction(async (tx) => (await recorded(tx, id), setDeadlineDue(tx, id, 'penalty.payment', '2026-03-05')))).toBe(true);
    const payment = (await rows(id)).find((r) => r.ruleId === 'penalty.payment')!;
    expect(payment.due).toBe('2026-03-05');
    expect(payment.warnFrom <= '2026-03-05').toBe(true);

    const closed = await env.ctx.db.transaction(async (tx) => {
      await recorded(tx, id);
      return {
        cancelled: await closeDeadlines(tx, id, ['penalty.statement', 'penalty.hearingRequest'], 'cancelled'),
        met: await closeDeadlines(tx, id, ['penalty.payment'], 'met', 'pay'),
        again: await closeDeadlines(tx, id, ['penalty.payment', 'penalty.statement'], 'met'),
      };
    });
    expect(closed).toEqual({ cancelled: ['penalty.statement'], met: ['penalty.payment'], again: [] });
    expect((await rows(id)).map((r) => [r.ruleId, r.status, r.closedBy])).toEqual([
      ['penalty.payment', 'met', 'pay'],
      ['penalty.statement', 'cancelled', null],
    ]);
    expect(await env.ctx.db.transaction(async (tx) => (await recorded(tx, id), setDeadlineDue(tx, id, 'penalty.payment', '2026-04-01')))).toBe(false);
  });
});
