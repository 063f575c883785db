/** `fazhi discretion calc|export|import`: the calculator and the benchmark tables from the command line (acts as the system). */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatYuan } from '../../domain/discretion/money.ts';
import type { SheetRowError } from '../../domain/discretion/sheet.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../platform/record/ledger.ts';
import { ZDate } from '../../platform/schema.ts';
import { runCalculation } from './calculate.ts';
import { importBenchmarks } from './commands/import-benchmarks.ts';
import { exportBenchmarks } from './export.ts';
import { ZCalculateRequest } from './schema.ts';

import type { WithContext } from '../../platform/modules.ts';

/** The same date type as every request's (platform/schema.ts): a real YYYY-MM-DD date in the platform's range. */
const isDate = (s: string) => ZDate.safeParse(s).success;

async function orgIdOf(ctx: AppContext, key: string): Promise<string> {
  const r = (await ctx.db.query<{ id: string }>('select id from orgs where id = $1 or name = $1', [key])).rows;
  if (r.length !== 1) throw new AppError('ORG_NOT_FOUND', `机构“${key}”不存在或不唯一`);
  return r[0].id;
}

export function registerDiscretionCommands(program: Command, withContext: WithContext): void {
  const cmd = program.command('discretion').description('违法行为与行政处罚自由裁量权基准');

  cmd
    .command('calc <input>')
    .description(
      '自由裁量计算：输入 JSON 文件（violation、violationDate、decisionDate、partyType、bases（分）、circumstances，可选 orgId），输出裁量阶次、建议幅度和逐步依据',
    )
    .option('--json', '以 JSON 输出完整结果（含逐步依据）')
    .action((input: string, opts: { json?: boolean }) =>
      withContext(async (ctx) => {
        let raw: unknown;
        try {
          raw = JSON.parse(readFileSync(input, 'utf8'));
        } catch (e) {
          throw new AppError('INVALID_JSON', `无法读取输入文件：${(e as Error).message}`);
        }
        const parsed = ZCalculateRequest.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'VALIDATION_FAILED',
            `输入不符合要求：${parsed.error.issues.map((i) => `${i.path.join('.') || '(整体)'} ${i.message}`).join('；')}`,
          );
        if (parsed.data.orgId) parsed.data.orgId = await orgIdOf(ctx, parsed.data.orgId);
        const r = await runCalculation(ctx.db, null, parsed.data);
        if (opts.json) {
          console.log(JSON.stringify(r, null, 2));
          return;
        }
        console.log(`${r.violation.code} ${r.violation.name}：${r.tierLabel}${r.exemption ? `（${r.exemption.label}）` : ''}`);
        console.log(`  决定阶次的规则（${r.decidingRule.nature === 'statutory' ? '法定' : '酌定'}）：${r.decidingRule.text}`);
        for (const p of r.penalties)
          if (p.applies !== 'none')
            console.log(
              `  ${p.label}：${p.range ? `${formatYuan(p.range.minFen)}至${formatYuan(p.range.maxFen)}` : ''}${p.amountFen !== null ? formatYuan(p.amountFen) : ''}（${p.reservedTo ? `建议${p.reservedTo.authority}决定` : p.applies === 'required' ? '应当' : '可以'}）`,
            );
        for (const s of r.trace) console.log(`  · ${s.text}`);
      }),
    );

  cmd
    .command('export <file>')
    .description('导出裁量基准表为 .xlsx（裁量基准、裁量情节、免罚清单三张表）')
    .option('--org <org>', '只导出该机关制定的基准（编号或名称）')
    .option('--as-of <date>', '只导出该日有效的基准 YYYY-MM-DD')
    .action((file: string, opts: { org?: string; asOf?: string }) =>
      withContext(async (ctx) => {
        if (opts.asOf && !isDate(opts.asOf)) throw new AppError('VALIDATION_FAILED', `日期“${opts.asOf}”不是有效日期（YYYY-MM-DD）`);
        const r = await exportBenchmarks(ctx.db, null, { orgId: opts.org ? await orgIdOf(ctx, opts.org) : undefined, asOf: opts.asOf });
        writeFileSync(file, r.file);
        console.log(`已导出 ${r.benchmarks} 个基准、${r.rows} 行到 ${file}`);
      }),
    );

  cmd
    .command('import <file>')
    .description('导入 .xlsx 裁量基准表：逐行校验，有任何错误则不导入；同一违法行为、同一生效日期的已有基准按文件替换')
    .requiredOption('--org <org>', '制定基准的机关（编号或名称）')
    .option('--dry-run', '只校验，不写入')
    .option('--json', '以 JSON 输出结果或错误')
    .action((file: string, opts: { org: string; dryRun?: boolean; json?: boolean }) =>
      withContext(async (ctx) => {
        try {
          const r = await importBenchmarks(
            ctx,
            { actor: SYSTEM_ACTOR, principal: null },
            { file: readFileSync(file), orgId: await orgIdOf(ctx, opts.org), dryRun: opts.dryRun },
          );
          if (opts.json) console.log(JSON.stringify(r, null, 2));
          else
            console.log(
              `${r.dryRun ? '校验通过（未写入）' : '已导入'}：新增 ${r.created} 个、修改 ${r.updated} 个、未变 ${r.unchanged} 个基准（${r.rows} 行）`,
            );
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'IMPORT_INVALID') throw e;
          const errors = (e.details as { errors: SheetRowError[] }).errors;
          if (opts.json) console.log(JSON.stringify({ code: e.code, errors }, null, 2));
          else for (const x of errors) console.error(`${x.sheet} 第 ${x.row} 行${x.column ? `“${x.column}”` : ''}：${x.message}`);
          console.error(`IMPORT_INVALID：${errors.length} 处错误，未导入任何数据`);
          process.exitCode = 1;
        }
      }),
    );
}
