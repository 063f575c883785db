/**
 * Full-text search over every version of every article (法律法规检索).
 * Match: all bigram/word tokens of the query through the GIN index on search_vec (see
 * domain/cjkTokens.ts); a lone Han character, which has no bigram, by ILIKE on search_text.
 * Rank: ts_rank, plus 1 × the share of the query's words found verbatim (so the article holding the
 * phrase beats one holding its bigrams scattered), plus up to 0.5 when a word is in the law's
 * short title (0.5 × the share of the title it covers, so 食品安全法 prefers 食品安全法 to its 实施条例);
 * ties go to the version in force, then to law order.
 */
import { planSearch } from '../../domain/cjkTokens.ts';
import { chinaToday } from '../../domain/dates.ts';
import { lawLevelLabels, lawStatusLabels, type LawLevel, type LawStatus } from '../../domain/lawMetadata.ts';
import { needlesFor, snippet } from '../../domain/searchSnippet.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { versionStatusSql } from './citations.ts';
import type { TSearchQuery, TSearchResult } from './schema.ts';

export const EXACT_BONUS = 1;
export const TITLE_BONUS = 0.5;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface HitRow {
  articleId: string;
  label: string;
  heading: string | null;
  body: string;
  sourceId: string;
  title: string;
  level: LawLevel;
  versionId: string;
  versionDate: string;
  versionStatus: LawStatus;
  rank: number;
  total: number;
}

/** The SQL of a search (exported for the benchmark, which runs it with and without the index). */
export function searchSql(query: TSearchQuery, today = chinaToday()) {
  // the index holds short titles (行政处罚法), so the state's name in front of a title is not a search word
  const plan = planSearch(query.q.replace(/中华人民共和国(?=\S)/g, ''));
  const params: unknown[] = [today];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const status = versionStatusSql('v', '$1');
  const where: string[] = [];
  let tsRank = '0';
  if (plan.tsquery) {
    const tsq = `to_tsquery('simple', ${add(plan.tsquery)})`;
    where.push(`a.search_vec @@ ${tsq}`);
    tsRank = `ts_rank(a.search_vec, ${tsq}, 1)`;
  }
  for (const single of plan.singles) where.push(`a.search_text ilike ${add(`%${escapeLike(single)}%`)}`);
  if (query.level) where.push(`s.level = ${add(query.level)}`);
  if (query.status) where.push(`${status} = ${add(query.status)}`);
  if (query.issuer) where.push(`s.issuer = ${add(query.issuer)}`);
  if (query.sourceId) where.push(`a.source_id = ${add(query.sourceId)}`);
  if (query.from) where.push(`v.promulgated_on >= ${add(query.from)}::date`);
  if (query.to) where.push(`v.promulgated_on <= ${add(query.to)}::date`);
  // one expression per word (at most 32), cheaper per row than a subquery over an array
  const words = plan.terms.map((t) => ({ p: add(t), len: [...t].length }));
  const exact = words.length ? words.map((w) => `(strpos(a.search_text, ${w.p}) > 0)::int`).join(' + ') : '0';
  const inTitle = words.length
    ? `greatest(${words.map((w) => `case when strpos(a.source_id, ${w.p}) > 0 then ${w.len}::float8 / char_length(a.source_id) else 0 end`).join(', ')})`
    : '0';
  const rank = `(${tsRank} + ${EXACT_BONUS} * (${exact})::float8 / ${Math.max(words.length, 1)} + ${TITLE_BONUS} * ${inTitle})::float8`;
  const limit = add(query.pageSize);
  const offset = add((query.page - 1) * query.pageSize);
  const sql = `
    select a.id as "articleId", a.label, a.heading, a.body, a.source_id as "sourceId", v.title, s.level, v.id as "versionId",
           v.version_date as "versionDate", ${status} as "versionStatus", ${rank} as rank, count(*) over () as total
      from law_articles a join law_versions v on v.id = a.version_id join legal_sources s on s.id = a.source_id
     where ${where.join(' and ')}
     order by rank desc, (${status} = 'effective') desc, a.source_id, v.version_date desc, a.ordinal, a.suffix
     limit ${limit} offset ${offset}`;
  return { plan, sql, params, searchable: where.length > 0 && (plan.tsquery !== null || plan.singles.length > 0) };
}

export async function searchLaws(q: Queryable, query: TSearchQuery): Promise<TSearchResult> {
  const started = performance.now();
  const { plan, sql, params, searchable } = searchSql(query);
  const base = { q: query.q, page: query.page, pageSize: query.pageSize };
  if (!searchable) return { ...base, mode: 'none', total: 0, hits: [], sources: [], tookMs: 0 };
  const rows = (await q.query<HitRow>(sql, params)).rows;
  const sources = plan.terms.length
    ? (
        await q.query<{ id: string; title: string; level: LawLevel }>(
          `select id, title, level from legal_sources s
          where not exists (select 1 from unnest($1::text[]) t where strpos(s.title, t) = 0) order by id limit 10`,
          [plan.terms],
        )
      ).rows
    : [];
  return {
    ...base,
    mode: plan.tsquery ? 'index' : 'substring',
    total: rows[0]?.total ?? 0,
    hits: rows.map((r) => ({
      articleId: r.articleId,
      label: r.label,
      heading: r.heading,
      sourceId: r.sourceId,
      title: r.title,
      level: r.level,
      levelLabel: lawLevelLabels[r.level],
      versionId: r.versionId,
      versionDate: r.versionDate,
      versionStatus: r.versionStatus,
      statusLabel: lawStatusLabels[r.versionStatus],
      snippet: snippet(r.body, needlesFor(r.body, plan)),
      rank: Math.round(r.rank * 10_000) / 10_000,
    })),
    sources: sources.map((s) => ({ ...s, levelLabel: lawLevelLabels[s.level] })),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
