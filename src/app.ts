/**
 * Builds the platform: database, record, blob store and HTTP app. Used by the server, the CLI
 * and the tests alike.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditModule } from './modules/audit/module.ts';
import { consolePage } from './modules/auth/index.ts';
import { authModule } from './modules/auth/module.ts';
import { backupModule } from './modules/backup/module.ts';
import { calendarModule } from './modules/calendar/module.ts';
import { casesModule } from './modules/cases/module.ts';
import { consultationModule } from './modules/consultation/module.ts';
import { discretionModule } from './modules/discretion/module.ts';
import { fairCompetitionModule } from './modules/fairCompetition/module.ts';
import { figuresModule } from './modules/figures/module.ts';
import { inspectionsModule } from './modules/inspections/module.ts';
import { instrumentsModule } from './modules/instruments/module.ts';
import { lawsModule } from './modules/laws/module.ts';
import { legalityModule } from './modules/legality/module.ts';
import { contractsModule } from './modules/contracts/module.ts';
import { majorDecisionsModule } from './modules/majorDecisions/module.ts';
import { normativeDocumentsModule } from './modules/normativeDocuments/module.ts';
import { complaintsModule } from './modules/complaints/module.ts';
import { annualReportsModule } from './modules/annualReports/module.ts';
import { disclosureModule } from './modules/disclosure/module.ts';
import { recommendationsModule } from './modules/recommendations/module.ts';
import { officersModule } from './modules/officers/module.ts';
import { orgsModule } from './modules/orgs/module.ts';
import { portalModule } from './modules/portal/module.ts';
import { powersModule } from './modules/powers/module.ts';
import { publicityModule } from './modules/publicity/module.ts';
import { recordModule } from './modules/record/module.ts';
import { remediesModule } from './modules/remedies/module.ts';
import { rulesModule } from './modules/rules/module.ts';
import { todoModule } from './modules/todo/module.ts';
import { usersModule } from './modules/users/module.ts';
import { isPublicPath } from './modules/portal/index.ts';
import { CSRF_HEADER, principalForSession, SESSION_COOKIE } from './platform/auth/sessions.ts';
import type { Config } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import type { Db } from './platform/db/index.ts';
import { AppError, unauthenticated } from './platform/errors.ts';
import { errorHandler, rejectForbiddenCharacters, sendError, type App } from './platform/http.ts';
import { buildRegistry, type ModuleDef } from './platform/modules.ts';
import { openContext } from './platform/open.ts';
import { rateLimitStoreOptions } from './platform/rateLimitStore.ts';
import type { ReplicaStatus } from './platform/db/replica.ts';

const replicaHealth = ({ state, lagMs, maxLagMs, serving }: ReplicaStatus) => ({ state, lagMs, maxLagMs, serving });

/**
 * The platform's modules, in the order their routes are registered. Each is a folder with one entry
 * (`<name>/module.ts`); the registry built from this list is checked at start-up (platform/modules.ts).
 */
export const platformModules: readonly ModuleDef[] = [
  authModule,
  orgsModule,
  usersModule,
  officersModule,
  powersModule,
  lawsModule,
  discretionModule,
  inspectionsModule,
  recordModule,
  instrumentsModule,
  casesModule,
  calendarModule,
  rulesModule,
  publicityModule,
  legalityModule,
  contractsModule,
  consultationModule,
  fairCompetitionModule,
  majorDecisionsModule,
  normativeDocumentsModule,
  remediesModule,
  complaintsModule,
  disclosureModule,
  recommendationsModule,
  auditModule,
  todoModule,
  figuresModule,
  annualReportsModule,
  backupModule,
  portalModule,
];

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');

export { checkSm3, openDatabase } from './platform/open.ts';

/** The platform's context: the modules' registry (checked: a module declaring something wrong stops start-up here) and the rest. */
export async function createContext(config: Config, db?: Db, modules: readonly ModuleDef[] = platformModules): Promise<AppContext> {
  return openContext(config, buildRegistry(modules), db);
}

const hops = (n: number) => (_address: string, i: number) => i < n;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a user who must change their password may still call (PASSWORD_CHANGE_REQUIRED elsewhere). */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/password']);

/**
 * The staff console's and the API's Content-Security-Policy (@fastify/helmet): the built React/antd console
 * loads only its own scripts; antd's CSS-in-JS needs inline styles. The public portal sends its own stricter
 * policy on its pages (src/modules/portal/site.ts), which replaces this one.
 */
