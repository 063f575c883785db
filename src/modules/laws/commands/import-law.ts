/**
 * Imports one legal text (the Markdown of laws/) as a version of its legal source.
 * - the same text again changes nothing (content hash) and reports created: false;
 * - a new version adds a version, marks the older ones 已修改, keeps all of them searchable and
 *   flags every citation of an article the revision changed (see impact.ts);
 * - a different text for a version that exists is refused (409).
 * Everything, with its `law.versionImported` record entry, in the caller's transaction.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { normalizeSearchText, tokenDocument } from '../../../domain/cjkTokens.ts';
import { chinaToday } from '../../../domain/dates.ts';
import type { LawLevel } from '../../../domain/lawMetadata.ts';
import { normalizeLawText, parseLawText, type LawTextProblem, type ParsedLaw } from '../../../domain/lawText.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { lawLibraryPolicy, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { affectedByNewVersion, raiseBasisFlags } from '../impact.ts';

export interface ImportLawInput {
  fileName: string;
  text: string;
  /** overrides the level inferred from the history */
  level?: LawLevel;
}

export interface ImportLawResult {
  versionId: string;
  created: boolean;
  articleCount: number;
  sourceId: string;
  title: string;
  versionDate: string;
  amendedVersionIds: string[];
  flagsRaised: number;
  warnings: LawTextProblem[];
}

const MAX_PROBLEMS_IN_MESSAGE = 5;

/** 422 listing every problem with its line (the message names the first few, details hold all). */
export function lawTextInvalid(fileName: string, problems: LawTextProblem[], warnings: LawTextProblem[] = []): AppError {
  const shown = problems
    .slice(0, MAX_PROBLEMS_IN_MESSAGE)
    .map((p) => `第 ${p.line} 行：${p.message}`)
    .join('；');
  const more = problems.length > MAX_PROBLEMS_IN_MESSAGE ? `；另有 ${problems.length - MAX_PROBLEMS_IN_MESSAGE} 处` : '';
  return new AppError('LAW_TEXT_INVALID', `《${fileName}》有 ${problems.length} 处问题，未导入：${shown}${more}`, { fileName, problems, warnings });
}

export async function importLawText(ctx: AppContext, tx: Queryable, actor: Actor, input: ImportLawInput): Promise<ImportLawResult> {
  const text = normalizeLawText(input.text);
  const parsed = parseLawText(input.fileName, text, { level: input.level });
  if (!parsed.ok) throw lawTextInvalid(input.fileName, parsed.problems, parsed.warnings);
  const law = parsed.law;
  const contentHash = createHash('sha256').update(text, 'utf8').digest('hex');
  const versionId = `${law.sourceId}@${law.versionDate}`;
  const result = {
    versionId,
    articleCount: law.articles.length,
    sourceId: law.sourceId,
    title: law.title,
    versionDate: law.versionDate,
    warnings: parsed.warnings,
  };

  // serialise imports of the same law (the row lock is taken when the source exists)
  const source = (await tx.query<{ id: string }>('select id from legal_sources where id = $1 for update', [law.sourceId])).rows[0];
  const existing = (await tx.query<{ hash: string }>('select content_hash as hash from law_versions where id = $1', [versionId])).rows[0];
  if (existing) {
    if (existing.hash === contentHash) return { ...result, created: false, amendedVersionIds: [], flagsRaised: 0 };
    throw new AppError('LAW_VERSION_CONFLICT', `《${law.title}》${law.versionDate} 版已导入，且内容与本次文本不同；同一版本不能被不同文本覆盖`, { versionId });
  }
  const versions = (
    await tx.query<{ id: string; versionDate: string; status: string }>(
      'select id, version_date as "versionDate", status from law_versions where source_id = $1 order by version_date',
      [law.sourceId],
    )
  ).rows;
  const older = versions.filter((v) => v.versionDate < law.versionDate);
  const isLatest = !versions.some((v) => v.versionDate > law.versionDate);
  const today = chinaToday();
  const status = !isLatest ? 'amended' : law.effectiveOn > today ? 'notYetEffective' : 'effective';

  if (!source) {
    await tx.query('insert into legal_sources (id, title, level, issuer) values ($1, $2, $3, $4)', [law.sourceId, law.title, law.level, law.issuer]);
  } else if (isLatest) {
    await tx.query('update legal_sources set title = $2, level = $3, issuer = $4, updated_at = now() where id = $1', [
      law.sourceId,
      law.title,
      law.level,
      law.issuer,
    ]);
  }
  await insertVersion(tx, law, { versionId, status, contentHash });

  const amendedVersionIds = isLatest ? older.filter((v) => v.status === 'effective' || v.status === 'notYetEffective').map((v) => v.id) : [];
  if (amendedVersionIds.length) {
    await tx.query(`update law_versions set status = 'amended', updated_at = now() where id = any($1::text[])`, [amendedVersionIds]);
  }
  const superseded = isLatest ? older.at(-1) : undefined;
  const affected = superseded ? await affectedByNewVersion(tx, law.sourceId, superseded.id, versionId) : [];

  await ctx.ledger.append(tx, {
    actor,
    orgId: null,
    matterType: 'legalSource',
    matterId: law.sourceId,
    eventType: 'law.versionImported',
    payload: {
      sourceId: law.sourceId,
      versionId,
      title: law.title,
      level: law.level,
      issuer: law.issuer,
      docNumber: law.docNumber,
      versionDate: law.versionDate,
      promulgatedOn: law.promulgatedOn,
      effectiveOn: law.effectiveOn,
      fileName: basename(input.fileName),
      contentHash,
      articleCount: law.articles.length,
      amendedVersionIds,
      flagsRaised: affected.length,
    },
  });
  const flagsRaised = await raiseBasisFlags(tx, ctx, actor, affected, versionId);
  return { ...result, created: true, amendedVersionIds, flagsRaised };
}

