/**
 * The sample law library: the Markdown files of laws/ and laws/more/ in the repository, imported through the same
 * command as the CLI and the upload, so every version appears in the record.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importLawText, lawFilesAt } from '../modules/laws/commands/import-law.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../platform/record/ledger.ts';
import { MORE_LAWS_DIR, SAMPLE_LAWS_DIR } from './lawFiles.ts';

export { MORE_LAWS_DIR, SAMPLE_LAWS_DIR };

export async function seedLawLibrary(ctx: AppContext, tx: Queryable, dirs = [SAMPLE_LAWS_DIR, MORE_LAWS_DIR]): Promise<{ versions: number; articles: number }> {
  const missing = dirs.find((d) => !existsSync(d));
  if (missing) throw new Error(`法律法规样本目录不存在：${missing}`);
  let versions = 0;
  let articles = 0;
  for (const file of dirs.flatMap(lawFilesAt)) {
    const r = await importLawText(ctx, tx, SYSTEM_ACTOR, { fileName: basename(file), text: readFileSync(file, 'utf8') });
    versions += r.created ? 1 : 0;
    articles += r.created ? r.articleCount : 0;
  }
  return { versions, articles };
}
