/**
 * The staff side's reads of 行政执法公示, shaped as responses.ts declares: the list, a publication's file (also
 * the answer of every transition), the supervision overview and the 双公示 exports.
 */
import { chinaToday } from '../../domain/dates.ts';
import { publicationRequirement, publicationStates, type PublicationState } from '../../domain/publicity/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import { enforcementBodyOf, orgChain } from '../../platform/orgs.ts';
import { creditExportPolicy, type Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, matterVisible, presentMatter, type MatterRow } from '../../platform/workflow/engine.ts';
import { publicationAbilities, visiblePublicationsSql } from './access.ts';
import type { CreditExport, CreditExportError, Overview, PublicationDetail, PublicationListItem } from './responses.ts';
import { publicationColumns, versionsOf, type PublicationRow } from './store.ts';

/** The bodies whose publications a staff member may see: in their scope, or above their org (each one then by `publicationPolicy`). */
export async function visibleBodies(q: Queryable, p: Principal): Promise<string[]> {
  return [...new Set([...p.scope, ...(await orgChain(q, p.orgId))])];
}

/** The bodies whose 双公示 exports the caller may list and download (`creditExportPolicy`). */
async function exportBodies(q: Queryable, p: Principal): Promise<string[]> {
  const actsUnder = await enforcementBodyOf(q, p.orgId);
  return [...new Set([...p.scope, ...(actsUnder ? [actsUnder] : [])])].filter((id) => creditExportPolicy(p, { id }, actsUnder).list);
}

/** The publications the caller sees, newest decision first. */
export async function listPublications(
  db: Queryable,
  p: Principal,
  f: { state?: string; kind?: string; q?: string; from?: string; to?: string; limit: number; offset: number },
): Promise<{ total: number; items: PublicationListItem[] }> {
  const params: unknown[] = [];
  let cond = ` and ${await visiblePublicationsSql(db, p, params)}`;
  if (f.state) {
    params.push(f.state);
    cond += ` and p.state = $${params.length}`;
  }
  if (f.kind) {
    params.push(f.kind);
    cond += ` and p.kind = $${params.length}`;
  }
  if (f.from) {
    params.push(f.from);
    cond += ` and p.decided_on >= $${params.length}::date`;
  }
  if (f.to) {
    params.push(f.to);
    cond += ` and p.decided_on <= $${params.length}::date`;
  }
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    cond += ` and (p.party_name ilike $${params.length} or p.number ilike $${params.length} or p.party_uscc ilike $${params.length})`;
  }
  const total = (await db.query<{ n: number }>(`select count(*)::int as n from publications p where true ${cond}`, params)).rows[0].n;
  const n = params.length;
  const rows = (
    await db.query<PublicationRow & { bodyName: string; nextDue: string | null }>(
      `select ${publicationColumns()}, o.name as "bodyName",
          (select min(d.due_date) from matter_deadlines d where d.matter_id = p.id and d.status = 'open' and d.rule_id not like 'publicity.period%') as "nextDue"
     from publications p join orgs o on o.id = p.body_id where true ${cond}
    order by p.decided_on desc, p.id desc limit $${n + 1} offset $${n + 2}`,
      [...params, f.limit, f.offset],
    )
  ).rows;
  return {
    total,
    items: rows.map((r) => ({
      ...r,
      state: r.state as PublicationState,
      fineFen: Number(r.fineFen),
      stateLabel: publicationStates[r.state as PublicationState] ?? r.state,
    })),
  };
}

/** A publication as the staff console shows it (the detail and every transition's answer). */
export async function publicationDetail(reg: Registry, db: Queryable, p: Principal, row: PublicationRow, matter: MatterRow): Promise<PublicationDetail> {
  const bodyName = (await db.query<{ name: string }>('select name from orgs where id = $1', [row.bodyId])).rows[0]?.name ?? '';
  // where the publication comes from: the case, or the random-inspection task of the result
  const source: PublicationDetail['source'] =
    row.sourceType === 'case'
      ? { matterType: 'case', matterId: row.sourceId }
      : {
          matterType: 'inspectionTask',
          matterId:
            (await db.query<{ taskId: string }>('select task_id as "taskId" from inspection_results where id = $1', [row.sourceId])).rows[0]?.taskId ?? '',
        };
  const abilities = await publicationAbilities(reg, db, p, row);
  const presented = presentMatter(reg, matter, p);
  return {
    ...row,
    state: row.state as PublicationState,
    bodyName,
    source,
    stateLabel: publicationStates[row.state as PublicationState] ?? row.state,
    abilities,
    matter: { ...presented, transitions: abilities.transition ? presented.transitions : [] },
    versions: await versionsOf(db, row.id),
    deadlines: await deadlinesOf(db, row.id),
  };
}

