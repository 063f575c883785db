/** The staff reads of 行政复议 and 行政应诉: the lists (also by subject), a file, the remedies of a subject. */
import {
  appearanceKinds,
  effectLabels,
  hearingKindLabels,
  instanceLabels,
  judgmentKinds,
  judgmentOutcomes,
  reconsiderationOutcomes,
  subjectKinds,
  type ActEffect,
} from '../../domain/remedies/rules.ts';
import { matterPages, matterTypeLabels } from '../../domain/vocabulary.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { remedyAbilities, visibleRemediesSql } from './access.ts';
import { lawsuitSelect, reconsiderationSelect, type Hearing, type LawsuitRow, type ReconsiderationRow, type RemedyType } from './store.ts';
import { executionLabels } from './transitions/inputs.ts';
import { lawsuitStates, reconsiderationStates } from './workflow.ts';

type Extra = { bodyName: string; nextDue: string | null; title: string };

const extraColumns = `, o.name as "bodyName", m.title,
  (select min(d.due_date) from matter_deadlines d where d.matter_id = r.id and d.status = 'open') as "nextDue"`;
const withExtra = (select: string, table: string) => select.replace(` from ${table} r`, `${extraColumns} from ${table} r join orgs o on o.id = r.body_id`);
const recSelect = withExtra(reconsiderationSelect, 'reconsiderations');
const lawSelect = withExtra(lawsuitSelect, 'lawsuits');

const commonItem = (r: (ReconsiderationRow | LawsuitRow) & Extra, states: Record<string, string>) => ({
  id: r.id,
  title: r.title,
  subjectType: r.subjectType,
  subjectTypeLabel: matterTypeLabels[r.subjectType] ?? r.subjectType,
  subjectId: r.subjectId,
  subjectKind: r.subjectKind,
  subjectKindLabel: subjectKinds[r.subjectKind] ?? r.subjectKind,
  subjectTitle: r.subjectTitle,
  subjectHref: matterPages[r.subjectType] ? `${matterPages[r.subjectType]}/${r.subjectId}` : null,
  bodyId: r.bodyId,
  bodyName: r.bodyName,
  fileNumber: r.fileNumber,
  receivedOn: r.receivedOn,
  state: r.state,
  stateLabel: states[r.state] ?? r.state,
  effect: r.effect,
  effectLabel: r.effect ? effectLabels[r.effect as ActEffect] : null,
  nextDue: r.nextDue,
});

const reconsiderationItem = (r: ReconsiderationRow & Extra) => ({
  ...commonItem(r, reconsiderationStates),
  applicant: r.applicant,
  reviewingBody: r.reviewingBody,
  lawVersion: r.lawVersion,
  selfDecided: r.selfDecided,
  answeredOn: r.answeredOn,
  outcome: r.outcome,
  outcomeLabel: r.outcome ? reconsiderationOutcomes[r.outcome].label : null,
  decidedOn: r.decidedOn,
});

const headAppeared = (hearings: Hearing[]) => (hearings.length ? hearings.some((h) => h.appearance === 'head') : null);

const lawsuitItem = (r: LawsuitRow & Extra) => ({
  ...commonItem(r, lawsuitStates),
  plaintiff: r.plaintiff,
  court: r.court,
  instance: r.instance,
  instanceLabel: instanceLabels[r.instance],
  defendedOn: r.defendedOn,
  outcome: r.outcome,
  outcomeLabel: r.outcome ? judgmentOutcomes[r.outcome].label : null,
  effectiveOn: r.effectiveOn,
  headAppeared: headAppeared(r.hearings),
});

const presentHearing = (h: Hearing) => ({
  ...h,
  kindLabel: hearingKindLabels[h.kind] ?? h.kind,
  appearanceLabel: h.appearance ? appearanceKinds[h.appearance] : null,
});

export interface ListFilter {
  subjectType?: string;
  subjectId?: string;
  state?: string;
  limit: number;
  offset: number;
}

