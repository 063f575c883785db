/**
 * The sample law library: the 41 Markdown files of ../shared/data/laws, imported through the same
 * command as the CLI and the upload, so every version appears in the record.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importLawText, lawFilesAt } from '../modules/laws/commands/import-law.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../platform/record/ledger.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_LAWS_DIR = join(REPO_ROOT, '..', 'shared', 'data', 'laws');

export async function seedLawLibrary(ctx: AppContext, tx: Queryable, dir = SAMPLE_LAWS_DIR): Promise<{ versions: number; articles: number }> {
  if (!existsSync(dir)) throw new Error(`法律法规样本目录不存在：${dir}`);
  let versions = 0;
  let articles = 0;
  for (const file of lawFilesAt(dir)) {
    const r = await importLawText(ctx, tx, SYSTEM_ACTOR, { fileName: basename(file), text: readFileSync(file, 'utf8') });
    versions += r.created ? 1 : 0;
    articles += r.created ? r.articleCount : 0;
  }
  return { versions, articles };
}
