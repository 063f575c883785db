/**
 * Search result snippets: a window of the article around the first match, every match wrapped in
 * <mark>, everything else HTML-escaped (the snippet is rendered as HTML, the law text is not trusted
 * to be markup-free).
 */
import { normalizeChar, normalizeSearchText, planSearch, type SearchPlan } from './cjkTokens.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** [start, end) ranges, in code points, of every occurrence of any needle, merged. */
export function matchRanges(text: string, needles: string[]): [number, number][] {
  const chars = [...text].map(normalizeChar);
  const hay = chars.join('');
  // map from UTF-16 offsets of the normalised text back to code point indexes
  const cpAt: number[] = [];
  chars.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) cpAt.push(i);
  });
  cpAt.push(chars.length);
  const ranges: [number, number][] = [];
  for (const n of new Set(needles.filter(Boolean))) {
    for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + 1)) ranges.push([cpAt[at], cpAt[at + n.length]]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Wraps the ranges in <mark> and escapes the rest. */
export function highlightHtml(text: string, ranges: [number, number][]): string {
  const chars = [...text];
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    if (e <= pos) continue;
    const from = Math.max(s, pos);
    out += escapeHtml(chars.slice(pos, from).join('')) + '<mark>' + escapeHtml(chars.slice(from, e).join('')) + '</mark>';
    pos = e;
  }
  return out + escapeHtml(chars.slice(pos).join(''));
}

/**
 * A snippet of about `width` characters starting a little before the first match (the beginning
 * of the text when nothing matches), with "…" where it was cut.
 */
export function snippet(text: string, needles: string[], width = 120, before = 30): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const chars = [...flat];
  const all = matchRanges(flat, needles);
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - before);
  const end = Math.min(chars.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const inside = all.filter(([s, e]) => e > start && s < end).map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as [number, number]);
  const body = highlightHtml(chars.slice(start, end).join(''), inside);
  return `${start > 0 ? '…' : ''}${body}${end < chars.length ? '…' : ''}`;
}

/**
 * What to mark in a text for a query: a word found verbatim is marked as a whole; a word that is
 * not (its bigrams matched apart) has its bigrams and characters marked.
 */
export function needlesFor(text: string, plan: Pick<SearchPlan, 'terms'>): string[] {
  const hay = normalizeSearchText(text);
  return plan.terms.flatMap((term) => {
    if (hay.includes(term)) return [term];
    const p = planSearch(term);
    return [...p.tokens, ...p.singles];
  });
}
