/** Visibility-aware reads of 双随机、一公开. */
import { certificateStatusLabels, effectiveStatus, enforcementFields, type EnforcementField } from '../../domain/certifiedDuty.ts';
import { chinaToday } from '../../domain/dates.ts';
import { relationKindLabels, screenInspectors } from '../../domain/inspections/candidates.ts';
import type { RiskClass } from '../../domain/inspections/targets.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Principal } from '../../platform/policies.ts';
import { presentMatterWith } from '../../platform/workflow/engine.ts';
import { inspectionTaskWorkflow } from './workflow.ts';
import { citationsOf } from '../laws/index.ts';
import { readableBodies } from '../powers/index.ts';
import { abilitiesFor } from './access.ts';
import { inspectorPool } from './commands/commit-draw.ts';
import { assignmentsOf, findDraw, findTask } from './tasks.ts';
import { findingLabels, inspectionMethodLabels, problemFindings, type Finding, type InspectionMethod } from './vocabulary.ts';

const fieldLabel = (f: string) => enforcementFields[f as EnforcementField] ?? f;

/** Bodies the caller reads (own subtree and above), narrowed to one when asked. */
export async function bodies(q: Queryable, p: Principal, bodyId?: string): Promise<string[]> {
  const { ids } = await readableBodies(q, p);
  if (bodyId) {
    if (!ids.includes(bodyId)) throw notFound('执法主体');
    return [bodyId];
  }
  return ids;
}

export async function listItems(q: Queryable, p: Principal, bodyId?: string) {
  const ids = await bodies(q, p, bodyId);
  const rows = (
    await q.query<Record<string, unknown>>(
      `select i.id, i.body_id as "bodyId", o.name as "bodyName", i.code, i.name, i.power_item_id as "powerItemId", i.subject_type as "subjectType", i.content, i.method, i.field,
            i.ratio_note as "ratioNote", i.frequency, i.version, i.published from inspection_items i join orgs o on o.id = i.body_id where i.body_id = any($1) order by i.code`,
      [ids],
    )
  ).rows;
  const out = [];
  for (const r of rows) {
    const basis = (await citationsOf(q, 'inspectionItem', r.id as string)).map((c) => c.articleId);
    out.push({ ...r, methodLabel: inspectionMethodLabels[r.method as InspectionMethod] ?? String(r.method), fieldLabel: fieldLabel(r.field as string), basis });
  }
  return out as never[];
}

const targetColumns = `id, body_id as "bodyId", uscc, name, entity_type as "entityType", legal_rep as "legalRep", address, division_code as "divisionCode", industry, licences,
  risk_class as "riskClass", status, uscc_flagged as "usccFlagged", updated_at as "updatedAt"`;

