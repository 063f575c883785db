/** 较大数额 per org: set (a new dated rule) and change; periods of the same org and kind must not overlap. */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical.ts';
import type { ThresholdKind } from '../../../domain/discretion/vocabulary.ts';
import { thresholdKinds } from '../../../domain/discretion/vocabulary.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { ancestorsOf } from '../../../platform/orgs.ts';
import { authorize, benchmarkPolicy, requireRole, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { setCitations } from '../../laws/index.ts';
import { findThreshold } from '../queries.ts';
import type { TThresholdRequest } from '../schema.ts';

async function assertNoOverlap(tx: Queryable, orgId: string, kind: ThresholdKind, from: string, to: string | null, exceptId: string | null) {
  if (to !== null && to < from) throw new AppError('THRESHOLD_VALIDITY_INVALID', '失效日期不能早于生效日期');
  await tx.query('select 1 from orgs where id = $1 for update', [orgId]);
  const r = await tx.query<{ validFrom: string; validTo: string | null }>(
    `select valid_from as "validFrom", valid_to as "validTo" from discretion_thresholds
      where org_id = $1 and kind = $2 and ($5::text is null or id <> $5)
        and valid_from <= coalesce($4::date, date '9999-12-31') and coalesce(valid_to, date '9999-12-31') >= $3::date`,
    [orgId, kind, from, to, exceptId],
  );
  const o = r.rows[0];
  if (o)
    throw new AppError('THRESHOLD_OVERLAP', `本机关已有 ${o.validFrom} 至 ${o.validTo ?? '长期'} 有效的${thresholdKinds[kind]}标准，有效期不能重叠`, {
      existing: o,
    });
}

export async function insertThreshold(tx: Queryable, ctx: AppContext, actor: Actor, input: TThresholdRequest): Promise<string> {
  await assertNoOverlap(tx, input.orgId, input.kind, input.validFrom, input.validTo, null);
  const id = randomUUID();
  const doc = input.documentNumber ?? null;
  await tx.query(
    `insert into discretion_thresholds (id, org_id, kind, valid_from, valid_to, natural_person_fen, organisation_fen, article_id, document_number, note)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [id, input.orgId, input.kind, input.validFrom, input.validTo, input.naturalPersonFen, input.organisationFen, input.articleId, doc, input.note],
  );
  await setCitations(tx, 'discretionThreshold', id, [{ articleId: input.articleId, role: 'basis' }]);
  await ctx.ledger.append(tx, {
    actor,
    orgId: input.orgId,
    matterType: 'discretionThreshold',
    matterId: id,
    eventType: 'discretionThreshold.set',
    payload: {
      thresholdId: id,
      orgId: input.orgId,
      kind: input.kind,
      validFrom: input.validFrom,
      validTo: input.validTo,
      naturalPersonFen: input.naturalPersonFen,
      organisationFen: input.organisationFen,
      articleId: input.articleId,
      documentNumber: doc,
      note: input.note,
    },
  });
  return id;
}

export async function setThreshold(ctx: AppContext, p: Principal, input: TThresholdRequest): Promise<string> {
  requireRole(p, 'admin', 'legalReviewer');
  if (!p.scope.has(input.orgId)) throw new AppError('ORG_NOT_FOUND', '机关不存在或不在您的管辖范围内');
  return inTransaction(ctx, async (tx) => {
    const art = await tx.query('select 1 from law_articles where id = $1', [input.articleId]);
    if (!art.rows.length) throw new AppError('ARTICLE_NOT_FOUND', `法律法规数据库中没有这些条文：${input.articleId}`, { articleIds: [input.articleId] });
    return insertThreshold(tx, ctx, actorOf(p), input);
  });
}

const columnOf: Record<string, string> = {
  validFrom: 'valid_from',
  validTo: 'valid_to',
  naturalPersonFen: 'natural_person_fen',
  organisationFen: 'organisation_fen',
  articleId: 'article_id',
  documentNumber: 'document_number',
  note: 'note',
};

export async function updateThreshold(ctx: AppContext, p: Principal, id: string, input: Partial<Omit<TThresholdRequest, 'orgId' | 'kind'>>): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const t = await findThreshold(tx, id);
    if (!t) throw notFound('较大数额标准');
    authorize(benchmarkPolicy(p, t, await ancestorsOf(tx, p.orgId)), 'update', '较大数额标准');
    const next = { ...t, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    const changes = Object.fromEntries(
      Object.keys(columnOf)
        .filter((k) => canonicalJson((t as never)[k] ?? null) !== canonicalJson((next as never)[k] ?? null))
        .map((k) => [k, (next as never)[k] ?? null]),
    );
    if (!Object.keys(changes).length) return;
    await assertNoOverlap(tx, t.orgId, t.kind, next.validFrom, next.validTo, id);
    if (changes.articleId) {
      const art = await tx.query('select 1 from law_articles where id = $1', [next.articleId]);
      if (!art.rows.length) throw new AppError('ARTICLE_NOT_FOUND', `法律法规数据库中没有这些条文：${next.articleId}`, { articleIds: [next.articleId] });
    }
    const keys = Object.keys(changes);
    await tx.query(`update discretion_thresholds set ${keys.map((k, i) => `${columnOf[k]} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`, [
      id,
      ...keys.map((k) => changes[k]),
    ]);
    await setCitations(tx, 'discretionThreshold', id, [{ articleId: next.articleId, role: 'basis' }]);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: t.orgId,
      matterType: 'discretionThreshold',
      matterId: id,
      eventType: 'discretionThreshold.updated',
      payload: { thresholdId: id, changes },
    });
  });
}
