/** The portal's HTML pages: each handler loads through the public read functions, then a view in pages/ renders. */
import { z } from 'zod';
import { chinaToday } from '../../domain/dates.ts';
import { verifyConsistency } from '../../domain/merkle.ts';
import { powerCategoryIds } from '../../domain/powers.ts';
import { type AppContext, readsOf } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { treeHeadMessage } from '../../platform/record/ledger.ts';
import { verifySignature } from '../../platform/record/signer.ts';
import { publicDetail, publicProof, searchPublications } from '../publicity/index.ts';
import { cachedPublicStatistics, publicBodies, publicOfficers } from '../publicity/index.ts';
import { decisionPage, searchPage } from './pages/decisions.ts';
import { bodiesPage, OFFICERS_PAGE_SIZE, officersPage } from './pages/directory.ts';
import { homePage } from './pages/home.ts';
import { type InspectionItems, type InspectionResults, inspectionsPage } from './pages/inspections.ts';
import { majorDecisionPage, majorDecisionsPage, type PublicCatalogues, type PublicDecision, type PublicDecisions } from './pages/majorDecisions.ts';
import type { PublicDocument } from '../normativeDocuments/index.ts';
import { normativeDocumentPage, normativeDocumentsPage, type PublicDocumentList } from './pages/normativeDocuments.ts';
import { annualReportPage, annualReportsPage, type PublicReport, type PublicReportItem } from './pages/annualReports.ts';
import { type PowerItem, type PowerList, powerPage, powersPage } from './pages/powers.ts';
import { downloadPage, statisticsPage } from './pages/statistics.ts';
import { type ConsistencyCheck, treeHeadsPage } from './pages/treeHeads.ts';
import { powerHistory } from './powerHistory.ts';
import { portalRoute, type Site } from './site.ts';

type Query = Record<string, unknown>;
const ZId = z.object({ id: z.string().min(1).max(64) });

/** Portal query strings: anything a browser sends is accepted, then clipped to what a search uses. */
export function searchQuery(raw: Query) {
  const s = (k: string, max: number) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, max) : undefined);
  const d = (k: string) => {
    const v = s(k, 10);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  };
  const n = (k: string, def: number, max: number) => {
    const v = Number(raw[k]);
    return Number.isInteger(v) && v >= 1 ? Math.min(v, max) : def;
  };
  const kind: 'penalty' | 'inspectionResult' = raw.kind === 'inspectionResult' ? 'inspectionResult' : 'penalty';
  return {
    q: s('q', 10_000),
    kind,
    bodyId: s('bodyId', 64) || undefined,
    field: s('field', 40) || undefined,
    from: d('from'),
    to: d('to'),
    page: n('page', 1, 1000),
    pageSize: 20,
  };
}

