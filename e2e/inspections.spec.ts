/**
 * 双随机、一公开 in the browser (scenario 4): the demo task in draft is committed, drawn and
 * verified on the draw screen; the target pool is searched and a file with a bad uscc is refused
 * row by row while a good one imports with a progress bar; a drawn inspector enters a result on a
 * phone-sized screen; the task is completed and its results published, and one entity's result is
 * corrected in the publicity console and seen corrected on the portal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../src/domain/codes.ts';
import { ARTIFACTS, buildWeb, launchBrowser, pickOption, startServer, type Server } from './harness.ts';

const PASSWORD = 'Fazhi2026!';
const uscc = (i: number) => {
  const first = `91990105E2${String(i).padStart(7, '0')}`;
  return first + usccCheckChar(first)!;
};
const header = '统一社会信用代码,名称,主体类型,法定代表人（负责人）,住所（经营场所）,行政区划代码,行业,许可证,信用风险分类,登记状态';

describe('random inspections in the browser', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${task.name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}-${Date.now()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.error(`screenshot: ${file}\nserver output:\n${server?.output().slice(-4000)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const login = async (p: Page, username: string) => {
    await p.context().clearCookies();
    await p.goto(`${server.baseUrl}/login`);
    await p.getByLabel('用户名').fill(username);
    await p.getByLabel('密码').fill(PASSWORD);
    await p.getByRole('button', { name: /登\s*录/ }).click();
    await p.waitForURL((u) => !u.pathname.startsWith('/login'));
  };

  it('commits, draws and verifies the draft task on the draw screen', async () => {
    await login(page, 'admin');
    await page.goto(`${server.baseUrl}/inspections`);
    await page.getByRole('link', { name: '餐饮服务单位监督检查（第二批）' }).click();
    await page.waitForURL('**/inspections/tasks/**');
    await page.getByRole('button', { name: '冻结候选名单并公布承诺' }).click();
    await page.getByText('已公布候选名单与承诺').first().waitFor();
    expect(await page.getByText('候选名单摘要').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '抽取并公开种子' }).click();
    await page.getByTestId('draw-seed').waitFor();
    await page.getByText('已抽取，检查中').first().waitFor();
    await page.getByRole('button', { name: '复核抽取' }).click();
    await page.getByText('复核通过：重新抽取的结果与公布的完全一致').waitFor();
    expect(await page.getByText('抽中的检查对象').count()).toBe(1);
  });

  it('searches the target pool and imports: a bad uscc is refused by row, a good file imports with progress', async () => {
    await page.goto(`${server.baseUrl}/inspections?tab=targets`);
    await page.getByLabel('检索检查对象').fill('李记熟食店');
    await page.getByLabel('检索检查对象').press('Enter');
    await page.getByRole('cell', { name: '示例区李记熟食店' }).waitFor();

    const dir = join(tmpdir(), `fazhi-e2e-targets-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const bad = uscc(2).slice(0, 17) + (uscc(2)[17] === '0' ? '1' : '0');
    const badFile = join(dir, 'bad.csv');
    writeFileSync(
      badFile,
      [
        header,
        `${uscc(1)},示例区新开食品店,个体工商户,王五,示例区新街1号,990105,食品销售,,B,存续`,
        `${bad},示例区错码食品店,个体工商户,赵六,示例区新街2号,990105,食品销售,,B,存续`,
      ].join('\n'),
    );
    const goodFile = join(dir, 'good.csv');
    writeFileSync(
      goodFile,
      [
        header,
        ...Array.from(
          { length: 50 },
          (_, i) => `${uscc(100 + i)},示例区新街商户${i}号,个体工商户,经营者,示例区新街${i}号,990105,餐饮服务,,${'ABCD'[i % 4]},存续`,
        ),
      ].join('\n'),
    );

    await page.getByRole('button', { name: '导入名录' }).click();
    const dialog = page.getByRole('dialog', { name: '导入检查对象名录' });
    await dialog.locator('input[type=file]').setInputFiles(badFile);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByText('未导入', { exact: true }).waitFor();
    await dialog.getByRole('cell', { name: /校验位错误/ }).waitFor();

    await dialog.locator('input[type=file]').setInputFiles(goodFile);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await dialog.getByTestId('import-progress').waitFor();
    await dialog.getByText('已导入 50 行：新增 50，更新 0，未变 0').waitFor();
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    await page.getByLabel('检索检查对象').fill('新街商户7号');
    await page.getByLabel('检索检查对象').press('Enter');
    await page.getByRole('cell', { name: '示例区新街商户7号' }).waitFor();
  });

  it('a drawn inspector enters a result on a phone', async () => {
    // give one drawn inspector of the seeded task a login (as the administrator would)
    const api = page.request;
    const plans = await (await api.get(`${server.baseUrl}/api/inspections/plans`)).json();
    const task = plans.items[0].tasks.find((t: { name: string }) => t.name === '食品经营者监督检查（第一批）');
    const assignments = (await (await api.get(`${server.baseUrl}/api/inspections/tasks/${task.id}/assignments`)).json()).items;
    const open = assignments.find((a: { result: unknown }) => !a.result);
    const officerId = open.inspectors[0].officerId;
    const officer = await (await api.get(`${server.baseUrl}/api/officers/${officerId}`)).json();
    const me = await (await api.get(`${server.baseUrl}/api/auth/me`)).json();
    const created = await api.post(`${server.baseUrl}/api/users`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { username: 'jiancha1', displayName: officer.name, orgId: officer.orgId, roles: ['officer'], password: PASSWORD, officerId },
    });
    expect(created.status(), await created.text()).toBe(201);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    phone.setDefaultTimeout(20_000);
    const p = await phone.newPage();
    try {
      await login(p, 'jiancha1');
      // a user the administrator created must first choose their own password
      const dialog = p.getByRole('dialog', { name: '请先修改密码' });
      await dialog.getByTestId('password-change-required').waitFor();
      await dialog.getByLabel('当前密码').fill(PASSWORD);
      await dialog.getByLabel('新密码', { exact: true }).fill('Jiancha7731hz');
      await dialog.getByLabel('确认新密码').fill('Jiancha7731hz');
      await dialog.getByRole('button', { name: /确认修改/ }).click();
      await p.getByTestId('current-user').waitFor();
      await p.goto(`${server.baseUrl}/inspections/mine`);
      const card = p.locator('.ant-card').filter({ hasText: open.name });
      await card.getByRole('button', { name: '录入结果' }).click();
      await card.getByLabel('发现问题，责令整改').check();
      await card.getByLabel('情况说明').fill('未公示价目表，当场责令改正');
      await card.getByRole('button', { name: '提交检查结果' }).click();
      await p.getByText('已录入检查结果').waitFor();
      await card.getByText('发现问题，责令整改').waitFor();
      // the result card fits the phone's width
      const box = await card.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    } catch (e) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await p.screenshot({ path: join(ARTIFACTS, `phone-${Date.now()}.png`), fullPage: true }).catch(() => {});
      throw e;
    } finally {
      await phone.close();
    }
  });

  it('completes and publishes the task; each entity’s result is a publication, corrected in the publicity console and shown on the portal', async () => {
    await login(page, 'admin');
    const api = page.request;
    const me = await (await api.get(`${server.baseUrl}/api/auth/me`)).json();
    const plans = await (await api.get(`${server.baseUrl}/api/inspections/plans`)).json();
    const task = plans.items[0].tasks.find((t: { name: string }) => t.name === '食品经营者监督检查（第一批）');
    const assignments = (await (await api.get(`${server.baseUrl}/api/inspections/tasks/${task.id}/assignments`)).json()).items as {
      targetId: string;
      name: string;
      result: unknown;
    }[];
    // the rest of the drawn entities, as the inspectors would enter them
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const a of assignments.filter((x) => !x.result)) {
      const r = await api.post(`${server.baseUrl}/api/inspections/tasks/${task.id}/results`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { targetId: a.targetId, inspectedOn: today, checkedItems: ['经营资质'], finding: 'qualified' },
      });
      expect(r.status(), await r.text()).toBe(201);
    }
    await page.goto(`${server.baseUrl}/inspections/tasks/${task.id}`);
    await page.getByRole('button', { name: '结束检查' }).click();
    await page.getByText(/须于 \d{4}-\d{2}-\d{2} 前公示/).waitFor();
    await page.getByRole('button', { name: '公示抽查结果' }).click();
    await page.getByText(/结果已于 .* 公示/).waitFor();

    // the legal reviewer corrects one entity's finding in the publicity console
    await login(page, 'shenhe');
    const target = assignments.find((a) => !a.result)!;
    await page.goto(`${server.baseUrl}/publicity?kind=inspectionResult`);
    await page.locator('tr', { hasText: target.name }).getByRole('link').first().click();
    await page.getByTestId('version-1').waitFor();
    expect(await page.locator('.fz-page-title').textContent()).toContain(`${target.name}：抽查检查结果`);
    await page.getByRole('button', { name: /^更\s*正$/ }).click();
    const d = page.locator('.ant-modal').filter({ has: page.getByRole('button', { name: '确认办理' }) });
    await d.getByLabel('更正理由').fill('检查结果录入有误，经复核更正');
    await pickOption(page, d.getByLabel('检查结果'), '发现问题，责令整改');
    await d.getByLabel('情况说明').fill('食品贮存条件不符合要求，已责令整改');
    await d.getByRole('button', { name: '确认办理' }).click();
    await page.getByTestId('version-2').waitFor();
    expect(await page.getByTestId('version-2').textContent()).toContain('发现问题，责令整改');
    expect(await page.getByTestId('version-1').textContent()).toContain('已更正');

    // the portal: the task's results link to each entity's publication, the corrected one marked
    await page.goto(`${server.baseUrl}/portal/inspections`);
    const row = page.locator('tr', { hasText: target.name });
    expect(await row.textContent()).toContain('发现问题，责令整改');
    expect(await row.textContent()).toContain('已更正');
    await row.getByRole('link').click();
    await page.waitForURL(/\/portal\/decisions\//);
    const main = await page.locator('main').textContent();
    expect(main).toContain('食品贮存条件不符合要求');
    expect(main).toContain('查看第 1 版（已更正）');
  });
});
