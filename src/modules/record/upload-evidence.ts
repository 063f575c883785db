import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { actorOf, inTransaction, type AppContext } from '../../platform/context.ts';
import { authorize, type Principal } from '../../platform/policies.ts';
import { resolveMatter } from './matters.ts';

/** 20 GiB: a day of body-camera video. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 ** 3;

export interface EvidenceMeta {
  fileName: string;
  contentType: string;
  description: string | null;
}

/**
 * Streams an evidence file to the blob store (constant memory), then records its content hash
 * in the record in one transaction with the evidence row.
 */
export async function uploadEvidence(
  ctx: AppContext,
  p: Principal,
  matterType: string,
  matterId: string,
  meta: EvidenceMeta,
  content: Readable,
): Promise<string> {
  const matter = await resolveMatter(ctx.db, p, matterType, matterId);
  authorize({ read: !!matter, upload: !!matter?.uploadEvidence }, 'upload', '事项');
  const blob = await ctx.blobs.put(content, MAX_EVIDENCE_BYTES);
  return inTransaction(ctx, async (tx) => {
    const id = randomUUID();
    await tx.query(
      `insert into evidence_files (id, matter_type, matter_id, org_id, file_name, content_type, size_bytes, hash_alg, content_hash, description, uploaded_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [id, matterType, matterId, matter!.orgId, meta.fileName, meta.contentType, blob.sizeBytes, ctx.ledger.hashAlg, blob.hash, meta.description, p.userId],
    );
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: matter!.orgId,
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
