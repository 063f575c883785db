/**
 * 投诉举报 end to end, against a real server with the demo data: a citizen files a complaint on the portal without an
 * account and without JavaScript (the form, the challenge, an attachment), gets a query code and follows it on the
 * status page (no personal data shown); the bureau's leader (lingdao) finds it in the console and accepts it (受理)
 * within the 7 working days of 第十四条; the citizen's status page then shows the acceptance.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useConsole, type Server } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const DIGITS = '零一二三四五六七八九';
const SHOP = '示例区端到端测试奶茶店';
const CITIZEN = { name: '端木清风', phone: '13655550001', address: '示例区青年路5号' };

describe('complaints (投诉举报): portal and console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  let citizen: BrowserContext;
  let citizenPage: Page;
  let code = '';
  beforeAll(async () => {
    ({ page, server } = ui);
    citizen = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: false });
    citizenPage = await citizen.newPage();
  });
  afterAll(async () => citizen?.close());

  it('a citizen files a complaint on the portal and gets a query code; the status page shows no personal data', async () => {
    await citizenPage.goto(`${server.baseUrl}/portal/complaints`);
    await citizenPage.locator('#kind').selectOption('complaint');
    await citizenPage.locator('#orgId').selectOption({ label: '示例区市场监督管理局' });
    await citizenPage.locator('#respondentName').fill(SHOP);
    await citizenPage.locator('#respondentAddress').fill('示例区青年路1号');
    await citizenPage.locator('#category').selectOption('food');
    await citizenPage.locator('#summary').fill('购买的奶茶中有异物，要求退款被拒绝。');
    await citizenPage.locator('#request').fill('退还货款十五元。');
    await citizenPage.locator('#name').fill(CITIZEN.name);
    await citizenPage.locator('#phone').fill(CITIZEN.phone);
    await citizenPage.locator('#address').fill(CITIZEN.address);
    const receipt = join(mkdtempSync(join(tmpdir(), 'fazhi-e2e-')), 'receipt.txt');
    writeFileSync(receipt, '购物小票：奶茶一杯 15 元');
    await citizenPage.locator('#files').setInputFiles(receipt);
    const q = /验证题：(.)加(.)等于几/.exec((await citizenPage.locator('label[for="challengeAnswer"]').textContent()) ?? '')!;
    await citizenPage.locator('#challengeAnswer').fill(String(DIGITS.indexOf(q[1]) + DIGITS.indexOf(q[2])));
    await citizenPage.getByRole('button', { name: '提交' }).click();
    const done = (await citizenPage.locator('main').textContent()) ?? '';
    expect(done).toContain('已提交');
    code = ((await citizenPage.locator('.query-code').first().textContent()) ?? '').trim();
    expect(code).toMatch(/^TS[0-9A-Z]{10}$/);

    await citizenPage.goto(`${server.baseUrl}/portal/complaints`);
    await citizenPage.locator('#code').fill(code);
    await citizenPage.getByRole('button', { name: '查询' }).click();
    await citizenPage.waitForURL(/\/portal\/complaints\/status\?code=/);
    const status = (await citizenPage.locator('main').textContent()) ?? '';
    expect(status).toContain('待决定是否受理');
    expect(status).toContain('示例区市场监督管理局');
    for (const secret of [CITIZEN.name, CITIZEN.phone, CITIZEN.address, SHOP]) expect(status).not.toContain(secret);
  });

  it('the leader accepts it in the console; the citizen sees the acceptance by the query code', async () => {
    await ui.login('lingdao');
    await page.getByRole('menuitem', { name: '投诉举报' }).click();
    await page.waitForURL(/\/complaints$/);
    await page.locator('tr', { hasText: SHOP }).getByRole('link', { name: SHOP }).click();
    await page.waitForURL(/\/complaints\/[^/?]+$/);
    // the complainant is hidden until asked for (an access-log row)
    expect(await page.locator('main').textContent()).not.toContain(CITIZEN.name);
    await page.getByTestId('reveal-person').click();
    await poll(() => page.getByTestId('person').textContent()).toContain(CITIZEN.name);
    const accept = page.getByTestId('step-accept');
    await accept.waitFor();
    await poll(() => accept.isDisabled()).toBe(false);
    await accept.click();
    const modal = page.locator('.ant-modal').filter({ hasText: '受理投诉' });
    await modal.getByRole('button', { name: /^确\s*定$/ }).click();
    await poll(() => page.getByTestId('complaint-state').textContent()).toContain('已受理');

    await citizenPage.goto(`${server.baseUrl}/portal/complaints/status?code=${code}`);
    const status = (await citizenPage.locator('main').textContent()) ?? '';
    expect(status).toContain('已受理（调解中）');
    expect(status).toContain('决定受理，组织调解');
    expect(status).not.toContain(CITIZEN.name);
  });
});
