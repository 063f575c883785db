/**
 * Demo 投诉举报, through the module's intake and the engine as the API does, for 示例区市场监督管理局 and its 第二市场监管所
 * (dates relative to today): a complaint in every state — 待决定是否受理 (one of them overdue, from the 12315
 * platform), 调解中 (with a mediation record, grouped with another complaint about the same shop), 不予受理, 调解成功
 * (with its 调解书), 终止调解待告知, 终止调解并告知 — and reports: one pending (anonymous), one turned into a case lead
 * (named reporter; the case shows the report), one not handled (第二十九条).
 */
import { addDays } from '../domain/dates.ts';
import { insertComplaint, type IntakeInput } from '../modules/complaints/index.ts';
import { recordMediation } from '../modules/complaints/index.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import { actorOf, type AppContext } from '../platform/context.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';

export async function seedComplaints(ctx: AppContext, today: string, opts: { cases: boolean }): Promise<void> {
  const leader = (await principalForUser(ctx.db, 'lingdao'))!;
  const officer = (await principalForUser(ctx.db, 'zhifa'))!;
  const org = async (name: string) => (await ctx.db.query<{ id: string }>('select id from orgs where name = $1', [name])).rows[0]?.id;
  const district = await org('示例区市场监督管理局');
  const station2 = await org('第二市场监管所');
  if (!district || !station2 || !leader || !officer) return;

  const receive = async (input: Omit<IntakeInput, 'orgId'> & { orgId?: string }) =>
    (await ctx.db.transaction((tx) => insertComplaint(tx, ctx, actorOf(leader), { orgId: station2, ...input })))[0].id;
  const step = async (id: string, name: string, input: unknown, date: string, p = officer) =>
    transition(ctx, p, { matterId: id, transition: name, expectedVersion: (await findMatter(ctx.db, id))!.version, input, date });
  const consumer = (name: string, phone: string) => ({ name, phone, address: '示例区人民路100号' });

  // 待决定是否受理, within the 7 working days (portal), and a second complaint about the same shop (one group)
  await receive({
    kind: 'complaint',
    channel: 'portal',
    orgId: district,
    receivedOn: addDays(today, -1),
    respondent: { name: '示例区甜心蛋糕店', address: '示例区中山路18号' },
    category: 'food',
    summary: '生日蛋糕奶油变质，食用后腹泻。',
    request: '退还货款并赔偿医药费。',
    person: consumer('林晓燕', '13712340001'),
  });
  // overdue: received from 12315 twenty days ago and not decided
  await receive({
    kind: 'complaint',
    channel: 'platform12315',
    orgId: district,
    externalNo: '12315-2026-118802',
    receivedOn: addDays(today, -20),
    respondent: { name: '示例区优选手机专卖店', address: '示例区解放路6号' },
    category: 'consumerProtection',
    summary: '购买的手机为翻新机，商家拒绝退换。',
    request: '退货退款。',
    person: consumer('黄志明', '13712340002'),
  });

  // 调解中, with a mediation record; a second complaint about the same gym joins its group
  const gym = await receive({
    kind: 'complaint',
    channel: 'phone',
    receivedOn: addDays(today, -12),
    respondent: { name: '示例区动感健身会所', uscc: '91440101MA5D0000X1', address: '示例区体育路2号' },
    category: 'consumerProtection',
    summary: '健身会所停业装修，预付会员费无法使用。',
    request: '退还剩余会员费三千元。',
    person: consumer('周丽', '13712340003'),
  });
  await step(gym, 'accept', { noticeMethod: 'phone' }, addDays(today, -10));
  await recordMediation(ctx, officer, gym, {
    heldOn: addDays(today, -5),
    mode: 'phone',
    mediators: ['王志强'],
    summary: '电话联系双方，被投诉人同意分期退款，投诉人要求一次性退还，约定下周现场调解。',
  });
  await receive({
    kind: 'complaint',
    channel: 'walkIn',
    receivedOn: addDays(today, -9),
    respondent: { name: '示例区动感健身会所', uscc: '91440101MA5D0000X1', address: '示例区体育路2号' },
    category: 'consumerProtection',
    summary: '会所停业，私教课预付款无法退还。',
    request: '退还私教课费用一千二百元。',
    person: consumer('吴刚', '13712340004'),
  });

  // 不予受理 (第十五条第（三）项)
  const rejected = await receive({
    kind: 'complaint',
    channel: 'phone',
    receivedOn: addDays(today, -30),
    respondent: { name: '示例区恒通建材批发部' },
    category: 'consumerProtection',
    summary: '装修公司采购瓷砖一批，部分破损。',
    request: '更换破损瓷砖。',
    person: consumer('某装饰工程有限公司 郑经理', '13712340005'),
  });
  await step(
    rejected,
    'reject',
    { ground: 'notConsumer', reason: '投诉人为装修公司经营采购，不属于为生活消费需要购买商品。', noticeMethod: 'phone' },
    addDays(today, -27),
  );

  // 调解成功 with its 调解书 (现场调解)
  const resolved = await receive({
    kind: 'complaint',
    channel: 'portal',
    receivedOn: addDays(today, -40),
    respondent: { name: '示例区洁净干洗店', address: '示例区和平路9号' },
    category: 'consumerProtection',
    summary: '送洗的羊绒大衣缩水变形。',
    request: '赔偿大衣购买价款的一半。',
    person: consumer('钱芳', '13712340006'),
  });
  await step(resolved, 'accept', {}, addDays(today, -38));
  await recordMediation(ctx, officer, resolved, {
    heldOn: addDays(today, -33),
    mode: 'onSite',
    mediators: ['王志强'],
    summary: '双方到所现场调解，就赔偿金额达成一致。',
  });
  await step(
    resolved,
    'recordAgreement',
    { mode: 'onSite', content: '被投诉人赔偿投诉人人民币八百元，于调解当日一次性支付。', makeDocument: true },
    addDays(today, -33),
  );

  // 终止调解, the notice still to be sent (7 working days)
  const terminated = await receive({
    kind: 'complaint',
    channel: 'phone',
    receivedOn: addDays(today, -25),
    respondent: { name: '示例区家家乐家电维修部' },
    category: 'consumerProtection',
    summary: '维修后冰箱仍不制冷，再次上门收费。',
    request: '退还维修费。',
    person: consumer('孙强', '13712340007'),
  });
  await step(terminated, 'accept', {}, addDays(today, -23));
  await step(terminated, 'terminate', { ground: 'refusedToAttend', reason: '被投诉人明确拒绝调解。' }, addDays(today, -2));

  // 终止调解并告知
  const closed = await receive({
    kind: 'complaint',
    channel: 'letter',
    receivedOn: addDays(today, -60),
    respondent: { name: '示例区金色童年培训中心' },
    category: 'consumerProtection',
    summary: '培训中心更换授课老师，要求退费被拒。',
    request: '退还剩余课时费。',
    person: consumer('冯敏', '13712340008'),
  });
  await step(closed, 'accept', {}, addDays(today, -57));
  await step(closed, 'terminate', { ground: 'noAgreementDeclared', reason: '经两次调解，双方明确表示无法达成调解协议。' }, addDays(today, -20));
  await step(closed, 'notifyTermination', { method: 'letter' }, addDays(today, -17));

  // 举报: pending (anonymous)
  await receive({
    kind: 'report',
    channel: 'phone',
    receivedOn: addDays(today, -3),
    respondent: { name: '示例区老街烧烤' },
    category: 'food',
    summary: '夜间占道经营烧烤，食材来源不明。',
    anonymous: true,
  });
  // 举报 → case lead (named reporter: the case tells them of the filing decision)
  if (opts.cases) {
    const report = await receive({
      kind: 'report',
      channel: 'portal',
      receivedOn: addDays(today, -8),
      respondent: { name: '示例区惠民超市', address: '示例区建设路21号' },
      category: 'pricing',
      summary: '超市货架标价与收银结算价格不一致，多收费用。',
      person: { name: '郭振华', phone: '13712340009', address: '示例区建设路30号' },
    });
    await step(report, 'openLead', { note: '请核查价签与收银系统价格。' }, addDays(today, -6));
  }
  // 不予处理并告知 (第二十九条)
  const elsewhere = await receive({
    kind: 'report',
    channel: 'platform12315',
    externalNo: '12315-2026-120417',
    receivedOn: addDays(today, -15),
    respondent: { name: '外省某电子商务有限公司' },
    category: 'ecommerce',
    summary: '网店销售假冒品牌运动鞋。',
    person: { name: '何小东', phone: '13712340010' },
  });
  await step(
    elsewhere,
    'close',
    { ground: 'notCompetent', reason: '被举报人住所地不在本区，已告知举报人向其住所地市场监督管理部门提出。', method: 'phone' },
    addDays(today, -13),
  );
}
