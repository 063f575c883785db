import { chinaToday } from '../../domain/dates.ts';
import { riskClasses, riskClassLabels } from '../../domain/inspections/targets.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { problemFindings } from './vocabulary.ts';
import { bodies } from './queries.ts';

/** Coverage and problem rates by industry and credit-risk class, over the tasks of a year. */
export async function inspectionStats(q: Queryable, p: Principal, f: { bodyId?: string; year?: number }) {
  const ids = await bodies(q, p, f.bodyId);
  const year = f.year ?? Number(chinaToday().slice(0, 4));
  const tasks = (
    await q.query<{ id: string; state: string }>(
      `select t.id, m.state from inspection_tasks t join matters m on m.id = t.id join inspection_plans pl on pl.id = t.plan_id where t.body_id = any($1) and pl.year = $2`,
      [ids, year],
    )
  ).rows;
  const taskIds = tasks.map((t) => t.id);
  const group = async (col: 'industry' | 'risk_class') =>
    (
      await q.query<{ key: string; pool: number; drawn: number; inspected: number; problems: number }>(
        `select g.key, coalesce(pool.n, 0)::int as pool, coalesce(dr.n, 0)::int as drawn, coalesce(ins.n, 0)::int as inspected, coalesce(ins.p, 0)::int as problems
       from (select distinct ${col} as key from inspection_targets where body_id = any($1)) g
       left join (select ${col} as key, count(*) as n from inspection_targets where body_id = any($1) and status = 'active' group by ${col}) pool on pool.key = g.key
       left join (select t.${col} as key, count(distinct a.target_id) as n from inspection_assignments a join inspection_targets t on t.id = a.target_id where a.task_id = any($2) group by t.${col}) dr on dr.key = g.key
       left join (select t.${col} as key, count(*) as n, count(*) filter (where r.finding = any($3)) as p from inspection_results r join inspection_targets t on t.id = r.target_id where r.task_id = any($2) group by t.${col}) ins on ins.key = g.key
      order by g.key`,
        [ids, taskIds, problemFindings],
      )
    ).rows;
  const byIndustry = (await group('industry')).map((r) => ({ ...r, label: r.key }));
  const byRisk = await group('risk_class');
  const byRiskClass = riskClasses.map((c) => ({
    pool: 0,
    drawn: 0,
    inspected: 0,
    problems: 0,
    ...byRisk.find((r) => r.key === c),
    key: c,
    label: riskClassLabels[c],
  }));
  const sum = (k: 'pool' | 'drawn' | 'inspected' | 'problems') => byRiskClass.reduce((n, r) => n + r[k], 0);
  const leads = (await q.query<{ n: number }>('select count(*)::int as n from inspection_results where task_id = any($1) and lead_requested', [taskIds]))
    .rows[0].n;
  const today = chinaToday();
  const pubs = (
    await q.query<{ status: string; due: string; publishedOn: string | null }>(
      `select status, due_date as due, (published_at at time zone 'Asia/Shanghai')::date::text as "publishedOn" from inspection_publications where task_id = any($1)`,
      [taskIds],
    )
  ).rows;
  const inspected = sum('inspected');
  return {
    year,
    tasks: tasks.length,
    published: tasks.filter((t) => t.state === 'published').length,
    pool: sum('pool'),
    drawn: sum('drawn'),
    inspected,
    problems: sum('problems'),
    leads,
    coverage: sum('pool') ? sum('drawn') / sum('pool') : 0,
    problemRate: inspected ? sum('problems') / inspected : 0,
    byIndustry,
    byRiskClass,
    publications: {
      pending: pubs.filter((x) => x.status === 'pending').length,
      overdue: pubs.filter((x) => x.status === 'pending' && x.due < today).length,
      onTime: pubs.filter((x) => x.status === 'published' && x.publishedOn! <= x.due).length,
      late: pubs.filter((x) => x.status === 'published' && x.publishedOn! > x.due).length,
    },
  };
}