export async function listTargets(
  q: Queryable,
  p: Principal,
  f: { bodyId?: string; q?: string; riskClass?: RiskClass; industry?: string; page: number; pageSize: number },
) {
  const ids = await bodies(q, p, f.bodyId);
  const where = `body_id = any($1) and ($2::text is null or uscc = upper($2) or name ilike '%' || $2 || '%' or address ilike '%' || $2 || '%')
    and ($3::text is null or risk_class = $3) and ($4::text is null or industry = $4)`;
  const params = [ids, f.q || null, f.riskClass ?? null, f.industry ?? null];
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from inspection_targets where ${where}`, params)).rows[0].n;
  const items = (
    await q.query<Record<string, unknown>>(`select ${targetColumns} from inspection_targets where ${where} order by name, uscc limit $5 offset $6`, [
      ...params,
      f.pageSize,
      (f.page - 1) * f.pageSize,
    ])
  ).rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt as string).toISOString() }));
  const industries = (
    await q.query<{ industry: string; count: number }>(
      'select industry, count(*)::int as count from inspection_targets where body_id = any($1) group by industry order by count desc limit 50',
      [ids],
    )
  ).rows;
  const classes = (
    await q.query<{ riskClass: string; count: number }>(
      'select risk_class as "riskClass", count(*)::int as count from inspection_targets where body_id = any($1) group by risk_class order by risk_class',
      [ids],
    )
  ).rows;
  return { total, page: f.page, pageSize: f.pageSize, items: items as never[], facets: { industries, riskClasses: classes } };
}

/** The inspector pool of a body, each with whether they could be drawn for `field` on `date` and why not. */
export async function listInspectors(q: Queryable, p: Principal, f: { bodyId?: string; field?: string; date?: string }) {
  const { ids } = await readableBodies(q, p);
  const bodyId = f.bodyId ?? ids.find((id) => p.scope.has(id)) ?? ids[0];
  if (!bodyId || !ids.includes(bodyId)) throw notFound('执法主体');
  const date = f.date ?? chinaToday();
  const pool = await inspectorPool(q, { bodyId, jointOrgIds: [] });
  const screened = f.field ? screenInspectors(pool, f.field, date, date) : null;
  const rel = (
    await q.query<{
      id: string;
      officerId: string;
      kind: keyof typeof relationKindLabels;
      uscc: string | null;
      address: string | null;
      note: string;
      declaredOn: string;
    }>(
      'select id, officer_id as "officerId", kind, uscc, address, note, declared_on as "declaredOn" from inspector_relations where officer_id = any($1) order by declared_on',
      [pool.map((o) => o.id)],
    )
  ).rows;
  return pool
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh') || a.name.localeCompare(b.name, 'zh'))
    .map((o) => {
      const ex = screened?.excluded.find((x) => x.officerId === o.id);
      return {
        officerId: o.id,
        name: o.name,
        orgId: o.orgId,
        orgName: o.orgName,
        active: o.active,
        available: o.available,
        unavailableReason: o.unavailableReason,
        certificates: o.certificates.map((c) => ({
          number: c.number,
          fields: c.fields,
          validTo: c.validTo,
          status: certificateStatusLabels[effectiveStatus(c, date)],
        })),
        eligible: screened ? !ex : null,
        reason: ex?.reason ?? null,
        relations: rel.filter((r) => r.officerId === o.id).map(({ officerId: _o, ...r }) => ({ ...r, kindLabel: relationKindLabels[r.kind] })),
      };
    });
}

export async function listPlans(q: Queryable, p: Principal, f: { bodyId?: string; year?: number }) {
  const ids = await bodies(q, p, f.bodyId);
  const plans = (
    await q.query<{ id: string; bodyId: string; bodyName: string; year: number; title: string; note: string }>(
      `select p.id, p.body_id as "bodyId", o.name as "bodyName", p.year, p.title, p.note from inspection_plans p join orgs o on o.id = p.body_id
      where p.body_id = any($1) and ($2::int is null or p.year = $2) order by p.year desc, p.title`,
      [ids, f.year ?? null],
    )
  ).rows;
  const tasks = (
    await q.query<{
      id: string;
      planId: string;
      name: string;
      state: string;
      periodStart: string;
      periodEnd: string;
      workflowVersion: number;
      version: number;
      orgId: string;
      type: string;
      title: string;
    }>(
      `select t.id, t.plan_id as "planId", t.name, m.state, t.period_start as "periodStart", t.period_end as "periodEnd", m.workflow_version as "workflowVersion", m.version, m.org_id as "orgId", m.type, m.title
       from inspection_tasks t join matters m on m.id = t.id where t.plan_id = any($1) order by t.period_start, t.name`,
      [plans.map((x) => x.id)],
    )
  ).rows;
  const out = [];
  for (const plan of plans) {
    const a = await abilitiesFor(q, p, plan.bodyId);
    out.push({
      ...plan,
      abilities: { manage: a.manage },
      tasks: tasks
        .filter((t) => t.planId === plan.id)
        .map((t) => ({
          id: t.id,
          name: t.name,
          state: t.state,
          stateLabel: presentMatterWith(inspectionTaskWorkflow, t, p).stateLabel,
          periodStart: t.periodStart,
          periodEnd: t.periodEnd,
        })),
    });
  }
  return out;
}

export async function getTask(q: Queryable, p: Principal, id: string) {
  const t = await findTask(q, id);
  if (!t) throw notFound('抽查任务');
  const a = await abilitiesFor(q, p, t.bodyId);
  if (!a.read) throw notFound('抽查任务');
  const plan = (
    await q.query<{ title: string; year: number; bodyName: string }>(
      'select p.title, p.year, o.name as "bodyName" from inspection_plans p join orgs o on o.id = p.body_id where p.id = $1',
      [t.planId],
    )
  ).rows[0];
  const items = (
    await q.query<{ id: string; code: string; name: string; content: string }>(
      'select id, code, name, content from inspection_items where id = any($1) order by code',
      [t.itemIds],
    )
  ).rows;
  const d = await findDraw(q, id);
  const counts = (
    await q.query<{ drawn: number; entered: number; problems: number; leads: number }>(
      `select (select count(*)::int from inspection_assignments where task_id = $1) as drawn,
            (select count(*)::int from inspection_results where task_id = $1) as entered,
            (select count(*)::int from inspection_results where task_id = $1 and finding = any($2)) as problems,
            (select count(*)::int from inspection_results where task_id = $1 and lead_requested) as leads`,
      [id, problemFindings],
    )
  ).rows[0];
  const pub = (
    await q.query<{ id: string; dueDate: string; status: string; resultsFormedOn: string; publishedAt: string | null; contentHash: string | null }>(
      `select id, due_date as "dueDate", status, results_formed_on as "resultsFormedOn", published_at as "publishedAt", content_hash as "contentHash" from inspection_publications where task_id = $1`,
      [id],
    )
  ).rows[0];
  const m = presentMatterWith(
    inspectionTaskWorkflow,
    { id: t.id, type: 'inspectionTask', workflowVersion: t.workflowVersion, state: t.state, version: t.version, orgId: t.bodyId, title: t.name },
    p,
  );
  return {
    ...t,
    planTitle: plan.title,
    year: plan.year,
    bodyName: plan.bodyName,
    items,
    fieldLabel: fieldLabel(t.field),
    stateLabel: m.stateLabel,
    transitions: a.manage ? m.transitions : [],
    abilities: { manage: a.manage, enterResults: a.enterResults, viewRecord: a.viewRecord },
    draw: d
      ? {
          algorithm: d.algorithm,
          hashAlg: d.hashAlg,
          candidatesDigest: d.candidatesDigest,
          commitment: d.commitment,
          committedAt: d.committedAt,
          publicAfter: d.publicAfter,
          targetCount: d.targetCount,
          inspectorCount: d.inspectorCount,
          excluded: JSON.parse(d.excluded),
          drawnAt: d.drawnAt,
          treeHeadId: d.treeHeadId,
          treeSize: d.treeSize,
          publicValue: d.drawnAt ? d.publicValue : null,
          seed: d.drawnAt ? d.seed : null,
          secret: d.drawnAt ? d.secret : null,
          unstaffed: JSON.parse(d.unstaffed ?? '[]'),
        }
      : null,
    counts,
    publication: pub ? { ...pub, publishedAt: pub.publishedAt ? new Date(pub.publishedAt).toISOString() : null } : null,
  };
}

async function officerNames(q: Queryable, ids: string[]) {
  return new Map(
    (
      await q.query<{ id: string; name: string; orgName: string }>(
        'select f.id, f.name, o.name as "orgName" from officers f join orgs o on o.id = f.org_id where f.id = any($1)',
        [ids],
      )
    ).rows.map((r) => [r.id, r]),
  );
}

type ResultRow = {
  id: string;
  targetId: string;
  finding: Finding;
  inspectedOn: string;
  checkedItems: string;
  description: string;
  evidenceIds: string;
  leadRequested: boolean;
  leadViolation: string | null;
  leadId: string | null;
};

async function resultsOf(q: Queryable, taskIds: string[]) {
  const rows = (
    await q.query<ResultRow & { taskId: string }>(
      `select id, task_id as "taskId", target_id as "targetId", finding, inspected_on as "inspectedOn", checked_items as "checkedItems", description, evidence_ids as "evidenceIds",
            lead_requested as "leadRequested", lead_violation as "leadViolation", lead_id as "leadId" from inspection_results where task_id = any($1)`,
      [taskIds],
    )
  ).rows;
  return new Map(
    rows.map((r) => [
      `${r.taskId}\u0000${r.targetId}`,
      { ...r, findingLabel: findingLabels[r.finding], checkedItems: JSON.parse(r.checkedItems), evidenceIds: JSON.parse(r.evidenceIds) },
    ]),
  );
}

export async function taskAssignments(q: Queryable, p: Principal, taskId: string) {
  const t = await findTask(q, taskId);
  if (!t || !(await abilitiesFor(q, p, t.bodyId)).read) throw notFound('抽查任务');
  const me = (await q.query<{ officerId: string | null }>('select officer_id as "officerId" from users where id = $1', [p.userId])).rows[0]?.officerId ?? null;
  const asg = await assignmentsOf(q, taskId);
  const targets = new Map(
    (
      await q.query<{ id: string; name: string; address: string; industry: string; riskClass: string }>(
        'select id, name, address, industry, risk_class as "riskClass" from inspection_targets where id = any($1)',
        [asg.map((a) => a.targetId)],
      )
    ).rows.map((r) => [r.id, r]),
  );
  const names = await officerNames(q, [...new Set(asg.flatMap((a) => a.inspectorIds))]);
  const results = await resultsOf(q, [taskId]);
  return asg.map((a, seq) => {
    const tg = targets.get(a.targetId)!;
    const r = results.get(`${taskId}\u0000${a.targetId}`);
    return {
      targetId: a.targetId,
      uscc: a.uscc,
      name: tg.name,
      address: tg.address,
      industry: tg.industry,
      riskClass: tg.riskClass,
      seq,
      inspectors: a.inspectorIds.map((id) => ({ officerId: id, name: names.get(id)?.name ?? id, orgName: names.get(id)?.orgName ?? '' })),
      result: r
        ? {
            id: r.id,
            finding: r.finding,
            findingLabel: r.findingLabel,
            inspectedOn: r.inspectedOn,
            checkedItems: r.checkedItems,
            description: r.description,
            evidenceIds: r.evidenceIds,
            leadRequested: r.leadRequested,
            leadViolation: r.leadViolation,
            leadId: r.leadId,
          }
        : null,
      mine: !!me && a.inspectorIds.includes(me),
    };
  });
}

/** The caller's own assignments (as an officer) in tasks being inspected: the phone screen. */
export async function myAssignments(q: Queryable, p: Principal) {
  const me = (await q.query<{ officerId: string | null }>('select officer_id as "officerId" from users where id = $1', [p.userId])).rows[0]?.officerId ?? null;
  if (!me) return [];
  const tasks = (
    await q.query<{ id: string }>(
      `select distinct a.task_id as id from inspection_assignments a join matters m on m.id = a.task_id where m.state = 'drawn' and a.inspector_ids like '%' || $1 || '%'`,
      [me],
    )
  ).rows;
  const out = [];
  for (const { id } of tasks) {
    const t = (await findTask(q, id))!;
    const items = (await q.query<{ name: string; content: string }>('select name, content from inspection_items where id = any($1) order by code', [t.itemIds]))
      .rows;
    const options = items.flatMap((i) =>
      i.content
        .split(/[；;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
    for (const a of await taskAssignments(q, p, id))
      if (a.mine)
        out.push({
          ...a,
          taskId: id,
          taskName: t.name,
          checkedItemOptions: options.length ? options : items.map((i) => i.name),
          periodStart: t.periodStart,
          periodEnd: t.periodEnd,
        });
  }
  return out;
}
