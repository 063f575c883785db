/**
 * Demo 年度报告, written through the module's commands and the engine as the API does (issue 18 part 3): the district
 * bureau's 法治政府建设年度报告 of last year, generated, completed, approved by the leader and published; and this
 * year's, generated as a draft (its numbers are the demo's cases, inspections and documents of the year so far).
 */
import { editParagraph } from '../modules/annualReports/commands/edit-paragraph.ts';
import { generateReport } from '../modules/annualReports/commands/generate.ts';
import { findReport } from '../modules/annualReports/store.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/policies.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';

export async function seedAnnualReports(ctx: AppContext, today: string): Promise<void> {
  const [reviewer, leader] = await Promise.all(['shenhe', 'lingdao'].map((u) => principalForUser(ctx.db, u)));
  const bureau = (await ctx.db.query<{ id: string }>('select id from orgs where name = $1', ['示例区市场监督管理局'])).rows[0]?.id;
  if (!reviewer || !leader || !bureau) return;
  const year = Number(today.slice(0, 4));
  const step = async (id: string, name: string, input: unknown, p: Principal) =>
    transition(ctx, p, { matterId: id, transition: name, expectedVersion: (await findMatter(ctx.db, id))!.version, input, date: today });
  const write = async (id: string, paragraphId: string, text: string) =>
    editParagraph(ctx, reviewer, id, { paragraphId, text, expectedVersion: (await findReport(ctx.db, id))!.versionNo });

  const last = await generateReport(ctx, reviewer, { bodyId: bureau, year: year - 1, kind: 'lawBasedGovernment' });
  await write(last, 'problems.issues', '一是基层执法人员数量与监管任务不相适应；二是执法信息化应用还不够深入。');
  await write(last, 'problems.next', '下一步，我局将加强执法队伍培训，全面推行执法全过程记录，持续提升依法行政水平。');
  await step(last, 'submit', {}, reviewer);
  await step(last, 'approve', { note: '同意公开' }, leader);
  await step(last, 'publish', {}, leader);

  await generateReport(ctx, reviewer, { bodyId: bureau, year, kind: 'lawBasedGovernment' });
}
