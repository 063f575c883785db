/**
 * The staff console end to end: a real server, a real browser. An administrator registers an
 * officer and their enforcement certificate through the UI, then proves the certificate entry
 * is in the signed record (执法全过程记录).
 */
import dayjs from 'dayjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, launchBrowser, reportFailure, startServer, type Server } from './harness.ts';

const PASSWORD = 'Fazhi2026!';

describe('staff console', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure(page, server, task.name);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const login = async (username: string, password: string) => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };

  it('shows the server’s Chinese error for a wrong password', async () => {
    await login('admin', 'not-the-password-1');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('用户名或密码错误');
    expect(page.url()).toMatch(/\/login$/);
  });

  it('registers an officer and a certificate, then verifies the record entry', async () => {
    await login('admin', PASSWORD);
    await page.waitForURL('**/officers');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('系统管理员');

    // 登记执法人员 in 第二市场监管所
    const name = `测试${Date.now().toString().slice(-4)}`;
    await page.getByRole('button', { name: '登记执法人员' }).click();
    const officerDialog = page.getByRole('dialog', { name: '登记执法人员' });
    // the tree re-renders while its search filters it: a click can land on a node being replaced (seen under load in
    // CI), so the pick is repeated until the select shows the unit
    const chosen = officerDialog.locator('.ant-select').getByText('第二市场监管所', { exact: true });
    for (let attempt = 0; attempt < 3 && !(await chosen.count()); attempt++) {
      await officerDialog.getByLabel('所属机构').click();
      await officerDialog.getByLabel('所属机构').fill('第二市场');
      await page.locator('.ant-select-tree-node-content-wrapper[title="第二市场监管所"]').click();
      await chosen.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await chosen.waitFor();
    await officerDialog.getByLabel('姓名').fill(name);
    await officerDialog.getByLabel('工号').fill('E2E001');
    await officerDialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/officers\/[0-9a-f-]{36}$/);
    const officerId = page.url().split('/').pop()!;
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);
    expect(await page.getByText('第二市场监管所').first().isVisible()).toBe(true);

    // 登记执法证
    const number = `E2E${Date.now().toString().slice(-9)}`;
    await page.getByRole('button', { name: '登记执法证' }).click();
    const certDialog = page.getByRole('dialog', { name: /登记执法证/ });
    await certDialog.getByLabel('执法证号').fill(number);
    await certDialog.getByLabel('发证机关').fill('示例市人民政府');
    await certDialog.getByLabel('执法领域').click();
    await certDialog.getByLabel('执法领域').fill('食品');
    await certDialog.getByLabel('执法领域').press('Enter');
    await certDialog.getByLabel('执法区域').focus(); // moving focus closes the options list
    await certDialog.getByLabel('执法区域').fill('示例区');
    const today = dayjs();
    await certDialog.getByLabel('有效期自').click();
    await certDialog.getByLabel('有效期自').fill(today.subtract(30, 'day').format('YYYY-MM-DD'));
    await certDialog.getByLabel('有效期自').press('Enter');
    await certDialog.getByLabel('有效期至').click();
    await certDialog.getByLabel('有效期至').fill(today.add(3, 'year').format('YYYY-MM-DD'));
    await certDialog.getByLabel('有效期至').press('Enter');
    await certDialog.getByRole('button', { name: /登\s*记/ }).click();
    await certDialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('certificates').getByRole('row', { name: new RegExp(number) });
    await row.waitFor();
    expect(await row.textContent()).toContain('有效');

    // the officer's record timeline: verify the certificate entry
    await page.getByRole('button', { name: /全过程记录$/ }).click();
    await page.waitForURL(`**/record/officer/${officerId}`);
    const entry = page.locator('[data-event-type="certificate.issued"]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain(number);
    await entry.getByRole('button', { name: /验\s*证/ }).click();
    const result = page.getByTestId('proof-result');
    await result.waitFor();
    expect(await result.getAttribute('data-verified')).toBe('true');
    // recomputed in the browser from the entry itself (SM3 in TypeScript, Ed25519 in WebCrypto)
    expect(await page.getByTestId('proof-local').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('proof-local').textContent()).not.toContain('不支持');
    const modal = page.getByRole('dialog', { name: /验证记录条目/ });
    expect(await modal.textContent()).toContain('已验证');
    expect(await modal.textContent()).toContain('签名有效');
  });
});
