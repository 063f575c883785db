/**
 * 清理: a periodic, ad-hoc, law-change or filing-triggered review of a document decides to keep, amend,
 * repeal or declare it invalid, with its reason (国办发〔2018〕37号: 动态清理). Recorded on the document; repeal
 * and invalidity end it through the workflow (废止、宣布失效); amendment opens the draft of its next version,
 * which goes through every step again and makes this one 已修改 when it is published. A document that has
 * already expired can only be confirmed invalid (确认失效).
 */
import { randomUUID } from 'node:crypto';
import { cleanupOutcomes, inForceStates, normativeStates, type NormativeState } from '../../../domain/normativeDocuments/rules.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { findMatter, transitionIn } from '../../../platform/workflow/engine.ts';
import { clearBasisFlagIn } from '../../laws/index.ts';
import { documentAbilities } from '../access.ts';
import type { TCleanupInput } from '../schema.ts';
import { findDocument, NORMATIVE_DOCUMENT } from '../store.ts';
import { insertDraft } from './drafts.ts';

export async function recordCleanup(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: TCleanupInput,
): Promise<{ cleanupId: string; newVersionId: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const d = await findDocument(tx, id);
    const m = d && (await findMatter(tx, id));
    const a = d && (await documentAbilities(tx, p, d));
    if (!d || !m || !a?.read) throw notFound('规范性文件');
    if (!a.cleanup) throw forbidden('只有法制审核人员、局领导和系统管理员可以作出清理决定');
    if (m.version !== input.expectedVersion) throw new AppError('CONCURRENT_CHANGE', '事项已被他人办理，请刷新后重试');
    const active = (inForceStates as readonly string[]).includes(m.state);
    if (!active && !(m.state === 'expired' && input.outcome === 'invalid')) {
      throw new AppError(
        'NORMATIVE_CLEANUP_NOT_ALLOWED',
        m.state === 'expired'
          ? '有效期已届满的文件只能确认失效'
          : `该文件当前为“${normativeStates[m.state as NormativeState] ?? m.state}”，只有现行有效的文件可以清理（${cleanupOutcomes[input.outcome]}）`,
      );
    }
    if (input.outcome === 'amend') {
      const open = await tx.query(`select 1 from normative_documents where previous_id = $1 and state not in ('abandoned')`, [id]);
      if (open.rows.length) throw new AppError('NORMATIVE_CLEANUP_NOT_ALLOWED', '该文件已有修改中的新版本');
    }
    if (input.flagIds.length) {
      const known = await tx.query<{ id: string }>(`select id from basis_flags where id = any($1) and subject_type = $2 and subject_id = $3`, [
        input.flagIds,
        NORMATIVE_DOCUMENT,
        id,
      ]);
      if (known.rows.length !== input.flagIds.length) throw new AppError('NORMATIVE_FLAG_UNKNOWN', '所选的上位法变化提示不属于该文件');
    }
    const cleanupId = randomUUID();
    let newVersionId: string | null = null;
    if (input.outcome === 'amend') {
      newVersionId = await insertDraft(
        tx,
        ctx,
        p,
        {
          unitId: d.unitId,
          title: d.title,
          provisional: d.provisional,
          affectsRights: d.affectsRights,
          concernsMarket: d.concernsMarket,
          articles: d.articles,
          necessity: `（修改）${input.reason}`,
          impact: d.impact,
          citations: (
            await tx.query<{ a: string }>('select distinct article_id as a from citations where subject_type = $1 and subject_id = $2', [
              NORMATIVE_DOCUMENT,
              id,
            ])
          ).rows.map((r) => r.a),
        },
        d,
      );
    }
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: d.unitId,
      matterType: NORMATIVE_DOCUMENT,
      matterId: id,
      eventType: 'normativeDocument.cleanedUp',
      payload: {
        cleanupId,
        documentId: id,
        kind: input.kind,
        round: input.round,
        outcome: input.outcome,
        reason: input.reason,
        decidedOn: input.decidedOn,
        flagIds: input.flagIds,
        newVersionId,
      },
    });
    await tx.query(
      `insert into normative_cleanups (id, document_id, kind, round, outcome, reason, decided_on, flag_ids, new_version_id, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9,$10)`,
      [cleanupId, id, input.kind, input.round, input.outcome, input.reason, input.decidedOn, JSON.stringify(input.flagIds), newVersionId, p.userId],
    );
    // the law-change flags it answers (checked above to be this document's) are cleared on the record, with the decision as
    // the note; the document's cleanup policy authorized the act
    for (const flagId of input.flagIds)
      await clearBasisFlagIn(tx, ctx, p, flagId, `规范性文件清理决定：${cleanupOutcomes[input.outcome]}。${input.reason}`.slice(0, 500), true);
    if (active && (input.outcome === 'repeal' || input.outcome === 'invalid')) {
      await transitionIn(tx, ctx, p, {
        matterId: id,
        transition: input.outcome === 'repeal' ? 'repeal' : 'declareInvalid',
        expectedVersion: m.version,
        input: { reason: input.reason },
        date: input.decidedOn,
      });
    }
    return { cleanupId, newVersionId };
  });
}
