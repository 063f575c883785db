/**
 * The public portal end to end, on a phone-sized screen: the home page at /, the decision search,
 * a decision page with masked data, and the in-browser proof check (SM3 + RFC 9162 + Ed25519 in
 * the page's own script); the tree-head consistency check; the staff console still at /login.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, launchBrowser, reportFailure, startServer, type Server } from './harness.ts';

describe('public portal', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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

  it('opens at / with the published decisions of the demo and a staff login link; keyboard users can skip to the content', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.title()).toContain('行政执法公示平台');
    expect(await page.getByRole('link', { name: '示例区鑫隆超市有限公司' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: '工作人员登录' }).first().getAttribute('href')).toBe('/login');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    // nothing overflows a phone's width
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });

  it('searches by party name and by uscc, and answers hostile input calmly', async () => {
    await page.goto(`${server.baseUrl}/portal/decisions`);
    await page.getByLabel(/关键词/).fill('鑫隆');
    await page.getByRole('button', { name: '检索' }).click();
    await page.waitForURL(/q=/);
    expect(await page.getByRole('status').first().textContent()).toContain('共 1 条');
    await page.getByLabel(/关键词/).fill('91990105MA01ABCD2W');
    await page.getByRole('button', { name: '检索' }).click();
    await page.waitForURL(/91990105MA01ABCD2W/);
    expect(await page.getByRole('link', { name: '示例区鑫隆超市有限公司' }).count()).toBe(1);
    await page.goto(`${server.baseUrl}/portal/decisions?q=${encodeURIComponent("<script>window.pwned=1</script>' OR 1=1 --")}`);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.getByRole('status').first().textContent()).toContain('共 0 条');
  });

  it('shows a decision with its versions and verifies its proof in the browser', async () => {
    await page.goto(`${server.baseUrl}/portal/decisions?q=${encodeURIComponent('鑫隆')}`);
    await page.getByRole('link', { name: '示例区鑫隆超市有限公司' }).first().click();
    await page.waitForURL(/\/portal\/decisions\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /行政处罚决定书：示例区鑫隆超市有限公司/ }).waitFor();
    expect(await page.getByText('91990105MA01ABCD2W').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: '版本与记录' }).count()).toBe(1);
    const verify = page.getByRole('button', { name: '在浏览器中核验' });
    await verify.waitFor({ state: 'visible' });
    await verify.click();
    const out = page.locator('#proof-result');
    await expect.poll(() => out.getAttribute('data-result'), { timeout: 20_000 }).toBe('ok');
    const text = await out.textContent();
    expect(text).toContain('核验通过');
    expect(text).toContain('包含证明');
    expect(text).toMatch(/签名：通过|不支持 Ed25519/);
    const download = page.getByRole('link', { name: /下载证明/ });
    expect(await download.getAttribute('href')).toMatch(/\/proof\.json\?seq=\d+$/);
  });

  it('checks that the record only grew between two signed tree heads, in the browser', async () => {
    await page.goto(`${server.baseUrl}/portal/tree-heads`);
    await page.getByRole('button', { name: '核验' }).click();
    await page.waitForURL(/from=\d+&to=\d+/);
    const again = page.getByRole('button', { name: '在浏览器中重新计算' });
    await again.waitFor({ state: 'visible' });
    await again.click();
    await expect.poll(() => page.locator('#consistency-result').getAttribute('data-result')).toBe('ok');
  });

  it('shows tables as cards on a phone: no column squeezed to a few characters, nothing wider than the screen', async () => {
    for (const path of ['/portal/powers', '/portal/tree-heads', '/portal/statistics', '/portal/officers']) {
      await page.goto(`${server.baseUrl}${path}`);
      const cells = await page.locator('.table-wrap td').evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().width)));
      expect(cells.length, path).toBeGreaterThan(0);
      // a cell is a line of its card: at least half the screen wide
      expect(Math.min(...cells), path).toBeGreaterThan(195);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });

  it('draws the statistics bars to scale under the strict CSP, and shows tree heads in 北京时间', async () => {
    await page.goto(`${server.baseUrl}/portal/statistics`);
    const bars = await page.locator('.bars rect').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().width));
    expect(bars.length).toBeGreaterThan(0);
    const counts = await page.locator('.bars').evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-count'))));
    const max = Math.max(...counts);
    const widest = Math.max(...bars);
    expect(widest).toBeGreaterThan(50);
    // each bar's length is its value's share of the largest
    bars.forEach((w, i) => expect(Math.abs(w / widest - counts[i] / max)).toBeLessThan(0.05));
    await page.goto(`${server.baseUrl}/portal/tree-heads`);
    const signedAt = await page.locator('.table-wrap tbody tr').first().locator('td').nth(3).textContent();
    expect(signedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("answers a bad link with the portal's own page in Chinese, with the right status", async () => {
    const r = await page.goto(`${server.baseUrl}/portal/no-such-page`);
    expect(r?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('页面不存在');
    expect(await page.getByRole('link', { name: '处罚决定' }).count()).toBeGreaterThan(0);
    const bad = await page.goto(`${server.baseUrl}/portal/decisions/00000000-0000-0000-0000-000000000000`);
    expect(bad?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('不存在');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('leaves the staff console at /login', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').waitFor();
    expect(await page.getByLabel('密码').count()).toBe(1);
  });
});
