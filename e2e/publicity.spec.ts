/**
 * 行政执法公示 in the staff console, against a real server with the demo data: the legal reviewer
 * (shenhe) finds the scenario-1 decision's publication and corrects it — the portal then shows the
 * new version and keeps the old one —; the leader (lingdao) reads the supervision overview, exports
 * the 双公示 data (refused rows listed with their field) and withdraws the publication, which
 * leaves the portal; an officer (zhifa) sees the publications but not the export.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickOption, useConsole, type Server } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('enforcement publicity (行政执法公示) in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });
  let publicationUrl = '';

  const openFromList = async () => {
    await page.goto(`${server.baseUrl}/publicity`);
    const row = page.locator('tr', { hasText: '示例区鑫隆超市有限公司' });
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/publicity\/[^/?]+$/);
    publicationUrl = page.url();
  };
  const modal = () => page.locator('.ant-modal').filter({ has: page.getByRole('button', { name: '确认办理' }) });

  it('a legal reviewer corrects the published decision; the portal shows the new version and keeps the old one', async () => {
    await ui.login('shenhe');
    await page.getByRole('menuitem', { name: '行政执法公示' }).click();
    await page.waitForURL(/\/publicity$/);
    await poll(() => page.locator('tr', { hasText: '示例区鑫隆超市有限公司' }).textContent()).toContain('公示中');
    await openFromList();
    await poll(() => page.getByTestId('version-1').textContent()).toContain('现行版本');

    // a correction needs a reason: the form says so and nothing is sent
    await page.getByRole('button', { name: /^更\s*正$/ }).click();
    const d = modal();
    await d.getByLabel('主要违法事实').fill('当事人在保质期届满后仍销售“鲜活”牌酸奶，共售出1,280杯。经营者联系电话13800138000。');
    await d.getByRole('button', { name: '确认办理' }).click();
    await poll(() => d.textContent()).toContain('请填写更正理由');
    await d.getByLabel('更正理由').fill('违法事实中的销售数量表述有误，依当事人申请更正');
    await d.getByRole('button', { name: '确认办理' }).click();
    await page.getByTestId('version-2').waitFor();
    expect(await page.getByTestId('version-2').textContent()).toContain('现行版本');
    // the phone number is masked before anything is published
    expect(await page.getByTestId('version-2').textContent()).toContain('138****8000');
    expect(await page.getByTestId('version-1').textContent()).toContain('已更正');
    expect(await page.getByTestId('version-1').textContent()).toContain('违法事实中的销售数量表述有误');

    const id = publicationUrl.split('/').pop()!;
    await page.goto(`${server.baseUrl}/portal/decisions/${id}`);
    const body = await page.locator('main').textContent();
    expect(body).toContain('1,280杯');
    expect(body).not.toContain('13800138000');
    expect(body).toContain('查看第 1 版（已更正）');
  });

  it('an officer sees the publications but not the 双公示 export', async () => {
    await ui.login('zhifa');
    await page.goto(`${server.baseUrl}/publicity`);
    await page.locator('tr', { hasText: '示例区鑫隆超市有限公司' }).waitFor();
    expect(await page.getByRole('tab', { name: '双公示导出' }).count()).toBe(0);
    await page.goto(publicationUrl);
    await page.getByTestId('version-2').waitFor();
    // an officer may register a changed decision, but not correct or withdraw
    expect(await page.getByRole('button', { name: /^更\s*正$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '撤回公示' }).count()).toBe(0);
  });

  it('the leader reads the overview, exports the 双公示 data with its error report, and withdraws the publication', async () => {
    await ui.login('lingdao');
    await page.goto(`${server.baseUrl}/publicity?tab=overview`);
    const rates = page.locator('.ant-card', { hasText: '行政处罚决定公示率' });
    await poll(() => rates.locator('tbody').textContent()).toContain('示例区市场监督管理局');
    expect(await rates.locator('tbody').textContent()).toContain('100%');

    await page.getByRole('tab', { name: '双公示导出' }).click();
    await pickOption(page, page.getByLabel('文件格式'), 'JSON');
    await page.getByRole('button', { name: /导\s*出$/ }).click();
    // the demo bureau has no 统一社会信用代码 yet: the row is refused and reported by field
    await poll(() => page.getByTestId('export-result').textContent()).toMatch(/导出 0 条，\d+ 项校验未通过/);
    expect(await page.locator('.ant-alert').filter({ hasText: '导出 0 条' }).textContent()).toContain('CF_CFJGDM');
    await poll(() => page.locator('.ant-card', { hasText: '导出记录' }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.ant-card', { hasText: '导出记录' }).locator('tbody').textContent()).toContain('json');

    await page.goto(publicationUrl);
    await page.getByTestId('version-2').waitFor();
    await page.getByRole('button', { name: '撤回公示' }).click();
    const d = modal();
    await pickOption(page, d.getByLabel('情形'), '行政处罚决定被撤销');
    await d.getByLabel('撤回理由').fill('原行政处罚决定已被行政复议机关撤销');
    await d.getByRole('button', { name: '确认办理' }).click();
    await poll(() => page.locator('.fz-page-title').textContent()).toContain('已撤回');
    expect(await page.getByTestId('version-2').textContent()).toContain('原行政处罚决定已被行政复议机关撤销');
    expect(await page.getByRole('button', { name: '撤回公示' }).count()).toBe(0);

    const id = publicationUrl.split('/').pop()!;
    await page.goto(`${server.baseUrl}/portal/decisions/${id}`);
    const body = await page.locator('main').textContent();
    expect(body).toContain('已撤回');
    expect(body).not.toContain('1,280杯');
  });
});
