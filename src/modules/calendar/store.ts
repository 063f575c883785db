/**
 * The calendar in the database: loads official schedules once per year (recorded), applies
 * administrators' changes (recorded). platform/calendar.ts builds the WorkCalendar deadlines are computed with.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/record/ledger.ts';
import { recomputeOpenDeadlines } from '../../platform/workflow/deadlines.ts';
import { officialSchedules } from './official.ts';

/** Copies every official year not yet in the database; each year in one recorded transaction. */
export async function syncOfficialCalendar(ctx: AppContext): Promise<number[]> {
  const have = new Set((await ctx.db.query<{ year: number }>('select year from calendar_years')).rows.map((r) => Number(r.year)));
  const loaded: number[] = [];
  for (const [year, days] of [...officialSchedules()].sort(([a], [b]) => a - b)) {
    if (have.has(year)) continue;
    await ctx.db.transaction(async (tx) => {
      // on an empty database (the first start) no deadline can be open yet
      const before = have.size ? await loadCalendar(tx) : null;
      const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
      const values = sorted.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, 'package')`).join(',');
      await tx.query(
        `insert into calendar_days (day, year, kind, name, source) values ${values} on conflict (day) do nothing`,
        sorted.flatMap((d) => [d.date, year, d.kind, d.name]),
      );
      const notice = `国务院办公厅关于${year}年部分节假日安排的通知`;
      await tx.query(`insert into calendar_years (year, source, notice) values ($1, 'package', $2)`, [year, notice]);
      // a year that was provisional until now (days off by rule): its open deadlines take the official schedule
      const deadlinesRecomputed = before
        ? await recomputeOpenDeadlines(tx, ctx.ledger, SYSTEM_ACTOR, {
            date: `${year}-01-01`,
            to: `${year}-12-31`,
            before,
            after: await loadCalendar(tx),
            reason: `工作日历载入${notice}（日历数据）`,
          })
        : 0;
      await ctx.ledger.append(tx, {
        actor: SYSTEM_ACTOR,
        orgId: null,
        matterType: 'calendar',
        matterId: String(year),
        eventType: 'calendar.yearLoaded',
        payload: {
          year,
          source: 'package',
          days: sorted.length,
          dataHash: createHash('sha256').update(canonicalJson(sorted)).digest('hex'),
          ...(deadlinesRecomputed ? { deadlinesRecomputed } : {}),
        },
      });
    });
    loaded.push(year);
  }
  return loaded;
}

/** Re-exported for the importers not moved yet (cli.ts, cases and publicity workflows, tests); new code imports platform/calendar.ts. */
export { loadCalendar } from '../../platform/calendar.ts';

export async function calendarDaysOfYear(q: Queryable, year: number) {
  return (
    await q.query<{ date: string; kind: string; name: string; source: string }>(
      'select day as date, kind, name, source from calendar_days where year = $1 order by day',
      [year],
    )
  ).rows;
}

/**
 * An administrator marks a day as holiday or make-up workday, or restores the default (kind null); the open
 * deadlines the change moves are recomputed in the same transaction (platform/workflow/deadlines.ts).
 */
export async function setCalendarDay(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: { date: string; kind: 'holiday' | 'workday' | null; name: string; notice?: string },
) {
  const year = Number(input.date.slice(0, 4));
  const calendarBefore = await loadCalendar(tx);
  const before = (await tx.query<{ kind: string; name: string }>('select kind, name from calendar_days where day = $1', [input.date])).rows[0] ?? null;
  if (input.kind === null) {
    await tx.query('delete from calendar_days where day = $1', [input.date]);
  } else {
    await tx.query(
      `insert into calendar_days (day, year, kind, name, source) values ($1,$2,$3,$4,'admin')
       on conflict (day) do update set kind = excluded.kind, name = excluded.name, source = 'admin', updated_at = now()`,
      [input.date, year, input.kind, input.name],
    );
  }
  // a year whose schedule an administrator enters becomes an official year (with its 调休)
  await tx.query(`insert into calendar_years (year, source, notice) values ($1, 'admin', $2) on conflict (year) do nothing`, [year, input.notice ?? null]);
  // the open deadlines the change moves are re-dated in this transaction, each recorded on its matter
  // (a year entered for the first time also stops being provisional: 暂按法定节假日计算 no longer applies)
  const change =
    input.kind === null ? `${input.date} 恢复为普通日` : `${input.date} 设为${input.kind === 'holiday' ? '放假日' : '调休上班日'}（${input.name}）`;
  const deadlinesRecomputed = await recomputeOpenDeadlines(tx, ctx.ledger, actor, {
    date: input.date,
    before: calendarBefore,
    after: await loadCalendar(tx),
    reason: `工作日历变更：${change}${input.notice ? `，依据${input.notice}` : ''}`,
  });
  await ctx.ledger.append(tx, {
    actor,
    orgId: null,
    matterType: 'calendar',
    matterId: String(year),
    eventType: 'calendar.dayChanged',
    payload: {
      date: input.date,
      from: before,
      to: input.kind === null ? null : { kind: input.kind, name: input.name },
      notice: input.notice ?? null,
      deadlinesRecomputed,
    },
  });
  return { deadlinesRecomputed };
}
