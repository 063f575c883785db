/**
 * 政府信息公开 on request end to end, against a real server with the demo data: an applicant, without an account and
 * without JavaScript, files a request on the portal and gets a query code; the status page shows it by the code with
 * no personal data; the legal office (shenhe) answers it in the console with 部分公开 (the ground of 第十五条, the
 * reason, how to obtain the rest); the 告知书 is downloadable; the applicant sees the answer's type on the portal.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption, useConsole, type Server } from './harness.ts';

const DIGITS = '零一二三四五六七八九';
const WHAT = '示例区2026年加油机计量检定结果';

describe('政府信息公开申请: portal and console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  let applicant: BrowserContext;
  let applicantPage: Page;
  let code = '';
  beforeAll(async () => {
    ({ page, server } = ui);
    applicant = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: false });
    applicantPage = await applicant.newPage();
  });
  afterAll(async () => applicant?.close());

  it('an applicant files a request on the portal and follows it by its query code', async () => {
    await applicantPage.goto(`${server.baseUrl}/portal/disclosure`);
    await applicantPage.locator('#bodyId').selectOption({ label: '示例区市场监督管理局' });
    await applicantPage.locator('#applicantKind').selectOption('natural');
    await applicantPage.locator('#applicantName').fill('钱八');
    await applicantPage.locator('#applicantContact').fill('13500000000');
    await applicantPage.locator('#description').fill(WHAT);
    await applicantPage.locator('#form').fill('电子邮件');
    const q = /验证题：(.)加(.)等于几/.exec((await applicantPage.locator('label[for="challengeAnswer"]').textContent()) ?? '')!;
    await applicantPage.locator('#challengeAnswer').fill(String(DIGITS.indexOf(q[1]) + DIGITS.indexOf(q[2])));
    await applicantPage.getByRole('button', { name: '提交申请' }).click();
    await applicantPage.locator('.query-code').waitFor();
    code = ((await applicantPage.locator('.query-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await applicantPage.getByRole('link', { name: '查询办理进度' }).click();
    await applicantPage.waitForURL(/\/portal\/disclosure\/status\?code=/);
    const status = (await applicantPage.locator('.disclosure-status').textContent()) ?? '';
    expect(status).toContain('待答复');
    expect(status).toContain('示例区市场监督管理局');
    const main = (await applicantPage.locator('main').textContent()) ?? '';
    expect(main).not.toContain('钱八');
    expect(main).not.toContain('13500000000');
    expect(main).not.toContain(WHAT);
  });

  it('the legal office answers it with 部分公开 in the console; the 告知书 is downloadable; the portal shows the answer', async () => {
    await ui.login('shenhe');
    await page.goto(`${server.baseUrl}/disclosure`);
    await page.getByTestId('disclosure-requests').getByRole('link', { name: WHAT }).click();
    await page.waitForURL(/\/disclosure\/[^/]+$/);
    expect(await page.locator('main').textContent()).toContain('钱八');
    await page.getByTestId('step-answer').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '作出答复' });
    await pickOption(page, modal.getByLabel('答复类型（第三十六条）'), '部分公开');
    await pickOption(page, modal.getByLabel('不予公开的依据（不予公开、部分公开）'), /商业秘密/);
    await modal.getByLabel('理由').fill('检定记录中含有加油站经营者的商业秘密');
    await modal.getByLabel('获取信息的方式、途径（已主动公开、予以公开、部分公开）').fill('删除相关内容后的检定结果以电子邮件发送');
    await modal.getByRole('button', { name: '确认办理' }).click();
    await page.getByTestId('answer-text').waitFor();
    const answer = (await page.getByTestId('answer-text').textContent()) ?? '';
    expect(answer).toContain('第十五条');
    expect(answer).toContain('第三十七条');
    const link = page.getByTestId('download-disclosureAnswer');
    const href = await link.getAttribute('href');
    const file = await page.context().request.get(`${server.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('wordprocessingml');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');

    await applicantPage.goto(`${server.baseUrl}/portal/disclosure/status?code=${code}`);
    const status = (await applicantPage.locator('.disclosure-status').textContent()) ?? '';
    expect(status).toContain('已答复');
    expect(status).toContain('部分公开');
  });
});