/** 公示监督: late and missing publications, the publication rates per body. */
export async function publicityOverview(reg: Registry, db: Queryable, p: Principal): Promise<Overview> {
  const today = chinaToday();
  const bodies = await visibleBodies(db, p);
  // the publications and cases listed by name are those the caller may open (publicationPolicy, the case's
  // visibility); the rates per body count them all
  const overdueParams: unknown[] = [today];
  const overdueVisible = await visiblePublicationsSql(db, p, overdueParams);
  const overdue = (
    await db.query<{ matterId: string; title: string; ruleId: string; label: string; due: string }>(
      `select d.matter_id as "matterId", m.title, d.rule_id as "ruleId", d.label, d.due_date as due
     from matter_deadlines d join matters m on m.id = d.matter_id join publications p on p.id = d.matter_id
    where d.matter_type = 'publication' and d.status = 'open' and d.due_date < $1 and ${overdueVisible} and d.rule_id not like 'publicity.period%'
    order by d.due_date`,
      overdueParams,
    )
  ).rows;
  const decided = (
    await db.query<{
      id: string;
      bodyId: string;
      bodyName: string;
      procedure: 'ordinary' | 'summary';
      decision: { outcome: 'penalty' | 'noPenalty' | 'exempted'; penalties: { kind: never; amountFen?: number }[]; number: string; decidedOn: string };
      partyName: string;
      published: boolean;
      onTime: boolean | null;
    }>(
      `select c.id, c.body_id as "bodyId", o.name as "bodyName", c.procedure, c.decision, c.party ->> 'name' as "partyName",
          (pb.id is not null and pb.published_on is not null) as published,
          case when pb.published_on is null then null else pb.published_on <= (select min(due_date) from matter_deadlines where matter_id = pb.id and rule_id = 'publicity.penalty') end as "onTime"
     from cases c join orgs o on o.id = c.body_id left join publications pb on pb.source_type = 'case' and pb.source_id = c.id
    where c.decision is not null and c.body_id = any($1) and (pb.id is null or pb.state <> 'exempted')`,
      [bodies],
    )
  ).rows;
  const required = decided.filter(
    (c) => publicationRequirement({ procedure: c.procedure, outcome: c.decision.outcome, penalties: c.decision.penalties }).publish,
  );
  const missing: typeof required = [];
  for (const c of required.filter((x) => !x.published)) {
    const m = await findMatter(db, c.id);
    if (m && (await matterVisible(reg, db, p, m))) missing.push(c);
  }
  const byBody = new Map<string, { bodyName: string; required: number; published: number; onTime: number }>();
  for (const c of required) {
    const b = byBody.get(c.bodyId) ?? { bodyName: c.bodyName, required: 0, published: 0, onTime: 0 };
    b.required++;
    if (c.published) b.published++;
    if (c.onTime) b.onTime++;
    byBody.set(c.bodyId, b);
  }
  // 双随机抽查结果 (published by the inspections module within 20 working days of the end of the inspection)
  const inspection = (
    await db.query<{ taskId: string; taskName: string; bodyId: string; bodyName: string; due: string; status: string; publishedOn: string | null }>(
      `select ip.task_id as "taskId", t.name as "taskName", ip.body_id as "bodyId", o.name as "bodyName", ip.due_date as due, ip.status,
          (ip.published_at at time zone 'Asia/Shanghai')::date::text as "publishedOn"
     from inspection_publications ip join inspection_tasks t on t.id = ip.task_id join orgs o on o.id = ip.body_id
    where ip.body_id = any($1) order by ip.due_date`,
      [bodies],
    )
  ).rows;
  const inspectionRates = new Map<string, { bodyName: string; required: number; published: number; onTime: number }>();
  for (const x of inspection) {
    const b = inspectionRates.get(x.bodyId) ?? { bodyName: x.bodyName, required: 0, published: 0, onTime: 0 };
    b.required++;
    if (x.status === 'published') b.published++;
    if (x.status === 'published' && x.publishedOn! <= x.due) b.onTime++;
    inspectionRates.set(x.bodyId, b);
  }
  const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
  return {
    today,
    overdue,
    inspectionResults: {
      overdue: inspection
        .filter((x) => x.status === 'pending' && x.due < today)
        .map(({ taskId, taskName, bodyName, due }) => ({ taskId, taskName, bodyName, due })),
      pending: inspection
        .filter((x) => x.status === 'pending' && x.due >= today)
        .map(({ taskId, taskName, bodyName, due }) => ({ taskId, taskName, bodyName, due })),
      rates: [...inspectionRates.values()].map((b) => ({ ...b, rate: rate(b.published, b.required), onTimeRate: rate(b.onTime, b.required) })),
    },
    missing: missing.map((c) => ({
      caseId: c.id,
      number: c.decision.number,
      decidedOn: c.decision.decidedOn,
      partyName: c.partyName,
      bodyName: c.bodyName,
    })),
    rates: [...byBody.values()].map((b) => ({ ...b, rate: rate(b.published, b.required), onTimeRate: rate(b.onTime, b.required) })),
  };
}

/** The 双公示 exports of the bodies the caller sees, newest first. */
export async function creditExports(db: Queryable, p: Principal): Promise<{ items: CreditExport[] }> {
  const rows = (
    await db.query<{
      id: string;
      bodyId: string;
      bodyName: string;
      format: 'xlsx' | 'csv' | 'json';
      items: number;
      errors: CreditExportError[];
      fileHash: string;
      fileSize: number;
      createdAt: string | Date;
      createdBy: string | null;
    }>(
      `select e.id, e.body_id as "bodyId", o.name as "bodyName", e.format, e.items, e.errors, e.file_hash as "fileHash", e.file_size as "fileSize", e.created_at as "createdAt", u.display_name as "createdBy"
     from credit_exports e join orgs o on o.id = e.body_id left join users u on u.id = e.created_by
    where e.body_id = any($1) order by e.created_at desc limit 200`,
      [await exportBodies(db, p)],
    )
  ).rows;
  return {
    items: rows.map((r) => ({
      ...r,
      fileSize: Number(r.fileSize),
      createdAt: new Date(r.createdAt).toISOString(),
      downloadUrl: `/api/publicity/credit-exports/${r.id}/file`,
    })),
  };
}
