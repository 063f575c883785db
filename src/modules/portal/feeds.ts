/**
 * The feeds of the latest 50 listed penalty decisions: RSS 2.0 (/portal/feed.xml) and JSON Feed 1.1
 * (/portal/feed.json). Their absolute links start with the configured public origin (PUBLIC_BASE_URL,
 * see site.ts `publicOrigin`), never with the request's Host header.
 */
import { type AppContext, readsOf } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';
import { currentPublications } from '../publicity/index.ts';
import { escapeHtml } from './html.ts';
import { portalRoute, publicOrigin, type Site } from './site.ts';

const FEED_SIZE = 50;
type FeedItem = Awaited<ReturnType<typeof currentPublications>>[number];

export function jsonFeed(base: string, siteName: string, items: FeedItem[]): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: `${siteName}：行政处罚决定公示`,
      home_page_url: `${base}/`,
      feed_url: `${base}/portal/feed.json`,
      language: 'zh-CN',
      items: items.map((i) => ({
        id: `${i.id}#v${i.version}`,
        url: `${base}/portal/decisions/${i.id}`,
        title: `${i.content.party.name}（${i.content.number}）`,
        content_text: `违法行为：${i.content.violation}。处罚内容：${i.content.penaltyText}。处罚机关：${i.content.body.name}，决定日期 ${i.content.decidedOn}。`,
        date_published: `${i.publishedOn}T00:00:00+08:00`,
        tags: [i.content.fieldLabel],
        _fazhi: { version: i.version, ledgerSeq: i.ledgerSeq, proof: `${base}/api/public/publications/${i.id}/proof?seq=${i.ledgerSeq}` },
      })),
    },
    null,
    2,
  );
}

export function rssFeed(base: string, siteName: string, items: FeedItem[]): string {
  const x = escapeHtml;
  const rfc822 = (d: string) => new Date(`${d}T00:00:00+08:00`).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${x(siteName)}：行政处罚决定公示</title><link>${x(base)}/</link><description>行政处罚决定公示</description><language>zh-cn</language>\n${items
    .map(
      (i) =>
        `<item><title>${x(`${i.content.party.name}（${i.content.number}）`)}</title><link>${x(`${base}/portal/decisions/${i.id}`)}</link><guid isPermaLink="false">${x(`${i.id}#v${i.version}`)}</guid><pubDate>${rfc822(i.publishedOn)}</pubDate><category>${x(i.content.fieldLabel)}</category><description>${x(`违法行为：${i.content.violation}。处罚内容：${i.content.penaltyText}。处罚机关：${i.content.body.name}。`)}</description></item>`,
    )
    .join('\n')}\n</channel></rss>\n`;
}

export function registerFeeds(app: App, ctx: AppContext, site: Site) {
  const load = async () => {
    const [items, siteName] = await Promise.all([currentPublications(readsOf(ctx), FEED_SIZE), site.name()]);
    return { base: publicOrigin(ctx.config), siteName, items };
  };
  app.get('/portal/feed.json', portalRoute, async (_req, reply) => {
    const f = await load();
    return reply.type('application/feed+json; charset=utf-8').send(jsonFeed(f.base, f.siteName, f.items));
  });
  app.get('/portal/feed.xml', portalRoute, async (_req, reply) => {
    const f = await load();
    return reply.type('application/rss+xml; charset=utf-8').send(rssFeed(f.base, f.siteName, f.items));
  });
}
