/**
 * 规范性文件 in the staff console, against a real server with the demo data: a draft goes to the legality review;
 * the legal reviewer (shenhe) finds it 不合法; the leader (lingdao) opens the document — the 集体审议（局务会） step
 * is disabled with the gate's reason — and the API refuses the deliberation as well. The demo's documents show
 * with their status in the list and on the portal.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickOption, useConsole, type Server } from './harness.ts';
import { reviewKinds } from '../src/domain/legality/rules.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('normative documents (规范性文件) in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  beforeAll(() => {
    ({ page, server } = ui);
  });

  const { signIn, post, get } = ui.api;

  it('a legal reviewer finds a draft 不合法: the deliberation step is disabled with the reason and the API refuses it', async () => {
    // the drafting unit sends an internal rule to the legality review (no public comment: it affects no one's rights — the reason recorded)
    const csrf = await signIn('admin');
    const orgs = (await get('/api/orgs')).items as { id: string; name: string }[];
    const unitId = orgs.find((o) => o.name === '法制科')!.id;
    const created = await post(csrf, '/api/normative-documents', {
      unitId,
      title: '示例区市场监督管理局执法文书送达工作规程',
      affectsRights: false,
      concernsMarket: false,
      articles: [{ text: '为规范执法文书送达工作，制定本规程。' }, { text: '执法文书送达后，对当事人处以一百元以下罚款。' }],
      necessity: '统一本局执法文书送达工作。',
      impact: '规范内部工作程序。',
      citations: [],
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).id as string;
    const step = async (name: string, input: unknown) => {
      const d = await get(`/api/normative-documents/${id}`);
      return post(csrf, `/api/normative-documents/${id}/transitions/${name}`, { expectedVersion: d.matter.version, input });
    };
    expect((await step('skipComment', { reason: '仅规范本局内部工作程序，不涉及公民、法人和其他组织权利义务' })).status()).toBe(200);
    expect((await step('requestLegalityReview', {})).status()).toBe(200);
    const reviewId = (await get(`/api/normative-documents/${id}`)).legalityReviewId as string;

    // the legal reviewer, in the console: 不合法 (a 规范性文件 may not set a penalty, 行政处罚法 第十六条)
    await ui.login('shenhe');
    await page.goto(`${server.baseUrl}/legality/reviews/${reviewId}`);
    await poll(() => page.getByTestId('review-state').textContent()).toContain('审查中');
    await page.getByTestId('step-conclude').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const checklist = reviewKinds.normativeDocument.checklist;
    for (const item of checklist)
      await pickOption(page, dialog.getByTestId(`verdict-${item.id}`).locator('input'), item.id === 'powers' ? /^不符合$/ : /^符合$/);
    await dialog
      .locator('tr', { hasText: checklist.find((i) => i.id === 'powers')!.label })
      .locator('textarea')
      .fill('第二条设定罚款，违反行政处罚法第十六条');
    await pickOption(page, dialog.getByLabel('审查意见', { exact: true }), /^不合法$/);
    await dialog.getByLabel(/理由及修改意见/).fill('规范性文件不得设定行政处罚（行政处罚法 第十六条）');
    await dialog.getByLabel(/提前出具意见的理由/).fill('问题明确，无需等待最短审核时间');
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await poll(() => page.getByTestId('review-state').textContent()).toContain('不合法');

    // the leader opens the document in the console
    await ui.login('lingdao');
    await page.getByRole('menuitem', { name: '规范性文件' }).click();
    await page.waitForURL(/\/normative-documents$/);
    await page.locator('tr', { hasText: '执法文书送达工作规程' }).getByRole('link').first().click();
    await page.waitForURL(/\/normative-documents\/[^/?]+$/);
    const button = page.getByTestId('step-deliberate');
    await button.waitFor();
    await poll(() => button.isDisabled()).toBe(true);
    expect(await button.getAttribute('data-reason')).toMatch(/不合法|不得提交集体审议/);
    await button.locator('xpath=..').hover();
    await poll(() => page.locator('.ant-tooltip').textContent()).toMatch(/不得提交集体审议/);

    // and the API refuses it, writing nothing
    const lcsrf = await signIn('lingdao');
    const d = await get(`/api/normative-documents/${id}`);
    const refused = await post(lcsrf, `/api/normative-documents/${id}/transitions/deliberate`, {
      expectedVersion: d.matter.version,
      input: {
        meetingOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        meeting: '局务会',
        attendees: ['刘建国'],
        minutes: '审议',
        result: 'passed',
      },
    });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.message).toMatch(/不合法|不得提交集体审议/);
    expect((await get(`/api/normative-documents/${id}`)).state).toBe('legalityReview');
  });

  it('the demo documents with their status in the console and on the portal', async () => {
    await ui.login('shenhe');
    await page.goto(`${server.baseUrl}/normative-documents?tab=library`);
    await poll(() => page.locator('tbody').first().textContent()).toContain('明码标价行为的若干规定');
    const body = await page.locator('tbody').first().textContent();
    expect(body).toContain('现行有效');
    expect(body).toContain('已失效');
    await page.goto(`${server.baseUrl}/portal/normative-documents`);
    const portal = await page.locator('main').textContent();
    expect(portal).toContain('现行有效');
    expect(portal).toContain('商品交易市场经营秩序管理暂行规定');
  });
});