/** The upload command (API): admins and legal reviewers only, one transaction. */
export async function importLaw(ctx: AppContext, p: Principal, input: ImportLawInput): Promise<ImportLawResult> {
  if (!lawLibraryPolicy(p).import) throw forbidden('法律法规数据库由平台管理员统一维护，只有平台管理员可以导入法律法规');
  return inTransaction(ctx, (tx) => importLawText(ctx, tx, actorOf(p), input));
}

async function insertVersion(tx: Queryable, law: ParsedLaw, v: { versionId: string; status: string; contentHash: string }): Promise<void> {
  await tx.query(
    `insert into law_versions (id, source_id, title, subtitle, version_date, doc_number, promulgated_on, effective_on, status, history, content_hash, article_count)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      v.versionId,
      law.sourceId,
      law.title,
      law.subtitle,
      law.versionDate,
      law.docNumber,
      law.promulgatedOn,
      law.effectiveOn,
      v.status,
      JSON.stringify(law.history),
      v.contentHash,
      law.articles.length,
    ],
  );
  if (law.headings.length) {
    await tx.query(
      `insert into law_headings (version_id, seq, kind, label, title, first_article_ordinal)
       select $1, t.seq, t.kind, t.label, t.title, t.first from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[]) as t(seq, kind, label, title, first)`,
      [
        v.versionId,
        law.headings.map((h) => h.seq),
        law.headings.map((h) => h.kind),
        law.headings.map((h) => h.label),
        law.headings.map((h) => h.title),
        law.headings.map((h) => h.firstArticleOrdinal),
      ],
    );
  }
  // what search reads: the short title joined to the number (so 行政处罚法第六十三条 matches), then the text;
  // its bigrams (search_vec) and its characters (search_chars, migration 0019) are what the indexes hold
  const searchSource = law.articles.map((a) => `${law.sourceId}${a.label} ${a.body}`);
  await tx.query(
    `insert into law_articles (id, version_id, source_id, ordinal, suffix, label, heading, body, paragraphs, search_text, search_vec, search_chars)
     select $1 || '#' || t.label, $1, $2, t.ordinal, t.suffix, t.label, t.heading, t.body, t.paragraphs, t.search_text, to_tsvector('simple', t.tokens),
            law_search_chars(t.search_text)
       from unnest($3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         as t(ordinal, suffix, label, heading, body, paragraphs, search_text, tokens)`,
    [
      v.versionId,
      law.sourceId,
      law.articles.map((a) => a.ordinal),
      law.articles.map((a) => a.suffix),
      law.articles.map((a) => a.label),
      law.articles.map((a) => a.heading),
      law.articles.map((a) => a.body),
      law.articles.map((a) => JSON.stringify(a.paragraphs)),
      searchSource.map(normalizeSearchText),
      searchSource.map(tokenDocument),
    ],
  );
  await countSearchTerms(tx, v.versionId);
}

/**
 * Adds a new version's articles to law_search_terms (how many articles hold each lexeme, which
 * search reads to choose its plan; migration 0019). Rows are taken in key order so that two imports
 * lock shared lexemes in the same order.
 */
async function countSearchTerms(tx: Queryable, versionId: string): Promise<void> {
  await tx.query(
    `insert into law_search_terms (field, lexeme, articles)
     select field, lexeme, n from (
       select 'vec' as field, u.lexeme, count(*)::int as n from law_articles a, unnest(a.search_vec) u where a.version_id = $1 group by u.lexeme
       union all
       select 'chars', u.lexeme, count(*)::int from law_articles a, unnest(a.search_chars) u where a.version_id = $1 group by u.lexeme
       union all
       select 'all', '', count(*)::int from law_articles where version_id = $1) t
     order by field, lexeme
     on conflict (field, lexeme) do update set articles = law_search_terms.articles + excluded.articles`,
    [versionId],
  );
}

/** The Markdown files a path names: the file itself, or the .md files of a directory (README.md excluded), sorted. */
export function lawFilesAt(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.toLowerCase().endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => join(path, f));
}

export type ImportFileReport =
  | ({ file: string; ok: true } & ImportLawResult)
  | { file: string; ok: false; code: string; message: string; problems: LawTextProblem[] };

/** Imports files (directories expanded), each in its own transaction; one bad file does not stop the others. */
export async function importLawFiles(ctx: AppContext, actor: Actor, paths: string[]): Promise<ImportFileReport[]> {
  const reports: ImportFileReport[] = [];
  const files: string[] = [];
  for (const p of paths) {
    if (existsSync(p)) files.push(...lawFilesAt(p));
    else reports.push({ file: p, ok: false, code: 'FILE_NOT_FOUND', message: `文件或目录不存在：${p}`, problems: [] });
  }
  for (const file of files) {
    try {
      const text = readFileSync(file, 'utf8');
      const r = await inTransaction(ctx, (tx) => importLawText(ctx, tx, actor, { fileName: basename(file), text }));
      reports.push({ file, ok: true, ...r });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const problems = (e.details as { problems?: LawTextProblem[] } | undefined)?.problems ?? [];
      reports.push({ file, ok: false, code: e.code, message: e.messageZh, problems });
    }
  }
  return reports;
}
