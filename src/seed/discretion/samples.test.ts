/**
 * The sample catalogue quotes the law exactly: every article it cites exists in laws/,
 * and every quoted text (provision, statutory branch) occurs in the article it cites.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardCircumstances } from '../../domain/discretion/circumstances.ts';
import { benchmarkCitations, violationCitations } from '../../domain/discretion/validate.ts';
import { sampleRules } from './rules.ts';
import { sampleThresholds } from './samples.ts';
import { SAMPLE_LAWS_DIR } from '../lawFiles.ts';

const LAWS = SAMPLE_LAWS_DIR;

/** article id → body, for every file of the sample library (version date = the file name's date). */
function loadArticles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(LAWS).filter((x) => x.endsWith('.md') && x !== 'README.md')) {
    const m = /^(.+)\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(f);
    if (!m) continue;
    const version = `${m[1]}@${m[2]}`;
    const text = readFileSync(join(LAWS, f), 'utf8').split('<!-- INFO END -->')[1] ?? '';
    let current: string | null = null;
    for (const line of text.split('\n')) {
      const a = /^(第[一二三四五六七八九十百零]+条(?:之[一二三四五六七八九十]+)?)\s+(.*)$/.exec(line);
      if (a) {
        current = `${version}#${a[1]}`;
        out.set(current, a[2]);
      } else if (line.startsWith('#')) current = null;
      else if (current && line.trim()) out.set(current, `${out.get(current)}\n${line.trim()}`);
    }
  }
  return out;
}

const articles = loadArticles();
const { violations, benchmarks } = sampleRules('org');

describe('sample catalogue against the law texts', () => {
  it('reads the library', () => {
    expect(articles.get('食品安全法@2021-04-29#第一百二十四条')).toContain('货值金额十倍以上二十倍以下罚款');
  });

  it('cites only articles that exist', () => {
    const cited = new Set<string>([
      ...violations.flatMap((v) => violationCitations(v).map((c) => c.articleId)),
      ...violations.flatMap((v) => v.provisions.flatMap((p) => (p.reservedTo ? [p.reservedTo.articleId] : []))),
      ...benchmarks.flatMap((b) => benchmarkCitations(b)),
      ...standardCircumstances.map((c) => c.articleId),
      ...sampleThresholds.map((t) => t.articleId),
    ]);
    expect([...cited].filter((a) => !articles.has(a))).toEqual([]);
  });

  for (const v of violations) {
    it(`${v.code} quotes its articles exactly`, () => {
      for (const p of v.provisions) {
        expect(articles.get(p.articleId), `${p.kind}: ${p.articleId}`).toContain(p.text);
        for (const b of p.branches ?? []) expect(articles.get(b.articleId), `${b.id}: ${b.articleId}`).toContain(b.text);
        if (p.reservedTo) expect(articles.get(p.reservedTo.articleId), `${p.kind} reserved: ${p.reservedTo.articleId}`).toContain(p.reservedTo.text);
      }
    });
  }
});
