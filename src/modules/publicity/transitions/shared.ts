/**
 * What the publication transitions share: reading the publication (and the decided case it publishes),
 * the publishing body as the actor of the public entries, and the two writes of a version — publishing
 * one (the previous is kept, marked) and ending the current one.
 */
import { canonicalJson } from '../../../domain/canonical.ts';
import { externalReportRules } from '../../../domain/publicity/rules.ts';
import { publicationDocument } from '../../../domain/publicity/searchTokens.ts';
import type { DeadlineRuleId } from '../../../domain/deadlines/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, type ErrorCode } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import { findCase, type CaseRow } from '../../cases/index.ts';
import { searchTextOf, summaryOf, type PublicContent } from '../content.ts';
import { findPublication, type PublicationRow } from '../store.ts';

/** What a write of a transition needs: the transaction, the context and the legal date of the act. */
export type Act = Pick<GuardInput, 'tx' | 'ctx' | 'date'>;

export const problem = (code: ErrorCode, message: string): Problem[] => [{ code, message }];

/**
 * The deadlines of the reports to the external systems (20 and 7 working days): met by the 双公示 export that
 * carries the publication (export.ts), by its withdrawal or exemption — never by publishing on the portal.
 */
export const publishRules = externalReportRules satisfies readonly DeadlineRuleId[];
/** The deadlines of its publicity period. */
export const periodRules = ['publicity.period', 'publicity.period.low'] as const satisfies readonly DeadlineRuleId[];

/** The publication of the matter (every publication matter has its row). */
export async function loadPublication(q: Queryable, id: string): Promise<PublicationRow> {
  const p = await findPublication(q, id);
  if (!p) throw new AppError('NOT_FOUND', '公示信息不存在');
  return p;
}

/** The decided case a penalty publication publishes. */
export async function loadSourceCase(q: Queryable, p: PublicationRow): Promise<CaseRow> {
  const c = p.sourceType === 'case' ? await findCase(q, p.sourceId) : null;
  if (!c?.decision) throw new AppError('PUBLICATION_SOURCE_MISSING', '公示信息对应的决定不存在');
  return c;
}

/** The publishing body as the actor of the public entries (no staff name or id is part of a public proof). */
export async function bodyActor(q: Queryable, bodyId: string): Promise<Actor> {
  return { id: null, name: (await q.query<{ name: string }>('select name from orgs where id = $1', [bodyId])).rows[0]?.name ?? '行政执法机关' };
}

/** Appends the version's public entry and makes it the current one (the previous one is kept, marked). */
export async function publishVersion(g: Act, p: PublicationRow, content: PublicContent, reason: string | null): Promise<{ version: number; seq: number }> {
  const version = p.currentVersion + 1;
  const supersedes = p.currentVersion > 0 ? p.currentVersion : null;
  // positioned now: the version stores its entry's position, which the public pages cite and prove
  const entry = await g.ctx.ledger.append(
    g.tx,
    {
      actor: await bodyActor(g.tx, p.bodyId),
      orgId: p.bodyId,
      matterType: 'publication',
      matterId: p.id,
      eventType: 'publication.published',
      payload: { publicationId: p.id, version, supersedes, reason, publishedOn: g.date, content: content as unknown as Record<string, never> },
    },
    { position: 'now' },
  );
  if (supersedes) {
    await g.tx.query(`update publication_versions set status = 'superseded', status_on = $3, status_reason = $4 where publication_id = $1 and version = $2`, [
      p.id,
      supersedes,
      g.date,
      reason,
    ]);
  }
  await g.tx.query(
    `insert into publication_versions (publication_id, version, content, ledger_seq, published_on, status) values ($1,$2,$3::jsonb,$4,$5,'current')`,
    [p.id, version, canonicalJson(content), entry.seq, g.date],
  );
  const text = searchTextOf(content);
  await g.tx.query(
    `update publications set current_version = $2, current_seq = $3, party_name = $4, violation = $5, search_text = $6, search_vec = to_tsvector('simple', $7), updated_at = now() where id = $1`,
    [p.id, version, entry.seq, summaryOf(content).partyName, summaryOf(content).violation, text, publicationDocument(text)],
  );
  return { version, seq: entry.seq };
}

/** Marks the current version withdrawn or ended (a publication never published has none). */
export async function endCurrent(g: Act, p: PublicationRow, status: 'withdrawn' | 'ended', reason: string): Promise<void> {
  if (p.currentVersion > 0) {
    await g.tx.query(`update publication_versions set status = $3, status_on = $4, status_reason = $5 where publication_id = $1 and version = $2`, [
      p.id,
      p.currentVersion,
      status,
      g.date,
      reason,
    ]);
  }
}

/** The public entry that ends a publication (期满, 信用修复). */
export async function appendEnded(g: Act, p: PublicationRow, ending: 'expired' | 'repaired', reason: string): Promise<void> {
  // positioned now: a public entry, which the publication's page lists by position
  await g.ctx.ledger.append(
    g.tx,
    {
      actor: await bodyActor(g.tx, p.bodyId),
      orgId: p.bodyId,
      matterType: 'publication',
      matterId: p.id,
      eventType: 'publication.ended',
      payload: { publicationId: p.id, version: p.currentVersion, ending, endedOn: g.date, reason },
    },
    { position: 'now' },
  );
}
