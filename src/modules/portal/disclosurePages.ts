/**
 * The portal's 政府信息公开申请 pages: the form and the status lookup, the form's POST (plain HTML, no JavaScript: a
 * request filed shows its query code; a refusal renders the form again with the reason and what was typed, never
 * stored) and the status by query code. The POST counts against the portal's per-address limit and its own
 * (`disclosureRateLimit`), in the shared store.
 */
import { type AppContext, readsOf } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { newChallenge } from '../consultation/index.ts';
import { CHALLENGE_SUBJECT, disclosureBodies, disclosureRateLimit, filedMessage, publicDisclosureStatus, submitPublicDisclosure } from '../disclosure/index.ts';
import { disclosureFiledPage, disclosurePage } from './pages/disclosure.ts';
import { portalRoute, type Site } from './site.ts';

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
const FIELDS = { bodyId: 64, applicantKind: 20, applicantName: 100, applicantIdNumber: 40, applicantContact: 200, description: 2000, form: 200 } as const;

export function registerDisclosurePages(app: App, ctx: AppContext, site: Site) {
  const db = readsOf(ctx);
  const form = async (values: Record<string, string> = {}, error: string | null = null) => ({
    bodies: (await disclosureBodies(db)).items,
    challenge: newChallenge(ctx.ledger.signer, CHALLENGE_SUBJECT),
    values,
    error,
  });

  app.get('/portal/disclosure', portalRoute, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return site.send(reply, disclosurePage(await form()));
  });

  app.get('/portal/disclosure/status', portalRoute, async (req, reply) => {
    const code = str((req.query as Record<string, unknown>).code, 20).trim();
    reply.header('cache-control', 'no-store');
    return site.send(reply, disclosurePage(await form(), { code, result: code ? await publicDisclosureStatus(db, code) : null }));
  });

  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post(
      '/portal/disclosure/requests',
      { config: { public: true, rateLimit: disclosureRateLimit() }, bodyLimit: 16 * 1024, schema: { hide: true } },
      async (req, reply) => {
        const b = (req.body ?? {}) as Record<string, unknown>;
        const typed = Object.fromEntries(Object.entries(FIELDS).map(([k, max]) => [k, str(b[k], max)])) as Record<keyof typeof FIELDS, string>;
        reply.header('cache-control', 'no-store');
        try {
          const r = await submitPublicDisclosure(ctx, {
            ...typed,
            applicantKind: typed.applicantKind as never,
            applicantIdNumber: typed.applicantIdNumber || undefined,
            form: typed.form || undefined,
            challengeToken: str(b.challengeToken, 1000),
            challengeAnswer: str(b.challengeAnswer, 10),
          });
          return site.send(reply, disclosureFiledPage(r.queryCode, filedMessage(r.queryCode)));
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          reply.code(e.status);
          return site.send(reply, disclosurePage(await form(typed, e.messageZh)));
        }
      },
    );
  });
}