async function listOf<T>(q: Queryable, p: Principal, type: RemedyType, f: ListFilter, present: (r: never) => T): Promise<{ total: number; items: T[] }> {
  const table = type === 'reconsideration' ? 'reconsiderations' : 'lawsuits';
  const params: unknown[] = [];
  let cond = ` and ${await visibleRemediesSql(q, p, params)}`;
  for (const [col, v] of [
    ['r.subject_type', f.subjectType],
    ['r.subject_id', f.subjectId],
    ['m.state', f.state],
  ] as const) {
    if (!v) continue;
    params.push(v);
    cond += ` and ${col} = $${params.length}`;
  }
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from ${table} r join matters m on m.id = r.id where true ${cond}`, params)).rows[0].n;
  const n = params.length;
  const rows = (
    await q.query(
      `${type === 'reconsideration' ? recSelect : lawSelect} where true ${cond} order by r.received_on desc, r.created_at desc limit $${n + 1} offset $${n + 2}`,
      [...params, f.limit, f.offset],
    )
  ).rows;
  return { total, items: rows.map((r) => present(r as never)) };
}

export const listReconsiderations = (q: Queryable, p: Principal, f: ListFilter) => listOf(q, p, 'reconsideration', f, reconsiderationItem);
export const listLawsuits = (q: Queryable, p: Principal, f: ListFilter) => listOf(q, p, 'lawsuit', f, lawsuitItem);

/** Every remedy of a subject the caller sees (the case page lists them; other modules through index.ts). */
export async function remediesOfSubject(q: Queryable, p: Principal, subject: { type: string; id: string }) {
  const f = { subjectType: subject.type, subjectId: subject.id, limit: 500, offset: 0 };
  return { reconsiderations: (await listReconsiderations(q, p, f)).items, lawsuits: (await listLawsuits(q, p, f)).items };
}

async function detailCommon(reg: Registry, q: Queryable, p: Principal, r: ReconsiderationRow | LawsuitRow) {
  const m = (await findMatter(q, r.id))!;
  const abilities = await remedyAbilities(q, p, r.bodyId);
  const pub = r.publicationId ? (await q.query<{ state: string }>('select state from publications where id = $1', [r.publicationId])).rows[0] : null;
  return {
    version: m.version,
    hearings: r.hearings.map(presentHearing),
    challengeId: r.challengeId,
    publicationId: r.publicationId,
    publicationState: pub?.state ?? null,
    deadlines: await deadlinesOf(q, r.id),
    transitions: abilities.handle ? presentMatter(reg, m, p).transitions : [],
    abilities,
  };
}

export async function reconsiderationDetail(reg: Registry, q: Queryable, p: Principal, id: string) {
  const r = (await q.query<ReconsiderationRow & Extra>(`${recSelect} where r.id = $1`, [id])).rows[0];
  if (!r || !(await remedyAbilities(q, p, r.bodyId)).read) return null;
  const lawsuits = (
    await q.query<{ id: string; title: string; state: string }>(
      `select l.id, m.title, m.state from lawsuits l join matters m on m.id = l.id where l.after_reconsideration_id = $1 order by l.received_on`,
      [id],
    )
  ).rows.map((l) => ({ id: l.id, title: l.title, stateLabel: lawsuitStates[l.state as keyof typeof lawsuitStates] ?? l.state }));
  return {
    ...reconsiderationItem(r),
    ...(await detailCommon(reg, q, p, r)),
    request: r.request,
    answer: r.answer,
    bundleHash: r.bundleHash,
    decisionNumber: r.decisionNumber,
    decisionSummary: r.decisionSummary,
    decisionFileId: r.decisionFileId,
    lawsuits,
  };
}

export async function lawsuitDetail(reg: Registry, q: Queryable, p: Principal, id: string) {
  const r = (await q.query<LawsuitRow & Extra>(`${lawSelect} where r.id = $1`, [id])).rows[0];
  if (!r || !(await remedyAbilities(q, p, r.bodyId)).read) return null;
  return {
    ...lawsuitItem(r),
    ...(await detailCommon(reg, q, p, r)),
    claims: r.claims,
    defence: r.defence,
    afterReconsiderationId: r.afterReconsiderationId,
    judgments: r.judgments.map((j) => ({
      ...j,
      instanceLabel: instanceLabels[j.instance],
      kindLabel: judgmentKinds[j.kind],
      outcomeLabel: judgmentOutcomes[j.outcome].label,
    })),
    execution: r.execution ? { ...r.execution, kindLabel: executionLabels[r.execution.kind as keyof typeof executionLabels] ?? r.execution.kind } : null,
  };
}
