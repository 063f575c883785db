/**
 * 行政复议 end to end, against a real server with the demo data: scenario 1's decision is on the portal; the leader
 * (lingdao) registers a reconsideration from the case page, enters the reviewing body's decision revoking it (行政复议法
 * 第六十四条), and the decision leaves the portal's current list — its page keeps the withdrawn version; the case page
 * lists the reconsideration and links to it, the reconsideration links back to the case.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickOption, useConsole } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const PARTY = '示例区鑫隆超市有限公司';

describe('行政复议: a revoked decision leaves the portal', () => {
  const ui = useConsole();
  let page: Page;
  beforeAll(() => {
    ({ page } = ui);
  });

  it('registers a reconsideration on the case page, enters a revoking decision; the portal no longer lists the decision', async () => {
    const base = ui.server.baseUrl;
    // the portal lists the decision before
    await page.goto(`${base}/portal/decisions?q=${encodeURIComponent('鑫隆')}`);
    expect(await page.getByRole('status').first().textContent()).toContain('共 1 条');
    await page.getByRole('link', { name: PARTY }).first().click();
    await page.waitForURL(/\/portal\/decisions\/[0-9a-f-]{36}$/);
    const portalPage = page.url();

    await ui.login('lingdao');
    const cases = await (await page.request.get(`${base}/api/cases?q=${encodeURIComponent('鑫隆')}`)).json();
    const caseId = cases.items[0].id as string;
    await page.goto(`${base}/cases/${caseId}`);
    const card = page.getByTestId('subject-remedies');
    await card.waitFor();
    await card.getByTestId('register-reconsideration').click();
    const reg = page.getByRole('dialog');
    await reg.getByLabel('申请人', { exact: true }).fill(PARTY);
    await reg.getByLabel('行政复议机关', { exact: true }).fill('示例区人民政府');
    await reg.getByLabel('行政复议请求及理由', { exact: true }).fill('请求撤销行政处罚决定。');
    await reg.getByRole('button', { name: /登\s*记/ }).click();
    await page.waitForURL(/\/remedies\/reconsiderations\/[^/]+$/);
    await poll(() => page.getByTestId('remedy-state').textContent()).toContain('待答复');
    // linked back to the case
    expect(await page.getByTestId('remedy-subject').getAttribute('href')).toBe(`/cases/${caseId}`);

    await page.getByTestId('step-enterDecision').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await pickOption(page, dialog.getByLabel('行政复议决定', { exact: true }), /^撤销（部分撤销）$/);
    await dialog.getByLabel('决定书文号', { exact: true }).fill('示区府复决〔2026〕99号');
    await dialog.getByLabel('决定要旨', { exact: true }).fill('主要事实不清、证据不足，决定撤销。');
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await poll(() => page.getByTestId('remedy-state').textContent()).toContain('撤销');
    await poll(() => page.getByTestId('remedy-publication').textContent()).toContain('公示已撤回');

    // the case page lists it
    await page.goto(`${base}/cases/${caseId}`);
    await poll(() => page.getByTestId('subject-remedies').textContent()).toContain('撤销（部分撤销）');

    // the portal: gone from the current list, its page keeps the withdrawn version
    await page.goto(`${base}/portal/decisions?q=${encodeURIComponent('鑫隆')}`);
    expect(await page.getByRole('status').first().textContent()).toContain('共 0 条');
    await page.goto(portalPage);
    expect(await page.locator('main').textContent()).toContain('已撤回');
  });
});
