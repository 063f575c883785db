/**
 * 公开征求意见 end to end, against a real server with the demo data: the drafting unit puts a 规范性文件 draft out for
 * comment (through the normative-document API, which opens the consultation); a citizen, without an account and
 * without JavaScript-dependent steps, comments on an article on the portal (name and contact given, never shown); the
 * leader (lingdao) answers it in the console, the period ends, and the feedback report (意见采纳情况) is published
 * from the console; the citizen then reads the answer on the portal.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useConsole, type Server } from './harness.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const DIGITS = '零一二三四五六七八九';

describe('public comment (公开征求意见): portal and console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  let citizen: BrowserContext;
  let citizenPage: Page;
  beforeAll(async () => {
    ({ page, server } = ui);
    citizen = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: false });
    citizenPage = await citizen.newPage();
  });
  afterAll(async () => citizen?.close());

  const { signIn, post, get } = ui.api;
  const TITLE = '示例区电子价签管理规定';
  let consultationId = '';

  it('a citizen comments on an article of a 规范性文件 draft on the portal, without an account', async () => {
    const csrf = await signIn('admin');
    const orgs = (await get('/api/orgs')).items as { id: string; name: string }[];
    const unitId = orgs.find((o) => o.name === '价格监督检查和反不正当竞争科')!.id;
    const created = await post(csrf, '/api/normative-documents', {
      unitId,
      title: TITLE,
      affectsRights: true,
      concernsMarket: true,
      articles: [
        { text: '为规范电子价签的使用，制定本规定。' },
        { text: '经营者使用电子价签的，应当保证价签显示价格与结算价格一致。' },
        { text: '本规定自发布之日起施行。' },
      ],
      necessity: '规范电子价签。',
      impact: '涉及辖区零售经营者。',
      citations: [],
    });
    expect(created.status(), await created.text()).toBe(201);
    const docId = (await created.json()).id as string;
    const doc = await get(`/api/normative-documents/${docId}`);
    const opened = await post(csrf, `/api/normative-documents/${docId}/transitions/openComment`, { expectedVersion: doc.matter.version, input: { days: 30 } });
    expect(opened.status(), await opened.text()).toBe(200);
    consultationId = (await get(`/api/normative-documents/${docId}`)).consultationId as string;
    expect(consultationId).toBeTruthy();

    await citizenPage.goto(`${server.baseUrl}/portal/consultations`);
    await citizenPage
      .getByRole('link', { name: new RegExp(TITLE) })
      .first()
      .click();
    await citizenPage.waitForURL(/\/portal\/consultations\/[^/?]+/);
    expect(await citizenPage.locator('main').textContent()).toContain('已收到意见');
    await citizenPage.getByRole('link', { name: '对第二条提出意见' }).click();
    expect(await citizenPage.locator('#anchor').inputValue()).toBe('a2');
    await citizenPage.locator('#text').fill('建议明确价签与结算价格不一致时按较低价格结算。');
    await citizenPage.locator('#name').fill('周七');
    await citizenPage.locator('#contact').fill('13600000000');
    const q = /验证题：(.)加(.)等于几/.exec((await citizenPage.locator('label[for="challengeAnswer"]').textContent()) ?? '')!;
    await citizenPage.locator('#challengeAnswer').fill(String(DIGITS.indexOf(q[1]) + DIGITS.indexOf(q[2])));
    await citizenPage.getByRole('button', { name: '提交意见' }).click();
    await citizenPage.waitForURL(/submitted=1/);
    const after = (await citizenPage.locator('main').textContent()) ?? '';
    expect(after).toContain('您的意见已提交（第 1 条）');
    expect(after).not.toContain('周七');
    expect(after).not.toContain('13600000000');
  });

  it('the leader answers it in the console, the period ends, the feedback report is published; the citizen reads the answer', async () => {
    await ui.login('lingdao');
    await page.getByRole('menuitem', { name: '公开征求意见' }).click();
    await page.waitForURL(/\/consultations$/);
    await page.locator('tr', { hasText: TITLE }).getByRole('link').first().click();
    await page.waitForURL(/\/consultations\/[^/?]+$/);
    // staff see who wrote, marked as not public
    await poll(() => page.getByTestId('group-a2').textContent()).toContain('周七');
    // the period runs: closing is disabled with the reason
    const close = page.getByTestId('step-close');
    await close.waitFor();
    await poll(() => close.isDisabled()).toBe(true);
    expect(await close.getAttribute('data-reason')).toMatch(/届满/);
    await page.getByTestId('answer-1').click();
    const modal = page.locator('.ant-modal').filter({ has: page.getByRole('button', { name: '确认答复' }) });
    await modal.getByLabel('部分采纳').check();
    await modal.getByTestId('answer-reason').fill('已在第二条增加“按较低价格结算”的规定。');
    await modal.getByRole('button', { name: '确认答复' }).click();
    await poll(() => page.getByTestId('group-a2').textContent()).toContain('部分采纳');

    // the period's end: the close is taken on the day after its last day (the API's 办理日期)
    const csrf = await signIn('lingdao');
    const c = await get(`/api/consultations/${consultationId}`);
    const next = new Date(`${c.endsOn}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const closed = await post(csrf, `/api/consultations/${consultationId}/transitions/close`, {
      expectedVersion: c.version,
      input: {},
      date: next.toISOString().slice(0, 10),
    });
    expect(closed.status(), await closed.text()).toBe(200);

    await page.reload();
    const report = page.getByTestId('step-publishReport');
    await report.waitFor();
    await poll(() => report.isDisabled()).toBe(false);
    await report.click();
    const r = page.locator('.ant-modal').filter({ has: page.getByRole('button', { name: /^公\s*布$/ }) });
    await r.getByTestId('report-summary').fill('征求意见期间收到意见1条，部分采纳。');
    await r.getByRole('button', { name: /^公\s*布$/ }).click();
    await poll(() => page.getByTestId('consultation-state').textContent()).toContain('已公布意见采纳情况');

    await citizenPage.goto(`${server.baseUrl}/portal/consultations/${consultationId}`);
    const body = (await citizenPage.locator('main').textContent()) ?? '';
    expect(body).toContain('意见采纳情况');
    expect(body).toContain('建议明确价签与结算价格不一致时按较低价格结算。');
    expect(body).toContain('部分采纳');
    expect(body).toContain('已在第二条增加“按较低价格结算”的规定。');
    expect(body).not.toContain('周七');
    expect(body).not.toContain('13600000000');
  });
});
