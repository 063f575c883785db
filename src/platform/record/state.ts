/**
 * `fazhi ledger verify --state`: the record covers the current state. Replays the record's events and
 * compares what they say with the current-state tables, naming every row changed outside the record —
 * a field that differs from the last recorded value, a row that no recorded event created, a row the
 * record created that is gone.
 *
 * Each table is one declaration (`modules/record/state-tables.ts`: the table, the event that creates a row, the
 * events that change it, and the payload field → column map the commands themselves use), so adding a table is
 * adding data.
 * Only fields the record carries are compared: a column no event ever states (e.g. an officer's gender
 * at creation) has no recorded value to compare with.
 */
import { canonicalJson } from '../../domain/canonical.ts';
import type { Queryable } from '../db/index.ts';

export type Payload = Record<string, unknown>;

export interface StateTable {
  table: string;
  /** Chinese name for the report */
  label: string;
  /** the payload field holding the row's id, per event type */
  idOf: Record<string, string>;
  /** the event (or events: each power-list change writes a new version row) that creates a row */
  created: string | readonly string[];
  /** payload field → column, for the fields the events carry */
  columns: Record<string, string>;
  /** how an event other than the creating one changes the recorded fields (payload field names) */
  apply: Record<string, (fields: Payload, payload: Payload) => void>;
  /** only rows of this kind (a `where` on the table) */
  where?: string;
}

export interface StateProblem {
  table: string;
  label: string;
  id: string;
  code: 'FIELD_CHANGED_OUTSIDE_RECORD' | 'ROW_NOT_IN_RECORD' | 'ROW_MISSING';
  column?: string;
  recorded?: unknown;
  current?: unknown;
  message: string;
}

export interface StateReport {
  ok: boolean;
  rowsChecked: number;
  eventsReplayed: number;
  problems: StateProblem[];
  elapsedMs: number;
}

/** Values as both drivers return them, made comparable with what a payload holds. */
function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  return v;
}
const same = (a: unknown, b: unknown) => canonicalJson(normalise(a)) === canonicalJson(normalise(b));
const show = (v: unknown) => (v === null || v === undefined ? '空' : typeof v === 'string' ? `“${v}”` : JSON.stringify(v));

/** Replays the record over every declared table; reads only (one pass over the relevant entries). */
export async function verifyState(q: Queryable, tables: readonly StateTable[]): Promise<StateReport> {
  const t0 = performance.now();
  const problems: StateProblem[] = [];
  let rowsChecked = 0;
  let eventsReplayed = 0;
  for (const t of tables) {
    const events = Object.keys(t.idOf);
    const creating = new Set<string>([t.created].flat());
    const entries = await q.query<{ event_type: string; payload: string }>(
      // entries not yet integrated come last, in write order: the order the integrator will give them
      'select event_type, payload from ledger_entries where event_type = any($1) order by seq nulls last, write_id',
      [events],
    );
    const recorded = new Map<string, Payload>();
    for (const e of entries.rows) {
      eventsReplayed++;
      const p = JSON.parse(e.payload) as Payload;
      const id = String(p[t.idOf[e.event_type]]);
      let fields = recorded.get(id);
      if (creating.has(e.event_type)) {
        fields = Object.fromEntries(
          Object.keys(t.columns)
            .filter((k) => k in p)
            .map((k) => [k, p[k]]),
        );
        recorded.set(id, fields);
      }
      if (!fields) continue; // a change to a row the record never created: reported below as ROW_NOT_IN_RECORD
      t.apply[e.event_type]?.(fields, p);
    }
    const cols = Object.values(t.columns);
    const rows = await q.query<Record<string, unknown>>(`select id, ${cols.join(', ')} from ${t.table}${t.where ? ` where ${t.where}` : ''}`);
    const seen = new Set<string>();
    for (const row of rows.rows) {
      rowsChecked++;
      const id = String(row.id);
      seen.add(id);
      const fields = recorded.get(id);
      if (!fields) {
        problems.push({ table: t.table, label: t.label, id, code: 'ROW_NOT_IN_RECORD', message: `${t.label} ${id}：记录中没有创建它的条目` });
        continue;
      }
      for (const [field, value] of Object.entries(fields)) {
        const column = t.columns[field];
        if (!column || same(value, row[column])) continue;
        problems.push({
          table: t.table,
          label: t.label,
          id,
          code: 'FIELD_CHANGED_OUTSIDE_RECORD',
          column,
          recorded: value,
          current: normalise(row[column]),
          message: `${t.label} ${id}：${column} 记录为 ${show(value)}，当前为 ${show(normalise(row[column]))}`,
        });
      }
    }
    if (!t.where) {
      for (const id of recorded.keys()) {
        if (!seen.has(id)) problems.push({ table: t.table, label: t.label, id, code: 'ROW_MISSING', message: `${t.label} ${id}：记录中创建的这一行已不存在` });
      }
    }
  }
  return { ok: problems.length === 0, rowsChecked, eventsReplayed, problems, elapsedMs: performance.now() - t0 };
}
