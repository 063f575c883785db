/**
 * Demo 重大行政决策, written through the module's commands and the engine as the API does: the district bureau's
 * catalogue for this year — three items, 经同级党委同意, published on the portal, then adjusted (one item added) — and a
 * decision started from its first item by the bureau's leader for its 价格监督检查和反不正当竞争科: a symposium and a
 * hearing heard (第十四条、第十六条), 意见采纳情况 recorded (第十八条), two experts' argument (第十九条), the risk assessment
 * (第二十二条), and the draft sent to the legal office — it waits there for the legality review (第二十五条).
 */
import { addDays } from '../domain/dates.ts';
import { createCatalogue } from '../modules/majorDecisions/commands/create-catalogue.ts';
import { initiateDecision } from '../modules/majorDecisions/commands/initiate-decision.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';

const DRAFT = `一、在全区农贸市场推行计量器具智慧监管，市场开办者统一配备经检定合格的联网电子秤。
二、区市场监督管理局对联网电子秤的检定情况实行在线监测，发现异常的依法处理。
三、本方案自公布之日起实施，分两批完成。`;

export async function seedMajorDecisions(ctx: AppContext, today: string): Promise<void> {
  const leader = (await principalForUser(ctx.db, 'lingdao'))!;
  const admin = (await principalForUser(ctx.db, 'admin'))!;
  const org = async (name: string) => (await ctx.db.query<{ id: string }>('select id from orgs where name = $1', [name])).rows[0]?.id;
  const body = await org('示例区市场监督管理局');
  const price = await org('价格监督检查和反不正当竞争科');
  const food = await org('食品安全监督管理科');
  const se = await org('特种设备安全监察科');
  if (!body || !price || !food || !se) return;
  const year = Number(today.slice(0, 4));
  const step = async (id: string, name: string, input: unknown, date: string, p = leader) =>
    transition(ctx, p, { matterId: id, transition: name, expectedVersion: (await findMatter(ctx.db, id))!.version, input, date });

  const catalogueId = await createCatalogue(ctx, admin, {
    bodyId: body,
    year,
    title: `示例区市场监督管理局${year}年度重大行政决策事项目录`,
    standard: '涉及全区市场主体和消费者切身利益、社会关注度高，或者对市场秩序有重大影响的市场监管政策措施',
    items: [
      { title: '示例区农贸市场计量器具智慧监管实施方案', category: 'publicPolicy', unitId: price, planned: `${year}年第四季度`, note: '' },
      { title: '示例区食品小作坊“阳光工坊”建设方案', category: 'publicPolicy', unitId: food, planned: `${year}年第三季度`, note: '' },
      { title: '示例区老旧住宅电梯安全提升三年行动计划', category: 'other', unitId: se, planned: `${year + 1}年第一季度`, note: '涉及居民切身利益' },
    ],
  });
  const start = addDays(today, -150);
  await step(catalogueId, 'approveCatalogue', { approvedOn: start, approvedBy: '中共示例区市场监督管理局党组', document: `党组会议纪要〔${year}〕2号` }, start);
  await step(catalogueId, 'publishCatalogue', { publishedOn: addDays(start, 5) }, addDays(start, 5), admin);
  await step(
    catalogueId,
    'adjustCatalogue',
    {
      adjustedOn: addDays(start, 60),
      reason: '根据区政府工作部署，增加电动自行车销售领域专项整治事项',
      add: [{ title: '示例区电动自行车销售领域专项整治方案', category: 'publicPolicy', unitId: price, planned: `${year}年第四季度`, note: '' }],
      removeItemIds: [],
    },
    addDays(start, 60),
    admin,
  );

  const item = (await ctx.db.query<{ id: string }>('select id from decision_catalogue_items where catalogue_id = $1 and seq = 1', [catalogueId])).rows[0].id;
  const id = await initiateDecision(
    ctx,
    leader,
    {
      catalogueItemId: item,
      draft: DRAFT,
      reasons: '农贸市场计量纠纷投诉多发，现有抽检覆盖面不足；联网电子秤可实现在线监测，必要且可行。',
      marketActivity: false,
    },
    addDays(start, 70),
  );
  const d = (n: number) => addDays(start, n);
  await step(
    id,
    'recordParticipation',
    {
      method: 'symposium',
      heldOn: d(80),
      place: '区市场监管局三楼会议室',
      participants: '农贸市场开办者代表6人、经营户代表8人',
      summary: '多数赞成，建议给予改造过渡期，费用由开办者承担。',
    },
    d(80),
  );
  await step(
    id,
    'recordParticipation',
    {
      method: 'hearing',
      heldOn: d(95),
      place: '区政务服务中心听证室',
      participants: '经公开遴选的听证参加人15人（经营户7人、消费者5人、市场开办者3人）',
      summary: '听证参加人对改造费用分担、过渡期长短进行了询问和辩论。',
      materialsPublishedOn: d(80),
      materialsDeliveredOn: d(85),
      recordSigned: true,
    },
    d(95),
  );
  await step(
    id,
    'concludeParticipation',
    { adoption: '采纳“设置过渡期”“费用由市场开办者承担”的意见；关于财政补贴的意见，因不属于本局职权，未予采纳并已说明理由。' },
    d(100),
  );
  await step(
    id,
    'recordExpertArgument',
    {
      method: 'meeting',
      heldOn: d(105),
      experts: [
        { name: '王教授', organisation: '示例大学计量测试学院', opinion: '联网电子秤技术成熟，建议明确数据安全要求。', noDirectInterest: true },
        { name: '赵高级工程师', organisation: '示例市计量检定测试所', opinion: '建议分两批实施，首批选择规模较大的市场。', noDirectInterest: true },
      ],
      adoption: '采纳分两批实施和数据安全的意见，已修改草案第三条。',
    },
    d(105),
  );
  await step(
    id,
    'recordRiskAssessment',
    {
      assessor: '示例区社会稳定风险评估中心',
      methods: '重点走访、会商分析',
      departmentsHeard: '区商务局、各街道办事处',
      riskPoints: ['部分经营户对改造费用有顾虑', '改造期间市场秩序'],
      level: 'low',
      measures: '费用由市场开办者承担；分批实施；设立咨询窗口。',
      conclusion: 'controllable',
    },
    d(110),
  );
  await step(
    id,
    'requestLegalityReview',
    {
      materials: '决策草案、起草说明、法律依据（计量法第九条、计量法实施细则）、听证会记录、专家论证意见、风险评估报告',
      procedureNote: '已召开座谈会和听证会并说明意见采纳情况；已组织专家论证；已进行风险评估，结论为风险可控。',
    },
    addDays(today, -2),
  );
}
