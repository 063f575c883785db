/**
 * The repository is self-sufficient: no source file, test, benchmark or script reads the developers'
 * shared/ folder beside the checkout (a user's clone has none). CI proves the same at run time in a clone with no
 * such folder beside it; this test names the offending line at once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CODE = /\.(ts|tsx|js|mjs|cjs|json|sh)$|^\.ci\/|^bin\//;
const FORBIDDEN = [/\.\.\/shared\//, /'\.\.',\s*'shared'/, /"\.\.",\s*"shared"/, /'shared',\s*'data'/];

describe('self-contained repository', () => {
  it('no code path reads the shared/ folder beside the checkout', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && CODE.test(f) && f !== 'test/self-contained.test.ts');
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const f of files) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, f), 'utf8');
      } catch {
        continue; // deleted in the work tree
      }
      text.split('\n').forEach((line, i) => {
        if (FORBIDDEN.some((re) => re.test(line))) hits.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });
});
