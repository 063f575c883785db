/**
 * What every portal response shares: the site's name (from the top enforcement body, cached for a
 * minute), the page layout with the portal's strict Content-Security-Policy, and the public origin
 * used for absolute links.
 */
import type { Config } from '../../platform/config.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { type Html, page } from './html.ts';

const HTML = 'text/html; charset=utf-8';
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Route options of every portal route: public (no login, rate-limited) and left out of the OpenAPI document. */
export const portalRoute = { config: { public: true }, schema: { hide: true } } as const;

export interface PageReply {
  header: (k: string, v: string) => unknown;
  type: (t: string) => unknown;
}
export interface PageContent {
  title: string;
  path: string;
  body: Html;
  script?: boolean;
  description?: string;
}

export interface Site {
  /** 「…行政执法公示平台」 */
  name(): Promise<string>;
  /** Sets the page headers and renders the layout around `o.body`. */
  send(reply: PageReply, o: PageContent): Promise<string>;
}

export function createSite(db: Queryable): Site {
  let cached: { at: number; name: string } | null = null;
  const name = async () => {
    if (cached && Date.now() - cached.at < 60_000) return cached.name;
    const root = (await db.query<{ name: string }>('select name from orgs where is_enforcement_body order by parent_id is not null, sort_order, name limit 1'))
      .rows[0];
    cached = { at: Date.now(), name: root ? `${root.name.replace(/市场监督管理局$/, '')}行政执法公示平台` : '行政执法公示平台' };
    return cached.name;
  };
  return {
    name,
    async send(reply, o) {
      reply.header('content-security-policy', CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.type(HTML);
      return page({ ...o, siteName: await name() });
    },
  };
}

/**
 * The origin of absolute links (feeds): PUBLIC_BASE_URL when configured, otherwise the server's own
 * address from HOST/PORT — never the request's Host header, which any client can forge.
 */
export function publicOrigin(config: Pick<Config, 'publicBaseUrl' | 'host' | 'port'>): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}
