/**
 * The one way the platform cites the law: a subject (power item, violation, benchmark, …) lists the
 * article versions it relies on. Legal references are always article ids
 * (`行政处罚法@2021-01-22#第六十三条`), never free text.
 */
import { chinaToday } from '../../domain/dates.ts';
import type { LawStatus } from '../../domain/lawMetadata.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';

export type CitationRole = 'basis' | 'violates' | 'punishes' | 'other';
export const citationRoles: readonly CitationRole[] = ['basis', 'violates', 'punishes', 'other'];

export interface CitationRef {
  articleId: string;
  role: CitationRole;
}

export interface CitedArticleInfo {
  id: string;
  label: string;
  sourceId: string;
  /** the law's full title as the cited version reads it */
  title: string;
  versionId: string;
  versionDate: string;
  body: string;
  /** the cited version's status today */
  status: LawStatus;
}

/**
 * The status of a version on a day, in SQL (`v` = law_versions alias, `today` = a parameter
 * placeholder holding YYYY-MM-DD). Mirrors lawMetadata.versionStatusOn.
 */
export const versionStatusSql = (v: string, today: string) =>
  `(case when ${v}.repealed_on is not null and ${v}.repealed_on <= ${today}::date then 'repealed'
         when ${v}.status = 'amended' then 'amended'
         when ${v}.effective_on is not null and ${v}.effective_on > ${today}::date then 'notYetEffective'
         else 'effective' end)`;

/** The cited articles that exist, with their law and version (unknown ids are left out). */
export async function articlesByIds(q: Queryable, ids: string[], today = chinaToday()): Promise<CitedArticleInfo[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const r = await q.query<CitedArticleInfo>(
    `select a.id, a.label, a.source_id as "sourceId", v.title, v.id as "versionId", v.version_date as "versionDate", a.body,
            ${versionStatusSql('v', '$2')} as status
       from law_articles a join law_versions v on v.id = a.version_id
      where a.id = any($1::text[])`,
    [unique, today],
  );
  const byId = new Map(r.rows.map((x) => [x.id, x]));
  return unique.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/**
 * Replaces the subject's citations. Throws 422 ARTICLE_NOT_FOUND naming every unknown id (and
 * writes nothing). Call it inside the command's transaction, next to its record entry.
 */
export async function setCitations(tx: Queryable, subjectType: string, subjectId: string, refs: CitationRef[]): Promise<void> {
  const bad = refs.filter((r) => !citationRoles.includes(r.role));
  if (bad.length) throw new AppError('CITATION_ROLE_INVALID', `引用角色无效：${[...new Set(bad.map((b) => b.role))].join('、')}`);
  const ids = [...new Set(refs.map((r) => r.articleId))];
  const known = new Set((await articlesByIds(tx, ids)).map((a) => a.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new AppError('ARTICLE_NOT_FOUND', `法律法规数据库中没有这些条文：${unknown.join('、')}`, { articleIds: unknown });
  }
  await tx.query('delete from citations where subject_type = $1 and subject_id = $2', [subjectType, subjectId]);
  const unique = [...new Map(refs.map((r) => [`${r.articleId}\u0000${r.role}`, r])).values()];
  if (!unique.length) return;
  await tx.query(
    `insert into citations (subject_type, subject_id, article_id, role)
     select $1, $2, t.article_id, t.role from unnest($3::text[], $4::text[]) as t(article_id, role)`,
    [subjectType, subjectId, unique.map((r) => r.articleId), unique.map((r) => r.role)],
  );
}

/** What a subject cites. */
export async function citationsOf(q: Queryable, subjectType: string, subjectId: string): Promise<CitationRef[]> {
  const r = await q.query<CitationRef>(
    'select article_id as "articleId", role from citations where subject_type = $1 and subject_id = $2 order by article_id, role',
    [subjectType, subjectId],
  );
  return r.rows;
}
