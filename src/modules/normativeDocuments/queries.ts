/** Reads of the normative-document API, shaped as responses.ts declares: list, detail, plans, cleanup view; the public list and page. */
import { addDays, chinaToday } from '../../domain/dates.ts';
import {
  cleanupKinds,
  cleanupOutcomes,
  deliberationResults,
  filingResults,
  libraryStatusLabels,
  libraryStatusOf,
  normativeStates,
  type CleanupKind,
  type CleanupOutcome,
  type LibraryStatus,
  type NormativeState,
} from '../../domain/normativeDocuments/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesOf, presentMatter, type MatterRow } from '../../platform/workflow/engine.ts';
import { articlesByIds } from '../laws/index.ts';
import { bodyAbilities, documentAbilities, visibleDocumentsSql } from './access.ts';
import type { DocumentDetail, DocumentListItem, PublicDocument, PublicDocumentItem } from './responses.ts';
import { cleanupsOf, documentColumns, NORMATIVE_DOCUMENT, versionsOfFamily, type DocumentRow } from './store.ts';
import { loadDocument, articleLabel } from './transitions/shared.ts';

const stateLabel = (s: string) => normativeStates[s as NormativeState] ?? s;
const libStatus = (s: string) => {
  const l = libraryStatusOf(s);
  return { libraryStatus: l, libraryStatusLabel: l ? libraryStatusLabels[l] : null };
};
const articlesOut = (d: Pick<DocumentRow, 'articles'>) => d.articles.map((a, i) => ({ label: articleLabel(i + 1), chapter: a.chapter ?? null, text: a.text }));

const listColumns = `${documentColumns()}, b.name as "bodyName", u.name as "unitName",
  (select min(x.due_date) from matter_deadlines x where x.matter_id = d.id and x.status = 'open') as "nextDue",
  (select count(*)::int from basis_flags f where f.subject_type = 'normativeDocument' and f.subject_id = d.id and f.status = 'open') as "openFlags"`;

type ListRow = DocumentRow & { bodyName: string; unitName: string; nextDue: string | null; openFlags: number };
const listItem = (r: ListRow): DocumentListItem => ({
  id: r.id,
  familyId: r.familyId,
  versionNo: r.versionNo,
  title: r.title,
  number: r.number,
  state: r.state,
  stateLabel: stateLabel(r.state),
  ...libStatus(r.state),
  bodyName: r.bodyName,
  unitName: r.unitName,
  publishedOn: r.publishedOn,
  effectiveOn: r.effectiveOn,
  expiresOn: r.expiresOn,
  nextDue: r.nextDue,
  openFlags: Number(r.openFlags),
});

