import type { Queryable } from './index.ts';

/** The fields of `input` whose values differ from `current` (undefined means "not given"). */
export function changedFields<T extends object>(current: T, input: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(input) as [keyof T, T[keyof T]][]) {
    if (v === undefined) continue;
    if (JSON.stringify(current[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = v;
  }
  return out;
}

/** `update <table> set … , updated_at = now() where id = $1` for the given changes, mapped to columns. */
export async function updateColumns(q: Queryable, table: string, id: string, columnOf: Record<string, string>, changes: object): Promise<void> {
  const entries = Object.entries(changes);
  const sets = entries.map(([k], i) => {
    const col = columnOf[k];
    if (!col) throw new Error(`no column for ${k} in ${table}`);
    return `${col} = $${i + 2}`;
  });
  await q.query(`update ${table} set ${sets.join(', ')}, updated_at = now() where id = $1`, [id, ...entries.map(([, v]) => v)]);
}
