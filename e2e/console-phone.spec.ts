/**
 * The staff console on a phone (390×844): the login page, the home page and the case list fit the
 * screen's width — the side menu becomes a drawer, the header keeps to one line — and the menu opens
 * from the header's button.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFitsWidth, type Server, useConsole } from './harness.ts';

describe('staff console on a phone', () => {
  const ui = useConsole({ viewport: { width: 390, height: 844 } });
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });

  it('the login page, the home page and the case list are no wider than the screen', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').waitFor();
    await expectFitsWidth(page);
    await ui.login('zhifa');
    // the home page (whatever / shows after login), settled
    await page.waitForLoadState('networkidle');
    await expectFitsWidth(page);
    // the header is not cut off: the user's menu is on screen
    const box = await page.getByTestId('current-user').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.goto(`${server.baseUrl}/cases`);
    await page.getByRole('heading', { name: '执法办案' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectFitsWidth(page);
  });

  it('opens the menu from the header and navigates', async () => {
    await page.goto(`${server.baseUrl}/cases`);
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('menuitem', { name: '工作日与期限' }).click();
    await page.waitForURL(/\/deadlines/);
    // the drawer closes after navigating
    await expect.poll(() => page.getByRole('menuitem', { name: '工作日与期限' }).isVisible()).toBe(false);
  });
});
