/**
 * The portal's 公开征求意见 pages: the list, a draft with its comment form, and the form's POST (a plain HTML form,
 * no JavaScript): a comment accepted is a 303 back to the draft; a refusal renders the draft again with the reason
 * and what was typed (never stored). The POST counts against the portal's per-address limit and the comment
 * route's own (`commentRateLimit`), in the shared store.
 */
import { z } from 'zod';
import { type AppContext, readsOf } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { commentRateLimit, newChallenge, publicConsultationDetail, publicConsultationList, submitComment } from '../consultation/index.ts';
import { type CommentForm, consultationPage, consultationsPage } from './pages/consultations.ts';
import { portalRoute, type Site } from './site.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

export function registerConsultationPages(app: App, ctx: AppContext, site: Site) {
  const db = readsOf(ctx);

  app.get('/portal/consultations', portalRoute, async (_req, reply) => site.send(reply, consultationsPage((await publicConsultationList(db)).items)));

  app.get('/portal/consultations/:id', { config: { public: true }, schema: { hide: true, params: ZId } }, async (req, reply) => {
    const c = await publicConsultationDetail(db, req.params.id);
    if (!c) throw notFound('征求意见');
    const q = req.query as Record<string, unknown>;
    const anchor = str(q.anchor, 20);
    const submitted = Number(q.submitted);
    const form: CommentForm = {
      challenge: newChallenge(ctx.ledger.signer, c.id),
      anchor: c.anchors.some((a) => a.id === anchor) ? anchor : 'whole',
      text: '',
      name: '',
      contact: '',
      error: null,
      submitted: Number.isInteger(submitted) && submitted > 0 ? submitted : null,
    };
    reply.header('cache-control', 'no-store');
    return site.send(reply, consultationPage(c, form));
  });

  // the form's POST, in a scope of its own: only here is an urlencoded body parsed
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post(
      '/portal/consultations/:id/comments',
      { config: { public: true, rateLimit: commentRateLimit() }, bodyLimit: 16 * 1024, schema: { hide: true, params: ZId } },
      async (req, reply) => {
        const id = (req.params as { id: string }).id;
        const b = (req.body ?? {}) as Record<string, unknown>;
        const typed = { anchor: str(b.anchor, 20), text: str(b.text, 2100), name: str(b.name, 50), contact: str(b.contact, 100) };
        try {
          const r = await submitComment(ctx, id, { ...typed, challengeToken: str(b.challengeToken, 1000), challengeAnswer: str(b.challengeAnswer, 10) });
          return reply
            .code(303)
            .header('location', `/portal/consultations/${encodeURIComponent(id)}?submitted=${r.number}#comment`)
            .send();
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const c = await publicConsultationDetail(ctx.db, id);
          if (!c) throw e;
          reply.code(e.status).header('cache-control', 'no-store');
          return site.send(reply, consultationPage(c, { ...typed, challenge: newChallenge(ctx.ledger.signer, c.id), error: e.messageZh, submitted: null }));
        }
      },
    );
  });
}
