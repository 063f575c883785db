/** `fazhi laws import|search`: the law library from the command line (imports act as the system). */
import type { Command } from 'commander';
import { lawLevels, lawStatuses } from '../../domain/lawMetadata.ts';
import { AppError } from '../../platform/errors.ts';
import { SYSTEM_ACTOR } from '../../platform/record/ledger.ts';
import { importLawFiles } from './commands/import-law.ts';
import { ZSearchQuery } from './schema.ts';
import { searchLaws } from './search.ts';

import type { WithContext } from '../../platform/modules.ts';

/** A snippet for the terminal: marks as 【】, entities decoded. */
const plainSnippet = (html: string) =>
  html
    .replace(/<mark>/g, '【')
    .replace(/<\/mark>/g, '】')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export function registerLawCommands(program: Command, withContext: WithContext): void {
  const laws = program.command('laws').description('法律法规数据库');

  laws
    .command('import <paths...>')
    .description('导入法律法规 Markdown 文件（文件或目录）；相同文本重复导入不作改动；有问题的文件不导入并列出每一处问题及行号')
    .option('--json', '以 JSON 输出')
    .action((paths: string[], opts: { json?: boolean }) =>
      withContext(async (ctx) => {
        const reports = await importLawFiles(ctx, SYSTEM_ACTOR, paths);
        if (opts.json) console.log(JSON.stringify(reports, null, 2));
        else {
          for (const r of reports) {
            if (r.ok) {
              const extra = [
                r.amendedVersionIds.length ? `旧版本标记为已修改：${r.amendedVersionIds.join('、')}` : '',
                r.flagsRaised ? `依据变更提示 ${r.flagsRaised} 条` : '',
              ]
                .filter(Boolean)
                .join('；');
              console.log(`${r.created ? '已导入' : '未改动'}  ${r.versionId}（${r.articleCount} 条）${extra ? `  ${extra}` : ''}`);
            } else {
              console.error(`未导入  ${r.file}：${r.message}`);
              for (const p of r.problems) console.error(`    第 ${p.line} 行  ${p.message}`);
            }
          }
          const bad = reports.filter((r) => !r.ok).length;
          console.log(
            `共 ${reports.length} 个文件：新导入 ${reports.filter((r) => r.ok && r.created).length}，未改动 ${reports.filter((r) => r.ok && !r.created).length}，有问题 ${bad}`,
          );
        }
        if (reports.some((r) => !r.ok)) process.exitCode = 1;
      }),
    );

  laws
    .command('search <query>')
    .description('全文检索法律法规条文')
    .option('--json', '以 JSON 输出（按相关度排序：法律法规名称、版本日期、条号、摘要）')
    .option('--level <level>', `效力级别：${lawLevels.join('|')}`)
    .option('--status <status>', `状态：${lawStatuses.join('|')}`)
    .option('--page <n>', '页码', '1')
    .option('--page-size <n>', '每页条数（最多 50）', '10')
    .action((query: string, opts: { json?: boolean; level?: string; status?: string; page: string; pageSize: string }) =>
      withContext(async (ctx) => {
        const parsed = ZSearchQuery.safeParse({ q: query, level: opts.level, status: opts.status, page: opts.page, pageSize: opts.pageSize });
        if (!parsed.success)
          throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.') || '检索词'}：${i.message}`).join('；'));
        const r = await searchLaws(ctx.db, parsed.data);
        if (opts.json) {
          console.log(
            JSON.stringify(
              {
                q: r.q,
                total: r.total,
                totalCapped: r.totalCapped,
                page: r.page,
                pageSize: r.pageSize,
                tookMs: r.tookMs,
                hits: r.hits.map((h) => ({
                  title: h.title,
                  versionDate: h.versionDate,
                  status: h.versionStatus,
                  label: h.label,
                  articleId: h.articleId,
                  rank: h.rank,
                  snippet: h.snippet,
                })),
              },
              null,
              2,
            ),
          );
          return;
        }
        console.log(`“${r.q}”共 ${r.total} 条${r.totalCapped ? '以上' : ''}结果（第 ${r.page} 页，${r.tookMs} ms）`);
        for (const h of r.hits) console.log(`\n《${h.title}》（${h.versionDate}，${h.statusLabel}）${h.label}\n  ${plainSnippet(h.snippet)}`);
      }),
    );
}
