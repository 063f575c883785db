/**
 * 年度报告 in the staff console, against a real server with the demo data: the leader (lingdao) generates a
 * 法治政府建设年度报告 in the console (for the year before last: the demo seeds last year's, published, and this
 * year's, in draft), writes the paragraph 存在的问题 that submission requires, submits, approves and publishes it;
 * the portal lists it and shows its text, with the .docx to download. The demo's published report is on the portal too.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../src/domain/dates.ts';
import { useConsole, type Server } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

describe('annual reports (年度报告) in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });
  const year = Number(chinaToday().slice(0, 4)) - 2;
  const title = `示例区市场监督管理局${year}年度法治政府建设年度报告`;
  const problems = '基层执法力量不足，执法信息化应用有待深化。';

  it('a leader generates the report, edits a paragraph, submits, approves and publishes it; the portal shows it', async () => {
    await ui.login('lingdao');
    await page.getByRole('menuitem', { name: '年度报告' }).click();
    await page.getByText('生成年度报告').waitFor();
    // the demo's reports: last year's published, this year's in draft
    await poll(() => page.locator('table').first().textContent()).toContain('已公开');
    expect(await page.locator('table').first().textContent()).toContain('草稿');

    await page.getByLabel('年度').fill(String(year));
    await page.getByRole('button', { name: '生成报告' }).click();
    await page.waitForURL(/\/annual-reports\/[0-9a-f-]{36}$/);
    await poll(() => page.locator('main').textContent()).toContain('四、坚持严格规范公正文明执法');
    expect(await page.locator('main h1, main h2, main h3, main h4').first().textContent()).toContain(title);

    // 存在的问题和下一步工作 must be written before submission
    await page
      .locator('[data-paragraph="problems.issues"]')
      .getByRole('button', { name: /^修\s*改$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('段落内容').fill(problems);
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await poll(() => page.locator('[data-paragraph="problems.issues"]').textContent()).toContain(problems);
    await poll(() => page.locator('main').textContent()).toContain('第 2 版');

    for (const [step, state] of [
      ['提交审核', '已提交审核'],
      ['领导批准', '已批准'],
      ['向社会公开', '已公开'],
    ] as const) {
      await page.getByRole('button', { name: step }).click();
      await poll(() => page.locator('main .ant-tag').first().textContent()).toBe(state);
    }
    await poll(() => page.getByRole('button', { name: /^修\s*改$/ }).count()).toBe(0);

    // the portal: listed, readable, downloadable
    await page.goto(`${server.baseUrl}/portal/annual-reports`);
    const list = await page.locator('main').textContent();
    expect(list).toContain(title);
    expect(list).toContain(`${year + 1}年度法治政府建设年度报告`);
    await page.getByRole('link', { name: title }).click();
    await poll(() => page.locator('main').textContent()).toContain(problems);
    expect(await page.locator('main').textContent()).toContain('四、坚持严格规范公正文明执法');
    const href = await page.getByRole('link', { name: 'Word（.docx）' }).getAttribute('href');
    const docx = await ui.context.request.get(`${server.baseUrl}${href}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
  });
});
