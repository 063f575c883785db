/**
 * Full-text search over every version of every article (法律法规检索), fast at any library size.
 *
 * Match: the query's bigram and word tokens through the GIN index on search_vec (see
 * domain/cjkTokens.ts); a lone Han character, which has no bigram, through the GIN index on
 * search_chars (every character of the article, migration 0019) — the same articles a substring
 * match finds.
 *
 * Order — one definition, computed by either plan below:
 *   1. the share of the query's words found verbatim (the article holding 听证程序 before the one
 *      holding 听证 and 程序 apart);
 *   2. the share of the law's short title a word covers (食品安全法 before 食品安全法实施条例);
 *   3. the version in force first, then law (source id), newest version, article order.
 * rank = exact share + TITLE_BONUS / words × title share, so a title match never outweighs a
 * verbatim word. There is no ts_rank (term frequency): it is the one signal that needs every hit
 * read, and that is what made frequent terms slow (罚款: 11,850 hits in a 50× library, 130 ms).
 *
 * Plans:
 *  - exact: when at most `exactLimit` articles match (a capped count through the index decides),
 *    all of them are ranked and the total is exact;
 *  - walk: otherwise the versions are taken in rank order (title share, in force, law, newest) and
 *    each version's articles in article order, keeping those holding every word verbatim, until the
 *    page is full: a frequent term fills a page from its first few versions. The total is then
 *    reported as "more than exactLimit" (totalCapped). Should the verbatim tier run short of the
 *    page (many token hits, few verbatim: rare), the exact plan runs without its cap.
 */
import { planSearch, type SearchPlan } from '../../domain/cjkTokens.ts';
import { chinaToday } from '../../domain/dates.ts';
import { lawLevelLabels, lawStatusLabels, type LawLevel, type LawStatus } from '../../domain/lawMetadata.ts';
import { needlesFor, snippet } from '../../domain/searchSnippet.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { versionStatusSql } from './citations.ts';
import type { TSearchQuery, TSearchResult } from './schema.ts';

export const EXACT_BONUS = 1;
export const TITLE_BONUS = 0.5;
/** above this many hits the total is not counted, and the page comes from the ordered walk */
export const EXACT_LIMIT = 1000;

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
}

/** A tsquery of literal lexemes (array_to_tsvector lexemes are not parsed, so neither are these). */
const lexemeQuery = (lexemes: string[]) => lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');

/** A word every hit holds verbatim once it matches its tokens: one or two Han characters, or one ASCII word. */
const tokenIsWord = (term: string) => /^\p{Script=Han}{1,2}$/u.test(term) || /^[a-z0-9]{1,40}$/.test(term);

/**
 * One statement's SQL and parameters out of a list shared by several statements: the $n it uses,
 * renumbered from $1 (a statement may not be given parameters it does not use).
 */
export function bind(sql: string, params: unknown[]): [string, unknown[]] {
  const renumbered = new Map<number, number>();
  const text = sql.replace(/\$(\d+)/g, (_, d: string) => {
    const i = Number(d);
    if (!renumbered.has(i)) renumbered.set(i, renumbered.size + 1);
    return `$${renumbered.get(i)}`;
  });
  return [text, [...renumbered.keys()].map((i) => params[i - 1])];
}

export type SearchPlanName = 'exact' | 'walk' | 'exactUncapped';

