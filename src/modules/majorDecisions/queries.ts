/** Visibility-aware reads of the module (the presenters build the response shapes of schema.ts). */
import type { z } from 'zod';
import {
  catalogueStateLabels,
  decisionCategories,
  decisionStateLabels,
  expertSkipGrounds,
  meetingKinds,
  participationSkipGrounds,
  riskConclusions,
  riskSkipGrounds,
} from '../../domain/majorDecisions/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Registry } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { recordEventLabels } from '../../platform/record/events.ts';
import { findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { catalogueAbilities, decisionAbilities } from './access.ts';
import { archiveManifest } from './archive.ts';
import { gates } from './gates.ts';
import { procedureLines } from './procedure.ts';
import type { ZArchive, ZCatalogue, ZCatalogueSummary, ZDecision, ZDecisionSummary } from './schema.ts';
import {
  catalogueItems,
  findCatalogue,
  findCatalogueItem,
  findDecision,
  orgName,
  type DecisionRow,
  type PublishedCatalogue,
  type PublishedDecision,
} from './store.ts';

const label = (t: Record<string, string>, k: unknown) => t[String(k)] ?? String(k);

const matterState = (reg: Registry, p: Principal, m: Awaited<ReturnType<typeof findMatter>>) => {
  const v = presentMatter(reg, m!, p);
  return { state: v.state, stateLabel: v.stateLabel, version: v.version, final: v.final, transitions: v.transitions };
};

/** The catalogues of the bodies the caller sees (their own and the bodies above their unit). */
export async function listCatalogues(q: Queryable, p: Principal): Promise<z.input<typeof ZCatalogueSummary>[]> {
  const reachable = [...new Set([...p.scope, ...(await orgChain(q, p.orgId))])];
  const rows = await q.query<{ id: string; bodyName: string; year: number; title: string; state: string; items: number; publishedOn: string | null }>(
    `select c.id, o.name as "bodyName", c.year, c.title, m.state, c.published_on as "publishedOn",
            (select count(*)::int from decision_catalogue_items i where i.catalogue_id = c.id and i.status = 'listed') as items
       from decision_catalogues c join orgs o on o.id = c.body_id join matters m on m.id = c.id
      where c.body_id = any($1) order by c.year desc, o.name`,
    [reachable],
  );
  return rows.rows.map((r) => ({ ...r, stateLabel: label(catalogueStateLabels, r.state) }));
}

export async function getCatalogue(reg: Registry, q: Queryable, p: Principal, id: string): Promise<z.input<typeof ZCatalogue>> {
  const c = await findCatalogue(q, id);
  if (!c) throw notFound('决策事项目录');
  const a = await catalogueAbilities(q, p, c);
  if (!a.read) throw notFound('决策事项目录');
  const items = await catalogueItems(q, id);
  const decisions = new Map(
    (
      await q.query<{ id: string; itemId: string }>('select id, catalogue_item_id as "itemId" from major_decisions where catalogue_item_id = any($1)', [
        items.map((i) => i.id),
      ])
    ).rows.map((r) => [r.itemId, r.id]),
  );
  const names = new Map<string, string>();
  for (const i of items) if (!names.has(i.unitId)) names.set(i.unitId, await orgName(q, i.unitId));
  return {
    id: c.id,
    bodyId: c.bodyId,
    bodyName: await orgName(q, c.bodyId),
    year: c.year,
    title: c.title,
    standard: c.standard,
    approval: c.approval,
    publishedOn: c.publishedOn,
    matter: matterState(reg, p, await findMatter(q, id)),
    items: items.map((i) => ({
      ...i,
      categoryLabel: label(decisionCategories, i.category),
      unitName: names.get(i.unitId)!,
      decisionId: decisions.get(i.id) ?? null,
    })),
    abilities: { manage: a.manage },
  };
}

/** The decisions the caller sees: their units' and, for legal reviewers, leaders and supervisors, their bodies'. */
export async function listDecisions(q: Queryable, p: Principal, f: { year?: number; state?: string }): Promise<z.input<typeof ZDecisionSummary>[]> {
  const chain = await orgChain(q, p.orgId);
  const reviewer = p.roles.some((r) => r === 'legalReviewer' || r === 'leader' || r === 'supervisor');
  const params: unknown[] = [[...p.scope], reviewer ? chain : []];
  let where = '(d.unit_id = any($1) or d.body_id = any($1) or d.body_id = any($2))';
  if (f.year) {
    params.push(f.year);
    where += ` and d.year = $${params.length}`;
  }
  if (f.state) {
    params.push(f.state);
    where += ` and m.state = $${params.length}`;
  }
  const rows = await q.query<{ id: string; title: string; year: number; bodyName: string; unitName: string; state: string; publishedOn: string | null }>(
    `select d.id, d.title, d.year, b.name as "bodyName", u.name as "unitName", m.state, d.published_on as "publishedOn"
       from major_decisions d join matters m on m.id = d.id join orgs b on b.id = d.body_id join orgs u on u.id = d.unit_id
      where ${where} order by m.updated_at desc limit 500`,
    params,
  );
  return rows.rows.map((r) => ({ ...r, stateLabel: label(decisionStateLabels, r.state) }));
}

type Step = z.input<typeof ZDecision>['steps'][number];

async function stepsOf(q: Queryable, d: DecisionRow, state: string): Promise<Step[]> {
  const part = d.participation;
  const skipOr = (v: Record<string, unknown> | null, grounds: Record<string, string>, done: string, running = false): Pick<Step, 'status' | 'summary'> =>
    v?.skipped
      ? { status: 'skipped', summary: `${label(grounds, v.skipped)}；理由：${v.reason}` }
      : v?.concluded
        ? { status: 'done', summary: done }
        : { status: running ? 'running' : 'pending', summary: running ? '进行中' : '尚未办理' };
  const fair = d.marketActivity ? await gates.fairCompetitionProblem(q, d.id) : null;
  const legality = await gates.legalityProblem(q, d.id);
  const after = (s: string[]) => s.includes(state);
  const dis = d.discussion;
  return [
    {
      key: 'participation',
      label: '公众参与',
      articles: '第十四条至第十八条',
      ...skipOr(
        part,
        participationSkipGrounds,
        `意见采纳情况：${String(part?.adoption ?? '')}`,
        !!d.consultationId || !!(part?.records as unknown[] | undefined)?.length,
      ),
    },
    {
      key: 'expert',
      label: '专家论证',
      articles: '第十九条至第二十一条',
      ...skipOr(d.expert, expertSkipGrounds, `${(d.expert?.experts as unknown[] | undefined)?.length ?? 0} 位专家、专业机构提出意见`),
    },
    {
      key: 'risk',
      label: '风险评估',
      articles: '第二十二条至第二十四条',
      ...skipOr(d.risk, riskSkipGrounds, `${String(d.risk?.assessor ?? '')}：${label(riskConclusions, d.risk?.conclusion)}`),
    },
    !d.marketActivity
      ? { key: 'fairCompetition', label: '公平竞争审查', articles: '第二十九条第（一）项', status: 'notRequired', summary: '决策草案不涉及市场主体经济活动' }
      : fair
        ? {
            key: 'fairCompetition',
            label: '公平竞争审查',
            articles: '第二十九条第（一）项',
            status: d.fairCompetitionReviewId ? 'running' : 'pending',
            summary: fair.message,
          }
        : { key: 'fairCompetition', label: '公平竞争审查', articles: '第二十九条第（一）项', status: 'done', summary: '经审查可以出台' },
    legality
      ? {
          key: 'legality',
          label: '合法性审查',
          articles: '第二十五条至第二十八条',
          status: d.legalityReviewId ? 'running' : 'pending',
          summary: legality.message,
        }
      : { key: 'legality', label: '合法性审查', articles: '第二十五条至第二十八条', status: 'done', summary: '经审查合法（或者修改后合法）' },
    dis
      ? {
          key: 'discussion',
          label: '集体讨论决定',
          articles: '第三十条',
          status: 'done',
          summary: `${dis.heldOn} ${label(meetingKinds, dis.meetingKind)}：${dis.adopted ? '通过' : '不予通过'}`,
        }
      : { key: 'discussion', label: '集体讨论决定', articles: '第三十条', status: 'pending', summary: '尚未讨论' },
    d.publication
      ? { key: 'publication', label: '公布', articles: '第三十二条', status: 'done', summary: `${d.publishedOn} 公布，${d.publication.number}` }
      : { key: 'publication', label: '公布', articles: '第三十二条', status: 'pending', summary: '尚未公布' },
    d.execution
      ? {
          key: 'execution',
          label: '决策执行',
          articles: '第三十四条、第三十五条',
          status: after(['archived']) ? 'done' : 'running',
          summary: `执行情况报告 ${(d.execution.reports as unknown[] | undefined)?.length ?? 0} 次`,
        }
      : { key: 'execution', label: '决策执行', articles: '第三十四条、第三十五条', status: 'pending', summary: '尚未明确执行单位' },
    d.evaluation
      ? {
          key: 'evaluation',
          label: '决策后评估',
          articles: '第三十六条',
          status: d.evaluation.concluded ? 'done' : 'running',
          summary: String(d.evaluation.evaluator ?? ''),
        }
      : { key: 'evaluation', label: '决策后评估', articles: '第三十六条', status: 'notRequired', summary: '有第三十六条第一款情形之一的，决策机关可以组织' },
    d.archive
      ? { key: 'archive', label: '归档', articles: '第三十三条', status: 'done', summary: `${d.archive.archivedOn} 归档，档号 ${d.archive.archiveNo}` }
      : { key: 'archive', label: '归档', articles: '第三十三条', status: 'pending', summary: '尚未归档' },
  ];
}

export async function getDecision(reg: Registry, q: Queryable, p: Principal, id: string): Promise<z.input<typeof ZDecision>> {
  const d = await findDecision(q, id);
  if (!d) throw notFound('重大行政决策');
  const a = await decisionAbilities(q, p, d);
  if (!a.read) throw notFound('重大行政决策');
  const m = await findMatter(q, id);
  const item = (await findCatalogueItem(q, d.catalogueItemId))!;
  const cat = (await findCatalogue(q, item.catalogueId))!;
  const instruments = (
    await q.query<{ id: string; number: string; title: string; issuedOn: string }>(
      `select id, number, title, issued_on as "issuedOn" from instruments where matter_type = 'majorPolicyDecision' and matter_id = $1 order by issued_on, number`,
      [id],
    )
  ).rows;
  return {
    id: d.id,
    title: d.title,
    year: d.year,
    bodyId: d.bodyId,
    bodyName: await orgName(q, d.bodyId),
    unitId: d.unitId,
    unitName: await orgName(q, d.unitId),
    catalogue: { id: cat.id, title: cat.title, seq: item.seq, itemTitle: item.title, category: label(decisionCategories, item.category) },
    draft: d.draft,
    reasons: d.reasons,
    marketActivity: d.marketActivity,
    consultationId: d.consultationId,
    legalityReviewId: d.legalityReviewId,
    fairCompetitionReviewId: d.fairCompetitionReviewId,
    participation: d.participation,
    expert: d.expert,
    risk: d.risk,
    discussion: d.discussion,
    publication: d.publication as unknown as Record<string, unknown> | null,
    execution: d.execution,
    evaluation: d.evaluation,
    archive: d.archive,
    steps: await stepsOf(q, d, m!.state),
    procedure: procedureLines(d),
    instruments,
    matter: matterState(reg, p, m),
    abilities: { draft: a.draft, decide: a.decide, viewRecord: a.viewRecord },
  };
}

/** 决策档案 (第三十三条): every record entry, file and instrument of the decision and its reviews. */
export async function getArchive(q: Queryable, p: Principal, id: string): Promise<z.input<typeof ZArchive>> {
  const d = await findDecision(q, id);
  if (!d) throw notFound('重大行政决策');
  if (!(await decisionAbilities(q, p, d)).viewRecord) throw notFound('重大行政决策');
  const m = await archiveManifest(q, id);
  const labels = recordEventLabels as Record<string, string>;
  return {
    decisionId: id,
    title: d.title,
    state: (await findMatter(q, id))!.state,
    archive: d.archive,
    entries: m.entries.map((e) => ({ ...e, eventLabel: labels[e.eventType] ?? e.eventType })),
    files: m.files,
    instruments: m.instruments,
  };
}

// ─── public ─────────────────────────────────────────────────────────────────
export async function publicCatalogues(q: Queryable) {
  return (
    await q.query<{ id: string; published: PublishedCatalogue }>(
      `select c.id, c.published from decision_catalogues c join matters m on m.id = c.id where m.state = 'published' order by c.year desc, c.published_on desc`,
    )
  ).rows.map((r) => ({ id: r.id, ...r.published }));
}

export async function publicDecisions(q: Queryable) {
  return (
    await q.query<{ id: string; publication: PublishedDecision }>(
      `select id, publication from major_decisions where publication is not null order by published_on desc, id`,
    )
  ).rows.map((r) => ({ id: r.id, title: r.publication.title, body: r.publication.body, publishedOn: r.publication.publishedOn, number: r.publication.number }));
}

export async function publicDecision(q: Queryable, id: string) {
  const r = (await q.query<{ publication: PublishedDecision | null }>(`select publication from major_decisions where id = $1`, [id])).rows[0];
  if (!r?.publication) throw notFound('重大行政决策');
  return { id, ...r.publication };
}
