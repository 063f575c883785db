import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { actorOf, inTransaction, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { resolveMatter, type MatterAccess } from './matters.ts';

/** 20 GiB: a day of body-camera video. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 ** 3;

export interface EvidenceMeta {
  fileName: string;
  contentType: string;
  description: string | null;
}

/**
 * May the caller add a file to this matter now? The matter type's own policy answers (a case: `casePolicy`'s
 * `uploadEvidence` — open cases, officers and admins; a type without an evidence ability: never): 404 when the
 * matter is not visible, 403 with the type's reason when it is but the ability is false.
 */
export async function mayUploadEvidence(reg: Registry, q: Queryable, p: Principal, matterType: string, matterId: string): Promise<MatterAccess> {
  const matter = await resolveMatter(reg, q, p, matterType, matterId);
  if (!matter) throw notFound('事项');
  if (!matter.uploadEvidence) throw forbidden(matter.uploadRefusal ?? '当前用户不能向该事项上传证据文件');
  return matter;
}

/**
 * Streams an evidence file to the blob store (constant memory), then records its content hash
 * in the record in one transaction with the evidence row. The ability is checked before a byte is
 * stored and again in the transaction, with the matter locked, so a state change during a long upload
 * (the case archived meanwhile) refuses it and nothing is recorded.
 */
export async function uploadEvidence(
  ctx: AppContext,
  p: Principal,
  matterType: string,
  matterId: string,
  meta: EvidenceMeta,
  content: Readable,
): Promise<string> {
  await mayUploadEvidence(ctx.registry, ctx.db, p, matterType, matterId);
  const blob = await ctx.blobs.put(content, MAX_EVIDENCE_BYTES);
  return inTransaction(ctx, async (tx) => {
    await tx.query('select id from matters where id = $1 for update', [matterId]);
    const matter = await mayUploadEvidence(ctx.registry, tx, p, matterType, matterId);
    const id = randomUUID();
    await tx.query(
      `insert into evidence_files (id, matter_type, matter_id, org_id, file_name, content_type, size_bytes, hash_alg, content_hash, description, uploaded_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [id, matterType, matterId, matter.orgId, meta.fileName, meta.contentType, blob.sizeBytes, ctx.ledger.hashAlg, blob.hash, meta.description, p.userId],
    );
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: matter.orgId,
      matterType,
      matterId,
      eventType: 'evidence.uploaded',
      payload: {
        evidenceId: id,
        fileName: meta.fileName,
        contentType: meta.contentType,
        sizeBytes: blob.sizeBytes,
        hashAlg: ctx.ledger.hashAlg,
        contentHash: blob.hash,
        description: meta.description,
      },
    });
    return id;
  });
}