/** The SQL of a search, for both plans (exported for the benchmark's query plans). */
export function searchSql(query: TSearchQuery, today = chinaToday(), exactLimit = EXACT_LIMIT) {
  // the index holds short titles (行政处罚法), so the state's name in front of a title is not a search word
  const plan = planSearch(query.q.replace(/中华人民共和国(?=\S)/g, ''));
  const params: unknown[] = [today];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const status = versionStatusSql('v', '$1');
  // the match, as the index sees it, and row by row (the function form, which no index answers)
  const indexed: string[] = [];
  const rowwise: string[] = [];
  if (plan.tsquery) {
    const p = add(plan.tsquery);
    indexed.push(`a.search_vec @@ to_tsquery('simple', ${p})`);
    rowwise.push(`ts_match_vq(a.search_vec, to_tsquery('simple', ${p}))`);
  }
  if (plan.singles.length) {
    const p = add(lexemeQuery(plan.singles));
    indexed.push(`a.search_chars @@ ${p}::tsquery`);
    rowwise.push(`ts_match_vq(a.search_chars, ${p}::tsquery)`);
  }
  const filters: string[] = [];
  if (query.level) filters.push(`s.level = ${add(query.level)}`);
  if (query.status) filters.push(`${status} = ${add(query.status)}`);
  if (query.issuer) filters.push(`s.issuer = ${add(query.issuer)}`);
  if (query.sourceId) filters.push(`v.source_id = ${add(query.sourceId)}`);
  if (query.from) filters.push(`v.promulgated_on >= ${add(query.from)}::date`);
  if (query.to) filters.push(`v.promulgated_on <= ${add(query.to)}::date`);
  // one expression per word (at most 32), cheaper per row than a subquery over an array
  const words = plan.terms.map((t) => ({ p: add(t), len: [...t].length }));
  const n = Math.max(words.length, 1);
  const verbatim = words.map((w) => `(strpos(a.search_text, ${w.p}) > 0)`);
  const exactShare = words.length ? `(${verbatim.map((v) => `${v}::int`).join(' + ')})::float8 / ${n}` : '0::float8';
  const titleShare = words.length
    ? `greatest(${words.map((w) => `case when strpos(v.source_id, ${w.p}) > 0 then ${w.len}::float8 / char_length(v.source_id) else 0 end`).join(', ')})`
    : '0::float8';
  const titleBonus = `${TITLE_BONUS / n}::float8`;
  const limit = add(query.pageSize);
  const offset = add((query.page - 1) * query.pageSize);
  const cap = add(exactLimit + 1);
  const where = [...indexed, ...filters].join(' and ') || 'true';
  const from = 'law_articles a join law_versions v on v.id = a.version_id join legal_sources s on s.id = v.source_id';
  const columns = `a.id as "articleId", a.label, a.heading, a.body, v.source_id as "sourceId", v.title, s.level, v.id as "versionId",
           v.version_date as "versionDate", ${status} as "versionStatus"`;

  /** how many articles match, counted up to exactLimit + 1 */
  const count = `select count(*)::int as n from (select 1 from ${from} where ${where} limit ${cap}) c`;
  /** how many hit every word verbatim, counted up to exactLimit + 1: is the walk's tier dense enough to walk? */
  const countVerbatim = `select count(*)::int as n from (select 1 from ${from} where ${[where, ...verbatim].join(' and ')} limit ${cap}) c`;
  /** every hit ranked (few hits) */
  const exact = `
    select ${columns}, ${EXACT_BONUS} * ${exactShare} + ${titleBonus} * ${titleShare} as rank, count(*) over ()::int as total
      from ${from}
     where ${where}
     order by rank desc, (${status} = 'effective') desc, v.source_id collate "C", v.version_date desc, a.ordinal, a.suffix
     limit ${limit} offset ${offset}`;
  /**
   * the verbatim tier in rank order, version by version (many hits): `offset 0` keeps both subqueries
   * as written — the versions sorted once, a nested loop reading one version's articles at a time
   * through law_articles_version — so the limit stops the loop after the first few versions
   */
  const vs = (col: string) => `vs.${col}`;
  const walk = `
    select a.id as "articleId", a.label, a.heading, a.body, ${vs('source_id')} as "sourceId", ${vs('title')}, ${vs('level')},
           ${vs('id')} as "versionId", ${vs('version_date')} as "versionDate", ${vs('status')} as "versionStatus",
           ${EXACT_BONUS} + ${titleBonus} * ${vs('title_share')} as rank
      from (select v.id, v.source_id, v.title, v.version_date, s.level, ${status} as status, ${titleShare} as title_share,
                   ${status} = 'effective' as in_force, v.source_id collate "C" as source_key
              from law_versions v join legal_sources s on s.id = v.source_id
             ${filters.length ? `where ${filters.join(' and ')}` : ''}
             order by title_share desc, in_force desc, source_key, v.version_date desc
            offset 0) vs
     cross join lateral (
           select a.id, a.label, a.heading, a.body, a.ordinal, a.suffix
             from law_articles a
            where a.version_id = vs.id and ${[...rowwise, ...verbatim].join(' and ') || 'true'}
            order by a.ordinal, a.suffix
           offset 0) a
     order by ${vs('title_share')} desc, ${vs('in_force')} desc, ${vs('source_key')}, ${vs('version_date')} desc, a.ordinal, a.suffix
     limit ${limit} offset ${offset}`;
  return {
    plan,
    params,
    count,
    countVerbatim,
    exact,
    walk,
    /** the walk's verbatim tier is every hit */
    walkIsComplete: plan.terms.every(tokenIsWord),
    searchable: plan.tsquery !== null || plan.singles.length > 0,
  };
}

/**
 * How many hits to expect, from law_search_terms (no hit is read): `upper`, the fewest articles
 * holding any one lexeme of the query, bounds the hits; `estimate` takes each word's rarest lexeme
 * as that word's hits (a word's bigrams overlap, so they go together) and the words as independent.
 */
