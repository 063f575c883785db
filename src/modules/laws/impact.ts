/**
 * The impact mechanism (依据变更): when a law gets a new version or a version is repealed, every
 * citation of an affected article raises a basis flag on the citing subject's matter, recorded in
 * the same transaction as the import or repeal. Modules only write citations; this does the rest.
 */
import { randomUUID } from 'node:crypto';
import { basisChange, type BasisChangeKind, type VersionArticle } from '../../domain/basisChange.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/record/ledger.ts';

export interface AffectedCitation {
  subjectType: string;
  subjectId: string;
  articleId: string;
  change: BasisChangeKind;
  newArticleId: string | null;
}

const articlesOf = async (q: Queryable, versionId: string) =>
  (await q.query<VersionArticle>('select id, label, body from law_articles where version_id = $1 order by ordinal, suffix', [versionId])).rows;

/**
 * Citations affected by `newVersionId` superseding `supersededVersionId`: citations of any older
 * version of the law whose article (by number) changed between the superseded and the new text.
 * An article that the revision left unchanged raises nothing.
 */
export async function affectedByNewVersion(q: Queryable, sourceId: string, supersededVersionId: string, newVersionId: string): Promise<AffectedCitation[]> {
  const cited = (
    await q.query<{ subjectType: string; subjectId: string; articleId: string; label: string }>(
      `select distinct c.subject_type as "subjectType", c.subject_id as "subjectId", c.article_id as "articleId", a.label
       from citations c join law_articles a on a.id = c.article_id join law_versions v on v.id = a.version_id
      where a.source_id = $1 and v.version_date < (select version_date from law_versions where id = $2)
      order by 1, 2, 3`,
      [sourceId, newVersionId],
    )
  ).rows;
  if (!cited.length) return [];
  const superseded = new Map((await articlesOf(q, supersededVersionId)).map((a) => [a.label, a]));
  const next = await articlesOf(q, newVersionId);
  const out: AffectedCitation[] = [];
  for (const c of cited) {
    const change = basisChange(superseded.get(c.label) ?? null, next);
    if (change) out.push({ subjectType: c.subjectType, subjectId: c.subjectId, articleId: c.articleId, ...change });
  }
  return out;
}

/** Every citation of an article of a repealed version. */
export async function affectedByRepeal(q: Queryable, versionId: string): Promise<AffectedCitation[]> {
  const r = await q.query<{ subjectType: string; subjectId: string; articleId: string }>(
    `select distinct c.subject_type as "subjectType", c.subject_id as "subjectId", c.article_id as "articleId"
       from citations c join law_articles a on a.id = c.article_id where a.version_id = $1 order by 1, 2, 3`,
    [versionId],
  );
  return r.rows.map((c) => ({ ...c, change: 'repealed' as const, newArticleId: null }));
}

/** The org of each subject: the org of the latest record entry about it (null when it has none). */
async function subjectOrgs(q: Queryable, subjects: { subjectType: string; subjectId: string }[]): Promise<Map<string, string | null>> {
  const r = await q.query<{ t: string; id: string; org: string | null }>(
    `select distinct on (e.matter_type, e.matter_id) e.matter_type as t, e.matter_id as id, e.org_id as org
       from ledger_entries e join unnest($1::text[], $2::text[]) as s(t, id) on e.matter_type = s.t and e.matter_id = s.id
      order by e.matter_type, e.matter_id, e.seq desc nulls first, e.write_id desc`,
    [subjects.map((s) => s.subjectType), subjects.map((s) => s.subjectId)],
  );
  return new Map(r.rows.map((x) => [`${x.t}\u0000${x.id}`, x.org]));
}

/** Writes the flags and a `basis.flagged` entry on each citing subject's matter. */
export async function raiseBasisFlags(tx: Queryable, ctx: AppContext, actor: Actor, affected: AffectedCitation[], raisedByVersion: string): Promise<number> {
  if (!affected.length) return 0;
  const orgs = await subjectOrgs(tx, affected);
  for (const a of affected) {
    const id = randomUUID();
    const orgId = orgs.get(`${a.subjectType}\u0000${a.subjectId}`) ?? null;
    await tx.query(
      `insert into basis_flags (id, subject_type, subject_id, article_id, new_article_id, change, raised_by_version, org_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, a.subjectType, a.subjectId, a.articleId, a.newArticleId, a.change, raisedByVersion, orgId],
    );
    await ctx.ledger.append(tx, {
      actor,
      orgId,
      matterType: a.subjectType,
      matterId: a.subjectId,
      eventType: 'basis.flagged',
      payload: {
        flagId: id,
        subjectType: a.subjectType,
        subjectId: a.subjectId,
        articleId: a.articleId,
        newArticleId: a.newArticleId,
        change: a.change,
        raisedByVersion,
      },
    });
  }
  return affected.length;
}
