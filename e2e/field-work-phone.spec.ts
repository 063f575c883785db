/**
 * Field work on a phone (390×844): an officer registers a lead, uploads a photo to the case through the resumable
 * uploader (断点续传) — the second chunk's request is cut off, the upload asks the server for its offset and continues
 * from there —, sees the file in the evidence list, opens the 当场处罚 form, the inspection results and the 亮证 page;
 * no page is wider than the screen.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFitsWidth, pickOption, type Server, useConsole } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

describe('field work on a phone', () => {
  const ui = useConsole({ viewport: { width: 390, height: 844 } });
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });
  const fits = () => expectFitsWidth(page);
  const pick = (input: Locator, option: string | RegExp, search?: string) => pickOption(page, input, option, search);
  const typeDate = async (input: Locator, date: string) => {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  };
  let caseUrl = '';

  it('registers a lead in the 登记线索 form, which fits the screen', async () => {
    await ui.login('zhifa');
    await page.goto(`${server.baseUrl}/cases`);
    await page.getByRole('button', { name: '登记线索' }).click();
    const d = page.getByRole('dialog', { name: '登记线索' });
    await d.waitFor();
    await fits();
    await d.getByText('简易程序', { exact: true }).click();
    await pick(d.getByLabel('案件来源', { exact: true }), '监督检查发现');
    await typeDate(d.getByLabel('发现或收到线索日期', { exact: true }), '2026-11-20');
    await pick(d.getByLabel('执法领域', { exact: true }), '价格监管', '价格');
    await d.getByLabel('线索内容（涉嫌违法行为）').fill('经营的小吃未标示价格');
    await d.getByText('公民（自然人、个体工商户）').click();
    await d.getByLabel('当事人名称（姓名）').fill('张百味');
    await d.getByLabel('公民身份号码').fill('11010519491231002X');
    await d.getByLabel('住所（地址）').fill('示例区建设路16号');
    await d.getByLabel('联系电话').fill('0999-87654321');
    await fits();
    await d.getByRole('button', { name: /登\s*记/ }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    await page.getByTestId('case-state').waitFor();
    await fits();
  });

  it('uploads a photo that resumes after its connection is cut, and lists it', async () => {
    const card = page.getByTestId('case-evidence');
    await card.scrollIntoViewIfNeeded();
    // the camera is offered beside the picker
    expect(await card.locator('input[type=file][capture=environment]').count()).toBe(1);
    const seen: string[] = [];
    let cut = false;
    await page.route('**/api/uploads/**', async (route) => {
      const req = route.request();
      seen.push(`${req.method()} ${req.headers()['upload-offset'] ?? ''}`.trim());
      // the second chunk never arrives: the phone lost its connection
      if (req.method() === 'PATCH' && req.headers()['upload-offset'] !== '0' && !cut) {
        cut = true;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const size = 9 * 1024 * 1024;
    const photo = Buffer.alloc(size, 0x42);
    photo.write(`\xff\xd8\xff\xe0 JFIF ${Date.now()}`, 0, 'latin1');
    await card.locator('input[type=file]:not([capture])').setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: photo });
    await card.locator('tbody tr').filter({ hasText: '现场照片.jpg' }).first().waitFor({ timeout: 60_000 });
    await page.unroute('**/api/uploads/**');
    expect(cut).toBe(true);
    // after the cut: HEAD for the offset, then the same chunk again — not the file from the start
    const afterCut = seen.slice(seen.indexOf('PATCH 4194304') + 1);
    expect(afterCut[0]).toBe('HEAD');
    expect(afterCut).toContain('PATCH 4194304');
    expect(seen.filter((s) => s === 'PATCH 0')).toHaveLength(1);
    await fits();
  });

  it('opens the 当场处罚 form, which fits the screen', async () => {
    await page.goto(caseUrl);
    await page.getByTestId('transition-decideOnSite').click();
    const d = page.getByRole('dialog').filter({ has: page.getByTestId('action-form') });
    await d.waitFor();
    await fits();
    // the dialog element is the modal's box (antd 6)
    const box = await d.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await d.getByLabel('违法事实', { exact: true }).fill('经营的小吃未标示价格。');
    await fits();
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'hidden' });
  });

  it('shows the officer’s certificate for 亮证 from the user menu', async () => {
    await page.getByTestId('current-user').click();
    await page.getByText('亮证（我的执法证）').click();
    await page.waitForURL(/\/me\/certificate$/);
    await page.getByTestId('certificate-card').first().waitFor();
    expect(await page.getByTestId('certificate-card').first().textContent()).toMatch(/执法证号.*发证机关.*有效期/s);
    await poll(() => page.getByTestId('certificate-status').first().textContent()).toBeTruthy();
    await fits();
  });

  it('shows the inspection results to enter within the screen', async () => {
    await page.goto(`${server.baseUrl}/inspections/mine`);
    await page.waitForLoadState('networkidle');
    await fits();
  });
});
