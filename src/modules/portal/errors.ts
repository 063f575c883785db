/**
 * The portal's errors as pages in its own layout (404, 400, 429 …, with their status): the requests
 * for its pages — `/` and `/portal/…` read by a browser, not its assets, proofs, feeds or downloads,
 * which keep the JSON error of the API.
 */
import type { FastifyRequest } from 'fastify';
import type { ErrorPages } from '../../platform/http.ts';
import { errorPage } from './pages/error.ts';
import type { Site } from './site.ts';

/** A portal page (HTML), not one of its machine-readable files. */
export function isPortalPage(req: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  const path = req.url.split('?')[0];
  // the comment form's POST answers as a page too (its refusals are pages; a 429 as well)
  if (req.method === 'POST' && /^\/portal\/consultations\/[^/]+\/comments$/.test(path)) return true;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === '/' || path === '/portal') return true;
  return path.startsWith('/portal/') && !path.startsWith('/portal/assets/') && !path.startsWith('/portal/download/') && !/\.(json|xml|csv|js|css)$/.test(path);
}

export function portalErrorPages(site: Site): ErrorPages {
  return {
    handles: isPortalPage,
    render: (reply, e) => site.send(reply, errorPage(e)),
  };
}
