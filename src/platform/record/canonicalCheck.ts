/**
 * A one-pass check that a string is exactly the canonical JSON (domain/canonical.ts) of the value it denotes, without
 * parsing it into objects and serialising it again: `ledger verify` runs it on every payload. It is sound, not complete:
 * `true` means `canonicalJson(JSON.parse(s)) === s`; `false` means "not shown" — the caller then takes the slow path
 * (parse and re-serialise), which also tells malformed from non-canonical.
 */

/** JSON.stringify's escape for a code unit below 0x20 (the short forms, else \u00xx in lower case). */
const SHORT: Record<number, string> = { 8: 'b', 9: 't', 10: 'n', 12: 'f', 13: 'r' };
const UNSHORT: Record<string, number> = Object.fromEntries(Object.entries(SHORT).map(([k, v]) => [v, Number(k)]));

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function isCanonicalJson(s: string): boolean {
  let i = 0;
  const n = s.length;

  /** a string token at i as JSON.stringify writes it; returns its decoded value ('' unless `decode`), or null when not canonical */
  const str = (decode: boolean): string | null => {
    if (s.charCodeAt(i) !== 34) return null;
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= n) return null;
      const c = s.charCodeAt(i);
      if (c === 34) {
        if (decode) out += s.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) return null; // raw control characters are always escaped
      if (c >= 0xd800 && c <= 0xdfff) {
        // a lone surrogate is written as \udxxx; a well-formed pair literally
        const next = s.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          i += 2;
          continue;
        }
        return null;
      }
      if (c !== 92) {
        i++;
        continue;
      }
      if (decode) out += s.slice(start, i);
      const e = s.charCodeAt(i + 1);
      if (e === 34 || e === 92) {
        out += String.fromCharCode(e);
        i += 2;
      } else if (e === 117) {
        // \u00xx only for a control character without a short form (lone surrogates: the slow path decides)
        const hex = s.slice(i + 2, i + 6);
        if (!/^00[01][0-9a-f]$/.test(hex)) return null;
        const u = Number.parseInt(hex, 16);
        if (SHORT[u] !== undefined) return null;
        out += String.fromCharCode(u);
        i += 6;
      } else {
        const code = UNSHORT[String.fromCharCode(e)];
        if (code === undefined) return null; // \/ and anything else are not what JSON.stringify writes
        out += String.fromCharCode(code);
        i += 2;
      }
      start = i;
    }
  };

  const value = (depth: number): boolean => {
    if (depth > 1000 || i >= n) return false;
    const c = s.charCodeAt(i);
    if (c === 34) return str(false) !== null;
    if (c === 123) {
      i++;
      if (s.charCodeAt(i) === 125) {
        i++;
        return true;
      }
      let prev: string | null = null;
      for (;;) {
        const key = str(true);
        if (key === null) return false;
        if (prev !== null && !(prev < key)) return false; // sorted by code unit, no key twice
        prev = key;
        if (s.charCodeAt(i) !== 58) return false;
        i++;
        if (!value(depth + 1)) return false;
        const d = s.charCodeAt(i++);
        if (d === 125) return true;
        if (d !== 44) return false;
      }
    }
    if (c === 91) {
      i++;
      if (s.charCodeAt(i) === 93) {
        i++;
        return true;
      }
      for (;;) {
        if (!value(depth + 1)) return false;
        const d = s.charCodeAt(i++);
        if (d === 93) return true;
        if (d !== 44) return false;
      }
    }
    if (c === 116 && s.startsWith('true', i)) return ((i += 4), true);
    if (c === 102 && s.startsWith('false', i)) return ((i += 5), true);
    if (c === 110 && s.startsWith('null', i)) return ((i += 4), true);
    // a number: the token must be exactly what JSON.stringify writes for the number it denotes
    NUMBER.lastIndex = i;
    const tok = NUMBER.exec(s)?.[0];
    if (!tok) return false;
    const x = Number(tok);
    if (!Number.isFinite(x) || JSON.stringify(x) !== tok) return false;
    i += tok.length;
    return true;
  };

  if (!value(0)) return false;
  return i === n;
}
