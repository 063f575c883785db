/**
 * 执法办案 end to end in a real browser against a real server with the demo data: scenario 2
 * (简易程序: 登记线索 → upload a body-camera .mp4 → 当场处罚 → 结案) and scenario 1 (普通程序, a
 * major case with a hearing: 登记线索 → 受理 → 提请立案 → 批准立案 → evidence → 调查终结 with the
 * discretion calculator → 案件审核 → 告知 → 听证 → 法制审核 → 集体讨论 → 决定 → 送达 → late
 * payment with 加处罚款 → 结案 → 归档), clicked by 执法人员 zhifa, 法制审核 shenhe and 局领导 lingdao.
 * The dates are those of the API test (test/cases.test.ts), all before the machine's today.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickOption, useConsole, type Server } from './harness.ts';

/** The calendar day in China (the server counts days in Asia/Shanghai). */
const chinaDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

interface OfficerRow {
  id: string;
  name: string;
  active: boolean;
  certificates: { status: string; validFrom: string; validTo: string; fields: string[] }[];
}

describe('case handling (执法办案) in the browser', () => {
  const ui = useConsole();
  const { login } = ui;
  let page: Page;
  let context: BrowserContext;
  let server: Server;
  beforeAll(() => {
    ({ page, context, server } = ui);
  });
  /** the two certified officers of 第二市场监管所 the API test uses */
  let investigators: string[];

  const as = async (username: string, caseUrl: string) => {
    await login(username);
    await page.goto(caseUrl);
    await page.getByTestId('case-state').waitFor();
  };

  const pick = (input: Locator, option: string | RegExp, search?: string) => pickOption(page, input, option, search);
  const typeDate = async (input: Locator, date: string) => {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  };
  const state = () => page.getByTestId('case-state').textContent();
  const instruments = () => page.getByTestId('case-instruments').locator('tbody tr').allTextContents();

  /** Opens the form of an action button, optionally sets 办理日期, lets `fill` fill it, and submits it. */
  const act = async (testId: string, date: string | null, fill: (d: Locator) => Promise<void> = async () => {}, opts: { expectError?: RegExp } = {}) => {
    await page.getByTestId(testId).click();
    const d = page.getByRole('dialog').filter({ has: page.getByTestId('action-form') });
    await d.waitFor();
    if (date) await typeDate(d.getByLabel('办理日期', { exact: true }), date);
    await fill(d);
    await d.locator('.ant-modal-title').click(); // closes any open options list
    await d.getByRole('button', { name: /办\s*理/ }).click();
    if (opts.expectError) {
      await poll(() => d.getByTestId('action-error').textContent()).toMatch(opts.expectError);
      return d;
    }
    await d.waitFor({ state: 'hidden' });
    return d;
  };
  const upload = async (name: string) => {
    const card = page.getByTestId('case-evidence');
    await card
      .getByTestId('evidence-upload')
      .setInputFiles({ name, mimeType: 'video/mp4', buffer: Buffer.from(`ftyp mp4 ${name} ${Date.now()}`.repeat(2000)) });
    await card.locator('tbody tr').filter({ hasText: name }).first().waitFor();
  };
  const pickOfficers = async (d: Locator, label: string, names: string[]) => {
    const input = d.getByLabel(label, { exact: true });
    for (const n of names) await pick(input, new RegExp(`^${n}（`), n);
    await d.locator('.ant-modal-title').click(); // closes the options list
  };
  const openLead = async (fill: (d: Locator) => Promise<void>) => {
    await page.goto(`${server.baseUrl}/cases`);
    await page.getByRole('button', { name: '登记线索' }).click();
    const d = page.getByRole('dialog', { name: '登记线索' });
    await fill(d);
    return d;
  };

  it('lands a case handler on the 待办, one click from the case list', async () => {
    await login('zhifa');
    await page.waitForURL('**/todo');
    await page.getByRole('menuitem', { name: '执法办案' }).click();
    await page.waitForURL('**/cases');
    await page.getByRole('tab', { name: '我的在办', selected: true }).waitFor();
    // 给予、不予、免予行政处罚 counted apart (行政处罚法 第三十条、第三十一条、第三十三条 / 免罚清单); the demo decided penalties
    const outcomes = page.getByTestId('case-outcomes');
    await outcomes.waitFor();
    expect(await outcomes.textContent()).toMatch(/给予行政处罚\s*[1-9]\d*\s*件.*不予行政处罚.*免予行政处罚/s);
    const officers = (await (await context.request.get(`${server.baseUrl}/api/officers`)).json()) as { items: OfficerRow[] };
    investigators = officers.items
      .filter(
        (o) =>
          o.active &&
          o.certificates.some(
            (c) =>
              c.status === 'valid' && c.validFrom <= '2026-09-01' && c.validTo >= '2026-12-31' && (c.fields.includes('food') || c.fields.includes('general')),
          ),
      )
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, 2)
      .map((o) => o.name);
    expect(investigators).toHaveLength(2);
  });

  it('scenario 2: 简易程序 — lead, body-camera video, 当场处罚 with the instrument, closure', async () => {
    await login('zhifa');
    const d = await openLead(async (d) => {
      await d.getByText('简易程序', { exact: true }).click();
      await poll(() => d.getByRole('radio', { name: '简易程序' }).isChecked()).toBe(true);
      await pick(d.getByLabel('案件来源', { exact: true }), '监督检查发现');
      await typeDate(d.getByLabel('发现或收到线索日期', { exact: true }), '2026-11-20');
      await pick(d.getByLabel('执法领域', { exact: true }), '价格监管', '价格');
      await d.getByLabel('线索内容（涉嫌违法行为）').fill('经营的小吃未标示价格');
      await d.getByText('公民（自然人、个体工商户）').click();
      await d.getByLabel('当事人名称（姓名）').fill('张百味');
      await d.getByLabel('公民身份号码').fill('110105194912310021'); // wrong check character
      await d.getByLabel('住所（地址）').fill('示例区建设路16号');
      await d.getByLabel('联系电话').fill('0999-87654321');
    });
    await d.getByRole('button', { name: /登\s*记/ }).click();
    // the server's check of the 公民身份号码, next to the field
    await d.getByText('公民身份号码校验位不正确').waitFor();
    await d.getByLabel('公民身份号码').fill('11010519491231002X');
    // an individual business: its 统一社会信用代码, but no 经营者 given yet
    await d.getByLabel('统一社会信用代码（个体工商户）').fill('92990105MA01JKLM6K');
    await d.getByRole('button', { name: /登\s*记/ }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await poll(state).toBe('案件线索');
    expect(await page.getByTestId('case-number').textContent()).toBe('（未立案）');
    expect(await page.locator('h1').textContent()).toContain('简易程序');

    await upload('执法记录仪.mp4');
    const onSite = async (d: Locator, yuan: string) => {
      await pick(d.getByLabel('违法行为', { exact: true }), /JG-001/, 'JG-001');
      // the calculator for the chosen violation sits beside the form (a 减轻 result is refused on the spot)
      await d.getByTestId('calculator').waitFor();
      await pickOfficers(d, '执法人员（两名持证）', investigators);
      await d.getByLabel('违法行为地点').fill('店内');
      await d.getByLabel('违法事实', { exact: true }).fill('经营的小吃未标示价格。');
      await d.getByLabel('金额（元）').fill(yuan);
      await d.getByLabel('当场收缴罚款').click();
      // 当场收缴: "依法给予一百元以下罚款的" (行政处罚法 第六十八条), against the 专用票据 (第七十条)
      await pick(d.getByLabel('当场收缴的依据', { exact: true }), /依法给予一百元以下罚款/);
      await d.getByLabel('专用票据号码（行政处罚法 第七十条）').fill('FS-2026-0001');
      await pick(d.getByLabel('音像记录（执法记录仪视频等）', { exact: true }), '执法记录仪.mp4');
    };
    // above the 第五十一条 limit for a citizen: refused with the guard's Chinese reason, nothing done
    const refused = await act('transition-decideOnSite', '2026-11-20', (d) => onSite(d, '201'), {
      expectError: /当场处罚的罚款合计不得超过 200\.00 元（行政处罚法 第五十一条）/,
    });
    await refused.getByLabel('金额（元）').fill('100');
    await refused.getByRole('button', { name: /办\s*理/ }).click();
    // the decision names the 经营者 of an individual business: the generator asks for it, and it is sent with the act
    await poll(() => refused.getByTestId('action-error').textContent()).toContain('法定代表人（负责人、经营者）');
    await refused.getByLabel('法定代表人（负责人、经营者）').fill('张百味');
    await refused.getByRole('button', { name: /办\s*理/ }).click();
    await refused.waitFor({ state: 'hidden' });
    await poll(state).toBe('已送达（执行中）');
    const decision = (await instruments()).find((t) => t.includes('当场行政处罚决定书'));
    expect(decision).toMatch(/〔2026〕\d+号/);
    expect(await page.getByTestId('case-payments').textContent()).toContain('100.00 元');
    expect(await page.getByTestId('case-payments').textContent()).toContain('当场收缴');
    // "执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关" (行政处罚法 第七十一条): handed over before 结案
    await act('transition-handOverFine', '2026-11-20', async (d) => {
      await typeDate(d.getByLabel('交款日期', { exact: true }), '2026-11-20');
      await d.getByLabel('接收部门及经办人').fill('本局财务科 李会计');
    });

    await as('lingdao', page.url());
    await act('transition-close', '2026-11-20');
    await poll(state).toBe('已结案');
    expect((await instruments()).some((t) => t.includes('结案审批表'))).toBe(true);
    const record = page.getByTestId('case-record');
    await record.locator('[data-event-type="matter.transitioned"]').first().waitFor();
    expect(await record.textContent()).toContain('执法记录仪.mp4');
  }, 300_000);

  it('scenario 1: 普通程序, major case with hearing, legal review, collective discussion, late payment, archive', async () => {
    await login('zhifa');
    const d = await openLead(async (d) => {
      await typeDate(d.getByLabel('发现或收到线索日期', { exact: true }), '2026-09-02');
      await pick(d.getByLabel('执法领域', { exact: true }), '食品安全', '食品');
      await d.getByLabel('线索内容（涉嫌违法行为）').fill('销售超过保质期的酸奶');
      await d.getByLabel('当事人名称（姓名）').fill('示例区鑫隆超市有限公司');
      await d.getByLabel('统一社会信用代码').fill('91990105MA01ABCD2X'); // wrong check character
      await d.getByLabel('住所（地址）').fill('示例市示例区和平路88号');
      await d.getByLabel('法定代表人').fill('李鑫隆');
      await d.getByLabel('联系电话').fill('0999-87654321');
    });
    await d.getByRole('button', { name: /登\s*记/ }).click();
    await d.getByText('统一社会信用代码校验位不正确').waitFor();
    await d.getByLabel('统一社会信用代码').fill('91990105MA01ABCD2W');
    await d.getByRole('button', { name: /登\s*记/ }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    await poll(state).toBe('案件线索');

    await act('transition-accept', '2026-09-02');
    await poll(state).toBe('核查中');
    await act('transition-proposeFiling', '2026-09-03', async (d) => {
      await pick(d.getByLabel('涉嫌违法行为', { exact: true }), /SP-001/, 'SP-001');
      await typeDate(d.getByLabel('违法行为发生日期', { exact: true }), '2026-08-30');
      await pickOfficers(d, '承办人员（至少两名持证执法人员）', investigators);
    });
    await poll(state).toBe('待批准立案');

    // the leader's 待办 holds it
    await login('lingdao');
    await page.waitForURL('**/todo');
    await page.getByTestId('todo-now').filter({ hasText: '示例区鑫隆超市有限公司' }).first().getByRole('link').click();
    await poll(state).toBe('待批准立案');
    await act('transition-approveFiling', '2026-09-03');
    await poll(state).toBe('立案调查');
    await poll(() => page.getByTestId('case-number').textContent()).toMatch(/^示市监.*〔2026〕\d+号$/);
    expect((await instruments()).some((t) => t.includes('立案审批表'))).toBe(true);

    // evidence: the body-camera video of the on-site inspection, then the 现场笔录 registered with it
    await as('zhifa', caseUrl);
    await upload('现场检查执法记录仪.mp4');
    await act('act-evidence', null, async (d) => {
      await d.getByLabel('名称', { exact: true }).fill('现场检查笔录及执法记录仪视频');
      await typeDate(d.getByLabel('取证日期', { exact: true }), '2026-09-04');
      await d.getByLabel('取证地点').fill('当事人经营场所');
      await pick(d.getByLabel('证据文件', { exact: true }), '现场检查执法记录仪.mp4');
    });
    await page.getByTestId('case-evidence').locator('tbody tr').filter({ hasText: '现场检查笔录及执法记录仪视频' }).waitFor();

    // 调查终结 with the live calculator in the form; the result is frozen on the case
    await act('transition-closeInvestigation', '2026-10-08', async (d) => {
      await d.getByLabel('违法事实', { exact: true }).fill('当事人于2026年8月起销售超过保质期的“鲜活”牌酸奶1,280杯，货值金额14,080元。');
      const calc = d.getByTestId('calculator');
      await calc.getByTestId('base-goodsValue').fill('14080');
      await calc.getByTestId('base-goodsValue').press('Tab');
      for (const c of ['初次违法', '积极配合调查，如实陈述违法事实并主动提供证据', '主动消除或者减轻违法行为危害后果（如主动召回、下架、退赔）'])
        await calc.getByLabel(c, { exact: true }).check();
      await poll(() => calc.getByTestId('calc-result').textContent()).toContain('从轻处罚');
      expect(await calc.getByTestId('calc-penalties').textContent()).toContain('140,800.00 – 168,960.00 元');
      const rows = d.getByTestId('rows-proposed');
      const add = async (kind: string, amount?: string, note?: string) => {
        await rows.getByRole('button', { name: /添\s*加/ }).click();
        const i = (await rows.getByLabel('处罚种类').count()) - 1;
        await pick(rows.getByLabel('处罚种类').nth(i), new RegExp(`^${kind}$`), kind);
        if (amount) await rows.getByLabel('金额（元）').nth(i).fill(amount);
        if (note) await rows.getByLabel('说明').nth(i).fill(note);
      };
      await add('罚款', '150000');
      await add('没收违法所得', '14080');
      await add('没收非法财物', undefined, '超过保质期的酸奶46杯');
    });
    await poll(state).toBe('案件审核');
    const frozen = page.getByTestId('frozen-discretion');
    expect(await frozen.textContent()).toContain('从轻处罚');
    expect(await frozen.textContent()).toContain('《食品安全法》第一百二十四条');
    await page.getByTestId('case-major').waitFor();

    // the reviewer's 待办
    await login('shenhe');
    await page.waitForURL('**/todo');
    await page.getByTestId('todo-now').filter({ hasText: '示例区鑫隆超市有限公司' }).first().getByRole('link').click();
    await poll(state).toBe('案件审核');
    // the audit form starts empty: the auditor chooses the opinion and writes the reasons
    await act('transition-audit', '2026-10-09', async (d) => {
      await pick(d.getByLabel('审核意见', { exact: true }), '同意');
      await d.getByLabel('理由', { exact: true }).fill('事实清楚，证据确凿，适用法律正确，程序合法。');
    });
    await poll(state).toBe('待告知');

    await as('zhifa', caseUrl);
    await act('transition-notify', '2026-10-12');
    await poll(state).toBe('已告知（陈述申辩期）');
    const notices = (await instruments()).filter((t) => t.includes('行政处罚告知书') || t.includes('听证告知书'));
    expect(notices).toHaveLength(2);
    for (const n of notices) expect(n).toMatch(/〔2026〕\d+号/);
    await act('transition-requestHearing', '2026-10-13');
    await poll(state).toBe('已申请听证');

    await as('lingdao', caseUrl);
    await act('transition-scheduleHearing', '2026-10-14', async (d) => {
      await typeDate(d.getByLabel('听证时间', { exact: true }), '2026-11-02 09:00');
      await pick(d.getByLabel('听证主持人（非本案调查人员）', { exact: true }), /^陈静（/, '陈静');
      await d.getByLabel('书记员').fill('郑宇');
    });
    await poll(state).toBe('已通知听证');

    await as('zhifa', caseUrl);
    await upload('听证录像.mp4');
    await act('transition-holdHearing', '2026-11-02', async (d) => {
      await d.getByTestId('rows-turns').getByLabel('发言内容').nth(1).fill('对事实无异议，请求从轻。');
      await d.getByLabel('听证报告').fill('当事人对事实无异议，请求从轻处罚。');
      await pick(d.getByLabel('听证录音录像', { exact: true }), '听证录像.mp4');
    });
    await poll(state).toBe('听证结束');
    await act('transition-submitForLegalReview', '2026-11-03');
    await poll(state).toBe('法制审核');

    await as('shenhe', caseUrl);
    // the 法制审核 form starts empty: nothing is pre-set to 符合 or 同意 — an item left unanswered is refused in the form
    await act('transition-legalReview', '2026-11-04', async (d) => {
      for (const g of await d.getByRole('radiogroup').all()) await g.getByText('符合', { exact: true }).click();
      await pick(d.getByLabel('审核意见', { exact: true }), '同意');
      await d.getByLabel('理由', { exact: true }).fill('事实清楚，证据确凿，适用法律正确，程序合法，裁量适当。');
    });
    await poll(state).toBe('集体讨论');
    expect(await page.getByTestId('case-reviews').textContent()).toContain('10/10 项符合');

    await as('lingdao', caseUrl);
    await act('transition-discuss', '2026-11-05', async (d) => {
      const rows = d.getByTestId('rows-members');
      await rows.getByLabel('职务').first().fill('局长');
      await rows.getByLabel('意见').first().fill('同意');
      await pick(d.getByLabel('讨论决定', { exact: true }), '给予行政处罚');
      await d.getByLabel('讨论记录', { exact: true }).fill('承办人汇报案情，法制审核意见同意。');
      for (const name of ['黄海', '林静']) {
        await rows.getByRole('button', { name: /添\s*加/ }).click();
        await rows.getByLabel('姓名').last().fill(name);
        await rows.getByLabel('职务').last().fill('副局长');
        await rows.getByLabel('意见').last().fill('同意');
      }
      await d.getByLabel('记录人').fill('郑宇');
    });
    await poll(state).toBe('待决定');
    // the penalties proposed are the form's defaults
    await act('transition-decide', '2026-11-06');
    await poll(state).toBe('已决定（待送达）');
    const number = (await page.getByTestId('decision-number').textContent())!;
    expect(number).toMatch(/^示市监处罚〔2026〕\d+号$/);
    expect((await instruments()).find((t) => t.includes('行政处罚决定书'))).toContain(number);

    await as('zhifa', caseUrl);
    await act('transition-serve', '2026-11-06');
    await poll(state).toBe('已送达（执行中）');
    // due 2026-11-23; today (China time) that many days late: 3 % of 150,000 元 a day (4,500 元)
    const payments = page.getByTestId('case-payments');
    expect(await payments.textContent()).toContain('2026-11-23');
    const daysLate = (Date.parse(chinaDay()) - Date.parse('2026-11-23')) / 86_400_000;
    expect(daysLate).toBeGreaterThan(0);
    const yuan = (n: number) => `${n.toLocaleString('en-US')}.00 元`;
    await poll(() => page.getByTestId('late-fee-now').textContent()).toBe(yuan(Math.min(4_500 * daysLate, 150_000)));
    expect(await page.getByTestId('owed-now').textContent()).toBe(yuan(150_000 + Math.min(4_500 * daysLate, 150_000)));
    // the overdue payment on the handler's dashboard, in red
    await page.goto(`${server.baseUrl}/cases`);
    const due = page.getByTestId('my-deadlines').locator('.ant-list-item').filter({ hasText: '当事人缴纳罚款' });
    await due.waitFor();
    expect(await due.locator('[data-deadline]').getAttribute('data-deadline')).toBe('overdue');
    // (the list loads on its own, after the dashboard card: wait for its row)
    await poll(() => page.getByRole('row').filter({ hasText: '示例区鑫隆超市有限公司' }).first().locator('[data-deadline="overdue"]').count()).toBe(1);

    // paid two days late, on 2026-11-25: 9,000 元 加处罚款 first, then the fine
    await page.goto(caseUrl);
    await act('act-payments', null, async (d) => {
      await typeDate(d.getByLabel('缴款日期', { exact: true }), '2026-11-25');
      await d.getByLabel('缴款金额（元）').fill('159000');
      await d.getByLabel('收据（缴款书）编号').fill('FS-0001');
    });
    await poll(() => page.getByTestId('late-fee-paid').first().textContent()).toBe('9,000.00 元');
    expect(await page.getByTestId('owed-now').textContent()).toBe('0.00 元');
    expect(await page.getByTestId('case-deadlines').textContent()).toMatch(/当事人缴纳罚款.*已完成/);

    // every line of the decision is executed before 结案 (行政处罚法 第七十四条): the gains paid, the yogurt destroyed
    const execute = (line: string, how: string, receipt: string, note: string, amount?: string) =>
      act('act-execution', null, async (d) => {
        await pick(d.getByLabel('处罚项目', { exact: true }), line);
        await pick(d.getByLabel('执行方式', { exact: true }), how);
        await typeDate(d.getByLabel('日期', { exact: true }), '2026-11-25');
        if (amount) await d.getByLabel('金额（元，缴纳违法所得或者拍卖所得）').fill(amount);
        await d.getByLabel('凭证编号（缴款书、移交清单、销毁记录、拍卖成交确认书）').fill(receipt);
        await d.getByLabel('说明', { exact: true }).fill(note);
      });
    await execute('2. 没收违法所得', '缴纳没收的违法所得', 'FS-0002', '没收违法所得缴入国库', '14080');
    await execute('3. 没收非法财物', '销毁', 'XH-0001', '两名执法人员监督销毁');
    await poll(async () => (await page.getByTestId('execution-state').allTextContents()).join()).toBe('已执行,已执行,已执行');

    await as('lingdao', caseUrl);
    await act('transition-close', '2026-11-26');
    await poll(state).toBe('已结案');

    await as('zhifa', caseUrl);
    await act('transition-archive', '2026-11-27');
    await poll(state).toBe('已归档');
    expect(await page.getByTestId('case-actions').textContent()).toContain('卷宗已归档，只读');
    expect(await page.getByTestId('case-actions').getByRole('button').count()).toBe(0);
    const titles = await page.getByTestId('case-instruments').locator('tbody tr td:first-child').allTextContents();
    expect(titles).toEqual([
      '立案审批表',
      '案件调查终结报告',
      '案件审核表',
      '行政处罚告知书',
      '行政处罚听证告知书',
      '行政处罚听证通知书',
      '听证笔录',
      '重大执法决定法制审核意见书',
      '行政处罚案件集体讨论记录',
      '行政处罚决定书',
      '送达回证',
      '结案审批表',
    ]);
    // instruments download as .docx and PDF
    const href = await page.getByTestId('case-instruments').getByRole('link', { name: /预览/ }).first().getAttribute('href');
    const pdf = await context.request.get(`${server.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');

    // the record in Chinese: one line per entry; every entry expanded shows no English key, no JSON, no UUID
    const record = page.getByTestId('case-record');
    const entries = record.locator('[data-event-type]');
    await entries.first().waitFor();
    expect((await entries.first().boundingBox())!.height).toBeLessThan(60);
    expect(await record.textContent()).toMatch(/环节：受理线索并核查（案件线索 → 核查中）/);
    await record.getByTestId('record-expand-all').click();
    await poll(async () => (await record.getByTestId('record-entry-details').count()) === (await entries.count())).toBe(true);
    const text = (await record.textContent()) ?? '';
    expect(text).toContain('示例区鑫隆超市有限公司');
    // camelCase keys, JSON, UUIDs, lower-case English values (a hash's hex digits aside)
    const developerTexts = [/\b[a-z]+[A-Z][A-Za-z]*\b/, /\{"/, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, /\b(?![0-9a-f]+\b)[a-z]{4,}\b/];
    for (const developerText of developerTexts) expect(text.match(developerText)?.[0] ?? null, String(developerText)).toBeNull();
  }, 600_000);
});
