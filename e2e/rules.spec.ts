/**
 * 规则目录 end to end: a legal reviewer opens the catalogue from the menu, sees the rules grouped by kind
 * and module, each with its statement, its worked examples (checked by the running code), its citations
 * and the date it last changed; searches by Chinese name; reads an honest source note where the text is
 * not in the library; and follows a citation into the law library's article page.
 */
import { describe, expect, it } from 'vitest';
import { useConsole } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('规则目录', () => {
  const c = useConsole();

  it('lists the rules by kind, with statements, examples, citations and changes; searchable; citations open the article', async () => {
    await c.login('shenhe');
    const { page } = c;
    await page
      .getByRole('menuitem')
      .filter({ hasText: /^规则目录$/ })
      .click();
    await page.waitForURL((u) => u.pathname === '/rules');
    await poll(() => page.locator('h1').textContent()).toBe('规则目录');

    // grouped by kind: every kind has rules
    for (const kind of ['法定期限', '程序条件', '数额与标准', '法定裁量效果']) await page.locator('.ant-collapse-header').filter({ hasText: kind }).waitFor();
    // no example disagrees with what the platform computes
    expect(await page.getByText(/条规则的实例与平台当前的计算结果不符/).count()).toBe(0);

    // a deadline rule: statement, example table (given, expected, verified), citation, last change
    const hearing = page.getByTestId('rule-penalty.hearingRequest');
    await hearing.waitFor();
    await hearing.getByText('当事人提出听证要求').first().waitFor();
    const examples = hearing.getByTestId('examples-penalty.hearingRequest');
    await poll(() => examples.locator('tbody tr').count()).toBeGreaterThan(0);
    const row = examples.locator('tbody tr').first();
    expect(await row.textContent()).toContain('2025-04-30');
    expect(await row.textContent()).toContain('2025-05-12');
    expect(await row.getByLabel('相符').count()).toBe(1);
    expect(await hearing.textContent()).toMatch(/最近修改：\d{4}-\d{2}-\d{2}/);

    // a rule whose text is not in the library shows its source note
    const lead = page.getByTestId('rule-lead.verification');
    expect(await lead.textContent()).toContain('《市场监督管理行政处罚程序规定》第十八条');
    expect(await lead.getByText('依据说明（条文不在法律法规库中，或需说明）').count()).toBe(1);

    // one search box, by Chinese name
    await page.getByLabel('搜索规则').fill('听证');
    await poll(() => page.getByTestId('rule-lead.verification').count()).toBe(0);
    const names = await page.locator('[data-testid^="rule-"] .ant-card-head-title').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain('听证');
    await page.getByLabel('搜索规则').fill('没有这样的规则');
    await page.getByText('没有名称包含“没有这样的规则”的规则').waitFor();
    await page.getByLabel('搜索规则').fill('听证');

    // the citation is a link into the law library
    await page.getByTestId('rule-penalty.hearingRequest').getByRole('link', { name: '《行政处罚法》（2021-01-22）第六十四条' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/laws/articles/'));
    await poll(() => page.getByTestId('article-title').textContent()).toContain('第六十四条');
    await page.getByText('当事人要求听证的，应当在行政机关告知后五日内提出').first().waitFor();
  });
});
