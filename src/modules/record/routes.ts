import { z } from 'zod';
import { verifyConsistency, verifyInclusion } from '../../domain/merkle.ts';
import { logAccess } from '../../platform/audit/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, platformDataPolicy, recordPolicy } from '../../platform/policies.ts';
import { treeHeadMessage, type TreeHead } from '../../platform/record/ledger.ts';
import { verifySignature } from '../../platform/record/signer.ts';
import { caseSubject, matterSubject } from '../audit/index.ts';
import { resolveMatter } from './matters.ts';
import { presentEntries } from './names.ts';
import { fileAnswer, ZConsistency, ZEvidence, ZInclusionProof, ZLedgerPage, ZMatterRecord, ZTreeHead, ZTreeHeadsPage } from './responses.ts';
import { uploadEvidence } from './upload-evidence.ts';

const tags = ['执法全过程记录'];

const ZMatterParams = z.object({ matterType: z.string().min(1).max(40), matterId: z.string().min(1).max(64) });

export function registerRecordRoutes(app: App, ctx: AppContext) {
  const { ledger, db } = ctx;

  const headIsAuthentic = (h: TreeHead) => verifySignature(ledger.signer.publicKeyPem, treeHeadMessage(h), h.signature);

  app.get(
    '/api/record/matters/:matterType/:matterId',
    {
      schema: {
        tags,
        summary: '某一事项的全过程记录（时间线）',
        params: ZMatterParams,
        response: {
          200: ZMatterRecord,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = principal(req);
      const { matterType, matterId } = req.params;
      const matter = await resolveMatter(ctx.registry, db, p, matterType, matterId);
      authorize({ read: !!matter, viewRecord: !!matter?.viewRecord }, 'viewRecord', '事项');
      const evidence = await db.query<z.infer<typeof ZEvidence>>(
        `select e.id, matter_type as "matterType", matter_id as "matterId", file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes",
        hash_alg as "hashAlg", content_hash as "contentHash", description, uploaded_by as "uploadedBy", coalesce(u.display_name, '') as "uploadedByName",
        uploaded_at as "uploadedAt"
       from evidence_files e left join users u on u.id = e.uploaded_by where matter_type = $1 and matter_id = $2 order by uploaded_at`,
        [matterType, matterId],
      );
      await ledger.catchUp(db);
      const entries = await presentEntries(db, ctx.registry, await ledger.entriesOfMatter(db, matterType, matterId));
      // a case's entries carry the party as registered (resident id, phone, address): audited before they are sent
      if (matterType === 'case')
        await logAccess(db, req, {
          action: 'case.record',
          resourceType: 'case',
          resourceId: matterId,
          matter: { type: 'case', id: matterId },
          subject: await caseSubject(db, matterId),
        });
      return {
        matterType,
        matterId,
        title: matter!.title,
        entries,
        evidence: evidence.rows.map((e) => ({ ...e, uploadedAt: new Date(e.uploadedAt).toISOString() })),
        canUploadEvidence: matter!.uploadEvidence,
      };
    },
  );

  app.get(
    '/api/record/entries',
    {
      schema: {
        tags,
        summary: '记录总账（管理员、监督人员；限管辖范围）',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50), beforeSeq: z.coerce.number().int().min(0).optional() }),
        response: { 200: ZLedgerPage, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      if (!recordPolicy(p).listAll) throw new AppError('FORBIDDEN', '只有系统管理员和执法监督人员可以查看记录总账');
      await ledger.catchUp(db);
      const items = await ledger.entries(db, { orgIds: [...p.scope], limit: req.query.limit, beforeSeq: req.query.beforeSeq });
      const caseEntries = items.filter((e) => e.matterType === 'case');
      if (caseEntries.length)
        await logAccess(db, req, {
          action: 'record.list',
          resourceType: 'ledger',
          resourceId: `${items[items.length - 1].seq}-${items[0].seq}`,
          note: `含 ${new Set(caseEntries.map((e) => e.matterId)).size} 个案件的 ${caseEntries.length} 条记录`,
        });
      const state = await ledger.state(db);
      return { items: await presentEntries(db, ctx.registry, items), size: state.size, rootHash: state.rootHash, hashAlg: state.hashAlg };
    },
  );

  app.get(
    '/api/record/entries/:seq/proof',
    {
      schema: {
        tags,
        summary: '记录条目的包含证明（对照已签名的树头）',
        params: z.object({ seq: z.coerce.number().int().min(0) }),
        querystring: z.strictObject({ treeSize: z.coerce.number().int().min(1).optional() }),
        response: {
          200: ZInclusionProof,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = principal(req);
      await ledger.catchUp(db);
      const entry = await ledger.entry(db, req.params.seq);
      if (!entry) throw notFound('记录条目');
      const matter = await resolveMatter(ctx.registry, db, p, entry.matterType, entry.matterId);
      if (!matter?.viewRecord && !(recordPolicy(p).listAll && (entry.orgId === null || p.scope.has(entry.orgId)))) throw notFound('记录条目');
      let head: TreeHead | null;
      if (req.query.treeSize) {
        head = await ledger.treeHeadBySize(db, req.query.treeSize);
        if (!head) throw notFound('该大小的签名树头');
        if (head.treeSize <= entry.seq) throw new AppError('ENTRY_NOT_IN_TREE', '该记录条目晚于所选树头，不在其中');
      } else {
        head = await ledger.treeHeadCovering(db, entry.seq);
      }
      const proof = await ledger.inclusionProof(db, entry.seq, head.treeSize);
      if (entry.matterType === 'case')
        await logAccess(db, req, {
          action: 'case.record',
          resourceType: 'case',
          resourceId: entry.matterId,
          matter: { type: 'case', id: entry.matterId },
          subject: await caseSubject(db, entry.matterId),
          note: `记录条目 #${entry.seq}`,
        });
      return {
        entry: (await presentEntries(db, ctx.registry, [entry]))[0],
        leafIndex: entry.seq,
        treeSize: head.treeSize,
        proof,
        treeHead: head,
        publicKeyPem: ledger.signer.publicKeyPem,
        verified: verifyInclusion(head.hashAlg, entry.leafHash, entry.seq, head.treeSize, proof, head.rootHash),
        signatureValid: headIsAuthentic(head),
      };
    },
  );

  const listHeads = async (limit: number, offset: number) => ({
    items: await ledger.treeHeads(db, limit, offset),
    publicKeyPem: ledger.signer.publicKeyPem,
    keyId: ledger.signer.keyId,
  });
  const ZHeads = ZTreeHeadsPage;
  const ZPage = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) });

  app.get(
    '/api/record/tree-heads',
    { schema: { tags, summary: '已签名的树头', querystring: ZPage, response: { 200: ZHeads, ...errorResponses } } },
    async (req) => {
      principal(req);
      return listHeads(req.query.limit, req.query.offset);
    },
  );

  app.get(
    '/api/public/tree-heads',
    { config: { public: true }, schema: { tags, summary: '已签名的树头（公开，无需登录）', querystring: ZPage, response: { 200: ZHeads, ...errorResponses } } },
    async (req) => listHeads(req.query.limit, req.query.offset),
  );

  app.post(
    '/api/record/tree-heads',
    {
      schema: { tags, summary: '立即签发树头（平台管理员）；记录未增长时返回最新树头', response: { 200: ZTreeHead, 201: ZTreeHead, ...errorResponses } },
    },
    async (req, reply) => {
      const p = principal(req);
      if (!platformDataPolicy(p).signTreeHead) throw forbidden('执法全过程记录为各地共用，只有平台管理员可以立即签发树头');
      const head = await ledger.signTreeHead(db, false);
      if (head) return reply.status(201).send(head);
      const latest = await ledger.latestTreeHead(db);
      if (!latest) throw new AppError('RECORD_EMPTY', '记录为空，无需签发树头');
      return latest;
    },
  );

  app.get(
    '/api/record/consistency',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '两个树头之间的一致性证明（公开）：证明记录只增不改',
        querystring: z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: ZConsistency, ...errorResponses },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      if (from > to) throw new AppError('VALIDATION_FAILED', '起始树头的大小不能大于目标树头');
      const [a, b] = await Promise.all([ledger.treeHeadBySize(db, from), ledger.treeHeadBySize(db, to)]);
      if (!a || !b) throw notFound('该大小的签名树头');
      const proof = await ledger.consistencyProof(db, from, to);
      return {
        from: a,
        to: b,
        proof,
        verified: headIsAuthentic(a) && headIsAuthentic(b) && verifyConsistency(a.hashAlg, from, to, a.rootHash, b.rootHash, proof),
      };
    },
  );

  // ─── evidence ───
  app.post(
    '/api/record/matters/:matterType/:matterId/evidence',
    {
      bodyLimit: Number.MAX_SAFE_INTEGER,
      schema: {
        tags,
        summary: '上传证据文件（请求体为文件原始字节，application/octet-stream，流式存储）',
        params: ZMatterParams,
        querystring: z.strictObject({
          fileName: z.string().trim().min(1).max(200),
          description: z.string().max(500).optional(),
          contentType: z.string().max(100).optional(),
        }),
        response: { 201: ZEvidence, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      if (!req.headers['content-type']?.startsWith('application/octet-stream'))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '证据文件须以 application/octet-stream 上传');
      const id = await uploadEvidence(
        ctx,
        p,
        req.params.matterType,
        req.params.matterId,
        {
          fileName: req.query.fileName,
          contentType: req.query.contentType ?? 'application/octet-stream',
          description: req.query.description ?? null,
        },
        req.body as NodeJS.ReadableStream as never,
      );
      reply.status(201);
      return evidenceById(id);
    },
  );

  const evidenceById = async (id: string) => {
    const r = await db.query<z.infer<typeof ZEvidence> & { orgId: string }>(
      `select e.id, matter_type as "matterType", matter_id as "matterId", e.org_id as "orgId", file_name as "fileName", content_type as "contentType",
        size_bytes as "sizeBytes", hash_alg as "hashAlg", content_hash as "contentHash", description, uploaded_by as "uploadedBy",
        coalesce(u.display_name, '') as "uploadedByName", uploaded_at as "uploadedAt"
       from evidence_files e left join users u on u.id = e.uploaded_by where e.id = $1`,
      [id],
    );
    const e = r.rows[0];
    if (!e) throw notFound('证据文件');
    const { orgId: _o, ...rest } = e;
    return { ...rest, uploadedAt: new Date(e.uploadedAt).toISOString() };
  };

  app.get(
    '/api/record/evidence/:id/content',
    {
      schema: {
        tags,
        summary: '下载证据文件（先重新校验哈希，不一致则拒绝；记入访问日志）',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: fileAnswer('证据文件（上传时的内容类型）', 'application/octet-stream'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const e = await evidenceById(req.params.id).catch(() => null);
      const matter = e && (await resolveMatter(ctx.registry, db, p, e.matterType, e.matterId));
      if (!e || !matter?.viewRecord) throw notFound('证据文件');
      if (!(await ctx.blobs.verify(e.contentHash))) {
        req.log.error({ evidenceId: e.id }, 'evidence blob does not match its recorded hash');
        throw new AppError('EVIDENCE_TAMPERED', '证据文件与记录中的哈希值不一致，可能已被篡改，已拒绝下载；请通知系统管理员');
      }
      await logAccess(db, req, {
        action: 'evidence.download',
        resourceType: 'evidence',
        resourceId: e.id,
        matter: { type: e.matterType, id: e.matterId },
        subject: await matterSubject(db, e.matterType, e.matterId, matter.title),
        note: e.fileName,
      });
      reply.header('content-type', e.contentType);
      reply.header('content-length', String(e.sizeBytes));
      reply.header('x-content-hash', `${e.hashAlg}:${e.contentHash}`);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.fileName)}`);
      return reply.send(ctx.blobs.read(e.contentHash) as never);
    },
  );
}
