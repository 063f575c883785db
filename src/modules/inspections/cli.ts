/**
 * `fazhi draw verify` — re-runs a published draw (offline from its document, or from the database by
 * task id) — and `fazhi inspections import-targets` (acts as the system).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { verifyDrawDocument, type DrawDocument } from '../../domain/inspections/drawDocument.ts';
import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../platform/record/ledger.ts';
import { verifySignature } from '../../platform/record/signer.ts';
import { importTargets } from './commands/import-targets.ts';
import { drawDocument, findTask } from './tasks.ts';

import type { WithContext } from '../../platform/modules.ts';

function report(doc: DrawDocument, r: ReturnType<typeof verifyDrawDocument>, json: boolean) {
  if (json) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(`抽取复核：${doc.taskName}（${doc.bodyName}），算法 ${doc.algorithm}`);
    for (const c of r.checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.message}`);
    if (!r.revealed) console.log('  尚未抽取：只能核对候选名单摘要，种子公开后可完整复核');
    console.log(r.ok ? (r.revealed ? '复核通过：结果与公布的完全一致' : '候选名单与公布的摘要一致') : '复核未通过');
  }
  process.exitCode = r.ok ? 0 : 1;
}

export function registerInspectionCommands(program: Command, withContext: WithContext): void {
  const draw = program.command('draw').description('双随机抽取');
  draw
    .command('verify [file]')
    .description('复核一次抽取：由公示文件（GET /api/public/inspections/draws/:id 的 JSON）离线重新计算，或用 --task 从数据库读取；结果不一致时以非零状态退出')
    .option('--task <taskId>', '从数据库读取该任务的抽取公示文件')
    .option('--public-key <pem>', '签名树头的公钥文件（PEM），离线复核时核验树头签名')
    .option('--out <file>', '同时把公示文件写到该文件（与 --task 一起用）')
    .option('--json', '以 JSON 输出')
    .action(async (file: string | undefined, opts: { task?: string; publicKey?: string; out?: string; json?: boolean }) => {
      if (!file && !opts.task) throw new AppError('VALIDATION_FAILED', '请给出公示文件或 --task 任务编号');
      if (file) {
        let doc: DrawDocument;
        try {
          doc = JSON.parse(readFileSync(file, 'utf8'));
        } catch {
          throw new AppError('VALIDATION_FAILED', `无法读取公示文件 ${file}（应为 JSON）`);
        }
        const pem = opts.publicKey ? readFileSync(opts.publicKey, 'utf8') : null;
        report(doc, verifyDrawDocument(doc, pem ? { verifySignature: (m, s) => verifySignature(pem, m, s) } : {}), !!opts.json);
        return;
      }
      await withContext(async (ctx) => {
        const t = await findTask(ctx.db, opts.task!);
        if (!t) throw new AppError('NOT_FOUND', `抽查任务 ${opts.task} 不存在`);
        const body = (await ctx.db.query<{ name: string }>('select name from orgs where id = $1', [t.bodyId])).rows[0];
        const doc = await drawDocument(ctx.db, t, body.name);
        if (!doc) throw new AppError('NOT_FOUND', '该任务尚未公布候选名单');
        if (opts.out) writeFileSync(opts.out, JSON.stringify(doc, null, 2));
        report(doc, verifyDrawDocument(doc, { verifySignature: (m, s) => verifySignature(ctx.ledger.signer.publicKeyPem, m, s) }), !!opts.json);
      });
    });

  program
    .command('inspections')
    .description('双随机、一公开')
    .command('import-targets <file>')
    .description('导入检查对象名录（.xlsx 或 .csv）：逐行校验，有任何错误则不导入并以非零状态退出；按统一社会信用代码合并')
    .requiredOption('--body <orgId>', '执法主体')
    .option('--from-register', '来自登记机关名录：校验位错误的代码标记待核实而不拒绝')
    .option('--dry-run', '只校验')
    .option('--json', '以 JSON 输出')
    .action((file: string, opts: { body: string; fromRegister?: boolean; dryRun?: boolean; json?: boolean }) =>
      withContext(async (ctx) => {
        try {
          const r = await importTargets(ctx, SYSTEM_ACTOR, {
            bodyId: opts.body,
            file: readFileSync(file),
            fileName: file.split('/').at(-1)!,
            dryRun: opts.dryRun,
            fromRegister: opts.fromRegister,
          });
          console.log(
            opts.json
              ? JSON.stringify(r, null, 2)
              : `${r.dryRun ? '校验通过（未导入）' : '已导入'}：${r.rows} 行，新增 ${r.added}，更新 ${r.updated}，未变 ${r.unchanged}，待核实代码 ${r.flagged}`,
          );
        } catch (e) {
          if (e instanceof AppError && e.code === 'IMPORT_INVALID') {
            const errors = (e.details as { errors: { row: number; column: string; message: string }[] }).errors;
            if (opts.json) console.log(JSON.stringify({ errors }, null, 2));
            else for (const x of errors) console.error(`第 ${x.row} 行 ${x.column}：${x.message}`);
            console.error(e.messageZh.split('：')[0]);
            process.exitCode = 1;
            return;
          }
          throw e;
        }
      }),
    );
}
