/**
 * 规则目录: every legal rule of every module (the registry the platform starts with) is complete and its
 * worked examples hold — each example's `given` run through the platform's own function gives `expect`.
 * These are the examples the 规则目录 page shows, so what a legal reviewer reads there is what is tested
 * here. Every citation resolves to an article of the texts shipped in `laws/`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformModules } from '../src/app.ts';
import { isRealDate, parseLawText } from '../src/domain/lawText.ts';
import { deadlineRules } from '../src/domain/deadlines/rules.ts';
import { legalRule, parseCitation, runExample } from '../src/domain/legalRules.ts';
import { buildRegistry, defineModule } from '../src/platform/modules.ts';
import { MORE_LAWS_DIR, SAMPLE_LAWS_DIR } from '../src/seed/lawFiles.ts';
import { client, createTestEnv, login, type TestEnv } from './helpers.ts';

const registry = buildRegistry(platformModules);
const rules = registry.rules.map((r) => r.rule);
const today = new Date().toISOString().slice(0, 10);

/** `行政处罚法@2021-01-22` → the article labels of that version, from the texts in laws/ */
const library = new Map<string, Set<string>>();
for (const dir of [SAMPLE_LAWS_DIR, MORE_LAWS_DIR])
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
    const r = parseLawText(f, readFileSync(join(dir, f), 'utf8'));
    if (r.ok) library.set(`${r.law.sourceId}@${r.law.versionDate}`, new Set(r.law.articles.map((a) => a.label)));
  }

describe('the rule catalogue (规则目录)', () => {
  it('holds every kind of rule, and every deadline rule of domain/deadlines/rules.ts', () => {
    for (const kind of ['deadline', 'guard', 'threshold', 'discretion'] as const) expect(rules.filter((r) => r.kind === kind).length, kind).toBeGreaterThan(0);
    const ids = new Set(rules.map((r) => r.id));
    for (const d of deadlineRules) expect(ids.has(d.id), d.id).toBe(true);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: name, statement, basis or sourceNote, changedOn, labelled examples', (_id, r) => {
    expect(r.name.trim()).not.toBe('');
    expect(r.statement.trim()).not.toBe('');
    expect(r.basis.length > 0 || !!r.sourceNote?.trim(), 'a basis or an honest sourceNote').toBe(true);
    expect(isRealDate(r.changedOn), `changedOn ${r.changedOn}`).toBe(true);
    expect(r.changedOn <= today, 'changedOn is not in the future').toBe(true);
    expect(r.examples.length, 'at least one worked example').toBeGreaterThan(0);
    for (const ex of r.examples) {
      expect(ex.text.trim()).not.toBe('');
      for (const k of [...Object.keys(ex.given), ...Object.keys(ex.expect)]) expect(r.fields[k], `a Chinese label for "${k}"`).toBeTruthy();
    }
  });

  it.each(rules.flatMap((r) => r.examples.map((ex, i) => [`${r.id} #${i + 1}`, r, ex] as const)))('%s: check(given) = expect', (_n, r, ex) => {
    const out = runExample(r, ex);
    expect(out.error).toBeNull();
    expect(out.actual).toEqual(ex.expect);
  });

  it.each(rules.flatMap((r) => r.basis.map((b) => [r.id, b] as const)))('%s cites %s, an article of the library', (_id, b) => {
    const c = parseCitation(b);
    expect(c, `${b} is 法名@版本日期#第X条`).not.toBeNull();
    const articles = library.get(`${c!.source}@${c!.version}`);
    expect(articles, `${c!.source}（${c!.version}）is in laws/`).toBeDefined();
    expect(articles!.has(c!.article), `${b}: the article exists`).toBe(true);
  });

  it('refuses a rule id declared twice, and an example that does not hold fails', () => {
    const r = legalRule<{ n: number }, { ok: boolean }>({
      id: 'test.rule',
      kind: 'threshold',
      name: '测试规则',
      statement: '测试',
      basis: [],
      sourceNote: '测试',
      changedOn: '2026-01-01',
      fields: { n: '数', ok: '结果' },
      examples: [{ text: '1 不大于 0', given: { n: 1 }, expect: { ok: true } }],
      check: ({ n }) => ({ ok: n <= 0 }),
    });
    const m = (name: string) => defineModule({ name, label: name, rules: [r] });
    expect(() => buildRegistry([m('a'), m('b')])).toThrow(/legal rule test.rule is declared twice/);
    expect(runExample(r, r.examples[0]).passes).toBe(false);
  });
});

describe('GET /api/rules', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ seed: true });
  });
  afterAll(() => env.close());

  it('lists every rule with its examples as computed now, to any signed-in staff member', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const r = await officer.get('/api/rules');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBe(rules.length);
    const statement = r.body.items.find((x: { id: string }) => x.id === 'penalty.statement');
    expect(statement).toMatchObject({ kind: 'deadline', kindLabel: '法定期限', module: 'calendar', name: '当事人陈述、申辩' });
    expect(statement.examples[0]).toMatchObject({ given: { start: '2025-09-30' }, expect: { due: '2025-10-14' }, actual: { due: '2025-10-14' }, passes: true });
    expect(r.body.items.every((x: { examples: { passes: boolean }[] }) => x.examples.every((e) => e.passes))).toBe(true);
    const hearing = r.body.items.find((x: { id: string }) => x.id === 'penalty.hearingRequest');
    expect(hearing.basis[0]).toEqual({ id: '行政处罚法@2021-01-22#第六十四条', label: '《行政处罚法》（2021-01-22）第六十四条' });

    const search = await officer.get(`/api/rules?q=${encodeURIComponent('听证')}&kind=deadline`);
    expect(search.body.items.length).toBeGreaterThan(0);
    expect(
      search.body.items.every((x: { name: string; statement: string; kind: string }) => x.kind === 'deadline' && (x.name + x.statement).includes('听证')),
    ).toBe(true);
    expect(search.body.counts.deadline).toBe(rules.filter((x) => x.kind === 'deadline').length);

    const one = await officer.get('/api/rules/penalty.statement');
    expect(one.status).toBe(200);
    expect(one.body.id).toBe('penalty.statement');
    expect((await officer.get('/api/rules/no.such.rule')).status).toBe(404);
    expect((await officer.get('/api/rules?kind=other')).status).toBe(400);
  });

  it('is read by every staff role, and not without signing in', async () => {
    for (const u of ['admin', 'zhifa', 'shenhe', 'lingdao', 'jiandu', 'pingtai']) {
      const r = await client(env.app, await login(env.app, u)).get('/api/rules?kind=guard');
      expect(r.status, u).toBe(200);
      expect(r.body.items.length, u).toBe(rules.filter((x) => x.kind === 'guard').length);
    }
    expect((await client(env.app, null).get('/api/rules')).status).toBe(401);
    expect((await client(env.app, null).get('/api/rules/penalty.statement')).status).toBe(401);
  });
});
