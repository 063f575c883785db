// The error catalogue (src/domain/errorCatalogue.ts): every entry has an HTTP status an answer may carry and
// a proper, self-contained Chinese title; every code thrown in src is in it. The compiler checks the codes
// too (AppError and a guard's Problem take only catalogue codes); this test documents it and catches a code
// that reaches AppError through an untyped path.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, isErrorCode } from '../src/domain/errorCatalogue.ts';

const statuses = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

// a code thrown as an error that becomes an answer, returned as a guard's problem, or sent by the HTTP layer
const thrown = [
  /\bnew (?:AppError|DiscretionInputError|LoginThrottled)\(\s*'([A-Z][A-Z0-9_]*)'/g,
  /\bproblem\(\s*'([A-Z][A-Z0-9_]*)'/g,
  /\{\s*code:\s*'([A-Z][A-Z0-9_]*)',\s*message:/g,
  /\bsend\(\s*reply,\s*\d{3},\s*'([A-Z][A-Z0-9_]*)'/g,
];

describe('error catalogue', () => {
  it('every entry has a valid status and a non-empty, self-contained Chinese title', () => {
    const entries = Object.entries(errorCatalogue);
    expect(entries.length).toBeGreaterThan(100);
    for (const [code, e] of entries) {
      expect(code, code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(statuses.has(e.status), `${code}: ${e.status}`).toBe(true);
      expect(e.title.trim().length, code).toBeGreaterThan(0);
      expect(e.title, code).not.toContain('…');
      expect(e.title, code).not.toContain('${');
      expect(e.title, code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('no code thrown in src is missing from the catalogue', () => {
    const files = sourceFiles(join(import.meta.dirname, '..', 'src'));
    const seen = new Set<string>();
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const re of thrown)
        for (const m of text.matchAll(re)) {
          seen.add(m[1]);
          if (!isErrorCode(m[1])) missing.push(`${file}: ${m[1]}`);
        }
    }
    expect(missing).toEqual([]);
    // the scan does find the throw sites (a broken pattern would pass vacuously)
    expect(seen.size).toBeGreaterThan(100);
    for (const code of ['NOT_FOUND', 'REASON_REQUIRED', 'RESULTS_MISSING', 'PORTAL_SCRIPT_MISSING']) expect(seen.has(code), code).toBe(true);
  });
});
