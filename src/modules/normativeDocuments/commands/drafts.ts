/**
 * 起草: a draft is a `normativeDocument` matter of its drafting unit with its structured text (articles), the
 * 起草说明 (necessity, impact) and the higher law it relies on (citations: the law library raises a basis
 * flag on the document when a cited article changes). Only a draft (起草中) is revised; every write is recorded.
 */
import { randomUUID } from 'node:crypto';
import { isProvisionalTitle } from '../../../domain/normativeDocuments/rules.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { enforcementBodyOf } from '../../../platform/orgs.ts';
import type { Principal } from '../../../platform/policies.ts';
import { createMatter, findMatter } from '../../../platform/workflow/engine.ts';
import { citationsOf, setCitations } from '../../laws/index.ts';
import { bodyAbilities, documentAbilities } from '../access.ts';
import type { TDraftInput, TReviseInput } from '../schema.ts';
import { findDocument, NORMATIVE_DOCUMENT, searchTextOf, type DocumentRow } from '../store.ts';
import { checkUnit } from './plans.ts';

const provisionalOf = (i: { provisional?: boolean; title: string }) => i.provisional ?? isProvisionalTitle(i.title);

/** Writes a new version's draft in the caller's transaction (a new document, or the next version of one). */
export async function insertDraft(
  tx: Queryable,
  ctx: AppContext,
  p: Principal,
  input: Omit<TDraftInput, 'planItemId'> & { planItemId?: string | null },
  previous: DocumentRow | null = null,
): Promise<string> {
  const bodyId = previous?.bodyId ?? (await enforcementBodyOf(tx, input.unitId));
  if (!bodyId) throw new AppError('NORMATIVE_UNIT_INVALID', '起草单位须是制定机关或其内设机构');
  await checkUnit(tx, input.unitId, bodyId);
  const a = await bodyAbilities(tx, p, bodyId);
  if (!a.read) throw notFound('制定机关');
  if (!a.draft || !(p.scope.has(input.unitId) || a.manage)) throw forbidden('只能为本单位起草规范性文件');
  if (input.planItemId) {
    const item = (
      await tx.query<{ bodyId: string; documentId: string | null }>(
        'select p.body_id as "bodyId", i.document_id as "documentId" from normative_plan_items i join normative_plans p on p.id = i.plan_id where i.id = $1',
        [input.planItemId],
      )
    ).rows[0];
    if (!item || item.bodyId !== bodyId) throw new AppError('NORMATIVE_PLAN_ITEM_INVALID', '制定计划项目不存在或不属于本机关');
    if (item.documentId) throw new AppError('NORMATIVE_PLAN_ITEM_INVALID', '该制定计划项目已经开始起草');
  }
  const id = randomUUID();
  const familyId = previous?.familyId ?? id;
  const versionNo = (previous?.versionNo ?? 0) + 1;
  const provisional = provisionalOf(input);
  await createMatter(tx, ctx, actorOf(p), { type: NORMATIVE_DOCUMENT, orgId: input.unitId, title: input.title, id });
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId: input.unitId,
    matterType: NORMATIVE_DOCUMENT,
    matterId: id,
    eventType: 'normativeDocument.drafted',
    payload: {
      documentId: id,
      bodyId,
      unitId: input.unitId,
      planItemId: input.planItemId ?? null,
      previousId: previous?.id ?? null,
      versionNo,
      title: input.title,
      provisional,
      affectsRights: input.affectsRights,
      concernsMarket: input.concernsMarket,
      articles: input.articles.map((x) => ({ chapter: x.chapter ?? null, text: x.text })),
      necessity: input.necessity,
      impact: input.impact,
      citations: input.citations,
    },
  });
  const articles = input.articles.map((x) => ({ chapter: x.chapter ?? null, text: x.text }));
  await tx.query(
    `insert into normative_documents (id, family_id, version_no, previous_id, body_id, unit_id, plan_item_id, title, provisional, affects_rights, concerns_market,
       articles, necessity, impact, state, search_text)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13,$14,'drafting',$15)`,
    [
      id,
      familyId,
      versionNo,
      previous?.id ?? null,
      bodyId,
      input.unitId,
      input.planItemId ?? null,
      input.title,
      provisional,
      input.affectsRights,
      input.concernsMarket,
      JSON.stringify(articles),
      input.necessity,
      input.impact,
      searchTextOf({ title: input.title, number: null, articles }),
    ],
  );
  await setCitations(
    tx,
    NORMATIVE_DOCUMENT,
    id,
    input.citations.map((articleId) => ({ articleId, role: 'basis' as const })),
  );
  if (input.planItemId) await tx.query('update normative_plan_items set document_id = $2 where id = $1', [input.planItemId, id]);
  if (input.planItemId) {
    const planId = (await tx.query<{ planId: string }>('select plan_id as "planId" from normative_plan_items where id = $1', [input.planItemId])).rows[0]
      .planId;
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: bodyId,
      matterType: 'normativePlan',
      matterId: planId,
      eventType: 'normativePlan.itemStarted',
      payload: { planId, itemId: input.planItemId, documentId: id },
    });
  }
  return id;
}

export async function createDraft(ctx: AppContext, p: Principal, input: TDraftInput): Promise<string> {
  return inTransaction(ctx, (tx) => insertDraft(tx, ctx, p, input));
}

/** 修改草案: replaces the text of a draft (起草中 only; the matter's version must be the one the caller saw). */
export async function reviseDraft(ctx: AppContext, p: Principal, id: string, input: TReviseInput): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const d = await findDocument(tx, id);
    const m = d && (await findMatter(tx, id));
    const a = d && (await documentAbilities(tx, p, d));
    if (!d || !m || !a?.read) throw notFound('规范性文件');
    if (!a.edit) throw forbidden('只有起草单位和法制审核人员可以修改草案');
    if (m.state !== 'drafting') throw new AppError('NORMATIVE_NOT_EDITABLE', '只有起草中的规范性文件可以修改文本；已提交的请先退回修改');
    if (m.version !== input.expectedVersion) throw new AppError('CONCURRENT_CHANGE', '事项已被他人办理，请刷新后重试');
    const articles = input.articles.map((x) => ({ chapter: x.chapter ?? null, text: x.text }));
    const provisional = provisionalOf(input);
    const before = await citationsOf(tx, NORMATIVE_DOCUMENT, id);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: d.unitId,
      matterType: NORMATIVE_DOCUMENT,
      matterId: id,
      eventType: 'normativeDocument.revised',
      payload: {
        documentId: id,
        title: input.title,
        provisional,
        affectsRights: input.affectsRights,
        concernsMarket: input.concernsMarket,
        articles,
        necessity: input.necessity,
        impact: input.impact,
        citations: input.citations,
        citationsBefore: before.map((c) => c.articleId),
      },
    });
    await tx.query(
      `update normative_documents set title = $2, provisional = $3, affects_rights = $4, concerns_market = $5, articles = $6::jsonb, necessity = $7, impact = $8,
         search_text = $9, updated_at = now() where id = $1`,
      [
        id,
        input.title,
        provisional,
        input.affectsRights,
        input.concernsMarket,
        JSON.stringify(articles),
        input.necessity,
        input.impact,
        searchTextOf({ ...d, articles }),
      ],
    );
    await tx.query('update matters set title = $2, updated_at = now() where id = $1', [id, input.title]);
    await setCitations(
      tx,
      NORMATIVE_DOCUMENT,
      id,
      input.citations.map((articleId) => ({ articleId, role: 'basis' as const })),
    );
  });
}
