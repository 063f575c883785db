/** `fazhi …`: operations from the command line. Honors DATA_DIR and DATABASE_URL like the server. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { createContext, platformModules } from './app.ts';
import { insertUser } from './modules/users/commands/create-user.ts';
import { loadConfig } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { roles, type Role } from './platform/policies.ts';
import { SYSTEM_ACTOR } from './platform/record/ledger.ts';
import { verifyRecord } from './platform/record/verify.ts';
import { verifyState } from './platform/record/state.ts';
import { verifySignature } from './platform/record/signer.ts';
import { checkProofDocument, type ProofDocument } from './domain/recordFormat.ts';
import { hasData, seedDemo } from './seed/demo.ts';
import { computeDeadline } from './domain/deadlines/compute.ts';
import { deadlineRuleById, deadlineRules } from './domain/deadlines/rules.ts';
import { loadCalendar, syncOfficialCalendar } from './modules/calendar/store.ts';
import { AppError } from './platform/errors.ts';

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.close();
  }
}

const program = new Command('fazhi').description('法治平台运维命令');

program
  .command('migrate')
  .description('应用数据库迁移')
  .action(() =>
    withContext(async (ctx) => {
      console.log(`数据库迁移已完成（${ctx.db.kind}）`);
    }),
  );

program
  .command('seed')
  .description('载入演示数据')
  .option('--demo', '示例区市场监督管理局演示数据')
  .action((opts: { demo?: boolean }) =>
    withContext(async (ctx) => {
      if (!opts.demo) throw new Error('请指定 --demo');
      await syncOfficialCalendar(ctx);
      if (await hasData(ctx)) {
        console.log('数据库中已有数据，未重复载入演示数据');
        return;
      }
      const r = await seedDemo(ctx);
      await ctx.ledger.signTreeHead(ctx.db);
      console.log(`已载入演示数据：${r.orgs} 个机构、${r.officers} 名执法人员、${r.users} 个用户、${r.lawVersions} 个法律法规版本`);
    }),
  );

const ledger = program.command('ledger').description('执法全过程记录');
ledger
  .command('verify')
  .description('重新计算整个记录：内容哈希、叶子、Merkle 树、签名树头和证据文件；发现不一致时以非零状态退出')
  .option('--json', '以 JSON 输出')
  .option('--skip-blobs', '不重新校验证据文件')
  .option('--state', '并重放记录，与当前数据表比对，列出未经记录而被改动的每一行')
  .action((opts: { json?: boolean; skipBlobs?: boolean; state?: boolean }) =>
    withContext(async (ctx) => {
      const report = await verifyRecord(ctx.db, {
        publicKeyPem: ctx.ledger.signer.publicKeyPem,
        blobs: opts.skipBlobs ? undefined : ctx.blobs,
        fallbackAlg: ctx.ledger.hashAlg,
        mmdMs: ctx.config.recordMmdMs,
      });
      const state = opts.state ? await verifyState(ctx.db, ctx.registry.stateTables) : null;
      if (state && !opts.json) {
        if (state.ok) console.log(`当前数据与记录一致：重放 ${state.eventsReplayed} 条，核对 ${state.rowsChecked} 行（${state.elapsedMs.toFixed(0)} ms）`);
        else {
          console.error(`当前数据与记录不一致（${state.problems.length} 处）：`);
          for (const p of state.problems) console.error(`  ${p.code}  ${p.message}`);
        }
      }
      if (state && !state.ok) process.exitCode = 1;
      if (opts.json) console.log(JSON.stringify(state ? { ...report, state } : report, null, 2));
      else if (report.ok)
        console.log(
          `记录完整：${report.size} 条，根哈希 ${report.rootHash}，已核验 ${report.treeHeadsChecked} 个签名树头、${report.blobsChecked} 个证据文件（${report.elapsedMs.toFixed(0)} ms）` +
            (report.pending.count
              ? `；另有 ${report.pending.count} 条待排序，最早的已等待 ${report.pending.oldestAgeMs} ms（最大合并延迟 ${ctx.config.recordMmdMs} ms）`
              : ''),
        );
      else
        console.error(
          `记录校验失败：${report.firstProblem!.seq === null ? '' : `第 ${report.firstProblem!.seq} 条，`}${report.firstProblem!.code}：${report.firstProblem!.message}`,
        );
      if (!report.ok) process.exitCode = 1;
    }),
  );
ledger
  .command('sign')
  .description('立即签发树头')
  .action(() =>
    withContext(async (ctx) => {
      const h = await ctx.ledger.signTreeHead(ctx.db, true);
      console.log(h ? JSON.stringify(h, null, 2) : '记录为空');
    }),
  );

program
  .command('proof')
  .description('离线核验（无需数据库）')
  .command('verify <proofFile>')
  .description('核验下载的包含证明：重算内容哈希、叶子哈希、包含证明，并用公钥核验树头签名')
  .option('--json', '以 JSON 输出')
  .action((file: string, opts: { json?: boolean }) => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as ProofDocument;
    const check = checkProofDocument(doc);
    const signatureOk = verifySignature(doc.publicKeyPem, check.signedMessage, doc.treeHead.signature);
    const ok = check.ok && signatureOk;
    if (opts.json) console.log(JSON.stringify({ ...check, signatureOk, ok }, null, 2));
    else {
      const mark = (b: boolean) => (b ? '通过' : '不通过');
      console.log(
        `内容哈希 ${mark(check.payloadHashOk)}；叶子哈希 ${mark(check.leafHashOk)}；包含证明 ${mark(check.inclusionOk && check.sizeOk)}；树头签名 ${mark(signatureOk)}`,
      );
      console.log(
        ok ? `第 ${doc.entry.seq} 条记录包含在大小为 ${doc.treeHead.treeSize} 的记录中，根哈希 ${doc.treeHead.rootHash}` : '核验失败：该证明与记录不一致',
      );
    }
    process.exitCode = ok ? 0 : 1;
  });

const user = program.command('user').description('用户');
user
  .command('create')
  .description('新建用户')
  .requiredOption('--username <name>')
  .requiredOption('--name <displayName>')
  .requiredOption('--org <orgId or org name>')
  .requiredOption('--role <roles>', `逗号分隔：${roles.join(',')}`)
  .option('--password <password>', '不提供时从环境变量 FAZHI_PASSWORD 或标准输入读取')
  .action((opts: { username: string; name: string; org: string; role: string; password?: string }) =>
    withContext(async (ctx) => {
      const password = opts.password ?? process.env.FAZHI_PASSWORD ?? readFileSync(0, 'utf8').trim();
      const roleList = opts.role.split(',').map((s) => s.trim()) as Role[];
      const bad = roleList.filter((r) => !roles.includes(r));
      if (bad.length) throw new AppError('VALIDATION_FAILED', `未知角色：${bad.join('、')}`);
      const org = (await ctx.db.query<{ id: string }>('select id from orgs where id = $1 or name = $1', [opts.org])).rows;
      if (org.length !== 1) throw new AppError('ORG_NOT_FOUND', `机构“${opts.org}”不存在或不唯一`);
      const id = await ctx.db.transaction((tx) =>
        insertUser(tx, ctx, SYSTEM_ACTOR, { username: opts.username, displayName: opts.name, orgId: org[0].id, roles: roleList, password }),
      );
      console.log(`已新建用户 ${opts.username}（${id}）`);
    }),
  );

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const needDate = (s: string, what: string) => {
  if (!isDate(s)) throw new AppError('VALIDATION_FAILED', `${what}“${s}”不是有效日期（YYYY-MM-DD）`);
  return s;
};

program
  .command('workdays')
  .description('工作日计算')
  .command('add <date> <n>')
  .description('自 date 次日起算的第 n 个工作日（跳过法定节假日，计入调休上班日）')
  .option('--json', '以 JSON 输出')
  .action((date: string, n: string, opts: { json?: boolean }) =>
    withContext(async (ctx) => {
      needDate(date, '日期');
      if (!/^\d{1,4}$/.test(n)) throw new AppError('VALIDATION_FAILED', `工作日数“${n}”应为非负整数`);
      await syncOfficialCalendar(ctx);
      const r = (await loadCalendar(ctx.db)).addWorkingDays(date, Number(n));
      if (opts.json) console.log(JSON.stringify({ from: date, n: Number(n), ...r }, null, 2));
      else console.log(`${date} 之后第 ${n} 个工作日：${r.date}（跳过 ${r.skipped.length} 个非工作日）`);
    }),
  );

program
  .command('deadline <ruleId> <startDate>')
  .description(`计算法定期限届满日；规则：${deadlineRules.map((r) => r.id).join(', ')}`)
  .option('--json', '以 JSON 输出')
  .option('--extended', '适用经批准的延长')
  .option('--suspend <from:to>', '不计入期限的中止期间（可重复）', (v: string, acc: string[]) => [...acc, v], [] as string[])
  .action((ruleId: string, start: string, opts: { json?: boolean; extended?: boolean; suspend: string[] }) =>
    withContext(async (ctx) => {
      const rule = deadlineRuleById.get(ruleId);
      if (!rule) throw new AppError('DEADLINE_RULE_NOT_FOUND', `期限规则“${ruleId}”不存在；可用：${deadlineRules.map((r) => r.id).join('、')}`);
      needDate(start, '起算日');
      const suspensions = opts.suspend.map((s) => {
        const [from, to] = s.split(':');
        return { from: needDate(from ?? '', '中止开始日'), to: needDate(to ?? '', '中止结束日'), reason: '中止' };
      });
      await syncOfficialCalendar(ctx);
      const r = computeDeadline(rule, await loadCalendar(ctx.db), { start, suspensions, extended: opts.extended });
      if (opts.json) console.log(JSON.stringify(r, null, 2));
      else console.log(`${r.label}：${r.description}，届满日 ${r.due}（依据：${[...r.basis, r.sourceNote].filter(Boolean).join('；')}）`);
    }),
  );

// each module's own commands, declared in its entry
for (const m of platformModules) m.cli?.(program, withContext);

program.parseAsync().catch((e: unknown) => {
  console.error(e instanceof AppError ? `${e.code}：${e.messageZh}` : e instanceof Error ? e.message : e);
  process.exit(2);
});
