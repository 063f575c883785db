/**
 * Demo 公开征求意见 and 公平竞争审查, written through the modules' commands and the engine as the API does, by the
 * district's leader for its 价格监督检查和反不正当竞争科 (the drafting unit):
 * - a draft whose consultation has ended and whose 意见采纳情况 is published (three comments: adopted, partly adopted,
 *   not adopted, one of them answered with another as a group);
 * - a draft under comment now (two comments, one with a name and contact that only staff see);
 * - a fair-competition review concluded "may issue" under a 第十二条 exception (energy saving, 第三项), justified;
 * - a joint review (会审) organised by the bureau with three units' opinions, concluded "may issue";
 * - a review concluded "must amend" (a local-supplier clause, 第九条第三项).
 */
import { addDays } from '../domain/dates.ts';
import { checklistItemIds } from '../domain/fairCompetition/rules.ts';
import { newChallenge } from '../modules/consultation/challenge.ts';
import { submitComment } from '../modules/consultation/commands/submit-comment.ts';
import { openConsultation } from '../modules/consultation/index.ts';
import { requestFairCompetitionReview } from '../modules/fairCompetition/index.ts';
import { answerComments } from '../modules/consultation/commands/answer-comments.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';

const PRICING_DRAFT = `第一条 为规范本区经营者明码标价行为，维护消费者和经营者合法权益，根据《中华人民共和国价格法》《明码标价和禁止价格欺诈规定》，制定本指导意见。
第二条 本区行政区域内销售商品、提供服务的经营者，应当按照规定明码标价。
通过网络销售商品的，应当在商品展示页面显著位置标示价格。
第三条 经营者不得在标价之外加价出售商品，不得收取任何未予标明的费用。
第四条 本指导意见自印发之日起施行，有效期五年。`;

const ELEVATOR_DRAFT = `第一条 为推动辖区住宅小区老旧电梯节能改造，实现节约能源目标，制定本措施。
第二条 对2027年底前完成节能改造并经检验合格的住宅电梯，给予每台一次性补助。
补助资金按照公开、公平的原则申请和发放，不限定改造单位。
第三条 本措施有效期三年，期满自动终止。`;

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

