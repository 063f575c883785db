/**
 * Demo data of issue 16's openness part, through the modules' commands and the engine as the API does: thirteen
 * 政府信息公开 requests to the district bureau (seed 000: 妥善处理依申请公开13宗) — one of each answer type of 第三十六条
 * (and 第三十七条's 部分公开 with a third-party consultation, 第三十条's uncorrected one), one answered after a
 * correction, one extended, one filed on the portal and still open; a 检察建议 answered and filed, a 司法建议 answered, a
 * 磋商意见 being handled (seed 004); and a 公安机关移送 lead (seed 004: 公安机关移送的……案件线索3件).
 */
import { addDays } from '../domain/dates.ts';
import { openCase } from '../modules/cases/commands/open-case.ts';
import { newChallenge } from '../modules/consultation/index.ts';
import { CHALLENGE_SUBJECT, registerDisclosure, submitPublicDisclosure, type DisclosureInput } from '../modules/disclosure/commands.ts';
import { registerRecommendation } from '../modules/recommendations/commands.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/policies.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';

/** The demo's own challenge answered by reading its signed operands (the seed is a program written for this form). */
const solve = (token: string) => {
  const t = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  return String(t.a + t.b);
};

export async function seedOpenness(ctx: AppContext, today: string, opts: { policeLead: boolean }): Promise<void> {
  const [admin, leader, reviewer, officer] = await Promise.all(['admin', 'lingdao', 'shenhe', 'zhifa'].map((u) => principalForUser(ctx.db, u)));
  if (!admin || !leader || !reviewer || !officer) return;
  const d = (n: number) => addDays(today, n);
  const step = async (id: string, name: string, input: unknown, date: string, p: Principal = reviewer) =>
    transition(ctx, p, { matterId: id, transition: name, expectedVersion: (await findMatter(ctx.db, id))!.version, input, date });
  const register = async (input: Partial<DisclosureInput> & Pick<DisclosureInput, 'description' | 'receivedOn'>) =>
    (
      await ctx.db.transaction((tx) =>
        registerDisclosure(tx, ctx, reviewer, {
          channel: 'inPerson',
          applicantKind: 'natural',
          applicantName: '欧阳明轩',
          applicantContact: '13900000001',
          form: '电子邮件',
          ...input,
        }),
      )
    ).id;

  // ─── 政府信息公开 on request ─────────────────────────────────────────
  const a1 = await register({ description: '本局2026年“双随机、一公开”抽查事项清单', receivedOn: d(-95), channel: 'email' });
  await step(a1, 'answer', { answerType: 'alreadyPublic', access: '本局门户网站“双随机抽查”栏目（/portal/inspections）' }, d(-90));

  const a2 = await register({
    description: '示例区2026年第三季度食品安全监督抽检结果',
    receivedOn: d(-88),
    applicantKind: 'business',
    applicantName: '示例区鲜味食品有限公司',
  });
  await step(a2, 'answer', { answerType: 'disclosed', access: '以电子邮件发送抽检结果汇总表' }, d(-80));

  // 部分公开 after consulting the third party (第三十二条): the consultation's days do not count (第三十三条第三款)
  const a3 = await register({ description: '示例区某乳制品企业的食品生产许可审查材料', receivedOn: d(-85), applicantName: '司马红霞' });
  await step(a3, 'consultThirdParty', { thirdParty: '示例区乳业有限公司', sentOn: d(-82), reason: '申请公开的材料含有企业的配方和工艺参数' }, d(-82));
  await step(a3, 'recordThirdPartyOpinion', { repliedOn: d(-70), opinion: 'disagree', note: '配方和工艺参数属于商业秘密，不同意公开' }, d(-70));
  await step(
    a3,
    'answer',
    {
      answerType: 'partlyDisclosed',
      ground: 'thirdPartyRights',
      reason: '配方和工艺参数属于第三方的商业秘密，第三方不同意公开且理由合理',
      access: '删除配方和工艺参数后的审查材料以电子邮件发送',
    },
    d(-58),
  );

  const a4 = await register({
    description: '局务会议关于某案件集体讨论的会议记录',
    receivedOn: d(-75),
    applicantKind: 'legalService',
    applicantName: '示例律师事务所',
  });
  await step(a4, 'answer', { answerType: 'notDisclosed', ground: 'processInformation', reason: '申请的会议记录属于讨论记录等过程性信息' }, d(-66));

  const a5 = await register({ description: '2015年示例区农贸市场摊位分配方案', receivedOn: d(-70) });
  await step(a5, 'answer', { answerType: 'notExist', reason: '经检索本机关档案和业务系统，未制作或者获取该信息。' }, d(-62));

  const a6 = await register({ description: '示例区公立医院医疗服务价格调整文件', receivedOn: d(-65) });
  await step(
    a6,
    'answer',
    {
      answerType: 'notResponsible',
      otherBody: { name: '示例区医疗保障局', contact: '0999-86001234，示例区人民路20号' },
      reason: '医疗服务价格由医疗保障部门负责。',
    },
    d(-60),
  );

  const a7 = await register({
    description: '本区2026年第三季度食品安全监督抽检结果',
    receivedOn: d(-60),
    applicantKind: 'business',
    applicantName: '示例区鲜味食品有限公司',
  });
  await step(a7, 'answer', { answerType: 'repeated', reason: `本机关已于${d(-80)}就相同信息作出答复。` }, d(-55));

  const a8 = await register({ description: '示例区某公司的工商登记档案', receivedOn: d(-55), channel: 'letter' });
  await step(
    a8,
    'answer',
    { answerType: 'specialProcedure', reason: '企业登记档案资料按《企业登记档案资料查询办法》的规定到登记机关档案查询窗口查询。' },
    d(-50),
  );

  const a9 = await register({ description: '要求对某超市销售过期食品一事进行查处并答复处理结果', receivedOn: d(-50) });
  await step(a9, 'answer', { answerType: 'notGovernmentInfo', reason: '该申请系投诉举报，已告知通过12315平台提出。' }, d(-45));

  // 申请内容不明确: told to correct within 7 working days (第三十条), not corrected in time → 视为放弃
  const a10 = await register({ description: '你局的文件', receivedOn: d(-48) });
  await step(a10, 'requestCorrection', { items: '请写明所需文件的名称、文号或者便于查询的特征性描述。', dueOn: d(-33) }, d(-46));
  await step(a10, 'answer', { answerType: 'unclear' }, d(-30));

  // corrected, then answered within 20 working days of the corrected application
  const a11 = await register({
    description: '抽检不合格食品的处理情况',
    receivedOn: d(-45),
    applicantKind: 'research',
    applicantName: '示例大学食品安全研究中心',
  });
  await step(a11, 'requestCorrection', { items: '请写明抽检的时间范围和食品类别。', dueOn: d(-30) }, d(-43));
  await step(a11, 'receiveCorrection', { receivedOn: d(-38), correctedDescription: '2026年1月至6月本区乳制品抽检不合格的核查处置情况' }, d(-38));
  await step(a11, 'answer', { answerType: 'disclosed', access: '以纸质文本邮寄' }, d(-25));

  // extended by 20 working days with the head's consent (第三十三条第二款), then answered
  const a12 = await register({
    description: '2024年至2026年本局行政处罚案件的办理情况统计',
    receivedOn: d(-40),
    applicantKind: 'publicInterest',
    applicantName: '示例区消费者权益保护志愿者协会',
  });
  await step(a12, 'extendAnswer', { reason: '申请公开的信息跨三个年度，需要检索、汇总多个业务系统的数据' }, d(-14), leader);
  await step(a12, 'answer', { answerType: 'disclosed', access: '以电子邮件发送统计表' }, d(-5));

  // filed on the portal a few days ago, still open (the applicant follows it with the query code)
  const body = (await ctx.db.query<{ id: string }>(`select id from orgs where name = '示例区市场监督管理局'`)).rows[0].id;
  const ch = newChallenge(ctx.ledger.signer, CHALLENGE_SUBJECT);
  const filed = await submitPublicDisclosure(
    ctx,
    {
      bodyId: body,
      applicantKind: 'natural',
      applicantName: '上官丽华',
      applicantContact: 'sunli@example.com',
      description: '示例区2026年电梯安全监督检查结果',
      form: '电子邮件',
      challengeToken: ch.token,
      challengeAnswer: solve(ch.token),
    },
    new Date(`${d(-3)}T02:00:00Z`),
  );
  void filed;

  // ─── 检察建议、司法建议 ───────────────────────────────────────────────
  const legal = (await ctx.db.query<{ id: string }>(`select id from orgs where name = '法制科'`)).rows[0]?.id;
  const unit = officer.orgId;
  const rec = (input: Parameters<typeof registerRecommendation>[3]) => ctx.db.transaction((tx) => registerRecommendation(tx, ctx, reviewer, input));
  const r1 = await rec({
    kind: 'procuratorial',
    issuer: '示例区人民检察院',
    documentNumber: '示检行建〔2026〕5号',
    content: '你局在校园周边食品经营监管中存在监督检查频次不足的问题，建议开展专项检查，建立常态化巡查机制。',
    issuedOn: d(-92),
    receivedOn: d(-90),
    statedDueOn: d(-30),
  });
  await step(r1, 'assign', { unitId: unit, note: '请第二所牵头办理，法制科跟踪' }, d(-88));
  await step(
    r1,
    'answer',
    { reply: '我局已开展校园周边食品安全专项检查，检查经营户126家，立案3件，并建立每周巡查机制。', answeredOn: d(-40) },
    d(-40),
    officer,
  );
  await step(r1, 'file', { measures: '专项检查126家次，立案3件；印发《校园周边食品安全常态化巡查制度》。', filedOn: d(-35) }, d(-35));

  const r2 = await rec({
    kind: 'judicial',
    issuer: '示例区人民法院',
    documentNumber: '（2026）示0105司建2号',
    content: '在审理一起行政诉讼案件中发现，你局送达行政处罚告知书的程序不够规范，建议规范送达程序。',
    issuedOn: d(-52),
    receivedOn: d(-50),
  });
  await step(r2, 'assign', { unitId: legal ?? unit }, d(-49));
  await step(r2, 'answer', { reply: '我局已修订执法文书送达规程并组织全员培训。', answeredOn: d(-20) }, d(-20));

  const r3 = await rec({
    kind: 'procuratorialConsultation',
    issuer: '示例区人民检察院',
    documentNumber: '示检行磋〔2026〕2号',
    content: '就某药店销售假药线索的行政处理情况进行磋商。',
    issuedOn: d(-12),
    receivedOn: d(-10),
    statedDueOn: d(20),
  });
  await step(r3, 'assign', { unitId: unit }, d(-9));

  // ─── 公安机关移送 lead (its own case source), with the other demo cases ──────────
  if (!opts.policeLead) return;
  await openCase(ctx, officer, {
    source: 'policeReferral',
    receivedOn: d(-6),
    party: {
      type: 'organisation',
      name: '示例区益康大药房有限公司',
      uscc: '91990105MA01NPQR21',
      address: '示例市示例区健康路9号',
      legalRep: '钱益康',
      phone: '0999-66668888',
    },
    contact: { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' },
    field: 'drugs',
    summary: '公安机关移送：销售标签不符合规定的药品，不构成犯罪但需追究行政责任',
    procedure: 'ordinary',
  });
}