export const CONSOLE_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function buildApp(ctx: AppContext, opts: { logger?: boolean | { level: string } } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: ctx.config.bodyLimitBytes,
    // TRUST_PROXY: whose X-Forwarded-For is believed for req.ip (the login throttle and rate limits key on it)
    // (a hop count: the nearest n addresses are proxies, as Fastify does for a number)
    trustProxy: typeof ctx.config.trustProxy === 'number' ? hops(ctx.config.trustProxy) : ctx.config.trustProxy,
    genReqId: () => randomUUID(),
    // a request not answered in time gets 503 REQUEST_TIMEOUT (a stuck synchronous loop is the supervisor's watchdog's)
    handlerTimeout: ctx.config.requestTimeoutMs,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // a module that serves pages answers their errors as pages (the portal, src/modules/portal/errors.ts)
  app.decorate('errorPages', null);
  // NUL characters and lone surrogates are refused on every route before validation
  app.addHook('preValidation', rejectForbiddenCharacters);
  // evidence uploads are streamed: the handler receives the raw request stream
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  await app.register(fastifyCookie);
  // security headers on every answer: CSP, X-Frame-Options DENY, nosniff, Referrer-Policy; HSTS only behind HTTPS
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: ctx.config.secureCookies ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  // per-address request limits (@fastify/rate-limit): the public portal and /api/public (PUBLIC_RATE_LIMIT_PER_MINUTE);
  // the login route has its own (LOGIN_ATTEMPTS_PER_MINUTE). Counted where every worker sees them: the database, or
  // Redis with REDIS_URL (memory on PGlite's single process) — platform/rateLimitStore.ts
  const publicLimit = ctx.config.publicRateLimitPerMinute;
  const limitStore = rateLimitStoreOptions(ctx.config, ctx.db, (m) => app.log.error(m));
  app.addHook('onClose', limitStore.close);
  await limitStore.ready;
  await app.register(fastifyRateLimit, {
    ...limitStore.options,
    global: true,
    max: publicLimit > 0 ? publicLimit : 1_000_000,
    timeWindow: 60_000,
    allowList: (req) => publicLimit <= 0 || !isPublicPath(req.url),
    keyGenerator: (req) => req.ip,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
    errorResponseBuilder: (_req, c) => new AppError('RATE_LIMITED', `请求过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 1000))} 秒后再试`),
  });
  // answers of the API are not cached (personal data), except the public ones, which may set their own caching
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !req.url.startsWith('/api/public/') && !req.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
  });
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  // authentication and CSRF, before the body is read or validated
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    let mustChangePassword = false;
    if (token) {
      const s = await principalForSession(ctx.db, token, ctx.config.sessionIdleMinutes);
      if (s) {
        req.principal = s.principal;
        req.sessionToken = token;
        req.csrfToken = s.csrfToken;
        mustChangePassword = s.mustChangePassword;
      }
    }
    if (req.routeOptions.config?.public) return;
    if (!req.principal) {
      // unknown API paths answer 404 for everyone; known ones need a login
      if (!req.routeOptions.url || req.routeOptions.url === '/*') throw new AppError('NOT_FOUND', '接口不存在');
      throw unauthenticated();
    }
    if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== req.csrfToken) {
      throw new AppError('CSRF_TOKEN_INVALID', '缺少或错误的 CSRF 令牌，请刷新页面后重试');
    }
    // a password set by an administrator (new user, reset) must be replaced before anything else
    if (mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.routeOptions.url}`)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '管理员设置的初始密码或重置密码须先修改：请修改密码后再继续使用');
    }
  });

  // the browsable API description is public, like the OpenAPI document
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true } as never;
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '法治 Fazhi 平台 API',
        description: '行政执法全过程可证明的法治政府建设平台。除标注“公开”的接口外均需登录；修改类请求须带 X-CSRF-Token 请求头。',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' } },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['系统'],
        summary: '健康检查（公开）',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            ledgerSize: z.number(),
            // the record's maximum merge delay monitor: entries committed but not yet integrated, and the oldest one's age
            ledgerPending: z.object({ count: z.number(), oldestAgeMs: z.number().nullable(), mmdMs: z.number(), withinMmd: z.boolean() }),
            // the read replica (DATABASE_READ_URL): its lag (a bound on staleness) and whether this worker reads from it now (platform/db/replica.ts)
            replica: z
              .object({
                state: z.enum(['starting', 'ok', 'lagging', 'down', 'notReplica']),
                lagMs: z.number().nullable(),
                maxLagMs: z.number(),
                serving: z.boolean(),
              })
              .nullable(),
          }),
        },
      },
    },
    async () => {
      const { integrated, count, oldestAgeMs } = await ctx.ledger.pending(ctx.db);
      const mmdMs = ctx.config.recordMmdMs;
      return {
        status: 'ok' as const,
        database: ctx.db.kind,
        ledgerSize: integrated + count,
        ledgerPending: { count, oldestAgeMs, mmdMs, withinMmd: (oldestAgeMs ?? 0) <= mmdMs },
        replica: ctx.replica ? replicaHealth(ctx.replica.status()) : null,
      };
    },
  );

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  for (const m of ctx.registry.modules) await m.routes?.(app, ctx);

  if (existsSync(join(WEB_DIST, 'index.html'))) {
    // wildcard: files rebuilt while the server runs are served too. The console's files under /assets/ are named by
    // their content's hash (Vite): a browser keeps them and does not ask again; everything else is revalidated
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.header('cache-control', path.startsWith(join(WEB_DIST, 'assets')) ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    // the portal's paths are never the console's (a page of the portal answers its own 404 page)
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !existsSync(join(WEB_DIST, 'index.html')) || isPublicPath(req.url)) {
      return sendError(req, reply, 404, 'NOT_FOUND', '接口或页面不存在');
    }
    // client-side routes of the single-page app: the console's page with the request's session inlined (no round
    // trip to /api/auth/me before the first screen); personal, so never stored by a browser or a proxy
    const html = await consolePage(ctx, await readFile(join(WEB_DIST, 'index.html'), 'utf8'), req.cookies[SESSION_COOKIE]);
    return reply.header('cache-control', 'no-store').header('vary', 'Cookie').type('text/html; charset=utf-8').send(html);
  });
  return app;
}
