/**
 * The tokens of 行政执法公示's public search: the CJK bigrams of domain/cjkTokens.ts plus every Han
 * character on its own. A lone character in a query (隆, 张) then is one token matched through the
 * GIN index, instead of a substring scan of every listed publication — the scan that made a
 * one-character search the slowest query of the portal at 1 000 000 publications. The law library keeps
 * its own document (tokenDocument) and plan (planSearch); this file only adds to them.
 */
import { cjkTokens, normalizeSearchText, planSearch } from '../cjkTokens.ts';

const HAN = /\p{Script=Han}/u;

/** The distinct Han characters of a text, normalised as the tokens are (NFKC, code point by code point). */
export function hanChars(text: string): string[] {
  const out = new Set<string>();
  for (const ch of normalizeSearchText(text)) if (HAN.test(ch)) out.add(ch);
  return [...out];
}

/** The text to_tsvector('simple', …) indexes for a publication: its bigrams and words, then each Han character once. */
export const publicationDocument = (text: string): string => [...cjkTokens(text), ...hanChars(text)].join(' ');

/** to_tsquery('simple', …) input for a portal query (every token and every lone character required), or null when it has none. */
export function publicationTsquery(query: string): string | null {
  const plan = planSearch(query);
  const all = [...new Set([...plan.tokens, ...plan.singles])];
  return all.length ? all.map((t) => `'${t}'`).join(' & ') : null;
}
