/**
 * Issue 14 in the browser: an officer, a reviewer and a leader follow the 下一步 banner through a whole ordinary case —
 * each finds the case in their 待办, opens it from there, and the banner names the step they then take; a button that
 * can only fail is disabled and says why; the 待办 of each demo role holds what that role must do.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useConsole, type Server } from './harness.ts';

/** Today in China Standard Time. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const citizen = { type: 'naturalPerson', name: '郑小铺', idNumber: '11010519491231002X', address: '示例区光明街18号' };
const contact = { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' };

describe('next-step guidance and the 待办 in the staff console', () => {
  const ui = useConsole();
  let page: Page;
  let server: Server;
  let api: APIRequestContext;
  let caseId: string;
  beforeAll(() => {
    ({ page, server } = ui);
    api = page.request;
  });

  /** The API as the logged-in user (the session cookie of the page, the CSRF token of /api/auth/me). */
  const call = async (method: 'get' | 'post', path: string, data?: unknown) => {
    const csrf = method === 'post' ? ((await (await api.get(`${server.baseUrl}/api/auth/me`)).json()).csrfToken as string) : '';
    const r = await api[method](`${server.baseUrl}${path}`, method === 'post' ? { data: data ?? {}, headers: { 'x-csrf-token': csrf } } : {});
    const body = await r.json();
    expect(r.status(), `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
    return body;
  };
  const take = async (transition: string, input: Record<string, unknown> = {}) => {
    const c = await call('get', `/api/cases/${caseId}`);
    return call('post', `/api/cases/${caseId}/transitions/${transition}`, { expectedVersion: c.matter.version, date: today, input });
  };

  /** Logs in, finds the case among 可办理 in the 待办, opens it from there and checks that the banner names `label`. */
  const followBanner = async (username: string, transition: string, label: string) => {
    await ui.login(username);
    await page.goto(`${server.baseUrl}/todo`);
    const item = page.locator(`[data-testid="todo-now"][data-matter="${caseId}"]`);
    await item.waitFor();
    await item.locator('a[href^="/cases/"]').click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    const banner = page.getByTestId('next-step');
    await expect.poll(() => banner.textContent(), { timeout: 15_000 }).toContain(`下一步：${label}`);
    expect(await page.getByTestId(`transition-${transition}`).isEnabled()).toBe(true);
  };

  it('the demo roles each find what they must do in their 待办, and the header counts it', async () => {
    // the demo holds a lead to verify (officer), a case in 法制审核 (legal reviewer), acts for the leader and the
    // administrator; the supervisor takes no step of these workflows and is told so
    for (const [username, step] of [
      ['zhifa', /受理线索并核查|提请立案/],
      ['shenhe', /法制审核/],
      ['lingdao', /.+/],
      ['admin', /.+/],
      ['jiandu', null],
    ] as const) {
      await ui.login(username);
      await page.goto(`${server.baseUrl}/todo`);
      const count = (await call('get', '/api/todo/count')).count as number;
      await expect.poll(() => page.getByTestId('todo-count').textContent()).toContain(String(count));
      const now = page.getByTestId('todo-now');
      if (step === null) {
        await page.getByText('没有需要您现在办理的事项').waitFor();
        expect(count).toBe(0);
        continue;
      }
      await now.first().waitFor();
      const items = await now.allTextContents();
      expect(items).toEqual(expect.arrayContaining([expect.stringMatching(step)]));
      // each item names a step of the user's own
      for (const text of items) expect(text, username).toContain('由我办理');
    }
  });

  it('an ordinary case from lead to archive, each step taken by whom the banner names', async () => {
    await ui.login('zhifa');
    caseId = (await call('post', '/api/cases', { source: 'complaint', receivedOn: today, party: citizen, contact, field: 'pricing', summary: '未明码标价' }))
      .id;
    const violationId = ((await call('get', '/api/discretion/violations?q=JG-001')).items as { id: string; code: string }[]).find(
      (v) => v.code === 'JG-001',
    )?.id;
    expect(violationId).toBeTruthy();
    // two officers of zhifa's station certified for pricing (or 综合执法) today
    const me = await call('get', '/api/auth/me');
    const officers = (
      (await call('get', `/api/officers?orgId=${me.user.orgId}`)).items as { id: string; certificates: { fields: string[]; effectiveStatus: string }[] }[]
    )
      .filter((o) => o.certificates.some((c) => c.effectiveStatus === 'valid' && (c.fields.includes('pricing') || c.fields.includes('general'))))
      .slice(0, 2);
    expect(officers).toHaveLength(2);

    await followBanner('zhifa', 'accept', '受理线索并核查');
    await take('accept');
    await followBanner('zhifa', 'proposeFiling', '提请立案');
    await take('proposeFiling', { violationId, violationDate: today, investigatorIds: officers.map((o) => o.id), opinion: '建议立案' });
    await followBanner('lingdao', 'approveFiling', '批准立案');
    await take('approveFiling', { opinion: '同意立案' });
    await ui.login('zhifa');
    await call('post', `/api/cases/${caseId}/evidence`, { kind: 'documentary', title: '现场检查笔录', collectedOn: today });
    await followBanner('zhifa', 'closeInvestigation', '调查终结');
    await take('closeInvestigation', {
      facts: '当事人经营的商品未标示价格。',
      bases: {},
      proposed: [{ kind: 'fine', amountFen: 400_000 }],
      deviationReason: '多次提醒仍未标价',
    });
    await followBanner('shenhe', 'audit', '案件审核通过');
    await take('audit', { opinion: 'agree', reasons: '同意', acceptsDeviation: true });
    await followBanner('zhifa', 'notify', '送达行政处罚告知书');
    await take('notify', { servedOn: today });

    // the statement window is open: 进入决定 is disabled and says why; the 待办 shows it waiting, with the reason
    await page.goto(`${server.baseUrl}/cases/${caseId}`);
    const proceed = page.getByTestId('transition-proceedToDecision');
    await expect.poll(() => proceed.isDisabled(), { timeout: 15_000 }).toBe(true);
    expect(await proceed.getAttribute('data-reason')).toMatch(/届满/);
    await proceed.locator('..').hover();
    await expect.poll(() => page.locator('.ant-tooltip').textContent()).toMatch(/届满/);
    expect(await page.getByTestId('next-step').textContent()).toMatch(/进入决定.*届满/);
    await page.goto(`${server.baseUrl}/todo`);
    await page.getByRole('tab', { name: /等待条件/ }).click();
    const waiting = page.locator(`[data-testid="todo-waiting"][data-matter="${caseId}"]`);
    await expect.poll(() => waiting.textContent()).toMatch(/进入决定.*届满/);

    // the party waives in writing: the window closes, and the banner moves on
    await call('post', `/api/cases/${caseId}/waiver`, { statement: true, signedOn: today, note: '当事人书面放弃陈述、申辩' });
    await followBanner('zhifa', 'proceedToDecision', '进入决定');
    await take('proceedToDecision');
    await followBanner('lingdao', 'decide', '作出决定');
    await take('decide', { outcome: 'penalty', penalties: [{ kind: 'fine', amountFen: 400_000 }], reason: '多次提醒仍未标价' });
    await followBanner('zhifa', 'serve', '送达决定书');
    await take('serve', { servedOn: today, method: 'direct', recipient: citizen.name });
    await call('post', `/api/cases/${caseId}/payments`, { paidOn: today, amountFen: 400_000, receiptNo: 'E2E-1' });
    await followBanner('lingdao', 'close', '结案');
    // nothing left to enforce: the application to the court is not offered to fail
    const apply = page.getByTestId('transition-applyEnforcement');
    expect(await apply.isDisabled()).toBe(true);
    expect(await apply.getAttribute('data-reason')).toMatch(/执行完毕/);
    await take('close', { opinion: '同意结案' });
    await followBanner('zhifa', 'archive', '归档');
    await take('archive');
    await page.goto(`${server.baseUrl}/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('next-step').textContent(), { timeout: 15_000 }).toContain('已办结');
  });
});
