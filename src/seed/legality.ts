/**
 * Demo 合法性审查, 合同合法性审查 and 立法征询, written through the modules' commands and the engine as the API does:
 * - the register: two legal advisers (a law firm's lawyers) and one public lawyer of the 法制科;
 * - a procurement contract reviewed 合法 and signed (its file filed, a performance note);
 * - an entrustment contract reviewed 不合法 and not signed;
 * - a cooperation agreement waiting in the legal office's queue;
 * - two 立法征询 from higher bodies, one answered, one open.
 */
import { addDays } from '../domain/dates.ts';
import { reviewKinds } from '../domain/legality/rules.ts';
import { registerContract, registerLegislative } from '../modules/contracts/commands.ts';
import { registerAdviser } from '../modules/legality/advisers.ts';
import { uploadEvidence } from '../modules/record/upload-evidence.ts';
import { principalForUser } from '../platform/auth/sessions.ts';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/policies.ts';
import { findMatter, transition } from '../platform/workflow/engine.ts';
import { Readable } from 'node:stream';

export async function seedLegality(ctx: AppContext, today: string): Promise<void> {
  const reviewer = await principalForUser(ctx.db, 'shenhe');
  const leader = await principalForUser(ctx.db, 'lingdao');
  if (!reviewer || !leader) return;
  const step = async (p: Principal, id: string, name: string, input: unknown, date: string) =>
    transition(ctx, p, { matterId: id, transition: name, expectedVersion: (await findMatter(ctx.db, id))!.version, input, date });
  const checklist = (fail: Record<string, string> = {}) =>
    reviewKinds.contract.checklist.map((i) => (fail[i.id] ? { item: i.id, verdict: 'fail', note: fail[i.id] } : { item: i.id, verdict: 'pass' }));
  const latestReview = async (contractId: string) =>
    (
      await ctx.db.query<{ id: string }>(
        `select id from legality_reviews where subject_type = 'contractReview' and subject_id = $1 order by created_at desc limit 1`,
        [contractId],
      )
    ).rows[0].id;

  // the register of 法律顾问 and 公职律师
  await ctx.db.transaction(async (tx) => {
    await registerAdviser(tx, ctx, reviewer, {
      kind: 'adviser',
      name: '张伟',
      qualification: '律师执业证（专职律师）',
      certificateNumber: '19901201510234567',
      firm: '示例市正衡律师事务所',
      termStart: addDays(today, -300),
      termEnd: addDays(today, 430),
    });
    await registerAdviser(tx, ctx, reviewer, {
      kind: 'adviser',
      name: '刘芳',
      qualification: '律师执业证（专职律师）',
      certificateNumber: '19901201810345678',
      firm: '示例市明德律师事务所',
      termStart: addDays(today, -300),
      termEnd: addDays(today, 430),
    });
    await registerAdviser(tx, ctx, reviewer, {
      kind: 'publicLawyer',
      name: '陈静',
      qualification: '公职律师证',
      certificateNumber: '29901202110000123',
      firm: '示例区市场监督管理局法制科',
      termStart: addDays(today, -700),
    });
  });

  // 1. reviewed 合法 and signed, with the signed text filed and a performance note
  const bought = await ctx.db.transaction((tx) =>
    registerContract(tx, ctx, leader, {
      category: 'procurement',
      title: '执法记录仪及配套设备采购合同',
      counterparty: '示例智能科技有限公司',
      amountFen: 12_800_000,
      termStart: addDays(today, -30),
      termEnd: addDays(today, 335),
      summary: '采购执法记录仪20台、采集工作站2套，含安装调试和三年维保服务；采购方式为询价，预算已批准。',
    }),
  );
  await step(leader, bought, 'requestReview', { materials: '合同文本（送审稿）、询价采购文件、供应商报价及资质证明、预算批复' }, addDays(today, -40));
  await step(reviewer, await latestReview(bought), 'conclude', { checklist: checklist(), opinion: 'lawful' }, addDays(today, -35));
  const file = await uploadEvidence(
    ctx,
    leader,
    'contractReview',
    bought,
    { fileName: '执法记录仪及配套设备采购合同（签订本）.pdf', contentType: 'application/pdf', description: '双方签章的合同文本' },
    Readable.from([Buffer.from('示例：执法记录仪及配套设备采购合同（签订本）')]),
  );
  await step(leader, bought, 'sign', { signedOn: addDays(today, -30), signedFileId: file }, addDays(today, -30));
  await step(
    leader,
    bought,
    'notePerformance',
    { note: '供应商已交付执法记录仪20台，验收合格；首期款已支付。', notedOn: addDays(today, -10) },
    addDays(today, -10),
  );

  // 2. reviewed 不合法 and not signed
  const entrusted = await ctx.db.transaction((tx) =>
    registerContract(tx, ctx, leader, {
      category: 'entrustment',
      title: '食品抽样检验委托合同',
      counterparty: '示例检测技术服务有限公司',
      amountFen: 36_000_000,
      termStart: addDays(today, -20),
      termEnd: addDays(today, 345),
      summary: '委托对辖区食品开展抽样检验，检验结论由受托方直接向社会公布。',
    }),
  );
  await step(leader, entrusted, 'requestReview', { materials: '合同文本（送审稿）、受托方资质认定证书' }, addDays(today, -28));
  await step(
    reviewer,
    await latestReview(entrusted),
    'conclude',
    {
      checklist: checklist({
        content: '第七条约定检验结论由受托方直接向社会公布，与食品安全法关于食品安全信息统一公布的规定相抵触。',
        liability: '未约定受托方出具虚假检验报告的违约责任。',
      }),
      opinion: 'unlawful',
      reasons: '合同第七条与食品安全法关于食品安全信息统一公布的规定相抵触；违约责任条款缺失。建议删除第七条并补充违约责任后重新送审。',
    },
    addDays(today, -24),
  );
  await step(leader, entrusted, 'abandon', { reason: '经合法性审查不合法，承办单位决定重新组织采购，本合同不予签订。' }, addDays(today, -22));

  // 3. waiting in the legal office's queue
  const cooperation = await ctx.db.transaction((tx) =>
    registerContract(tx, ctx, leader, {
      category: 'cooperation',
      title: '消费维权进商超合作协议',
      counterparty: '示例百货集团有限公司',
      amountFen: 0,
      termStart: addDays(today, 10),
      termEnd: addDays(today, 740),
      summary: '在商场设立消费维权服务站，约定投诉先行和解、信息报送和宣传合作。',
    }),
  );
  await step(leader, cooperation, 'requestReview', { materials: '合作协议（送审稿）、合作方营业执照' }, addDays(today, -2));

  // 立法征询
  const elevator = await ctx.db.transaction((tx) =>
    registerLegislative(tx, ctx, reviewer, {
      requester: '示例市司法局',
      draftTitle: '示例市电梯安全管理条例（草案征求意见稿）',
      receivedOn: addDays(today, -25),
      dueOn: addDays(today, -11),
    }),
  );
  await step(
    reviewer,
    elevator,
    'reply',
    { reply: '建议第十二条增加电梯维护保养单位发现重大隐患时向市场监督管理部门报告的义务，并明确报告时限。', repliedOn: addDays(today, -13) },
    addDays(today, -13),
  );
  await ctx.db.transaction((tx) =>
    registerLegislative(tx, ctx, reviewer, {
      requester: '示例省市场监督管理局',
      draftTitle: '示例省食品小作坊监督管理办法（修订草案）',
      receivedOn: addDays(today, -4),
      dueOn: addDays(today, 10),
    }),
  );
}