export async function listDocuments(
  q: Queryable,
  p: Principal,
  f: { state?: string; status?: string; q?: string; limit: number; offset: number },
): Promise<{ total: number; items: DocumentListItem[] }> {
  const params: unknown[] = [];
  let cond = ` and ${await visibleDocumentsSql(q, p, params)}`;
  if (f.state) {
    params.push(f.state);
    cond += ` and d.state = $${params.length}`;
  }
  if (f.status) {
    const states = Object.keys(normativeStates).filter((s) => libraryStatusOf(s) === f.status);
    params.push(states);
    cond += ` and d.state = any($${params.length})`;
  }
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    cond += ` and (d.title ilike $${params.length} or d.number ilike $${params.length})`;
  }
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from normative_documents d where true ${cond}`, params)).rows[0].n;
  const n = params.length;
  const rows = (
    await q.query<ListRow>(
      `select ${listColumns} from normative_documents d join orgs b on b.id = d.body_id join orgs u on u.id = d.unit_id
        where true ${cond} order by coalesce(d.published_on, d.created_at::date) desc, d.created_at desc limit $${n + 1} offset $${n + 2}`,
      [...params, f.limit, f.offset],
    )
  ).rows;
  return { total, items: rows.map(listItem) };
}

export async function documentDetail(reg: Registry, q: Queryable, p: Principal, matter: MatterRow): Promise<DocumentDetail> {
  const { doc: d, settings } = await loadDocument(q, matter.id);
  const names = new Map(
    (await q.query<{ id: string; name: string }>('select id, name from orgs where id = any($1)', [[d.bodyId, d.unitId]])).rows.map((r) => [r.id, r.name]),
  );
  const abilities = await documentAbilities(q, p, d);
  const presented = presentMatter(reg, matter, p);
  const cited = (
    await q.query<{ a: string }>('select article_id as a from citations where subject_type = $1 and subject_id = $2 order by 1', [NORMATIVE_DOCUMENT, d.id])
  ).rows;
  const articles = await articlesByIds(
    q,
    cited.map((c) => c.a),
  );
  const flags = (
    await q.query<{ id: string; articleId: string; change: string; createdAt: string }>(
      `select id, article_id as "articleId", change, created_at as "createdAt" from basis_flags where subject_type = $1 and subject_id = $2 and status = 'open' order by created_at`,
      [NORMATIVE_DOCUMENT, d.id],
    )
  ).rows;
  return {
    ...d,
    bodyName: names.get(d.bodyId) ?? '',
    unitName: names.get(d.unitId) ?? '',
    articles: articlesOut(d),
    deliberation: d.deliberation ? { ...d.deliberation, resultLabel: deliberationResults[d.deliberation.result] ?? d.deliberation.result } : null,
    filingResultLabel: d.filingResult ? filingResults[d.filingResult] : null,
    stateLabel: stateLabel(d.state),
    ...libStatus(d.state),
    citations: articles.map((a) => ({ articleId: a.id, label: a.label, title: a.title, status: a.status })),
    openFlags: flags.map((f) => ({ ...f, createdAt: new Date(f.createdAt).toISOString() })),
    settings: {
      label: settings.label,
      commentMinDays: settings.commentWhenAffectsRights.minDays,
      commentBasis: settings.commentWhenAffectsRights.basis,
      fairCompetitionBasis: settings.fairCompetitionWhenMarket.basis,
      filingWith: settings.filingWith,
      filingRule: settings.filingRule,
      validityRule: d.provisional ? settings.provisionalValidityRule : settings.validityRule,
      sourceNote: settings.sourceNote,
    },
    abilities,
    matter: { ...presented, transitions: abilities.transition ? presented.transitions : [] },
    versions: (await versionsOfFamily(q, d.familyId)).map((v) => ({
      id: v.id,
      versionNo: v.versionNo,
      number: v.number,
      state: v.state,
      stateLabel: stateLabel(v.state),
      publishedOn: v.publishedOn,
      endedOn: v.endedOn,
    })),
    cleanups: (await cleanupsOf(q, d.id)).map((c) => ({
      ...c,
      kindLabel: cleanupKinds[c.kind as CleanupKind] ?? c.kind,
      outcomeLabel: cleanupOutcomes[c.outcome as CleanupOutcome] ?? c.outcome,
    })),
    deadlines: await deadlinesOf(q, d.id),
  };
}

export async function listPlans(q: Queryable, p: Principal, year?: number) {
  const bodies = [...new Set([...p.scope, ...(await orgChain(q, p.orgId))])];
  const plans = (
    await q.query<{ id: string; bodyId: string; bodyName: string; year: number; note: string }>(
      `select n.id, n.body_id as "bodyId", o.name as "bodyName", n.year, n.note from normative_plans n join orgs o on o.id = n.body_id
        where n.body_id = any($1) and ($2::int is null or n.year = $2) order by n.year desc, o.name`,
      [bodies, year ?? null],
    )
  ).rows;
  const out = [];
  for (const plan of plans) {
    const a = await bodyAbilities(q, p, plan.bodyId);
    if (!a.read) continue;
    const items = (
      await q.query<{
        id: string;
        title: string;
        unitId: string;
        unitName: string;
        reason: string;
        plannedQuarter: number | null;
        documentId: string | null;
        documentState: string | null;
      }>(
        `select i.id, i.title, i.unit_id as "unitId", u.name as "unitName", i.reason, i.planned_quarter as "plannedQuarter", i.document_id as "documentId",
                d.state as "documentState"
           from normative_plan_items i join orgs u on u.id = i.unit_id left join normative_documents d on d.id = i.document_id
          where i.plan_id = $1 order by i.created_at`,
        [plan.id],
      )
    ).rows;
    out.push({ ...plan, manage: a.manage, items: items.map((i) => ({ ...i, documentStateLabel: i.documentState ? stateLabel(i.documentState) : null })) });
  }
  return { items: out };
}

/** What calls for a cleanup decision (a cited law changed, validity ending or over, the filing review's objection) and the decisions taken. */
export async function cleanupView(q: Queryable, p: Principal, today = chinaToday()) {
  const params: unknown[] = [];
  const cond = await visibleDocumentsSql(q, p, params);
  const soon = addDays(today, 90);
  const rows = (
    await q.query<ListRow & { cleanedAfterExpiry: boolean }>(
      `select ${listColumns},
              exists (select 1 from normative_cleanups c where c.document_id = d.id and c.decided_on >= coalesce(d.ended_on, d.expires_on)) as "cleanedAfterExpiry"
         from normative_documents d join orgs b on b.id = d.body_id join orgs u on u.id = d.unit_id
        where ${cond} and (d.state in ('published', 'filed', 'inForce') or d.state = 'expired')
        order by d.expires_on nulls last`,
      params,
    )
  ).rows;
  const due = [];
  for (const r of rows) {
    const reasons: { kind: 'lawChange' | 'expiring' | 'expired' | 'filing' | 'periodic'; label: string }[] = [];
    if (r.state === 'expired') {
      if (!r.cleanedAfterExpiry) reasons.push({ kind: 'expired', label: `有效期已于 ${r.expiresOn} 届满，待确认失效` });
    } else {
      if (Number(r.openFlags) > 0) reasons.push({ kind: 'lawChange', label: `所依据的上位法条文有 ${r.openFlags} 处变化` });
      if (r.expiresOn && r.expiresOn <= soon) reasons.push({ kind: 'expiring', label: `有效期至 ${r.expiresOn}，须评估是否继续有效` });
      if (r.filingResult === 'correctionRequired' || r.filingResult === 'notRegistered')
        reasons.push({ kind: 'filing', label: `备案审查结果：${filingResults[r.filingResult]}` });
    }
    if (reasons.length) due.push({ ...listItem(r), reasons });
  }
  const dparams: unknown[] = [];
  const dcond = await visibleDocumentsSql(q, p, dparams);
  const decisions = (
    await q.query<{
      id: string;
      documentId: string;
      title: string;
      number: string | null;
      kind: string;
      round: string;
      outcome: string;
      reason: string;
      decidedOn: string;
      flagIds: string[];
      newVersionId: string | null;
      createdAt: string;
    }>(
      `select c.id, c.document_id as "documentId", d.title, d.number, c.kind, c.round, c.outcome, c.reason, c.decided_on as "decidedOn", c.flag_ids as "flagIds",
              c.new_version_id as "newVersionId", c.created_at as "createdAt"
         from normative_cleanups c join normative_documents d on d.id = c.document_id where ${dcond} order by c.decided_on desc, c.created_at desc limit 200`,
      dparams,
    )
  ).rows;
  return {
    today,
    due,
    decisions: decisions.map((c) => ({
      ...c,
      createdAt: new Date(c.createdAt).toISOString(),
      kindLabel: cleanupKinds[c.kind as CleanupKind] ?? c.kind,
      outcomeLabel: cleanupOutcomes[c.outcome as CleanupOutcome] ?? c.outcome,
    })),
  };
}

// ─── public ───

const PUBLISHED = ['published', 'filed', 'inForce', 'amended', 'repealed', 'invalid', 'expired'];

type PublicRow = {
  id: string;
  title: string;
  number: string;
  bodyName: string;
  publishedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  state: string;
};
const publicItem = (r: PublicRow): PublicDocumentItem => {
  const status = libraryStatusOf(r.state) as LibraryStatus;
  return {
    id: r.id,
    title: r.title,
    number: r.number,
    bodyName: r.bodyName,
    publishedOn: r.publishedOn,
    effectiveOn: r.effectiveOn,
    expiresOn: r.expiresOn,
    status,
    statusLabel: libraryStatusLabels[status],
  };
};
const publicColumns = `d.id, d.title, d.number, b.name as "bodyName", d.published_on as "publishedOn", d.effective_on as "effectiveOn", d.expires_on as "expiresOn", d.state`;

/** The published documents (the portal and the law library): every status, newest first. */
export async function publicDocuments(q: Queryable, f: { status?: LibraryStatus; q?: string; limit: number; offset: number }) {
  const params: unknown[] = [PUBLISHED];
  let cond = '';
  if (f.status) {
    params.push(PUBLISHED.filter((s) => libraryStatusOf(s) === f.status));
    cond += ` and d.state = any($${params.length})`;
  }
  if (f.q) {
    params.push(`%${f.q.slice(0, 100).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    cond += ` and (d.title ilike $${params.length} or d.number ilike $${params.length} or d.search_text ilike $${params.length})`;
  }
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from normative_documents d where d.state = any($1) ${cond}`, params)).rows[0].n;
  const n = params.length;
  const rows = (
    await q.query<PublicRow>(
      `select ${publicColumns} from normative_documents d join orgs b on b.id = d.body_id where d.state = any($1) ${cond}
        order by d.published_on desc, d.id limit $${n + 1} offset $${n + 2}`,
      [...params, f.limit, f.offset],
    )
  ).rows;
  return { total, items: rows.map(publicItem) };
}

export async function publicDocument(q: Queryable, id: string): Promise<PublicDocument | null> {
  const r = (
    await q.query<
      PublicRow & { articles: DocumentRow['articles']; interpretation: string; endedOn: string | null; endedReason: string | null; familyId: string }
    >(
      `select ${publicColumns}, d.articles, d.interpretation, d.ended_on as "endedOn", d.ended_reason as "endedReason", d.family_id as "familyId"
         from normative_documents d join orgs b on b.id = d.body_id where d.id = $1 and d.state = any($2)`,
      [id, PUBLISHED],
    )
  ).rows[0];
  if (!r) return null;
  const versions = (
    await q.query<PublicRow>(
      `select ${publicColumns} from normative_documents d join orgs b on b.id = d.body_id where d.family_id = $1 and d.state = any($2) order by d.version_no`,
      [r.familyId, PUBLISHED],
    )
  ).rows.map(publicItem);
  return {
    ...publicItem(r),
    articles: articlesOut(r),
    interpretation: r.interpretation,
    endedOn: r.endedOn,
    // a repeal's or an invalidity's reason is public; the internal reference of a superseding version is not
    endedReason: r.state === 'amended' ? '已被新版本修改' : r.endedReason,
    versions: versions.map((v) => ({ id: v.id, number: v.number, publishedOn: v.publishedOn, status: v.status, statusLabel: v.statusLabel })),
  };
}
