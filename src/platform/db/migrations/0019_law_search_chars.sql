-- 法律法规检索 at scale (issue 19): a one-character query (罚) is answered by an index instead of
-- an ILIKE scan. search_chars holds every distinct character of search_text (no positions) as a
-- lexeme, so `search_chars @@ '罚'` finds exactly the articles whose search_text contains 罚 —
-- the same set as `search_text like '%罚%'`, through a GIN index. The bigram search_vec is left
-- as it is (publications share its tokenizer).
--
-- law_search_chars() is the one definition: the importer calls it for new articles, and this
-- migration calls it for the articles already stored.
create function law_search_chars(t text) returns tsvector
  language sql immutable parallel safe
  as $$ select array_to_tsvector(coalesce(array_agg(distinct c), '{}')) from string_to_table(t, null) as c where c !~ '^\s$' $$;

alter table law_articles add column search_chars tsvector;
update law_articles set search_chars = law_search_chars(search_text);
alter table law_articles alter column search_chars set not null;
create index law_articles_search_chars on law_articles using gin (search_chars);

-- How many articles hold each lexeme (and, under field 'all', how many articles there are): the
-- search reads a handful of rows here to choose its plan without touching the hits — a word in at
-- most a thousand articles is ranked in full, a frequent one is walked in rank order — and, for a
-- one-word query, to report the exact total without counting 11,850 rows. The importer adds each
-- new version's counts in its transaction (articles are never deleted).
create table law_search_terms (
  field     text not null check (field in ('vec', 'chars', 'all')),  -- search_vec / search_chars lexemes, or the article count
  lexeme    text not null,
  articles  int not null,
  primary key (field, lexeme)
);
insert into law_search_terms (field, lexeme, articles)
  select 'vec', word, ndoc from ts_stat('select search_vec from law_articles')
  union all select 'chars', word, ndoc from ts_stat('select search_chars from law_articles')
  union all select 'all', '', count(*)::int from law_articles;
