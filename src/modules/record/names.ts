/**
 * Presents record entries for the console: the payload parsed, the event labelled and the payload in words
 * (platform/record/present.ts), with the ids the entries hold resolved to names in one query per kind, and
 * workflow states and transitions by the registry's labels.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import { recordEventLabels, type RecordEventType } from '../../platform/record/events.ts';
import type { LedgerEntry } from '../../platform/record/ledger.ts';
import { type DisplayValue, type Names, presentPayload, type RefKind, refsOf } from '../../platform/record/present.ts';

/** One query per kind of reference: id → name, and the kind of page it links to (none: no link). */
const lookups: Record<RefKind, { sql: string; link?: string }> = {
  org: { sql: 'select id, name from orgs where id = any($1)' },
  user: { sql: 'select id, display_name as name from users where id = any($1)' },
  officer: { sql: 'select id, name from officers where id = any($1)', link: 'officer' },
  matter: { sql: 'select id, title as name, type as link from matters where id = any($1)' },
  evidenceFile: { sql: 'select id, file_name as name from evidence_files where id = any($1)' },
  caseEvidence: { sql: 'select id, title as name from case_evidence where id = any($1)' },
  violation: { sql: 'select id, name from violations where id = any($1)', link: 'violation' },
  powerItem: {
    sql: 'select distinct on (item_id) item_id as id, name from power_item_versions where item_id = any($1) order by item_id, version_no desc',
    link: 'powerItem',
  },
  inspectionItem: { sql: 'select id, name from inspection_items where id = any($1)' },
};

async function resolveNames(
  q: Queryable,
  registry: Registry,
  entries: { eventType: string; matterType: string; matterId: string; payload: unknown }[],
): Promise<Names> {
  const wanted = new Map<RefKind, Set<string>>();
  for (const e of entries) refsOf(e, wanted);
  const found = new Map<string, DisplayValue>();
  for (const [kind, ids] of wanted) {
    const { sql, link } = lookups[kind];
    const rows = await q.query<{ id: string; name: string; link?: string }>(sql, [[...ids]]);
    for (const r of rows.rows) {
      const to = r.link ?? link;
      found.set(`${kind}:${r.id}`, to ? { text: r.name, link: { kind: to, id: r.id } } : { text: r.name });
    }
  }
  return {
    ref: (kind, id) => found.get(`${kind}:${id}`),
    state: (type, version, state) => registry.workflowOf(type, version)?.states[state]?.label ?? registry.workflowOf(type)?.states[state]?.label,
    transition: (type, version, id) => registry.workflowOf(type, version)?.transitions[id]?.label ?? registry.workflowOf(type)?.transitions[id]?.label,
  };
}

/** Entries as the API presents them (`ZEntry`). */
export async function presentEntries(q: Queryable, registry: Registry, entries: LedgerEntry[]) {
  const parsed = entries.map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));
  const names = await resolveNames(q, registry, parsed);
  return parsed.map((e) => ({
    ...e,
    eventLabel: recordEventLabels[e.eventType as RecordEventType] ?? e.eventType,
    display: presentPayload(e, names),
  }));
}
