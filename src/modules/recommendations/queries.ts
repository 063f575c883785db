/** The staff reads of the recommendations, shaped as responses.ts declares. */
import { recommendationKinds, recommendationStates } from '../../domain/disclosure/rules.ts';
import { chinaToday } from '../../domain/dates.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import { enforcementBodyOf, orgSubtree } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { recommendationAbilities, visibleRecommendationsSql } from './access.ts';
import type { RecommendationDetail, RecommendationItem } from './responses.ts';
import { recommendationSelect, type RecommendationRow } from './store.ts';

type ListRow = RecommendationRow & { unitName: string | null; answerDue: string | null };

const listSelect = recommendationSelect.replace(
  ' from recommendations r join matters m on m.id = r.id',
  `, u.name as "unitName",
     (select x.due_date from matter_deadlines x where x.matter_id = r.id and x.rule_id = 'recommendation.answer' order by x.created_at desc limit 1) as "answerDue"
   from recommendations r join matters m on m.id = r.id left join orgs u on u.id = r.unit_id`,
);

const item = (r: ListRow, today: string): RecommendationItem => ({
  id: r.id,
  bodyId: r.bodyId,
  unitId: r.unitId,
  unitName: r.unitName,
  kind: r.kind,
  kindLabel: recommendationKinds[r.kind] ?? r.kind,
  issuer: r.issuer,
  documentNumber: r.documentNumber,
  issuedOn: r.issuedOn,
  receivedOn: r.receivedOn,
  statedDueOn: r.statedDueOn,
  answerDue: r.answerDue,
  overdue: !r.answeredOn && !!r.answerDue && r.answerDue < today,
  answeredOn: r.answeredOn,
  filedOn: r.filedOn,
  state: r.state,
  stateLabel: recommendationStates[r.state as keyof typeof recommendationStates] ?? r.state,
});

export async function listRecommendations(q: Queryable, p: Principal, f: { state?: string; limit: number; offset: number }, today = chinaToday()) {
  const params: unknown[] = [];
  let cond = ` and ${await visibleRecommendationsSql(q, p, params)}`;
  if (f.state) {
    params.push(f.state);
    cond += ` and m.state = $${params.length}`;
  }
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from recommendations r join matters m on m.id = r.id where true ${cond}`, params))
    .rows[0].n;
  const n = params.length;
  const rows = (
    await q.query<ListRow>(`${listSelect} where true ${cond} order by r.received_on desc, r.id limit $${n + 1} offset $${n + 2}`, [
      ...params,
      f.limit,
      f.offset,
    ])
  ).rows;
  const body = (await enforcementBodyOf(q, p.orgId)) ?? p.orgId;
  return { total, items: rows.map((r) => item(r, today)), mayRegister: (await recommendationAbilities(q, p, { bodyId: body, unitId: null })).manage };
}

export async function recommendationDetail(reg: Registry, q: Queryable, p: Principal, id: string, today = chinaToday()): Promise<RecommendationDetail | null> {
  const r = (await q.query<ListRow>(`${listSelect} where r.id = $1`, [id])).rows[0];
  const m = r && (await findMatter(q, id));
  if (!r || !m) return null;
  const abilities = await recommendationAbilities(q, p, r);
  if (!abilities.read) return null;
  const files = (
    await q.query<{ id: string; fileName: string }>(
      `select id, file_name as "fileName" from evidence_files where matter_type = 'recommendation' and matter_id = $1 order by uploaded_at`,
      [id],
    )
  ).rows;
  const units = abilities.manage
    ? (await q.query<{ id: string; name: string }>('select id, name from orgs where id = any($1) order by sort_order, name', [await orgSubtree(q, r.bodyId)]))
        .rows
    : [];
  return {
    ...item(r, today),
    version: m.version,
    content: r.content,
    answer: r.answer,
    measures: r.measures,
    files,
    units,
    deadlines: await deadlinesOf(q, id),
    transitions: abilities.handle ? presentMatter(reg, m, p).transitions : [],
    abilities,
  };
}
