/**
 * Tokens for Chinese full-text search without a segmenter or a database extension: every run of
 * Han characters becomes its overlapping bigrams (行政处罚 → 行政 政处 处罚), every run of ASCII
 * letters and digits one lower-cased word. The same function tokenises the indexed text and the
 * query, so a 2-character word such as 罚款 or 听证 is exactly one token, and a longer phrase
 * matches every text that contains all of its bigrams. The output only ever holds Han
 * characters and [a-z0-9], so it is safe to hand to to_tsvector / to_tsquery('simple', …).
 */

const HAN = /\p{Script=Han}/u;
const ALNUM = /[a-z0-9]/;
/** longer ASCII runs (hashes, long numbers) are cut: a tsvector lexeme has a size limit */
const MAX_WORD = 40;

/** NFKC (full-width letters and digits become ASCII) and lower case, code point by code point so offsets survive. */
export function normalizeChar(ch: string): string {
  const n = ch.normalize('NFKC').toLowerCase();
  return [...n].length === 1 ? n : ch.toLowerCase();
}

export function normalizeSearchText(text: string): string {
  let out = '';
  for (const ch of text) out += normalizeChar(ch);
  return out;
}

/** Calls back with each run of Han characters and each ASCII word, in text order. */
function scan(text: string, onHan: (run: string) => void, onWord: (word: string) => void): void {
  let han = '';
  let ascii = '';
  const flush = () => {
    if (han) onHan(han);
    if (ascii) onWord(ascii.slice(0, MAX_WORD));
    han = '';
    ascii = '';
  };
  for (const raw of text) {
    const ch = normalizeChar(raw);
    if (HAN.test(ch)) {
      if (ascii) flush();
      han += ch;
    } else if (ALNUM.test(ch)) {
      if (han) flush();
      ascii += ch;
    } else flush();
  }
  flush();
}

const bigrams = (run: string): string[] => {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
};

/** The tokens of a text, in order (a lone Han character between punctuation yields none). */
export function cjkTokens(text: string): string[] {
  const out: string[] = [];
  scan(
    text,
    (run) => out.push(...bigrams(run)),
    (word) => out.push(word),
  );
  return out;
}

/** The text to_tsvector('simple', …) indexes: the tokens separated by spaces, in order. */
export const tokenDocument = (text: string): string => cjkTokens(text).join(' ');

export interface SearchPlan {
  /** the query's words as typed (normalised), for the exact-substring bonus */
  terms: string[];
  /** distinct tokens, all of which a hit must contain */
  tokens: string[];
  /** lone Han characters (a 1-character word has no bigram): matched by substring instead */
  singles: string[];
  /** to_tsquery('simple', …) input, or null when the query has no tokens */
  tsquery: string | null;
  /** everything to highlight in a snippet */
  highlight: string[];
}

export const MAX_QUERY_TOKENS = 32;

/** How a search query is matched: tokens through the index, lone characters by substring. */
export function planSearch(query: string): SearchPlan {
  const terms = [
    ...new Set(
      normalizeSearchText(query)
        .split(/[\s\u3000]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_QUERY_TOKENS);
  const tokens = new Set<string>();
  const singles = new Set<string>();
  for (const term of terms) {
    scan(
      term,
      (run) => {
        if ([...run].length === 1) singles.add(run);
        else for (const b of bigrams(run)) tokens.add(b);
      },
      (word) => tokens.add(word),
    );
  }
  const list = [...tokens].slice(0, MAX_QUERY_TOKENS);
  return {
    terms,
    tokens: list,
    singles: [...singles].slice(0, 8),
    tsquery: list.length ? list.map((t) => `'${t}'`).join(' & ') : null,
    highlight: [...list, ...singles],
  };
}
