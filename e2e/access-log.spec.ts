/**
 * 访问日志 end to end: an officer opens a case file in the console (the party's unmasked data), and in the same test
 * the city's supervisor (执法监督人员) opens 访问日志, searches by the officer's user name and by today's date, and
 * finds that read — who, which action, whose data — as the server logged it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useConsole, type Server } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** Today in China Standard Time, as the page's date filter takes it. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('access log (访问日志) in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });

  it('a supervisor finds, by user and date, the read of a party’s case file that an officer just made', async () => {
    // the officer opens a case of their unit from the list: the case file carries the party's unmasked data
    await ui.login('zhifa');
    await page.goto(`${server.baseUrl}/cases`);
    const link = page.locator('tbody tr a[href^="/cases/"]').first();
    await link.waitFor();
    // the case file itself (the page also asks /api/cases/reference and the like at the same time)
    const read = page.waitForResponse((r) => /\/api\/cases\/[0-9a-f-]{36}$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET');
    await link.click();
    const answer = await read;
    expect(answer.status()).toBe(200);
    const file = (await answer.json()) as { id: string; party: { name: string } };
    const caseId = file.id;
    const partyName = file.party.name;
    expect(partyName).toBeTruthy();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));

    // the city supervisor searches the log: user 'zhifa', today
    await ui.login('jiandu');
    await page.getByRole('menuitem', { name: '访问日志' }).click();
    await page.waitForURL(/\/audit\/access/);
    const user = page.getByRole('searchbox', { name: '用户' }).or(page.getByLabel('用户', { exact: true }));
    await user.first().fill('zhifa');
    await user.first().press('Enter');
    await poll(() => new URL(page.url()).searchParams.get('user')).toBe('zhifa');
    const today = chinaToday();
    // typed as a user would: the start date, Enter (the focus moves to the end date), the end date, Enter
    await page.getByPlaceholder('开始日期').click();
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).searchParams.get('to')).toBe(today);
    expect(new URL(page.url()).searchParams.get('from')).toBe(today);

    // the read is there: the officer, the action, whose data; nothing from another user
    const row = page.locator('tbody tr', { hasText: '查看案件卷宗' }).filter({ hasText: partyName }).first();
    await poll(() => row.textContent()).toContain('王志强');
    const rows = page.locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('王志强');
    // and the entry opens the case it names
    expect(await row.locator(`a[href="/cases/${caseId}"]`).count()).toBeGreaterThan(0);
  });
});
