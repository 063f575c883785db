/**
 * Legal knowledge end to end: a real server with the demo data, a real browser. The law library
 * (search, article pages, versions and their diff, uploading a newer version and the 依据变更 queue
 * it fills), the power list (browse, history, add and amend through the form, .xlsx export and an
 * import refused for one bad row) and the discretion calculator's live preview.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildWeb, launchBrowser, reportFailure, startServer, type Server } from './harness.ts';

const PASSWORD = 'Fazhi2026!';
const LAWS_DIR = join(ROOT, 'laws');
const PRICE_LAW = '价格法(1997-12-29).md';
/** 第四十二条 of the sample 价格法, and the amount the fictional 2026 revision changes. */
const PRICE_42_OLD = '可以并处五千元以下的罚款。';
const PRICE_42_NEW = '可以并处五万元以下的罚款。';

/** The calendar day in China (the console and the server count days in Asia/Shanghai). */
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** Waits for what the page shows (vitest's default of 1 s is too short for a page that refetches). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const decoded = (url: string) => decodeURIComponent(new URL(url).pathname + new URL(url).search);

describe('legal knowledge: law library, power list, discretion', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-legal-'));
    buildWeb();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure(page, server, task.name);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Signs out whoever is signed in, then signs in as `username`. */
  const login = async (username: string) => {
    await context.clearCookies();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('current-user').waitFor();
  };
  const menu = (label: string) =>
    page
      .getByRole('menuitem')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .click();
  const title = () => page.locator('h1');
  /** An antd Select in a form: open it by its label and click the option. */
  const pick = async (scope: Locator, label: string, option: string | RegExp) => {
    const chosen = scope
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel(label, { exact: true }) })
      .locator('.ant-select-content-has-value');
    // on a loaded machine a click can land while the list is still sliding in: then open it again
    for (let attempt = 1; ; attempt++) {
      await scope.getByLabel(label, { exact: true }).click();
      const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').filter({ has: page.locator('.ant-select-item-option') });
      await list.last().evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
      await list.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
      const ok = await expect
        .poll(async () => (await chosen.count()) > 0 && (await chosen.textContent())!.match(option) !== null, { timeout: 3000 })
        .toBe(true)
        .then(
          () => true,
          () => false,
        );
      if (ok) return;
      if (attempt === 3) throw new Error(`could not choose ${String(option)} in ${label}`);
      await page.keyboard.press('Escape');
    }
  };
  /** A dialog that has finished opening (a click during its zoom-in can miss). */
  const dialog = async (name: string) => {
    const d = page.getByRole('dialog', { name });
    await d.waitFor();
    await d.evaluate((el) =>
      Promise.all(
        el
          .closest('.ant-modal-wrap, .ant-modal-root')!
          .getAnimations({ subtree: true })
          .map((a) => a.finished),
      ),
    );
    return d;
  };
  const typeDate = async (input: Locator, date: string) => {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  };
  const toast = (text: string | RegExp) => page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();

  it('searches the library with ranked, highlighted hits and shows an article with its neighbours, versions and diff', async () => {
    await login('zhifa'); // an officer reads the library
    await menu('法律法规');
    await page.waitForURL('**/laws');
    // the demo seed imports laws/ and laws/more/
    const files = [LAWS_DIR, join(LAWS_DIR, 'more')].flatMap((d) => readdirSync(d)).filter((f) => /\(\d{4}-\d{2}-\d{2}\)\.md$/.test(f));
    const laws = new Set(files.map((f) => f.replace(/\(.*$/, '')));
    await page.getByText(`法律法规（${laws.size} 部）`).waitFor();
    // laws with two sample versions say so in the list
    expect(await page.getByRole('row', { name: /中华人民共和国反垄断法/ }).textContent()).toContain('2 个版本');

    // 罚款: a two-character word; every hit highlights it and nothing else is markup
    const search = page.getByPlaceholder(/输入检索词/);
    await search.fill('罚款');
    await search.press('Enter');
    await page.waitForURL(/q=/);
    const total = Number(await page.getByTestId('law-search-total').textContent());
    expect(total).toBeGreaterThan(20);
    const hits = page.getByTestId('law-hit');
    await poll(() => hits.count()).toBe(20);
    for (const hit of await hits.all()) {
      const snippet = hit.locator('.fz-law-snippet');
      const marks = await snippet.locator('mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(new Set(marks)).toEqual(new Set(['罚款']));
      expect(await snippet.evaluate((el) => el.querySelectorAll('*').length === el.querySelectorAll('mark').length)).toBe(true);
    }
    const firstOnPage1 = await hits.first().getByRole('link').first().textContent();
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/page=2/);
    await poll(() => hits.first().getByRole('link').first().textContent()).not.toBe(firstOnPage1);
    expect(await hits.first().locator('mark').first().textContent()).toBe('罚款');

    // ranking: articles holding the phrase verbatim come before one holding its words apart
    await search.fill('当场收缴罚款');
    await search.press('Enter');
    await poll(() => page.getByTestId('law-search-total').textContent()).not.toBe(String(total));
    const phraseHits = await hits.all();
    expect(phraseHits.length).toBeGreaterThan(1);
    const verbatim = await Promise.all(phraseHits.map(async (h) => (await h.locator('mark').allTextContents()).includes('当场收缴罚款')));
    expect(verbatim[0]).toBe(true);
    expect(verbatim.at(-1)).toBe(false);
    expect(verbatim.lastIndexOf(true)).toBeLessThan(verbatim.indexOf(false));
    const topTitle = (await phraseHits[0].getByRole('link').first().textContent())!;
    expect(topTitle).toMatch(/^《中华人民共和国行政处罚法》第.+条$/);

    // the article page: text, neighbours, versions
    await phraseHits[0].getByRole('link').first().click();
    await page.waitForURL('**/laws/articles/**');
    await poll(() => page.getByTestId('article-title').textContent()).toBe(topTitle);
    expect((await page.getByTestId('article-paragraph').allTextContents()).join('')).toContain('当场收缴罚款');
    const label = topTitle.replace(/^《.+》/, '');
    await page.getByRole('button', { name: /下一条/ }).click();
    await poll(() => page.getByTestId('article-title').textContent()).not.toBe(topTitle);
    const next = (await page.getByTestId('article-title').textContent())!;
    expect(decoded(page.url())).toContain(`行政处罚法@2021-01-22#${next.replace(/^《.+》/, '')}`);
    await page.getByRole('button', { name: /上一条/ }).click();
    await poll(() => page.getByTestId('article-title').textContent()).toBe(topTitle);
    expect(decoded(page.url())).toContain(`#${label}`);
    await page.getByText('其他版本中没有这一条').waitFor();

    // a law with two versions: the same article in both, and the diff old → new
    await menu('法律法规');
    await page.getByRole('link', { name: '中华人民共和国反垄断法', exact: true }).click();
    await poll(() => page.getByTestId('law-title').textContent()).toBe('中华人民共和国反垄断法');
    expect(await page.getByTestId('law-version-select').textContent()).toContain('2022-06-24 版（有效）');
    await page.getByRole('link', { name: '第一条', exact: true }).click();
    await poll(() => page.getByTestId('article-title').textContent()).toBe('《中华人民共和国反垄断法》第一条');
    const history = page.locator('.ant-card').filter({ has: page.getByText('版本沿革', { exact: true }) });
    const rows = history.locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/2022-06-24有效本条/);
    expect(await rows.nth(1).textContent()).toMatch(/2007-08-30已修改文字不同/);
    const diff = page.getByTestId('article-diff');
    await diff.waitFor();
    expect((await diff.locator('[data-op="insert"]').allTextContents()).join('')).toContain('鼓励创新');
    expect(await diff.locator('[data-op="delete"]').count()).toBe(0);
    // the old version's article: marked 已修改
    await rows.nth(1).getByRole('link', { name: '文字不同' }).click();
    await page.waitForURL((u) => decodeURIComponent(u.pathname).endsWith('反垄断法@2007-08-30#第一条'));
    await poll(() => page.locator('.fz-page-title').textContent()).toContain('2007-08-30 版');
    expect(await page.locator('.fz-page-title').textContent()).toContain('已修改');
  });

  it('uploads a newer version: the old one is 已修改, citing items are flagged, a legal reviewer clears one with a note', async () => {
    const original = readFileSync(join(LAWS_DIR, PRICE_LAW), 'utf8');
    expect(original).toContain(`第四十二条 经营者违反明码标价规定的，责令改正，没收违法所得，${PRICE_42_OLD}`);
    // a fictional 2026 revision: one more history line, one amount changed
    const revised = original
      .replace(
        '\n\n<!-- INFO END -->',
        '\n\n2026年6月30日 第十四届全国人民代表大会常务委员会第二十次会议《关于修改〈中华人民共和国价格法〉的决定》修正\n\n<!-- INFO END -->',
      )
      .replace(PRICE_42_OLD, PRICE_42_NEW);
    expect(revised).not.toBe(original);
    const revisedFile = join(dir, '价格法(2026-06-30).md');
    writeFileSync(revisedFile, revised);
    // the same revision with 第四十二条 numbered 第四十一条 again
    const brokenFile = join(dir, '价格法(2026-07-01).md');
    const broken = revised.replace('第四十二条 经营者违反明码标价', '第四十一条 经营者违反明码标价');
    writeFileSync(brokenFile, broken);
    const duplicateLine = broken.split('\n').findIndex((l) => l.startsWith('第四十一条 经营者违反明码标价')) + 1;
    const articleCount = (revised.match(/^第[一二三四五六七八九十百]+条(之[一二三四五六七八九十]+)?[ \u3000]/gm) ?? []).length;

    await login('pingtai'); // the law library is the platform's: its administrator imports
    await menu('法律法规');
    await page.getByRole('button', { name: '导入法律法规' }).click();
    const importDialog = await dialog('导入法律法规');
    const file = importDialog.locator('input[type=file]');

    // a broken file: every problem with its line, nothing imported
    await file.setInputFiles(brokenFile);
    await importDialog.getByRole('button', { name: /导\s*入/ }).click();
    const problems = importDialog.getByTestId('law-import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('未导入任何内容');
    const problem = problems.locator('tbody tr').filter({ hasText: '第四十一条重复' });
    expect(await problem.locator('td').first().textContent()).toBe(String(duplicateLine));

    // the good file
    await file.setInputFiles(revisedFile);
    await poll(() => problems.count()).toBe(0);
    await importDialog.getByRole('button', { name: /导\s*入/ }).click();
    const done = importDialog.locator('.ant-alert-success');
    await done.waitFor();
    const doneText = (await done.textContent())!;
    expect(doneText).toContain(`已导入《中华人民共和国价格法》2026-06-30 版（${articleCount} 条）`);
    expect(doneText).toContain('旧版本已标记为“已修改”：价格法@1997-12-29');
    const raised = Number(doneText.match(/依据变更提示 (\d+) 条/)?.[1]);
    expect(raised).toBeGreaterThanOrEqual(3); // 明码标价: the power item and the violations JG-001 and JG-002 cite 第四十二条

    // the new version's full text, and the article in both versions with the diff
    await importDialog.getByRole('link', { name: '查看全文' }).click();
    await importDialog.waitFor({ state: 'hidden' });
    await poll(() => page.getByTestId('law-title').textContent()).toBe('中华人民共和国价格法');
    expect(await page.getByTestId('law-version-select').textContent()).toContain('2026-06-30 版（有效）');
    await page.getByTestId('law-version-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '1997-12-29 版（已修改）' })
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: '第四十二条', exact: true }).click();
    await poll(() => page.getByTestId('article-title').textContent()).toBe('《中华人民共和国价格法》第四十二条');
    expect((await page.getByTestId('article-paragraph').allTextContents()).join('')).toContain(PRICE_42_NEW);
    const rows = page
      .locator('.ant-card')
      .filter({ has: page.getByText('版本沿革', { exact: true }) })
      .locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toMatch(/1997-12-29已修改文字不同/);
    const diff = page.getByTestId('article-diff');
    await diff.waitFor();
    expect(await diff.locator('[data-op="delete"]').allTextContents()).toEqual(['千']);
    expect(await diff.locator('[data-op="insert"]').allTextContents()).toEqual(['万']);

    // the queue: one card per citing subject, each with the diff, seen by the district's administrator
    await login('admin');
    await menu('依据变更');
    await page.waitForURL('**/laws/basis-flags');
    const cards = page.getByTestId('basis-flag');
    await poll(() => cards.count()).toBe(raised);
    for (const card of await cards.all()) {
      expect(await card.textContent()).toContain('《中华人民共和国价格法》（1997-12-29 版）第四十二条');
      expect(await card.locator('[data-op="insert"]').allTextContents()).toEqual(['万']);
    }
    const powerCard = cards.filter({ hasText: '990105-CF-014' });
    const violationCard = cards.filter({ hasText: 'JG-001' });
    expect(await powerCard.count()).toBe(1);
    expect(await violationCard.count()).toBe(1);
    // a flagged violation says so on its own page
    await violationCard.getByRole('link', { name: /JG-001/ }).click();
    await page.waitForURL('**/discretion/violations/**');
    await page.getByText(/所引用的条文已修改或废止（1 处待处理）/).waitFor();

    // 法制审核 clears the power item's flag with a note
    await login('shenhe');
    await menu('依据变更');
    await poll(() => cards.count()).toBe(raised);
    await cards
      .filter({ hasText: '990105-CF-014' })
      .getByRole('button', { name: /确认处理/ })
      .click();
    const clear = await dialog('确认处理依据变更');
    await clear.getByRole('button', { name: /确认处理/ }).click();
    await clear.getByText('请填写 2–500 字的处理说明').waitFor(); // a note is required
    const note = '已核对：第四十二条罚款上限改为五万元，事项名称和依据仍然适用';
    await clear.getByTestId('clear-note').fill(note);
    await clear.getByRole('button', { name: /确认处理/ }).click();
    await clear.waitFor({ state: 'hidden' });
    await toast('已确认处理');
    await poll(() => cards.count()).toBe(raised - 1);
    expect(await cards.filter({ hasText: '990105-CF-014' }).count()).toBe(0);
    await page.getByText('已处理', { exact: true }).click();
    const cleared = cards.filter({ hasText: '990105-CF-014' });
    await cleared.waitFor();
    expect(await cleared.textContent()).toContain(`处理说明：${note}（陈静，`);
    // the power item itself no longer asks for review, and its basis shows the old version as 已修改
    await cleared.getByRole('link', { name: /990105-CF-014/ }).click();
    await page.waitForURL('**/powers/**');
    await poll(() => title().textContent()).toContain('对经营者违反明码标价规定的行政处罚');
    expect(await page.getByTestId('basis-flags').count()).toBe(0);
    const basis = page.locator('.ant-card').filter({ has: page.getByText('设定依据', { exact: true }) });
    expect(await basis.textContent()).toMatch(/《中华人民共和国价格法》第四十二条1997-12-29 版已修改/);
  });

  it('browses the power list, adds and amends an item with its change record, exports .xlsx and refuses an import with a bad row', async () => {
    await login('admin');
    await menu('权责清单');
    await page.waitForURL('**/powers');
    const summary = page.getByText(/^主项 \d+ 项，子项 \d+ 项$/);
    const counts = async () => (await summary.textContent())!.match(/\d+/g)!.map(Number);
    const [items, subItems] = await counts();
    expect(items).toBeGreaterThan(20);

    // browse by category and open an item with a history of changes
    await page.getByRole('menuitem', { name: /^行政许可/ }).click();
    await page.waitForURL(/category=licensing/);
    const table = page.locator('.ant-layout-content .ant-table-tbody'); // not the tables of the (kept) import dialog
    await poll(async () => new Set(await table.locator('> tr.ant-table-row .ant-tag').allTextContents())).toEqual(new Set(['行政许可']));
    await table.getByRole('link', { name: '食品经营许可', exact: true }).click();
    await page.waitForURL('**/powers/**');
    await poll(() => title().textContent()).toContain('食品经营许可');
    const subsTitle = page.getByText(/^子项（\d+）$/);
    await subsTitle.waitFor();
    const subs = page.locator('.ant-card').filter({ has: subsTitle }).getByRole('link');
    expect(await subs.count()).toBe(Number((await subsTitle.textContent())!.match(/\d+/)![0]));
    expect(await subs.first().textContent()).toMatch(/^990105-XK-001-01 食品经营许可（.+）$/);
    const v2 = page.getByTestId('version-2');
    expect(await v2.textContent()).toMatch(/第 2 版 · 变更/);
    expect(await v2.textContent()).toContain('变更内容：办理时限');
    expect(await v2.textContent()).toContain('批准：刘建国');
    expect(await page.getByTestId('version-1').textContent()).toMatch(/第 1 版 · 新增/);

    // 新增事项 through the form
    await menu('权责清单');
    await page.getByRole('button', { name: '新增事项' }).click();
    const add = await dialog('新增权责事项');
    const code = '990105-CF-901';
    const name = '对经营超过保质期食品的行政处罚（端到端测试）';
    const today = chinaDay();
    await pick(add, '实施主体', '示例区市场监督管理局');
    await add.getByLabel('事项编码').fill(code);
    await add.getByLabel('事项名称').fill(name);
    await pick(add, '职权类别', '行政处罚');
    await pick(add, '承办机构', '食品安全监督管理科');
    await add.getByLabel('设定依据').fill('《中华人民共和国食品安全法》第三十四条、第一百二十四条');
    await add.getByRole('button', { name: '解析条文' }).click();
    const preview = add.getByTestId('basis-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('basis-link').allTextContents()).toEqual([
      '《中华人民共和国食品安全法》第三十四条',
      '《中华人民共和国食品安全法》第一百二十四条',
    ]);
    expect(await preview.textContent()).toContain('2021-04-29 版');
    await add.getByLabel('责任事项').fill('立案责任：对发现的违法行为及时审查决定是否立案\n处罚决定责任：依法作出处罚决定');
    await add.getByLabel('追责情形').fill('没有法律依据实施行政处罚的；\n违反法定程序实施行政处罚的');
    await pick(add, '调整原因', '法律立改废');
    await typeDate(add.getByLabel('生效日期'), today);
    await pick(add, '批准人（局领导）', /刘建国/);
    await add.getByLabel('调整说明').fill('依据食品安全法第一百二十四条新增');
    await add.getByRole('button', { name: /新\s*增/ }).click();
    await toast(`已新增“${name}”`);
    await page.waitForURL(/\/powers\/[0-9a-f-]{36}$/);
    await poll(() => title().textContent()).toContain(name);
    expect(await title().textContent()).toContain('有效');
    const first = page.getByTestId('version-1');
    expect(await first.textContent()).toMatch(/第 1 版 · 新增法律立改废/);
    expect(await first.textContent()).toContain(`${today} 起`);
    expect(await first.textContent()).toMatch(/批准：刘建国 · 经办：/);
    const info = page.locator('.ant-card').filter({ has: page.getByText('基本信息', { exact: true }) });
    const timeLimit = () => info.locator('.ant-descriptions-item').filter({ hasText: '办理时限' }).locator('.ant-descriptions-item-content').textContent();
    expect(await timeLimit()).toBe('—');

    // 变更, effective in a week: the list keeps the current version until then
    const nextWeek = chinaDay(7);
    await page.getByRole('button', { name: /变\s*更/ }).click();
    const amend = await dialog(`变更权责事项：${code} ${name}`);
    await amend.getByLabel('办理时限').fill('自立案之日起九十日内作出处理决定');
    await pick(amend, '调整原因', '机构职能调整');
    await typeDate(amend.getByLabel('生效日期'), nextWeek);
    await pick(amend, '批准人（局领导）', /刘建国/);
    await amend.getByLabel('调整说明').fill('明确办理时限');
    await amend.getByRole('button', { name: /提交变更/ }).click();
    await toast(`自 ${nextWeek} 起生效`);
    const second = page.getByTestId('version-2');
    await second.waitFor();
    expect(await second.textContent()).toMatch(/第 2 版 · 变更机构职能调整/);
    expect(await second.textContent()).toContain(`${nextWeek} 起`);
    expect(await second.textContent()).toContain('变更内容：办理时限');
    expect(await page.getByTestId('version-1').textContent()).toContain(`${today} 至 ${chinaDay(6)}`);
    expect(await timeLimit()).toBe('—');
    await second.getByRole('button', { name: '查看此版本' }).click();
    await page.waitForURL(new RegExp(`asOf=${nextWeek}`));
    await poll(timeLimit).toBe('自立案之日起九十日内作出处理决定');

    // export: a real workbook in the import layout, one row per item and sub-item in effect today
    await menu('权责清单');
    await poll(counts).toEqual([items + 1, subItems]);
    // the list as of yesterday: without the new item
    const yesterday = chinaDay(-1);
    await typeDate(page.getByPlaceholder('查看某日的清单'), yesterday);
    await page.getByText(`正在查看 ${yesterday} 有效的权责清单`).waitFor();
    await poll(counts).toEqual([items, subItems]);
    await page.getByRole('button', { name: '回到今天' }).click();
    await poll(counts).toEqual([items + 1, subItems]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-powers').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = join(dir, 'powers.xlsx');
    await download.saveAs(exported);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const ws = wb.getWorksheet('权责清单')!;
    expect(ws).toBeDefined();
    const header = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 8)).toEqual(['序号', '事项编码', '事项名称', '子项名称', '职权类别', '实施主体', '承办机构', '设定依据']);
    const col = (h: string) => header.indexOf(h) + 1;
    const dataRows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => {
      if (n > 2 && String(row.getCell(col('事项编码')).text).trim()) dataRows.push(row);
    });
    expect(dataRows.length).toBe(items + 1 + subItems);
    const rowOf = (c: string) => dataRows.find((r) => r.getCell(col('事项编码')).text === c)!;
    expect(rowOf(code).getCell(col('事项名称')).text).toBe(name);
    expect(rowOf(code).getCell(col('职权类别')).text).toBe('行政处罚');

    // an import with one bad row among good ones: the row's error, nothing imported
    const amendCode = '990105-CF-013';
    const badCode = '990105-CF-015';
    const oldPhone = rowOf(amendCode).getCell(col('咨询电话')).text;
    const newPhone = '0990-86019999';
    expect(oldPhone).not.toBe(newPhone);
    rowOf(amendCode).getCell(col('咨询电话')).value = newPhone;
    const badRow = rowOf(badCode);
    badRow.getCell(col('职权类别')).value = '行政管理';
    const badFile = join(dir, '权责清单-有错误.xlsx');
    await wb.xlsx.writeFile(badFile);
    badRow.getCell(col('职权类别')).value = '行政处罚';
    const goodFile = join(dir, '权责清单.xlsx');
    await wb.xlsx.writeFile(goodFile);

    /** 导入 Excel: the file and its change record, then 校验 (a dry run). */
    const checkImport = async (file: string) => {
      await menu('权责清单');
      await page.getByRole('button', { name: '导入 Excel' }).click();
      const d = await dialog('导入权责清单（.xlsx）');
      await d.locator('input[type=file]').setInputFiles(file);
      await pick(d, '调整原因', '上级要求');
      await typeDate(d.getByLabel('生效日期'), today);
      await pick(d, '批准人（局领导）', /刘建国/);
      await d.getByLabel('调整说明').fill('按市局要求更新咨询电话');
      await d.getByRole('button', { name: /校\s*验/ }).click();
      return d;
    };
    const imp = await checkImport(badFile);
    const errors = imp.getByTestId('import-errors');
    await errors.waitFor();
    await imp.getByText(/文件有 1 处错误，未导入任何内容/).waitFor();
    const errorRow = errors.locator('tbody tr');
    expect(await errorRow.count()).toBe(1);
    expect(await errorRow.locator('td').allTextContents()).toEqual([String(badRow.number), '职权类别', expect.stringContaining('未知的职权类别“行政管理”')]);
    expect(await imp.getByTestId('import-confirm').isDisabled()).toBe(true);
    await imp
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await imp.waitFor({ state: 'hidden' });

    const openItem = async (c: string) => {
      await menu('权责清单');
      await page.getByPlaceholder('事项名称或编码').fill(c);
      await page.getByPlaceholder('事项名称或编码').press('Enter');
      await poll(() => table.locator('> tr.ant-table-row').count()).toBe(1);
      await table.locator('> tr.ant-table-row > td').nth(1).getByRole('link').click(); // 事项名称
      await page.waitForURL('**/powers/**');
      await page.getByTestId('version-1').waitFor();
    };
    const phone = () => info.locator('.ant-descriptions-item').filter({ hasText: '咨询电话' }).locator('.ant-descriptions-item-content').textContent();
    await openItem(amendCode);
    expect(await phone()).toBe(oldPhone);
    expect(await page.getByTestId('version-2').count()).toBe(0);

    // the same file with the row corrected: checked, then imported in one go
    await checkImport(goodFile);
    await imp.getByText('校验通过，可以导入').waitFor();
    await imp.getByTestId('import-confirm').click();
    await toast(/已导入：新增 0 项，变更 1 项/);
    await openItem(amendCode);
    await poll(phone).toBe(newPhone);
    expect(await page.getByTestId('version-2').textContent()).toMatch(/第 2 版 · 变更上级要求.*变更内容：咨询电话.*批量导入/);
  });

  it('calculates the discretion for expired food worth 14,080 元 live, with the tier, the ranges and the cited trace', async () => {
    await login('zhifa');
    await menu('违法行为与裁量基准');
    await page.waitForURL('**/discretion');
    await page.getByPlaceholder('编码或名称').fill('SP-001');
    await page.getByPlaceholder('编码或名称').press('Enter');
    const violations = page.getByTestId('violations').locator('tbody tr.ant-table-row');
    await poll(() => violations.count()).toBe(1);
    await violations.getByRole('link', { name: '经营超过保质期的食品' }).click();
    await page.waitForURL('**/discretion/violations/**');
    await poll(() => title().textContent()).toBe('SP-001经营超过保质期的食品');
    await page.getByRole('tab', { name: /2026-01-01（现行）/ }).waitFor();

    const calc = page.getByTestId('calculator');
    const dateInput = (label: string) => calc.locator('.ant-form-item').filter({ hasText: label }).locator('input');
    await typeDate(dateInput('违法行为发生日期'), '2026-03-02');
    await typeDate(dateInput('作出处罚决定日期'), '2026-04-20');
    const goods = calc.getByTestId('base-goodsValue');
    await goods.fill('14080');
    await goods.press('Tab');
    for (const c of ['初次违法', '积极配合调查，如实陈述违法事实并主动提供证据', '主动消除或者减轻违法行为危害后果（如主动召回、下架、退赔）']) {
      await calc.getByLabel(c, { exact: true }).check();
    }
    const result = calc.getByTestId('calc-result');
    const fine = () => calc.getByTestId('calc-penalties').locator('.ant-list-item').filter({ hasText: /^罚款/ }).textContent();
    const trace = calc.getByTestId('calc-trace').locator('.ant-timeline-item');
    // the preview follows every input: wait for the one with all three circumstances
    // the tier step is in official wording and names its rule: 第三十二条 (应当从轻或者减轻) decides, listed last
    await poll(async () =>
      (await trace.allTextContents()).some(
        (s) => s.includes('法定应当从轻或者减轻') && s.includes('依照《行政处罚法》第三十二条的规定，应当从轻或者减轻行政处罚，决定从轻处罚'),
      ),
    ).toBe(true);
    await poll(async () => (await trace.allTextContents()).filter((s) => s.includes('认定情节')).length).toBe(3);
    expect(await fine()).toContain('140,800.00 – 168,960.00 元');
    expect(await fine()).toContain('应当');
    expect(await fine()).toContain('《食品安全法》第一百二十四条');
    const text = (await result.textContent())!;
    expect(text).toContain('裁量阶次从轻处罚');
    expect(text).toContain('示市监法〔2025〕31号');
    expect(text).toContain('货值金额一万元以上：140,800.00 – 281,600.00 元');
    expect(text).toContain('应告知听证权利');
    expect(text).toContain('重大执法决定');

    // the trace: every step, each with its citations
    const steps = await trace.allTextContents();
    expect(steps.length).toBeGreaterThan(5);
    expect(steps.some((s) => s.includes('货值金额 14,080.00 元') && s.includes('《食品安全法》第一百二十四条'))).toBe(true);
    expect(steps.some((s) => s.includes('认定情节“初次违法”') && s.includes('《行政处罚法》第五条'))).toBe(true);
    for (const step of await trace.all()) expect(await step.getByTestId('article-link').count()).toBeGreaterThan(0);

    // 从旧兼从轻: committed in 2025, decided in 2026 — the later, lighter benchmark applies
    await typeDate(dateInput('违法行为发生日期'), '2025-11-20');
    await typeDate(dateInput('作出处罚决定日期'), '2026-02-10');
    await result.getByText('从旧兼从轻：适用作出决定时施行的较轻基准（示市监法〔2025〕31号）').waitFor();
    expect(await fine()).toContain('140,800.00 – 168,960.00 元');
    // a repeat offence in the same dates: the old benchmark's 从重 is lighter than the new one
    for (const c of ['初次违法', '积极配合调查，如实陈述违法事实并主动提供证据', '主动消除或者减轻违法行为危害后果（如主动召回、下架、退赔）']) {
      await calc.getByLabel(c, { exact: true }).uncheck();
    }
    await calc.getByLabel('曾因同类违法行为受过行政处罚', { exact: true }).check();
    await poll(fine).toContain('239,360.00 – 281,600.00 元');
    expect(await result.textContent()).toContain('裁量阶次从重处罚');
    expect(await result.textContent()).toContain('示市监法〔2023〕12号');

    // a citation in the trace opens the article
    await calc.getByTestId('calc-trace').getByRole('link', { name: '《食品安全法》第一百二十四条' }).first().click();
    await poll(() => page.getByTestId('article-title').textContent()).toBe('《中华人民共和国食品安全法》第一百二十四条');
    expect((await page.getByTestId('article-paragraph').allTextContents()).join('')).toContain('货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款');
  });
});
