/**
 * 文书「预览」 in the console: the PDF opens in a new tab, shown by the browser's PDF viewer under the
 * console's Content-Security-Policy — not downloaded; the PDF and .docx links still download.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Server, useConsole } from './harness.ts';

/** Chromium's built-in PDF viewer (its extension's frame in the tab). */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

describe('instrument preview', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });

  it('shows the PDF in a new tab; PDF and .docx download', async () => {
    await ui.login('lingdao');
    const cases = await page.request.get(`${server.baseUrl}/api/cases?q=${encodeURIComponent('鑫隆')}`);
    const id = ((await cases.json()) as { items: { id: string }[] }).items[0].id;
    await page.goto(`${server.baseUrl}/cases/${id}`);
    const card = page.getByTestId('case-instruments');
    await card.waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), card.getByRole('link', { name: /预览/ }).first().click()]);
    let downloaded = false;
    tab.on('download', () => {
      downloaded = true;
    });
    await tab.waitForLoadState();
    await expect.poll(() => tab.frames().some((f) => f.url().startsWith(PDF_VIEWER)), { timeout: 15_000 }).toBe(true);
    expect(downloaded).toBe(false);
    await tab.close();
    // (a link's name starts with its icon's label)
    for (const name of [/PDF$/, /\.docx$/]) {
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name }).first().click()]);
      expect(download.suggestedFilename()).toMatch(/\.(pdf|docx)$/);
    }
  });
});
