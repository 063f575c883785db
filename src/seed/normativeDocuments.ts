/**
 * Demo 规范性文件, written through the module's commands and the engine as the API does (issue 15): the district
 * bureau's drafting plan for this year; a document in force (public comment with its feedback report,
 * fair-competition review, legality review, 局务会, 统一登记编号, publication with its 政策解读, 备案 and the
 * filing's result); a draft under public comment (from the plan); and a 暂行 document whose validity ran out,
 * confirmed invalid in the year's cleanup.
 */
import { addDays } from '../domain/dates.ts';
import { checklistItemIds } from '../domain/fairCompetition/rules.ts';
import { reviewKinds } from '../domain/legality/rules.ts';
import { insertDraft } from '../modules/normativeDocuments/commands/drafts.ts';
import { addPlanItem, createPlan } from '../modules/normativeDocuments/commands/plans.ts';
import { recordCleanup } from '../modules/normativeDocuments/commands/record-cleanup.ts';
import { findDocument } from '../modules/normativeDocuments/store.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/policies.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';

export async function seedNormativeDocuments(ctx: AppContext, today: string): Promise<void> {
  const [admin, leader, reviewer] = await Promise.all(['admin', 'lingdao', 'shenhe'].map((u) => principalForUser(ctx.db, u)));
  const price = (await ctx.db.query<{ id: string }>('select id from orgs where name = $1', ['价格监督检查和反不正当竞争科'])).rows[0]?.id;
  const legal = (await ctx.db.query<{ id: string }>('select id from orgs where name = $1', ['法制科'])).rows[0]?.id;
  if (!admin || !leader || !reviewer || !price || !legal) return;
  const step = async (id: string, name: string, input: unknown, date: string, p: Principal = admin) =>
    transition(ctx, p, { matterId: id, transition: name, expectedVersion: (await findMatter(ctx.db, id))!.version, input, date });
  const draft = (input: Parameters<typeof insertDraft>[3]) => ctx.db.transaction((tx) => insertDraft(tx, ctx, admin, input));

  /** public comment opened on `start` for 30 days, closed and its feedback report published */
  const comment = async (id: string, start: string) => {
    await step(id, 'openComment', { startsOn: start, days: 30 }, start);
    const c = (await findDocument(ctx.db, id))!.consultationId!;
    await step(c, 'close', {}, addDays(start, 40));
    await step(c, 'publishReport', { summary: '征求意见期间收到经营者、消费者意见若干条，已逐条研究，采纳情况见反馈。' }, addDays(start, 42));
    await step(id, 'closeComment', {}, addDays(start, 44));
  };
  const fairCompetition = async (id: string, date: string) => {
    await step(id, 'requestFairCompetitionReview', {}, date);
    await step(
      (await findDocument(ctx.db, id))!.fairReviewId!,
      'approve',
      {
        prohibitionChecks: checklistItemIds.map((item) => ({ item, contains: false })),
        stakeholderViews: '征求了辖区经营者、行业协会的意见，未提出排除、限制竞争的问题。',
        reason: '不含排除、限制竞争的内容，可以出台。',
      },
      addDays(date, 5),
    );
  };
  const legality = async (id: string, date: string) => {
    await step(id, 'requestLegalityReview', {}, date);
    await step(
      (await findDocument(ctx.db, id))!.legalityReviewId!,
      'conclude',
      { checklist: reviewKinds.normativeDocument.checklist.map((i) => ({ item: i.id, verdict: 'pass' })), opinion: 'lawful' },
      addDays(date, 20),
      reviewer,
    );
  };
  const adopt = async (id: string, date: string, seq: number) => {
    await step(
      id,
      'deliberate',
      {
        meetingOn: date,
        meeting: `局务会（${date.slice(0, 4)}年第${seq}次）`,
        attendees: ['刘建国', '李明', '张华', '王芳'],
        minutes: '会议听取了起草单位关于草案起草情况、公开征求意见情况和法制科合法性审核意见的汇报，经讨论，同意印发。',
        result: 'passed',
      },
      date,
      leader,
    );
    await step(id, 'register', { signedOn: addDays(date, 3) }, addDays(date, 3), reviewer);
  };

  // ── a document in force ──
  const s1 = addDays(today, -220);
  const inForce = await draft({
    unitId: price,
    title: '示例区市场监督管理局关于规范商品和服务明码标价行为的若干规定',
    affectsRights: true,
    concernsMarket: true,
    articles: [
      {
        chapter: '第一章 总则',
        text: '为规范经营者明码标价行为，维护市场价格秩序，保护消费者和经营者的合法权益，根据《中华人民共和国价格法》《明码标价和禁止价格欺诈规定》等规定，结合本区实际，制定本规定。',
      },
      { text: '本区行政区域内经营者销售商品、提供服务的明码标价行为，适用本规定。' },
      {
        chapter: '第二章 标价要求',
        text: '经营者应当按照《明码标价和禁止价格欺诈规定》的要求明码标价，做到价签价目齐全、标价内容真实明确、字迹清晰、货签对位、标示醒目。',
      },
      { text: '农贸市场、商场超市等市场开办者应当督促场内经营者落实明码标价要求，并为其提供必要条件。' },
      { chapter: '第三章 附则', text: '本规定自公布之日起三十日后施行，有效期五年。' },
    ],
    necessity: '本区农贸市场和商场超市明码标价不规范的投诉较多，现行规定较为原则，有必要结合本区实际细化要求。',
    impact: '细化经营者和市场开办者的标价要求，不设定新的行政许可、行政处罚和行政强制，对经营者增加的负担较小。',
    citations: ['价格法@1997-12-29#第十三条', '明码标价和禁止价格欺诈规定@2022-04-14#第三条'],
  });
  await comment(inForce, s1);
  await fairCompetition(inForce, addDays(s1, 46));
  await legality(inForce, addDays(s1, 54));
  await adopt(inForce, addDays(s1, 80), 9);
  const pub1 = addDays(s1, 86);
  await step(
    inForce,
    'publish',
    {
      effectiveOn: addDays(pub1, 30),
      interpretation:
        '一、制定背景：本区明码标价投诉较多，现行规定较为原则。\n二、主要内容：细化经营者标价要求，明确市场开办者的督促责任。\n三、适用对象：本区行政区域内销售商品、提供服务的经营者和市场开办者。\n四、施行时间：自公布之日起三十日后施行，有效期五年。',
    },
    pub1,
    reviewer,
  );
  await step(inForce, 'file', {}, addDays(pub1, 12), reviewer);
  await step(inForce, 'recordFilingResult', { result: 'registered', resultOn: addDays(pub1, 40), note: '经审查，准予备案' }, addDays(pub1, 40), reviewer);

  // ── this year's plan; a draft from it under public comment ──
  const year = Number(today.slice(0, 4));
  const planId = await createPlan(ctx, admin, { year, note: '经局务会研究确定' });
  const item = await addPlanItem(ctx, admin, planId, {
    title: '示例区市场监督管理局关于促进个体工商户诚信经营的若干措施',
    unitId: price,
    reason: '落实优化营商环境要求，引导个体工商户诚信经营，规范相关监管措施。',
    plannedQuarter: 4,
  });
  await addPlanItem(ctx, admin, planId, {
    title: '示例区市场监督管理局行政规范性文件合法性审核工作规程',
    unitId: legal,
    reason: '统一本局规范性文件合法性审核的材料、时限和意见书格式。',
    plannedQuarter: 4,
  });
  const underComment = await draft({
    unitId: price,
    planItemId: item,
    title: '示例区市场监督管理局关于促进个体工商户诚信经营的若干措施',
    affectsRights: true,
    concernsMarket: true,
    articles: [
      { text: '为引导个体工商户诚信经营，营造公平竞争的市场环境，根据《优化营商环境条例》等规定，制定本措施。' },
      { text: '对连续三年无违法记录的个体工商户，在双随机抽查中适当降低抽查比例。' },
      { text: '个体工商户可以通过本局门户网站查询本措施的执行情况并提出意见建议。' },
      { text: '本措施自公布之日起施行。' },
    ],
    necessity: '落实优化营商环境要求，对诚信经营的个体工商户给予监管上的激励。',
    impact: '涉及个体工商户的权利义务，须公开征求意见并进行公平竞争审查。',
    citations: ['优化营商环境条例@2019-10-22#第六十二条'],
  });
  await step(underComment, 'openComment', { startsOn: addDays(today, -5), days: 30 }, addDays(today, -5));

  // ── a 暂行 document whose validity ran out, confirmed invalid in the year's cleanup ──
  const s3 = addDays(today, -880);
  const expired = await draft({
    unitId: price,
    title: '示例区市场监督管理局商品交易市场经营秩序管理暂行规定',
    affectsRights: true,
    concernsMarket: true,
    articles: [
      { text: '为规范商品交易市场经营秩序，根据有关法律、法规，制定本规定。' },
      { text: '市场开办者应当建立场内经营者档案，如实记录经营者的基本情况。' },
      { text: '本规定自公布之日起施行，有效期二年。' },
    ],
    necessity: '商品交易市场经营秩序问题较多，先行制定暂行规定，积累经验。',
    impact: '明确市场开办者的档案管理义务。',
    citations: [],
  });
  await comment(expired, s3);
  await fairCompetition(expired, addDays(s3, 46));
  await legality(expired, addDays(s3, 54));
  await adopt(expired, addDays(s3, 80), 4);
  const pub3 = addDays(s3, 86);
  await step(expired, 'publish', { effectiveOn: pub3, interpretation: '本规定为暂行规定，有效期二年，期满后根据实施情况评估。' }, pub3, reviewer);
  await step(expired, 'file', {}, addDays(pub3, 15), reviewer);
  await step(expired, 'recordFilingResult', { result: 'registered', resultOn: addDays(pub3, 45) }, addDays(pub3, 45), reviewer);
  const ends = (await findDocument(ctx.db, expired))!.expiresOn!;
  if (ends < today) {
    await step(expired, 'expire', {}, addDays(ends, 1), reviewer);
    await recordCleanup(ctx, reviewer, expired, {
      kind: 'periodic',
      round: `${year}年度规范性文件清理`,
      outcome: 'invalid',
      reason: '有效期届满，经评估相关内容已由《示例区市场监督管理局关于规范商品和服务明码标价行为的若干规定》等文件涵盖，确认失效，不再延续。',
      decidedOn: addDays(ends, 10) < today ? addDays(ends, 10) : today,
      flagIds: [],
      expectedVersion: (await findMatter(ctx.db, expired))!.version,
    });
  }
}
