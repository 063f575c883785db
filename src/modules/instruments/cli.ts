/**
 * `fazhi instrument …` for operators: list the templates, render a preview (no number, watermark
 * 样稿, nothing recorded), set an org's 机关代字 (recorded). Issuing numbered instruments belongs to
 * the modules that own the matter.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AppContext } from '../../platform/context.ts';
import { previewInstrument, setInstrumentOrgCode } from '../../platform/documents/issue.ts';
import { templateSummaries } from '../../platform/documents/render.ts';
import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../platform/record/ledger.ts';

import type { WithContext } from '../../platform/modules.ts';

async function orgByIdOrName(ctx: AppContext, org: string | undefined): Promise<string> {
  if (org) {
    const r = await ctx.db.query<{ id: string }>('select id from orgs where id = $1 or name = $1', [org]);
    if (r.rows.length !== 1) throw new AppError('ORG_NOT_FOUND', `机构“${org}”不存在或不唯一`);
    return r.rows[0].id;
  }
  const bodies = await ctx.db.query<{ id: string; name: string }>('select id, name from orgs where is_enforcement_body order by name');
  if (bodies.rows.length === 1) return bodies.rows[0].id;
  throw new AppError(
    'ORG_REQUIRED',
    `请用 --org 指定以哪个机关的名义制作文书${bodies.rows.length ? `（可选：${bodies.rows.map((b) => b.name).join('、')}）` : ''}`,
  );
}

function readData(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (e) {
    throw new AppError('INVALID_JSON', `无法读取文书数据 ${file}：${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new AppError('INVALID_JSON', '文书数据应为 JSON 对象');
  return parsed as Record<string, unknown>;
}

export function registerInstrumentCommands(program: Command, withContext: WithContext): void {
  const instrument = program.command('instrument').description('文书');

  instrument
    .command('templates')
    .description('列出文书模板：种类、名称、文号格式和所需字段')
    .option('--json', '以 JSON 输出（含示例数据）')
    .action((opts: { json?: boolean }) => {
      const items = templateSummaries();
      if (opts.json) console.log(JSON.stringify(items, null, 2));
      else for (const t of items) console.log(`${t.kind.padEnd(24)}${t.title}　${t.numberPattern}　必填 ${t.fields.filter((f) => f.required).length} 项`);
    });

  instrument
    .command('render <kind> <dataFile>')
    .description('按模板生成文书样稿（不编号、不登记，带“样稿”水印）；dataFile 为 JSON，“-” 表示标准输入，“sample” 表示模板自带的示例数据')
    .requiredOption('--out <file>', '输出文件')
    .option('--pdf', '生成 PDF（默认 .docx）')
    .option('--org <org>', '以哪个机关的名义（机构 id 或名称）')
    .option('--date <date>', '成文日期 YYYY-MM-DD（默认今天）')
    .action((kind: string, dataFile: string, opts: { out: string; pdf?: boolean; org?: string; date?: string }) =>
      withContext(async (ctx) => {
        const data = dataFile === 'sample' ? (templateSummaries().find((t) => t.kind === kind)?.sample ?? {}) : readData(dataFile);
        const orgId = await orgByIdOrName(ctx, opts.org);
        const r = await previewInstrument(ctx.db, { orgId, kind, data, format: opts.pdf ? 'pdf' : 'docx', date: opts.date });
        writeFileSync(opts.out, r.bytes);
        console.log(`已生成文书样稿 ${opts.out}（${r.bytes.length} 字节）`);
      }),
    );

  instrument
    .command('org-code <org> <code>')
    .description('设置机关在文号中使用的机关代字（如“示”→ 示市监处罚〔2026〕1号）；记入执法全过程记录')
    .action((org: string, code: string) =>
      withContext(async (ctx) => {
        const orgId = await orgByIdOrName(ctx, org);
        await ctx.db.transaction((tx) => setInstrumentOrgCode(ctx, tx, SYSTEM_ACTOR, orgId, code));
        console.log(`已设置机关代字：${code}`);
      }),
    );
}
