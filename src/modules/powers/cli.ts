/** `fazhi powers export|import`: the power list as .xlsx from the command line (acts as the system, on every body). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { changeReasonByLabel, powerChangeReasons } from '../../domain/powers.ts';
import type { SheetRowError } from '../../domain/powerSheet.ts';
import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../platform/record/ledger.ts';
import { ZDate } from '../../platform/schema.ts';
import { importPowerList } from './commands/import-power-list.ts';
import { exportPowerList } from './export.ts';

import type { WithContext } from '../../platform/modules.ts';

/** The same date type as every request's (platform/schema.ts): a real YYYY-MM-DD date in the platform's range. */
const isDate = (s: string) => ZDate.safeParse(s).success;

export function registerPowerCommands(program: Command, withContext: WithContext): void {
  const powers = program.command('powers').description('权责清单');

  powers
    .command('export <file>')
    .description('导出某日有效的权责清单为 .xlsx（与导入模板相同的列）')
    .option('--as-of <date>', '截至日期 YYYY-MM-DD（默认今天）')
    .option('--body <orgId>', '只导出该执法主体的清单')
    .action((file: string, opts: { asOf?: string; body?: string }) =>
      withContext(async (ctx) => {
        if (opts.asOf && !isDate(opts.asOf)) throw new AppError('VALIDATION_FAILED', `日期“${opts.asOf}”不是有效日期（YYYY-MM-DD）`);
        const r = await exportPowerList(ctx.db, null, { asOf: opts.asOf, bodyId: opts.body });
        writeFileSync(file, r.file);
        console.log(`已导出 ${r.items} 个事项到 ${file}`);
      }),
    );

  powers
    .command('import <file>')
    .description('导入 .xlsx 权责清单：逐行校验，有任何错误则不导入；新编码按新增、已有编码按变更处理')
    .requiredOption(
      '--reason <reason>',
      `调整原因：${Object.entries(powerChangeReasons)
        .map(([k, v]) => `${v}（${k}）`)
        .join('、')}`,
    )
    .requiredOption('--effective <date>', '生效日期 YYYY-MM-DD')
    .requiredOption('--approver <username>', '批准的局领导的用户名')
    .option('--note <note>', '调整说明', '')
    .option('--dry-run', '只校验，不写入')
    .option('--json', '以 JSON 输出结果或错误')
    .action((file: string, opts: { reason: string; effective: string; approver: string; note: string; dryRun?: boolean; json?: boolean }) =>
      withContext(async (ctx) => {
        const reason = changeReasonByLabel(opts.reason);
        if (!reason) throw new AppError('VALIDATION_FAILED', `未知的调整原因“${opts.reason}”：应为 ${Object.values(powerChangeReasons).join('、')}`);
        if (!isDate(opts.effective)) throw new AppError('VALIDATION_FAILED', `生效日期“${opts.effective}”不是有效日期（YYYY-MM-DD）`);
        const approver = (await ctx.db.query<{ id: string }>('select id from users where username = $1', [opts.approver])).rows[0];
        if (!approver) throw new AppError('APPROVER_INVALID', `用户“${opts.approver}”不存在`);
        const note = opts.note.trim() || `导入 ${file}`;
        try {
          const r = await importPowerList(
            ctx,
            { actor: SYSTEM_ACTOR, principal: null },
            {
              file: readFileSync(file),
              reason,
              note,
              effectiveOn: opts.effective,
              approverId: approver.id,
              dryRun: opts.dryRun,
            },
          );
          if (opts.json) console.log(JSON.stringify(r, null, 2));
          else {
            console.log(
              `${r.dryRun ? '校验通过（未写入）' : '已导入'}：新增 ${r.added} 项，变更 ${r.amended} 项，未变 ${r.unchanged} 项${r.batchId ? `；批次 ${r.batchId}` : ''}`,
            );
            for (const w of r.warnings) console.log(`  注意：第 ${w.row} 行：${w.message}`);
          }
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'IMPORT_INVALID') throw e;
          const errors = (e.details as { errors: SheetRowError[] }).errors;
          if (opts.json) console.log(JSON.stringify({ code: e.code, errors }, null, 2));
          else {
            console.error(`文件有 ${errors.length} 处错误，未导入任何内容：`);
            for (const x of errors) console.error(`  ${x.row ? `第 ${x.row} 行` : '文件'}${x.column ? `【${x.column}】` : ''}：${x.message}`);
          }
          process.exitCode = 1;
        }
      }),
    );
}