export async function seedConsultations(ctx: AppContext, today: string): Promise<void> {
  const p = (await principalForUser(ctx.db, 'lingdao'))!;
  const unit = (await ctx.db.query<{ id: string }>(`select id from orgs where name = '价格监督检查和反不正当竞争科'`)).rows[0]?.id;
  if (!unit) return;
  const comment = async (id: string, date: string, anchor: string, text: string, who: { name?: string; contact?: string } = {}) => {
    const now = at(date);
    const ch = newChallenge(ctx.ledger.signer, id, now.getTime());
    const t = JSON.parse(Buffer.from(ch.token.split('.')[0], 'base64url').toString('utf8'));
    return submitComment(ctx, id, { anchor, text, ...who, challengeToken: ch.token, challengeAnswer: String(t.a + t.b) }, now);
  };
  const step = async (id: string, name: string, input: unknown, date: string) =>
    transition(ctx, p, { matterId: id, transition: name, expectedVersion: (await findMatter(ctx.db, id))!.version, input, date });

  // 1. consultation ended, feedback report published
  const startA = addDays(today, -75);
  const { consultationId: a } = await ctx.db.transaction((tx) =>
    openConsultation(tx, ctx, p, { title: '关于规范明码标价行为的指导意见', text: PRICING_DRAFT, startsOn: startA, days: 30, orgId: unit }),
  );
  const c1 = await comment(a, addDays(startA, 3), 'a2p2', '建议明确直播带货等网络销售方式的标价要求。', { name: '陈先生', contact: '13800000001' });
  const c2 = await comment(a, addDays(startA, 10), 'a2p2', '网络销售的标价位置建议与平台规则一致。');
  const c3 = await comment(a, addDays(startA, 12), 'a4', '有效期建议改为三年。');
  const endsA = (await ctx.db.query<{ ends_on: string }>('select ends_on from consultations where id = $1', [a])).rows[0].ends_on;
  const closeA = addDays(endsA, 1);
  await step(a, 'close', {}, closeA);
  await answerComments(ctx, p, a, { commentIds: [c1.commentId], outcome: 'adopted', reason: '已在第二条第二款增加“包括网络直播等方式”。' });
  await answerComments(ctx, p, a, {
    commentIds: [c2.commentId],
    outcome: 'partlyAdopted',
    reason: '标价位置以《明码标价和禁止价格欺诈规定》为准，平台规则不得低于该要求。',
  });
  await answerComments(ctx, p, a, { commentIds: [c3.commentId], outcome: 'notAdopted', reason: '行政规范性文件有效期一般为五年，本意见不属于暂行或者试行。' });
  await step(
    a,
    'publishReport',
    { summary: '征求意见期间共收到意见3条，采纳1条，部分采纳1条，不予采纳1条。感谢社会各界的参与。', finalTextUrl: '/portal/consultations' },
    addDays(closeA, 2),
  );

  // 2. under comment now
  const startB = addDays(today, -5);
  const { consultationId: b } = await ctx.db.transaction((tx) =>
    openConsultation(tx, ctx, p, { title: '关于促进住宅电梯节能改造的若干措施（征求意见稿）', text: ELEVATOR_DRAFT, startsOn: startB, days: 30, orgId: unit }),
  );
  await comment(b, addDays(startB, 1), 'a2p1', '建议补助标准按电梯使用年限分档。', { name: '赵女士', contact: 'zhao@example.com' });
  await comment(b, addDays(startB, 2), 'whole', '支持，建议尽快出台。');

  // 3. fair-competition review under a 第十二条 exception
  const noneContained = checklistItemIds.map((item) => ({ item, contains: false }));
  const r1 = await ctx.db.transaction((tx) =>
    requestFairCompetitionReview(tx, ctx, p, { title: '关于促进住宅电梯节能改造的若干措施', text: ELEVATOR_DRAFT, orgId: unit }),
  );
  await step(
    r1.reviewId,
    'approve',
    {
      prohibitionChecks: noneContained.map((x) => (x.item === 'art10.2' ? { ...x, contains: true, note: '对完成改造的住宅电梯给予一次性补助' } : x)),
      article12Exceptions: [
        {
          ground: 'publicInterest',
          justification:
            '补助面向全部完成节能改造的住宅电梯，目的是节约能源；已比较加强监管、价格引导等方式，节能效果不足，没有对公平竞争影响更小的替代方案；补助不限定改造单位。',
          noLessRestrictiveAlternative: true,
          period: '三年，期满自动终止（第三条）',
        },
      ],
      stakeholderViews: '听取了区电梯行业协会和三家维保单位的意见，均未提出排除、限制竞争的问题。',
      reason: '第十条第二项所列内容符合第十二条第三项，且有三年实施期限，可以出台。',
    },
    addDays(today, -3),
  );

  // 4. a joint review (会审) organised by the bureau
  const r2 = await ctx.db.transaction((tx) =>
    requestFairCompetitionReview(tx, ctx, p, {
      title: '关于开展“诚信计量示范单位”创建活动的通知',
      text: '第一条 自愿申报，择优评选，不收取任何费用。\n第二条 评选结果向社会公布。',
      orgId: unit,
    }),
  );
  const units = ['区发展和改革局', '区财政局', '区司法局'];
  await step(r2.reviewId, 'startJointReview', { jointUnits: units, note: '涉及多部门职责，由区市场监督管理局组织会审' }, addDays(today, -20));
  for (const unitName of units)
    await step(r2.reviewId, 'recordJointOpinion', { jointUnit: unitName, jointOpinion: '未发现排除、限制竞争的内容，同意出台。' }, addDays(today, -18));
  await step(
    r2.reviewId,
    'approve',
    {
      prohibitionChecks: noneContained,
      article12Exceptions: [],
      stakeholderViews: '征求了区个体劳动者协会的意见。',
      reason: '逐项审查未发现第八条至第十一条所列内容。',
    },
    addDays(today, -17),
  );

  // 5. must be amended
  const r3 = await ctx.db.transaction((tx) =>
    requestFairCompetitionReview(tx, ctx, p, {
      title: '关于农贸市场计量器具集中检定的通知（初稿）',
      text: '第一条 市场开办者应当统一向本区指定的检定机构申请检定。',
      orgId: unit,
    }),
  );
  await step(
    r3.reviewId,
    'requireAmendment',
    {
      prohibitionChecks: noneContained.map((x) => (x.item === 'art8.3' ? { ...x, contains: true, note: '“本区指定的检定机构”限定了服务提供者' } : x)),
      article12Exceptions: [],
      stakeholderViews: '听取了两家农贸市场开办者的意见。',
      reason: '第一条限定使用特定经营者提供的服务（第八条第三项），应当删除“本区指定的”。',
    },
    addDays(today, -10),
  );
}
