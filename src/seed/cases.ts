/**
 * Demo cases (SCENARIOS.md 1 and 2), written through the same commands and workflow transitions
 * as the API, dated relative to the seed day: scenario 1 run from the complaint to the archive,
 * a second expired-food case waiting for its legal review, a fresh lead being verified, and the
 * missing price tags decided on the spot.
 */
import { addDays, chinaToday } from '../domain/dates.ts';
import type { AppContext } from '../platform/context.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { Principal } from '../platform/policies.ts';
import { transition, findMatter } from '../platform/workflow/engine.ts';
import { uploadEvidence } from '../modules/record/upload-evidence.ts';
import { addEvidence } from '../modules/cases/commands/add-evidence.ts';
import { openCase } from '../modules/cases/commands/open-case.ts';
import { recordPayment } from '../modules/cases/commands/record-payment.ts';
import { recordExecution } from '../modules/cases/commands/record-execution.ts';
import { endMeasure, extendMeasure, imposeMeasure } from '../modules/cases/commands/coercive-measure.ts';
import { decidePreservation } from '../modules/cases/commands/decide-preservation.ts';
import { Readable } from 'node:stream';

const contact = { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' };
const items = Object.fromEntries(
  ['subject', 'officerQualification', 'facts', 'evidence', 'lawApplied', 'discretion', 'procedure', 'competence', 'instruments', 'criminalReferral'].map(
    (k) => [k, { ok: true, note: '符合规定' }],
  ),
);

export async function seedCases(ctx: AppContext, today = chinaToday()): Promise<number> {
  const who = async (u: string) => (await principalForUser(ctx.db, u))!;
  const [officer, reviewer, leader] = [await who('zhifa'), await who('shenhe'), await who('lingdao')];
  const q = ctx.db;
  const id = async (sql: string, args: unknown[] = []) => (await q.query<{ id: string }>(sql, args)).rows[0]?.id;
  const sp001 = await id(`select id from violations where code = 'SP-001'`);
  const jg001 = await id(`select id from violations where code = 'JG-001'`);
  if (!sp001 || !jg001) return 0;
  const station = officer.orgId;
  const investigators = (
    await q.query<{ id: string }>(
      `select distinct f.id from officers f join certificates c on c.officer_id = f.id
      where f.org_id = $1 and f.active and c.status = 'valid' and c.valid_from <= $2 and c.valid_to >= $3 and ('food' = any(c.fields) or 'general' = any(c.fields))
      order by f.id limit 2`,
      [station, addDays(today, -120), today],
    )
  ).rows.map((r) => r.id);
  if (investigators.length < 2) return 0;
  const hostOfficer = (await q.query<{ id: string }>(`select officer_id as id from users where username = 'shenhe'`)).rows[0].id;
  const d = (n: number) => addDays(today, n);
  const step = async (p: Principal, caseId: string, name: string, input: Record<string, unknown>, date: string) => {
    const m = (await findMatter(q, caseId))!;
    await transition(ctx, p, { matterId: caseId, transition: name, expectedVersion: m.version, input, date });
  };
  const video = async (caseId: string, name: string) =>
    uploadEvidence(
      ctx,
      officer,
      'case',
      caseId,
      { fileName: name, contentType: 'video/mp4', description: '执法记录仪视频（演示数据）' },
      Readable.from([Buffer.from(`demo ${name} ${caseId}`)]),
    );
  const yogurt = (name: string, uscc: string) => ({
    source: 'complaint' as const,
    receivedOn: d(-75),
    party: { type: 'organisation' as const, name, uscc, address: '示例市示例区和平路88号', legalRep: '李鑫隆', phone: '0999-12345678' },
    contact,
    field: 'food' as const,
    summary: '消费者投诉：销售超过保质期的酸奶',
    procedure: 'ordinary' as const,
  });
  const penalties = [
    { kind: 'fine', amountFen: 15_000_000 },
    { kind: 'confiscateIllegalGains', amountFen: 1_408_000 },
    { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶46杯' },
  ];

  /**
   * The preserved yogurt: within seven working days (行政处罚法 第五十六条) either seized (扣押, 食品安全法 第一百一十条第（四）项;
   * 行政强制法 第二十五条: thirty days, extended once) or sent for testing. Returns the measure's id when seized.
   */
  const decideOnPreserved = async (caseId: string, seize: boolean): Promise<string | null> => {
    const evidenceId = (await ctx.db.query<{ id: string }>(`select id from case_evidence where case_id = $1 and kind = 'evidencePreservation'`, [caseId]))
      .rows[0].id;
    await decidePreservation(ctx, officer, caseId, evidenceId, {
      decidedOn: d(-72),
      decision: seize ? 'seize' : 'test',
      note: seize ? '涉案酸奶已超过保质期，依法予以扣押' : '抽取涉案酸奶送检验机构检验',
    });
    if (!seize) return null;
    await imposeMeasure(ctx, officer, caseId, {
      kind: 'seize',
      reason: '当事人经营超过保质期的食品，为防止继续销售',
      basis: '《中华人民共和国食品安全法》第一百一十条第（四）项',
      items: [{ name: '“鲜活”牌酸奶（已超过保质期）', quantity: '46杯' }],
      place: '本局涉案物品保管室',
      imposedOn: d(-72),
      periodDays: 30,
      approvedBy: leader.userId,
      officerIds: investigators,
      fileIds: [await video(caseId, '扣押执法记录仪.mp4')],
    });
    return (await ctx.db.query<{ id: string }>('select id from case_measures where case_id = $1', [caseId])).rows[0].id;
  };

  const investigate = async (caseId: string, seize = false) => {
    await step(officer, caseId, 'accept', {}, d(-75));
    await step(
      officer,
      caseId,
      'proposeFiling',
      { violationId: sp001, violationDate: d(-80), investigatorIds: investigators, lifeHealth: false, opinion: '涉嫌经营超过保质期的食品，建议立案调查' },
      d(-74),
    );
    await step(leader, caseId, 'approveFiling', { opinion: '同意立案' }, d(-74));
    const v = await video(caseId, '现场检查执法记录仪.mp4');
    await addEvidence(ctx, officer, caseId, {
      kind: 'siteRecord',
      title: '现场检查：货架上超过保质期的“鲜活”牌酸奶46杯',
      collectedOn: d(-74),
      place: '当事人经营场所',
      officerIds: investigators,
      fileIds: [v],
      description: '执法人员出示执法证件，当事人负责人在场。',
    });
    const v2 = await video(caseId, '先行登记保存.mp4');
    await addEvidence(ctx, officer, caseId, {
      kind: 'evidencePreservation',
      title: '先行登记保存酸奶46杯',
      collectedOn: d(-74),
      place: '当事人经营场所',
      officerIds: investigators,
      fileIds: [v2],
      approvedBy: leader.userId,
    });
    await decideOnPreserved(caseId, seize);
    await addEvidence(ctx, officer, caseId, {
      kind: 'documentary',
      title: '进货单据及销售记录：售出1,280杯，货值金额14,080元',
      collectedOn: d(-72),
      officerIds: [],
      fileIds: [],
    });
    await step(
      officer,
      caseId,
      'closeInvestigation',
      {
        facts: '当事人自购进“鲜活”牌酸奶后，在保质期届满后仍继续销售，共售出1,280杯，货值金额14,080元，现场查获超过保质期的酸奶46杯。',
        bases: { goodsValue: 1_408_000 },
        unreliableBases: [],
        circumstances: ['firstOffence', 'cooperative', 'eliminatedHarm'],
        proposed: penalties,
        complex: false,
        publicInterest: false,
      },
      d(-60),
    );
    await step(reviewer, caseId, 'audit', { opinion: 'agree', reasons: '事实清楚，证据确凿，适用法律正确，裁量适当', acceptsDeviation: false }, d(-59));
    await step(officer, caseId, 'notify', { servedOn: d(-58) }, d(-58));
  };

  // scenario 1: lead → … → archive
  const s1 = await openCase(ctx, officer, yogurt('示例区鑫隆超市有限公司', '91990105MA01ABCD2W'));
  await investigate(s1, true);
  const seized = (await ctx.db.query<{ id: string }>('select id from case_measures where case_id = $1', [s1])).rows[0].id;
  await step(officer, s1, 'requestHearing', { requestedOn: d(-57) }, d(-57));
  await step(
    leader,
    s1,
    'scheduleHearing',
    { at: `${d(-40)}T09:00`, place: '示例区市场监督管理局听证室', hostOfficerId: hostOfficer, clerk: '郑宇', openness: '公开举行', noticeOn: d(-55) },
    d(-55),
  );
  await extendMeasure(ctx, leader, s1, seized, { extendedOn: d(-45), days: 30, reason: '当事人要求听证，情况复杂，尚未作出处理决定' });
  const hv = await video(s1, '听证全程录像.mp4');
  await step(
    officer,
    s1,
    'holdHearing',
    {
      heldOn: d(-40),
      startAt: `${d(-40)}T09:00`,
      endAt: `${d(-40)}T10:30`,
      avFileIds: [hv],
      report: '当事人对违法事实和证据无异议，以初次违法、积极召回为由请求从轻处罚；意见已在裁量中考虑。',
      turns: [
        { speaker: '主持人', text: '现在开始听证，核对当事人身份，告知听证权利。' },
        { speaker: '调查人员', text: '陈述违法事实、证据和拟处罚意见。' },
        { speaker: '当事人', text: '对事实无异议，已召回剩余产品，请求从轻处罚。' },
      ],
    },
    d(-40),
  );
  await step(officer, s1, 'submitForLegalReview', {}, d(-39));
  await step(
    reviewer,
    s1,
    'legalReview',
    { items, opinion: 'agree', reasons: '本案事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意办案机构意见。', acceptsDeviation: false },
    d(-38),
  );
  const attendees = ['刘建国', '黄海', '林静', '张强', '周敏'].map((name) => ({ name, position: '局领导' }));
  await step(
    leader,
    s1,
    'discuss',
    {
      heldOn: d(-36),
      startAt: `${d(-36)}T15:00`,
      endAt: `${d(-36)}T16:00`,
      place: '第一会议室',
      chair: '刘建国',
      attendees,
      opinions: attendees.map((a) => ({ name: a.name, opinion: '同意承办机构和法制审核意见，从轻处罚适当。' })),
      decision: 'penalty',
      minutes: '承办人汇报案件来源、调查经过、违法事实、证据、听证情况和法制审核意见。',
      reporter: '王志强',
      recorder: '郑宇',
    },
    d(-36),
  );
  await step(leader, s1, 'decide', { outcome: 'penalty', penalties }, d(-35));
  await step(officer, s1, 'serve', { servedOn: d(-35), method: 'direct', recipient: '李鑫隆', avFileIds: [] }, d(-35));
  // the decision confiscates the seized yogurt: the 扣押 ends by it (行政强制法 第二十七条)
  await endMeasure(ctx, officer, s1, seized, {
    endedOn: d(-34),
    kind: 'dispose',
    ground: 'confiscate',
    reason: '行政处罚决定没收超过保质期的酸奶46杯',
    approvedBy: leader.userId,
  });
  await recordPayment(ctx, officer, s1, { paidOn: d(-23), amountFen: 15_000_000, receiptNo: '非税-2026-0037' });
  // every line of the decision executed before 结案: the confiscated gains paid, the confiscated yogurt destroyed
  await recordExecution(ctx, officer, s1, {
    line: 1,
    act: 'payment',
    on: d(-23),
    amountFen: 1_408_000,
    receiptNo: '非税-2026-0038',
    note: '没收违法所得已缴入国库',
  });
  await recordExecution(ctx, officer, s1, {
    line: 2,
    act: 'destruction',
    on: d(-22),
    receiptNo: '销毁-2026-0005',
    note: '超过保质期的酸奶46杯经两名执法人员监督销毁，全程录像',
  });
  await step(leader, s1, 'close', { opinion: '同意结案' }, d(-20));
  await step(officer, s1, 'archive', {}, d(-19));

  // a second case waiting for its legal review (the reviewer's inbox)
  const s1b = await openCase(ctx, officer, yogurt('示例区惠民便利店有限公司', '91990105MA01EFGH3N'));
  await investigate(s1b);
  await step(officer, s1b, 'submitForLegalReview', {}, d(-45));

  // a fresh lead being verified
  const lead = await openCase(ctx, officer, {
    ...yogurt('示例区康源健康科技有限公司', '91990105MA01JKLM6N'),
    source: 'report',
    receivedOn: d(-3),
    field: 'advertising',
    summary: '举报：网店宣传普通食品可治疗糖尿病',
  });
  await step(officer, lead, 'accept', {}, d(-3));

  // scenario 2: missing price tags, 当场处罚
  const s2 = await openCase(ctx, officer, {
    source: 'randomInspection',
    receivedOn: d(-10),
    party: { type: 'naturalPerson', name: '张百味（示例区百味小吃店）', idNumber: '11010519491231002X', address: '示例市示例区建设路16号' },
    contact,
    field: 'pricing',
    summary: '双随机检查发现未明码标价',
    procedure: 'summary',
  });
  const v = await video(s2, '当场处罚执法记录仪.mp4');
  await step(
    officer,
    s2,
    'decideOnSite',
    {
      violationId: jg001,
      violationDate: d(-10),
      officerIds: investigators,
      occurredAt: `${d(-10)}T10:20`,
      place: '示例区建设路16号店内',
      facts: '当事人经营的小吃未标示价格。',
      // 当场收缴: "依法给予一百元以下罚款的" (行政处罚法 第六十八条第（一）项), against the 专用票据 (第七十条)
      penalties: [{ kind: 'fine', amountFen: 10_000 }],
      collectedOnSite: true,
      collectionGround: 'smallFine',
      receiptNo: '非税-2026-0102',
      avFileIds: [v],
    },
    d(-10),
  );
  // 第七十一条: handed over to the bureau within two working days
  await step(officer, s2, 'handOverFine', { handedOverOn: d(-10), handedOverTo: '本局财务室' }, d(-10));
  await step(leader, s2, 'close', { opinion: '同意结案' }, d(-9));
  return 4;
}
