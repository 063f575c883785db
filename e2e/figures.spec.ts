/**
 * The figure catalogue in the browser (issue 18 part 1): a leader opens 统计指标, reads a number with last year's,
 * opens the figure, narrows it by a breakdown, follows a record behind the number to its case, keeps a figure set
 * and checks it against the record; a supervisor compares the bodies under them (对比) and opens one body's number.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useConsole, type Server } from './harness.ts';

describe('统计指标 in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });

  it('a number opens down to its records, a breakdown narrows it, a set is kept and checked', async () => {
    await ui.login('lingdao');
    const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);
    // the demo's cases were decided in the last months; a January run looks at the last year instead
    const from = `${Number(year) - 1}-01-01`;
    await page.goto(`${server.baseUrl}/figures?from=${from}&to=${year}-12-31`);
    // 150,000 元 (鑫隆) + 100 元 (当场) + 150,000 元 (旺福, decided and later revoked on reconsideration: a decision made still counts)
    const fines = page.locator('[data-figure="cases.fines"]');
    await expect.poll(() => fines.textContent(), { timeout: 20_000 }).toContain('300,100.00 元');
    // the figure's page: its definition, its source, the breakdown by field
    await page.getByRole('link', { name: '行政处罚决定数' }).click();
    await page.waitForURL(/\/figures\/cases\.decided/);
    await expect.poll(() => page.locator('body').textContent()).toContain('报告 004');
    await page.getByRole('link', { name: '价格监管' }).first().click();
    await expect.poll(() => page.locator('body').textContent()).toContain('仅统计：');
    expect(page.url()).toContain('filter=field%3Dpricing');
    // the one record behind the narrowed number is the on-the-spot price case; it opens the case
    const records = page.locator('#records');
    await expect.poll(() => records.textContent()).toContain('构成数值的记录（1 条）');
    await records.locator('a[href^="/cases/"]').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]+$/);
    // a figure set with the record's tree head, and its check
    await page.goto(`${server.baseUrl}/figures?from=${from}&to=${year}-12-31`);
    await page.getByRole('tab', { name: '统计指标集' }).click();
    await page.getByRole('button', { name: /生成 .* 的统计指标集/ }).click();
    await page.waitForURL(/\/figures\/sets\/[0-9a-f-]+$/);
    await expect.poll(() => page.locator('body').textContent()).toContain('树大小');
    await page.getByRole('button', { name: '按现在的记录核对' }).click();
    await expect.poll(() => page.locator('.ant-alert').textContent(), { timeout: 15_000 }).toContain('留存数值与执法记录中的哈希一致');
  });

  it("a supervisor compares the enforcement bodies under them and opens one body's number", async () => {
    await ui.login('jiandu');
    const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);
    await page.goto(`${server.baseUrl}/figures?from=${Number(year) - 1}-01-01&to=${year}-12-31`);
    await page.getByRole('tab', { name: '对比' }).click();
    await page.getByRole('columnheader', { name: '示例区市场监督管理局' }).first().waitFor();
    const cell = page.locator('[data-compare^="cases.fines:"]').first();
    await expect.poll(() => cell.textContent()).toContain('300,100.00');
    await cell.click();
    await page.waitForURL(/\/figures\/cases\.fines\?.*filter=body/);
    await expect.poll(() => page.locator('body').textContent()).toContain('仅统计：');
    await expect.poll(() => page.locator('body').textContent()).toContain('按单位');
  });
});
