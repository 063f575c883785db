/**
 * The public portal (行政执法公示平台), server-rendered at `/` and `/portal/...`: readable without
 * JavaScript (one small script, built at install time, re-checks proofs in the browser), in Chinese,
 * phone-friendly. Before: bodies, officers, the power list with its history, the random-inspection
 * items and results. After: the decision search and pages with their proofs. Tree heads with the
 * consistency check, statistics, feeds, bulk downloads. Every page reads the same allow-listed
 * functions as the public JSON API; a per-address rate limit (buildApp, `isPublicPath`) guards them all.
 *
 * pageRoutes.ts loads and pages/ renders; feeds.ts, downloads.ts, assets.ts (script.ts builds the
 * script), powerHistory.ts (the power-history API), site.ts (layout, site name, public origin).
 */
import { type AppContext, readsOf } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { registerAssets } from './assets.ts';
import { registerDownloads } from './downloads.ts';
import { portalErrorPages } from './errors.ts';
import { registerFeeds } from './feeds.ts';
import { registerConsultationPages } from './consultationPages.ts';
import { registerComplaintPages } from './complaintPages.ts';
import { registerDisclosurePages } from './disclosurePages.ts';
import { registerPages } from './pageRoutes.ts';
import { registerPowerHistoryApi } from './powerHistory.ts';
import { createSite } from './site.ts';

/** The public paths (portal, /api/public, the record's consistency proof): rate-limited per address in buildApp. */
export const isPublicPath = (url: string) =>
  url === '/' || url.startsWith('/?') || url.startsWith('/portal') || url.startsWith('/api/public/') || url.startsWith('/api/record/consistency');

export function registerPortal(app: App, ctx: AppContext) {
  // every portal read goes to the read replica when one is configured and fresh enough (platform/db/replica.ts)
  const site = createSite(readsOf(ctx));
  // its pages' errors are pages too (errors.ts); /api/* keeps the JSON error
  app.errorPages = portalErrorPages(site);
  registerAssets(app);
  registerPages(app, ctx, site);
  registerConsultationPages(app, ctx, site);
  registerComplaintPages(app, ctx, site);
  registerDisclosurePages(app, ctx, site);
  registerPowerHistoryApi(app, readsOf(ctx));
  registerFeeds(app, ctx, site);
  registerDownloads(app, readsOf(ctx));
}
