/**
 * 合法性审查 in the staff console, against a real server with the demo data: the legal reviewer (shenhe) finds the demo's
 * cooperation agreement in the queue, answers the checklist item by item and gives the opinion 不合法 with its reasons;
 * the contract's page then refuses signing with the gate's own words, and the opinion's instrument is listed.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewKinds } from '../src/domain/legality/rules.ts';
import { pickOption, useConsole } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('legality review (合法性审查) in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  beforeAll(() => {
    ({ page } = ui);
  });
  const title = '消费维权进商超合作协议';

  it('the legal reviewer refuses a contract from the queue; it cannot be signed', async () => {
    await ui.login('shenhe');
    // (合同合法性审查 contains the same words: the entry by its path)
    await page.locator('li[role="menuitem"][data-menu-id$="-/legality/reviews"]').click();
    await page.waitForURL(/\/legality\/reviews/);
    const row = page.getByTestId('legality-queue').locator('tr', { hasText: title });
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/legality\/reviews\/[^/]+$/);
    await poll(() => page.getByTestId('review-state').textContent()).toContain('审查中');
    await page.getByTestId('step-conclude').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // every item of the contract checklist: 符合, the content item 不符合 with its reason
    for (const item of reviewKinds.contract.checklist)
      await pickOption(page, dialog.getByTestId(`verdict-${item.id}`).locator('input'), item.id === 'content' ? /^不符合$/ : /^符合$/);
    await dialog
      .locator('tr', { hasText: reviewKinds.contract.checklist.find((i) => i.id === 'content')!.label })
      .locator('textarea')
      .fill('第九条约定由合作方处理消费者投诉，超出其能力并可能损害消费者权益。');
    await pickOption(page, dialog.getByLabel('审查意见', { exact: true }), /^不合法$/);
    await dialog.getByLabel(/理由及修改意见/).fill('第九条应当删除；投诉处理由本局依法进行。');
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await poll(() => page.getByTestId('review-state').textContent()).toContain('不合法');
    await poll(() => page.getByTestId('review-opinion').textContent()).toContain('合法性审查意见书');

    // the contract: signing is refused with the gate's words
    await page.getByRole('link', { name: '查看送审事项' }).click();
    await page.waitForURL(/\/contracts\/[^/]+$/);
    await poll(() => page.getByTestId('contract-gate').textContent()).toContain('不得签订');
  });
});