export function registerPages(app: App, ctx: AppContext, site: Site) {
  const { ledger } = ctx;
  // reads only: the read replica when one is configured and fresh enough
  const db = readsOf(ctx);
  const bodiesFor = async () => (await publicBodies(db)).map((b) => ({ id: b.id, name: b.name }));
  /** A public API of another module, read as a citizen would (its allow-list applies); `empty` when it does not answer 200. */
  const publicApi = async <T>(url: string, empty: T): Promise<T> => {
    const r = await app.inject({ method: 'GET', url });
    return r.statusCode === 200 ? (r.json() as T) : empty;
  };

  app.get('/', portalRoute, async (_req, reply) => {
    const [latest, stats, head, bodies, siteName] = await Promise.all([
      searchPublications(db, { page: 1, pageSize: 8 }),
      cachedPublicStatistics(db),
      ledger.latestTreeHead(db),
      bodiesFor(),
      site.name(),
    ]);
    return site.send(reply, homePage({ siteName, latest, stats, recordSize: head ? head.treeSize : 0, bodies }));
  });

  app.get('/portal', portalRoute, async (_req, reply) => reply.redirect('/'));

  app.get('/portal/decisions', portalRoute, async (req, reply) => {
    const q = searchQuery(req.query as Query);
    const [r, bodies] = await Promise.all([searchPublications(db, q), bodiesFor()]);
    return site.send(reply, searchPage(q, r, bodies));
  });

  app.get('/portal/decisions/:id', { config: { public: true }, schema: { hide: true, params: ZId } }, async (req, reply) =>
    site.send(reply, decisionPage(await publicDetail(db, req.params.id), ledger.signer.keyId)),
  );

  app.get(
    '/portal/decisions/:id/proof.json',
    { config: { public: true }, schema: { hide: true, params: ZId, querystring: z.object({ seq: z.coerce.number().int().min(0).optional() }) } },
    async (req, reply) => {
      const doc = await publicProof(ctx, req.params.id, req.query.seq);
      reply.header('content-disposition', `attachment; filename="proof-${doc.entry.seq}.json"`);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(doc, null, 2));
    },
  );

  app.get('/portal/bodies', portalRoute, async (_req, reply) => site.send(reply, bodiesPage(await publicBodies(db))));

  app.get('/portal/officers', portalRoute, async (req, reply) => {
    const raw = req.query as Query;
    const q = typeof raw.q === 'string' ? raw.q.slice(0, 50) : '';
    const page = Number.isInteger(Number(raw.page)) && Number(raw.page) >= 1 ? Math.min(Number(raw.page), 1000) : 1;
    return site.send(reply, officersPage(q, page, await publicOfficers(db, { q, page, pageSize: OFFICERS_PAGE_SIZE })));
  });

  // the power list through its own public API (the allow-list lives there)
  app.get('/portal/powers', portalRoute, async (req, reply) => {
    const raw = req.query as Query;
    const category = typeof raw.category === 'string' && (powerCategoryIds as readonly string[]).includes(raw.category) ? raw.category : undefined;
    const q = typeof raw.q === 'string' ? raw.q.slice(0, 50) : '';
    const qs = new URLSearchParams();
    if (typeof raw.bodyId === 'string' && raw.bodyId.length <= 64 && raw.bodyId) qs.set('bodyId', raw.bodyId);
    if (category) qs.set('category', category);
    if (q.trim()) qs.set('q', q);
    const data = await publicApi<PowerList>(`/api/public/powers?${qs}`, { asOf: chinaToday(), items: [] });
    return site.send(reply, powersPage(data, { q, category }));
  });

  app.get('/portal/powers/:id', { config: { public: true }, schema: { hide: true, params: ZId } }, async (req, reply) => {
    const h = await powerHistory(db, req.params.id);
    const item = await publicApi<PowerItem | null>(`/api/public/powers/${encodeURIComponent(req.params.id)}`, null);
    return site.send(reply, powerPage(h, item));
  });

  app.get('/portal/inspections', portalRoute, async (_req, reply) => {
    const items = await publicApi<InspectionItems>('/api/public/inspections/items', { items: [] });
    const results = await publicApi<InspectionResults>('/api/public/inspections/results', { items: [] });
    return site.send(reply, inspectionsPage(items, results));
  });

  // 重大行政决策 through its own public API (the allow-list lives there)
  app.get('/portal/major-decisions', portalRoute, async (_req, reply) => {
    const [catalogues, decisions] = await Promise.all([
      publicApi<PublicCatalogues>('/api/public/major-decisions/catalogues', { items: [] }),
      publicApi<PublicDecisions>('/api/public/major-decisions', { items: [] }),
    ]);
    return site.send(reply, majorDecisionsPage(catalogues, decisions));
  });

  app.get('/portal/major-decisions/:id', { config: { public: true }, schema: { hide: true, params: ZId } }, async (req, reply) => {
    const d = await publicApi<PublicDecision | null>(`/api/public/major-decisions/${encodeURIComponent(req.params.id)}`, null);
    if (!d) throw notFound('重大行政决策');
    return site.send(reply, majorDecisionPage(d));
  });

  // 规范性文件 through its own public API (the allow-list lives there)
  app.get('/portal/normative-documents', portalRoute, async (req, reply) => {
    const raw = (req.query as Query).status;
    const status = typeof raw === 'string' && ['effective', 'amended', 'repealed', 'invalid'].includes(raw) ? raw : '';
    const list = await publicApi<PublicDocumentList>(`/api/public/normative-documents?limit=200${status ? `&status=${status}` : ''}`, { total: 0, items: [] });
    return site.send(reply, normativeDocumentsPage(list, status));
  });

  app.get('/portal/normative-documents/:id', { config: { public: true }, schema: { hide: true, params: ZId } }, async (req, reply) => {
    const d = await publicApi<PublicDocument | null>(`/api/public/normative-documents/${encodeURIComponent(req.params.id)}`, null);
    if (!d) throw notFound('规范性文件');
    return site.send(reply, normativeDocumentPage(d));
  });

  // 年度报告 through its own public API
  app.get('/portal/annual-reports', portalRoute, async (req, reply) => {
    const raw = (req.query as Query).bodyId;
    const bodyId = typeof raw === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(raw) ? raw : '';
    const list = await publicApi<{ items: PublicReportItem[] }>(`/api/public/annual-reports${bodyId ? `?bodyId=${bodyId}` : ''}`, { items: [] });
    return site.send(reply, annualReportsPage(list.items));
  });

  app.get('/portal/annual-reports/:id', { config: { public: true }, schema: { hide: true, params: ZId } }, async (req, reply) => {
    const r = await publicApi<PublicReport | null>(`/api/public/annual-reports/${encodeURIComponent(req.params.id)}`, null);
    if (!r) throw notFound('年度报告');
    return site.send(reply, annualReportPage(r));
  });

  app.get('/portal/tree-heads', portalRoute, async (req, reply) => {
    const raw = req.query as Query;
    const heads = await ledger.treeHeads(db, 50, 0);
    const from = Number(raw.from);
    const to = Number(raw.to);
    let check: ConsistencyCheck | null = null;
    if (Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= from) {
      const [a, b] = await Promise.all([ledger.treeHeadBySize(db, from), ledger.treeHeadBySize(db, to)]);
      if (!a || !b) check = { from, to, missing: true };
      else {
        const proof = await ledger.consistencyProof(db, from, to);
        const pem = ledger.signer.publicKeyPem;
        const ok =
          verifySignature(pem, treeHeadMessage(a), a.signature) &&
          verifySignature(pem, treeHeadMessage(b), b.signature) &&
          verifyConsistency(a.hashAlg, from, to, a.rootHash, b.rootHash, proof);
        check = { from, to, missing: false, ok, proof };
      }
    }
    return site.send(reply, treeHeadsPage({ heads, keyId: ledger.signer.keyId, publicKeyPem: ledger.signer.publicKeyPem, from, to, check }));
  });

  app.get('/portal/statistics', portalRoute, async (_req, reply) => site.send(reply, statisticsPage(await cachedPublicStatistics(db))));

  app.get('/portal/download', portalRoute, async (_req, reply) => site.send(reply, downloadPage()));
}
