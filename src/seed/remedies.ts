/**
 * Demo 行政复议 and 行政应诉 (issue 16), through the same commands and transitions as the API, dated relative to the seed
 * day: a reconsideration of the on-the-spot price-tag penalty answered (awaiting the decision); an expired-food case
 * decided and published, then revoked by the reviewing body — the case's 复议 entry concluded and the publication withdrawn
 * from the portal (its versions kept); and a suit against scenario 1's decision defended, with a hearing the deputy head
 * attended (行政诉讼法 第三条第三款).
 */
import { Readable } from 'node:stream';
import { addDays, chinaToday } from '../domain/dates.ts';
import { addEvidence } from '../modules/cases/commands/add-evidence.ts';
import { openCase } from '../modules/cases/commands/open-case.ts';
import { uploadEvidence } from '../modules/record/upload-evidence.ts';
import { registerLawsuit, registerReconsideration } from '../modules/remedies/commands/register.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/policies.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';

const contact = { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' };
const reviewItems = Object.fromEntries(
  ['subject', 'officerQualification', 'facts', 'evidence', 'lawApplied', 'discretion', 'procedure', 'competence', 'instruments', 'criminalReferral'].map(
    (k) => [k, { ok: true, note: '符合规定' }],
  ),
);

export const REVOKED_PARTY = '示例区旺福食品商行有限公司';

export async function seedRemedies(ctx: AppContext, today = chinaToday()): Promise<{ reconsiderations: number; lawsuits: number }> {
  const q = ctx.db;
  const who = async (u: string) => (await principalForUser(q, u))!;
  const [officer, reviewer, leader] = [await who('zhifa'), await who('shenhe'), await who('lingdao')];
  const d = (n: number) => addDays(today, n);
  const id = async (sql: string, args: unknown[] = []) => (await q.query<{ id: string }>(sql, args)).rows[0]?.id;
  const sp001 = await id(`select id from violations where code = 'SP-001'`);
  const onSpot = await id(`select id from cases where party ->> 'name' = '张百味（示例区百味小吃店）'`);
  const scenario1 = await id(`select id from cases where party ->> 'name' = '示例区鑫隆超市有限公司'`);
  if (!sp001 || !onSpot || !scenario1) return { reconsiderations: 0, lawsuits: 0 };
  const investigators = (
    await q.query<{ id: string }>(
      `select distinct f.id from officers f join certificates c on c.officer_id = f.id
      where f.org_id = $1 and f.active and c.status = 'valid' and c.valid_from <= $2 and c.valid_to >= $3 and ('food' = any(c.fields) or 'general' = any(c.fields))
      order by f.id limit 2`,
      [officer.orgId, addDays(today, -120), today],
    )
  ).rows.map((r) => r.id);
  const step = async (p: Principal, matterId: string, name: string, input: Record<string, unknown>, date: string) => {
    const m = (await findMatter(q, matterId))!;
    await transition(ctx, p, { matterId, transition: name, expectedVersion: m.version, input, date });
  };

  // ── an expired-food case decided and published (the one the reviewing body will revoke) ──
  const penalties = [
    { kind: 'fine', amountFen: 15_000_000 },
    { kind: 'confiscateIllegalGains', amountFen: 1_408_000 },
    { kind: 'confiscateIllegalProperty', note: '超过保质期的酸奶46杯' },
  ];
  const c = await openCase(ctx, officer, {
    source: 'complaint',
    receivedOn: d(-75),
    party: {
      type: 'organisation',
      name: REVOKED_PARTY,
      uscc: '91990105MA01WF8K3X',
      address: '示例市示例区和平路99号',
      legalRep: '王旺福',
      phone: '0999-22334455',
    },
    contact,
    field: 'food',
    summary: '消费者投诉：销售超过保质期的酸奶',
    procedure: 'ordinary',
  });
  await step(officer, c, 'accept', {}, d(-75));
  await step(
    officer,
    c,
    'proposeFiling',
    { violationId: sp001, violationDate: d(-80), investigatorIds: investigators, lifeHealth: false, opinion: '涉嫌经营超过保质期的食品，建议立案调查' },
    d(-74),
  );
  await step(leader, c, 'approveFiling', { opinion: '同意立案' }, d(-74));
  const v = await uploadEvidence(
    ctx,
    officer,
    'case',
    c,
    { fileName: '现场检查执法记录仪.mp4', contentType: 'video/mp4', description: '执法记录仪视频（演示数据）' },
    Readable.from([Buffer.from(`demo remedies ${c}`)]),
  );
  await addEvidence(ctx, officer, c, {
    kind: 'siteRecord',
    title: '现场检查：货架上超过保质期的酸奶',
    collectedOn: d(-74),
    place: '当事人经营场所',
    officerIds: investigators,
    fileIds: [v],
    description: '执法人员出示执法证件，当事人负责人在场。',
  });
  await addEvidence(ctx, officer, c, {
    kind: 'documentary',
    title: '进货单据及销售记录：售出1,280杯，货值金额14,080元',
    collectedOn: d(-72),
    officerIds: [],
    fileIds: [],
  });
  await step(
    officer,
    c,
    'closeInvestigation',
    {
      facts: '当事人在保质期届满后仍继续销售酸奶，共售出1,280杯，货值金额14,080元。',
      bases: { goodsValue: 1_408_000 },
      unreliableBases: [],
      circumstances: ['firstOffence', 'cooperative', 'eliminatedHarm'],
      proposed: penalties,
      complex: false,
      publicInterest: false,
    },
    d(-60),
  );
  await step(reviewer, c, 'audit', { opinion: 'agree', reasons: '事实清楚，证据确凿，适用法律正确，裁量适当', acceptsDeviation: false }, d(-59));
  await step(officer, c, 'notify', { servedOn: d(-58) }, d(-58));
  await step(officer, c, 'submitForLegalReview', {}, d(-45));
  await step(reviewer, c, 'legalReview', { items: reviewItems, opinion: 'agree', reasons: '事实清楚，证据确凿，同意。', acceptsDeviation: false }, d(-44));
  const attendees = ['刘建国', '黄海', '林静'].map((name) => ({ name, position: '局领导' }));
  await step(
    leader,
    c,
    'discuss',
    {
      heldOn: d(-42),
      startAt: `${d(-42)}T15:00`,
      endAt: `${d(-42)}T16:00`,
      place: '第一会议室',
      chair: '刘建国',
      attendees,
      opinions: attendees.map((a) => ({ name: a.name, opinion: '同意。' })),
      decision: 'penalty',
      minutes: '承办人汇报案件。',
      reporter: '王志强',
      recorder: '郑宇',
    },
    d(-42),
  );
  await step(leader, c, 'decide', { outcome: 'penalty', penalties }, d(-40));
  await step(officer, c, 'serve', { servedOn: d(-40), method: 'direct', recipient: '王旺福', avFileIds: [] }, d(-40));

  // ── reconsideration 1: answered, awaiting the decision (the on-the-spot penalty) ──
  const r1 = await q.transaction((tx) =>
    registerReconsideration(tx, ctx, reviewer, {
      subject: { type: 'case', id: onSpot },
      applicant: '张百味',
      reviewingBody: '示例区人民政府',
      fileNumber: '示区府复〔2026〕31号',
      request: '请求撤销当场作出的罚款100元的行政处罚决定。理由：价格标签当日因装修临时取下。',
      receivedOn: d(-6),
      filedOn: d(-8),
    }),
  );
  await step(
    reviewer,
    r1.id,
    'answer',
    {
      answer: '申请人经营的小吃未标示价格，有执法记录仪视频为证，违反《明码标价和禁止价格欺诈规定》，当场处罚程序合法，请求予以维持。',
      materials: '当场行政处罚决定书、执法记录仪视频、罚款收据',
    },
    d(-3),
  );

  // ── reconsideration 2: decided against the bureau — the decision is revoked and withdrawn from the portal ──
  const r2 = await q.transaction((tx) =>
    registerReconsideration(tx, ctx, reviewer, {
      subject: { type: 'case', id: c },
      applicant: REVOKED_PARTY,
      reviewingBody: '示例区人民政府',
      fileNumber: '示区府复〔2026〕27号',
      request: '请求撤销行政处罚决定。理由：涉案酸奶系退货待处理商品，并未销售。',
      receivedOn: d(-25),
      filedOn: d(-28),
    }),
  );
  await step(
    reviewer,
    r2.id,
    'answer',
    {
      answer: '申请人在保质期届满后仍继续销售，有进货单据及销售记录为证，处罚决定事实清楚、证据确凿，请求予以维持。',
      materials: '行政处罚决定书、现场检查笔录、进货单据及销售记录',
    },
    d(-20),
  );
  await step(
    reviewer,
    r2.id,
    'attend',
    { kind: 'opinion', heldOn: d(-15), attendees: '陈静（法制科）、王志强（办案人员）', note: '行政复议机构当面听取意见' },
    d(-15),
  );
  await step(
    leader,
    r2.id,
    'enterDecision',
    {
      outcome: 'revoked',
      number: '示区府复决〔2026〕27号',
      decidedOn: d(-8),
      receivedOn: d(-7),
      summary: '被申请人认定销售数量的主要证据（销售记录）未经当事人确认，主要事实不清、证据不足，依照《行政复议法》第六十四条决定撤销。',
    },
    d(-7),
  );

  // ── a suit against scenario 1's decision: defended, the deputy head appeared at the hearing ──
  const l1 = await q.transaction((tx) =>
    registerLawsuit(tx, ctx, reviewer, {
      subject: { type: 'case', id: scenario1 },
      plaintiff: '示例区鑫隆超市有限公司',
      court: '示例市示例区人民法院',
      fileNumber: '（2026）示0105行初88号',
      claims: '请求撤销行政处罚决定中没收违法所得的部分。',
      receivedOn: d(-30),
      filedOn: d(-33),
    }),
  );
  await step(
    reviewer,
    l1.id,
    'defend',
    {
      defence: '原告销售超过保质期的食品，事实清楚，证据确凿，处罚适当，请求驳回原告的诉讼请求。',
      evidence: '行政处罚决定书、听证笔录、现场检查笔录、销售记录',
    },
    d(-20),
  );
  await step(
    leader,
    l1.id,
    'attendHearing',
    { heldOn: d(-6), attendees: '刘建国（副局长）、陈静（法制科）', appearance: 'head', headName: '刘建国', headTitle: '副局长', note: '负责人出庭并发表意见' },
    d(-6),
  );
  return { reconsiderations: 2, lawsuits: 1 };
}
