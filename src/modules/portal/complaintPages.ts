/**
 * The portal's 网上投诉举报 pages: the form (plain HTML, multipart for the attachments, no JavaScript), its POST —
 * accepted: the page with the query code(s); refused: the form again with the reason and what was typed (never the
 * files) — and the status by query code. The POST counts against the portal's per-address limit and the
 * consultation module's per-route limit, in the shared store; the challenge is the consultation module's.
 */
import { complaintCategories } from '../../domain/complaints/rules.ts';
import { type AppContext, readsOf } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { INTAKE_CHALLENGE_SUBJECT, publicBodies, publicStatus, storeAttachment, submitPublic } from '../complaints/index.ts';
import { commentRateLimit, newChallenge } from '../consultation/index.ts';
import { complaintFormPage, complaintReceivedPage, complaintStatusPage } from './pages/complaints.ts';
import { portalRoute, type Site } from './site.ts';

const MAX_BODY = 30 * 1024 * 1024;
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

interface Part {
  name: string;
  fileName: string | null;
  mime: string;
  data: Buffer;
}

/** A minimal multipart/form-data reader (RFC 7578): fields and files of one form. */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new AppError('VALIDATION_FAILED', '表单格式不正确');
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: Part[] = [];
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(boundary, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2); // after CRLF, before CRLF--boundary
    const split = chunk.indexOf('\r\n\r\n');
    if (split >= 0) {
      const head = chunk.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const fileName = /filename="([^"]*)"/i.exec(head)?.[1] ?? null;
      const mime = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'text/plain';
      parts.push({ name, fileName, mime, data: chunk.subarray(split + 4) });
    }
    pos = next;
  }
  return parts;
}

export function registerComplaintPages(app: App, ctx: AppContext, site: Site) {
  const db = readsOf(ctx);
  const formPage = async (values: Record<string, string>, error: string | null) =>
    complaintFormPage({
      challenge: newChallenge(ctx.ledger.signer, INTAKE_CHALLENGE_SUBJECT),
      bodies: (await publicBodies(db)).items,
      categories: complaintCategories,
      values,
      error,
    });

  app.get('/portal/complaints', portalRoute, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return site.send(reply, await formPage({}, null));
  });

  app.get('/portal/complaints/status', portalRoute, async (req, reply) => {
    const code = str((req.query as Record<string, unknown>).code, 40);
    reply.header('cache-control', 'no-store');
    if (!code) return site.send(reply, complaintStatusPage('', null, null));
    const s = await publicStatus(db, code);
    if (!s) reply.code(404);
    return site.send(reply, complaintStatusPage(code, s, s ? null : '查询码不存在，请核对后重新输入'));
  });

  app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_BODY }, (_req, body, done) => done(null, body));
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, String(body));
    });
    scope.post(
      '/portal/complaints',
      { config: { public: true, rateLimit: commentRateLimit() }, bodyLimit: MAX_BODY, schema: { hide: true } },
      async (req, reply) => {
        const type = String(req.headers['content-type'] ?? '');
        const fields: Record<string, string> = {};
        const files: Part[] = [];
        if (type.startsWith('multipart/form-data')) {
          for (const p of parseMultipart(req.body as Buffer, type)) {
            if (p.fileName !== null) {
              if (p.fileName && p.data.length) files.push(p);
            } else fields[p.name] = p.data.toString('utf8');
          }
        } else for (const [k, v] of new URLSearchParams(String(req.body ?? ''))) fields[k] = v;
        const typed: Record<string, string> = {};
        for (const k of ['kind', 'orgId', 'respondentName', 'respondentAddress', 'category', 'summary', 'request', 'anonymous', 'name', 'phone', 'address'])
          typed[k] = str(fields[k], 5000);
        try {
          if (files.length > 5) throw new AppError('VALIDATION_FAILED', '附件最多 5 个');
          const kind = (['complaint', 'report', 'both'] as const).find((k) => k === typed.kind);
          const category = Object.keys(complaintCategories).find((k) => k === typed.category);
          if (!kind || !category) throw new AppError('VALIDATION_FAILED', '请选择类别和事项类别');
          if (!typed.respondentName.trim() || !typed.summary.trim()) throw new AppError('VALIDATION_FAILED', '请填写被投诉（举报）的经营者名称和事实经过');
          if (typed.phone && !/^[0-9+\-() ]{5,20}$/.test(typed.phone.trim())) throw new AppError('VALIDATION_FAILED', '电话号码格式不正确');
          const anonymous = !!typed.anonymous && kind === 'report';
          if (typed.anonymous && kind !== 'report')
            throw new AppError('COMPLAINT_PERSON_REQUIRED', '投诉不能匿名：请填写姓名、电话号码和通讯地址（第九条第一款）');
          const stored = [];
          for (const f of files) stored.push(await storeAttachment(ctx, { fileName: f.fileName!, mime: f.mime, content: f.data }));
          const items = await submitPublic(ctx, {
            kind,
            orgId: typed.orgId,
            respondent: { name: typed.respondentName.slice(0, 200), address: typed.respondentAddress.slice(0, 300) || null },
            category: category as keyof typeof complaintCategories,
            summary: typed.summary,
            request: typed.request.slice(0, 2000) || null,
            anonymous,
            person:
              anonymous || !typed.name.trim()
                ? null
                : { name: typed.name.slice(0, 50), phone: typed.phone.trim() || null, address: typed.address.slice(0, 200) || null },
            attachments: stored,
            challengeToken: str(fields.challengeToken, 1000),
            challengeAnswer: str(fields.challengeAnswer, 10),
          });
          reply.header('cache-control', 'no-store');
          return site.send(reply, complaintReceivedPage(items.map((i) => ({ kindLabel: i.kind === 'complaint' ? '投诉' : '举报', queryCode: i.queryCode }))));
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          reply.code(e.status).header('cache-control', 'no-store');
          return site.send(reply, await formPage(typed, e.messageZh));
        }
      },
    );
  });
}