async function expectedHits(q: Queryable, plan: SearchPlan): Promise<{ upper: number; estimate: number; lexemes: number }> {
  const counts = new Map(
    (
      await q.query<{ field: string; lexeme: string; articles: number }>(
        `select field, lexeme, articles from law_search_terms
          where (field = 'all' and lexeme = '') or (field = 'vec' and lexeme = any($1::text[])) or (field = 'chars' and lexeme = any($2::text[]))`,
        [plan.tokens, plan.singles],
      )
    ).rows.map((r) => [`${r.field}:${r.lexeme}`, r.articles]),
  );
  const all = counts.get('all:') ?? 0;
  const df = (p: { tokens: string[]; singles: string[] }) =>
    Math.min(...p.tokens.map((t) => counts.get(`vec:${t}`) ?? 0), ...p.singles.map((c) => counts.get(`chars:${c}`) ?? 0));
  const words = plan.terms.map((t) => df(planSearch(t))).filter(Number.isFinite);
  const estimate = words.reduce((e, n) => (all ? (e * n) / all : 0), all);
  return { upper: df(plan), estimate, lexemes: plan.tokens.length + plan.singles.length };
}

/** Runs a search: the plan chosen from the lexeme counts (see the header), then snippets. */
export async function searchLaws(q: Queryable, query: TSearchQuery, opts: { exactLimit?: number } = {}): Promise<TSearchResult & { plan?: SearchPlanName }> {
  const started = performance.now();
  const exactLimit = opts.exactLimit ?? EXACT_LIMIT;
  const s = searchSql(query, chinaToday(), exactLimit);
  const base = { q: query.q, page: query.page, pageSize: query.pageSize };
  if (!s.searchable) return { ...base, mode: 'none', total: 0, totalCapped: false, hits: [], sources: [], tookMs: 0 };
  const run = async (sql: string) => (await q.query<HitRow & { total?: number }>(...bind(sql, s.params))).rows;
  const expected = await expectedHits(q, s.plan);
  let planName: SearchPlanName = 'walk';
  const counted = async (sql: string) => (await q.query<{ n: number }>(...bind(sql, s.params))).rows[0].n;
  if (expected.upper <= exactLimit) planName = 'exact';
  else if (expected.estimate < 2 * exactLimit) {
    if ((await counted(s.count)) <= exactLimit) planName = 'exact';
  }
  // a word of three or more characters can match its bigrams in many articles and verbatim in few
  // (行政处罚法第六十三条): walking for those few would read the whole library, ranking the hits does not
  if (planName === 'walk' && !s.walkIsComplete && (await counted(s.countVerbatim)) <= exactLimit) planName = 'exactUncapped';
  let rows = await run(planName === 'walk' ? s.walk : s.exact);
  let total = rows[0]?.total ?? 0;
  let totalCapped = false;
  // a page past the last hit has no row to carry the count: count them (up to exactLimit)
  if (planName !== 'walk' && !rows.length && query.page > 1) {
    const n = await counted(s.count);
    [total, totalCapped] = n > exactLimit ? [exactLimit, true] : [n, false];
  }
  if (planName === 'walk') {
    // one lexeme, no filter: every article holding it is a hit, and law_search_terms counted them
    const unfiltered = !query.level && !query.status && !query.issuer && !query.sourceId && !query.from && !query.to;
    if (expected.lexemes === 1 && unfiltered && s.walkIsComplete) total = expected.upper;
    else [total, totalCapped] = [exactLimit, true];
    if (rows.length < query.pageSize && !s.walkIsComplete) {
      // the verbatim tier ran short of the page: rank every hit (rare, slow, exact)
      planName = 'exactUncapped';
      rows = await run(s.exact);
      if (rows.length) [total, totalCapped] = [rows[0].total ?? 0, false];
    }
  }
  const sources = s.plan.terms.length
    ? (
        await q.query<{ id: string; title: string; level: LawLevel }>(
          `select id, title, level from legal_sources s
          where not exists (select 1 from unnest($1::text[]) t where strpos(s.title, t) = 0) order by id limit 10`,
          [s.plan.terms],
        )
      ).rows
    : [];
  return {
    ...base,
    mode: s.plan.tsquery ? 'index' : 'substring',
    total,
    totalCapped,
    plan: planName,
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
      snippet: snippet(r.body, needlesFor(r.body, s.plan)),
      rank: Math.round(r.rank * 10_000) / 10_000,
    })),
    sources: sources.map((x) => ({ ...x, levelLabel: lawLevelLabels[x.level] })),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
