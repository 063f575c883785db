/**
 * 重大行政决策 in the staff console, against a real server with the demo data: the leader (lingdao) opens the demo's
 * decision waiting at the legality review — the steps it went through with their articles, 集体讨论决定 disabled with
 * 第二十五条's reason —; the legal reviewer (shenhe) reads it but takes none of its steps; the published catalogue and
 * its adjustment are on the portal.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useConsole, type Server } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('major administrative decisions (重大行政决策) in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });
  const title = '示例区农贸市场计量器具智慧监管实施方案';

  it('the leader sees the decision at the legality review: its steps, and the discussion refused with 第二十五条', async () => {
    await ui.login('lingdao');
    await page.getByRole('menuitem', { name: '重大行政决策' }).click();
    await page.waitForURL(/\/major-decisions$/);
    const row = page.locator('tr', { hasText: title });
    await poll(() => row.textContent()).toContain('合法性审查');
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/major-decisions\/[^/]+$/);
    await poll(() => page.getByTestId('decision-state').textContent()).toContain('合法性审查');
    const steps = page.locator('.ant-card', { has: page.locator('.ant-card-head-title', { hasText: /^决策程序$/ }) });
    await poll(() => steps.textContent()).toContain('第十九条至第二十一条');
    expect(await steps.locator('tr', { hasText: '公众参与' }).textContent()).toContain('已完成');
    expect(await steps.locator('tr', { hasText: '合法性审查' }).textContent()).toContain('进行中');
    const decide = page.getByTestId('step-decide');
    await decide.waitFor();
    expect(await decide.isDisabled()).toBe(true);
    expect(await decide.getAttribute('data-reason')).toContain('不得提交决策机关讨论');
    await poll(() => page.getByTestId('next-step').textContent()).toContain('集体讨论决定');
    // the archive lists the record so far, the legality review's entries with it
    await page.getByTestId('archive-link').click();
    await page.waitForURL(/\/archive$/);
    await poll(() => page.locator('main').textContent()).toContain('启动重大行政决策程序');
    expect(await page.locator('main').textContent()).toContain('合法性审查');
  });

  it('the catalogue is in the console and on the portal with its adjustment', async () => {
    await page.goto(`${server.baseUrl}/major-decisions?tab=catalogues`);
    const row = page.locator('tr', { hasText: '重大行政决策事项目录' });
    await poll(() => row.textContent()).toContain('已向社会公布');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/major-decisions\/catalogues\/[^/]+$/);
    await poll(() => page.locator('main').textContent()).toContain('调整增加');
    expect(await page.locator('main').textContent()).toContain('查看决策');
    await page.goto(`${server.baseUrl}/portal/major-decisions`);
    const body = await page.locator('main').textContent();
    expect(body).toContain(title);
    expect(body).toContain('根据区政府工作部署');
  });

  it('the legal reviewer reads the decision but takes none of its steps', async () => {
    await ui.login('shenhe');
    await page.goto(`${server.baseUrl}/major-decisions`);
    const row = page.locator('tr', { hasText: title });
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/major-decisions\/[^/]+$/);
    await poll(() => page.getByTestId('decision-state').textContent()).toContain('合法性审查');
    expect(await page.getByTestId('step-decide').count()).toBe(0);
  });
});
