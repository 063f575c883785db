/**
 * The public portal (行政执法公示平台), server-rendered at `/` and `/portal/...`: readable without
 * JavaScript (one small script re-checks proofs in the browser), in Chinese, phone-friendly.
 * Before: bodies, officers, the power list with its history, the random-inspection items and
 * results. After: the decision search and pages with their proofs. Tree heads with the
 * consistency check, statistics, feeds, bulk download. Every page reads the same allow-listed
 * functions as the public JSON API; a per-address rate limit guards them all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { enforcementFields } from '../../domain/certifiedDuty.ts';
import { chinaToday } from '../../domain/dates.ts';
import { verifyConsistency } from '../../domain/merkle.ts';
import { powerChangeReasons, powerCategoryIds, powerCategoryLabels } from '../../domain/powers.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, type App } from '../../platform/http.ts';
import { treeHeadMessage } from '../../platform/record/ledger.ts';
import { verifySignature } from '../../platform/record/signer.ts';
import type { PublicContent } from '../publicity/content.ts';
import {
  currentPublications,
  MAX_QUERY_CHARS,
  publicBodies,
  publicDetail,
  publicOfficers,
  publicProof,
  publicStatistics,
  searchPublications,
  type PublicDetail,
  type SearchQuery,
} from '../publicity/public.ts';
import { escapeHtml, html, page, pager, raw, yuan, type Html } from './html.ts';

const ASSETS = join(import.meta.dirname, 'assets');
const HTML = 'text/html; charset=utf-8';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Bundles the browser verifier once per process (esbuild; no build step needed for `npm start`). */
let verifyJs: Promise<string> | null = null;
function verifyScript(): Promise<string> {
  verifyJs ??= import('esbuild').then(async (esbuild) => {
    const r = await esbuild.build({
      entryPoints: [join(import.meta.dirname, 'browser', 'verify.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
    });
    return r.outputFiles[0].text;
  });
  verifyJs.catch(() => {
    verifyJs = null;
  });
  return verifyJs;
}

/** The public paths (portal, /api/public, the record's consistency proof): rate-limited per address in buildApp. */
export const isPublicPath = (url: string) =>
  url === '/' || url.startsWith('/?') || url.startsWith('/portal') || url.startsWith('/api/public/') || url.startsWith('/api/record/consistency');

const fieldOptions = Object.entries(enforcementFields);
const date = (s: string | null | undefined) => s ?? '—';

function decisionItem(i: {
  id: string;
  kind: string;
  number: string;
  partyName: string;
  partyUscc: string | null;
  violation: string;
  penaltyText: string;
  bodyName: string;
  decidedOn: string;
  stateLabel: string;
  version: number;
  state: string;
}): Html {
  const inspection = i.kind === 'inspectionResult';
  return html`<li><h3><a href="/portal/decisions/${i.id}">${i.partyName}</a>${i.version > 1 ? html`<span class="tag">已更正</span>` : ''}${i.state === 'withdrawalDue' ? html`<span class="tag warn">待撤回</span>` : ''}</h3>
    <p class="muted">${inspection ? `抽查任务：${i.number}` : i.number} · ${i.bodyName} · ${inspection ? '检查日期' : '决定日期'} ${i.decidedOn}${i.partyUscc ? ` · 统一社会信用代码 ${i.partyUscc}` : ''}</p>
    ${inspection ? html`<p>检查结果：${i.violation}</p>` : html`<p>违法行为：${i.violation}</p><p>处罚内容：${i.penaltyText}</p>`}</li>`;
}

const kindTitles = { penalty: '行政处罚决定公示', inspectionResult: '双随机抽查结果公示' } as const;

function searchForm(q: SearchQuery, bodies: { id: string; name: string }[]): Html {
  const kind = q.kind ?? 'penalty';
  return html`<form class="card search" method="get" action="/portal/decisions" role="search">
    <div><label for="kind">公示类别</label><select id="kind" name="kind"><option value="penalty"${kind === 'penalty' ? raw(' selected') : ''}>行政处罚决定</option><option value="inspectionResult"${kind === 'inspectionResult' ? raw(' selected') : ''}>双随机抽查结果</option></select></div>
    <div class="wide"><label for="q">${kind === 'penalty' ? '关键词（当事人名称、统一社会信用代码、文号、违法行为）' : '关键词（检查对象名称、统一社会信用代码、抽查任务、检查结果）'}</label><input id="q" name="q" type="search" value="${q.q ?? ''}" maxlength="200" placeholder="例如：鑫隆 或 91990105MA01ABCD2W"></div>
    <div><label for="bodyId">执法主体</label><select id="bodyId" name="bodyId"><option value="">全部</option>${bodies.map((b) => html`<option value="${b.id}"${q.bodyId === b.id ? raw(' selected') : ''}>${b.name}</option>`)}</select></div>
    <div><label for="field">执法领域</label><select id="field" name="field"><option value="">全部</option>${fieldOptions.map(([id, label]) => html`<option value="${id}"${q.field === id ? raw(' selected') : ''}>${label}</option>`)}</select></div>
    <div><label for="from">${kind === 'penalty' ? '决定日期自' : '检查日期自'}</label><input id="from" name="from" type="date" value="${q.from ?? ''}"></div>
    <div><label for="to">至</label><input id="to" name="to" type="date" value="${q.to ?? ''}"></div>
    <div><button type="submit">检索</button></div>
  </form>`;
}

function contentFacts(c: PublicContent): Html {
  if (c.kind === 'inspectionResult') {
    return html`<dl class="facts">
    <dt>检查对象</dt><dd>${c.party.name}</dd>
    ${c.party.uscc ? html`<dt>统一社会信用代码</dt><dd>${c.party.uscc}</dd>` : ''}
    <dt>抽查任务</dt><dd>${c.task.name}（抽查期间 ${c.task.periodStart} 至 ${c.task.periodEnd}）</dd>
    <dt>抽查事项</dt><dd>${c.items.map((i) => `${i.code} ${i.name}`).join('；') || '—'}</dd>
    <dt>检查日期</dt><dd>${c.inspectedOn}</dd>
    <dt>检查结果</dt><dd>${c.findingLabel}</dd>
    ${c.description ? html`<dt>情况说明</dt><dd>${c.description}</dd>` : ''}
    <dt>检查实施机关</dt><dd>${c.body.name}${c.body.uscc ? `（${c.body.uscc}）` : ''}</dd>
    <dt>执法领域</dt><dd>${c.fieldLabel}</dd>
  </dl>`;
  }
  const natural = c.party.type === 'naturalPerson';
  return html`<dl class="facts">
    <dt>行政处罚决定书文号</dt><dd>${c.number}</dd>
    <dt>当事人</dt><dd>${c.party.name}（${c.party.typeLabel}）</dd>
    ${c.party.uscc ? html`<dt>统一社会信用代码</dt><dd>${c.party.uscc}</dd>` : ''}
    ${natural && c.party.idNumber ? html`<dt>身份证件号码</dt><dd>${c.party.idNumber}</dd>` : ''}
    ${c.party.legalRep ? html`<dt>法定代表人（负责人）</dt><dd>${c.party.legalRep}</dd>` : ''}
    ${c.party.address ? html`<dt>${natural ? '住址' : '住所（经营场所）'}</dt><dd>${c.party.address}</dd>` : ''}
    <dt>违法行为类型</dt><dd>${c.violation}</dd>
    <dt>违法事实</dt><dd>${c.facts}</dd>
    <dt>处罚依据</dt><dd>${c.basis || '—'}</dd>
    <dt>处罚类别</dt><dd>${[...new Set(c.penalties.map((p) => p.label))].join('、')}</dd>
    <dt>处罚内容</dt><dd>${c.penaltyText}</dd>
    ${c.fineFen ? html`<dt>罚款金额</dt><dd>${yuan(c.fineFen)}</dd>` : ''}
    ${c.confiscationFen ? html`<dt>没收金额</dt><dd>${yuan(c.confiscationFen)}</dd>` : ''}
    <dt>处罚机关</dt><dd>${c.body.name}${c.body.uscc ? `（${c.body.uscc}）` : ''}</dd>
    <dt>处罚决定日期</dt><dd>${c.decidedOn}</dd>
    <dt>执法领域</dt><dd>${c.fieldLabel}</dd>
  </dl>`;
}

function decisionPage(d: PublicDetail, keyId: string): Html {
  const c = d.current;
  const proofEntries = d.events.filter((e) => (d.listed ? e.eventType === 'publication.published' : e.eventType !== 'publication.published'));
  const latest = proofEntries.at(-1);
  const inspection = d.kind === 'inspectionResult';
  return html`<p>${inspection ? html`<a href="/portal/inspections">← 返回双随机抽查结果</a>` : html`<a href="/portal/decisions">← 返回行政处罚决定检索</a>`}</p>
  <h1>${c ? `${c.title}：${c.party.name}` : `${d.kindLabel}公示：${d.number}`}</h1>
  <p class="muted">状态：<strong>${d.stateLabel}</strong> · ${inspection ? '检查日期' : '决定日期'} ${d.decidedOn} · 公示日期 ${date(d.publishedOn)}${d.dueOn ? html` · 法定公示期限 ${d.dueOn}（${d.onTime === null ? '—' : d.onTime ? '按期公示' : '逾期公示'}）` : ''}${d.expiresOn && d.listed ? ` · 公示期至 ${d.expiresOn}` : ''}</p>
  ${!d.listed ? html`<div class="card"><p>该信息${d.stateLabel}，不再公示其内容。${d.events.filter((e) => e.eventType !== 'publication.published').map((e) => html`<br>${e.label}（${e.date}）${e.note ? `：${e.note}` : ''}`)}</p></div>` : ''}
  ${
    c
      ? html`<section class="card" aria-labelledby="summary"><h2 id="summary">公示摘要</h2>${contentFacts(c)}</section>
  ${c.kind === 'penalty' && c.text.length ? html`<section class="card decision-text" aria-labelledby="text"><h2 id="text">决定书正文（已依法处理个人信息）</h2>${c.text.map((t, i) => html`<p${i < 3 ? raw(' class="center"') : ''}>${t}</p>`)}</section>` : ''}`
      : ''
  }
  <section class="card" aria-labelledby="versions"><h2 id="versions">版本与记录</h2>
    <div class="table-wrap"><table><caption class="muted">每次公示、更正、撤回都是执法全过程记录中的一条，旧版本保留并标注。</caption>
    <thead><tr><th scope="col">版本</th><th scope="col">状态</th><th scope="col">公示日期</th><th scope="col">说明</th><th scope="col">记录条目</th></tr></thead>
    <tbody>${d.versions.map(
      (
        v,
      ) => html`<tr><td>第 ${v.version} 版</td><td>${v.statusLabel}</td><td>${v.publishedOn}</td><td>${v.statusReason ? `${v.statusOn ?? ''} ${v.statusReason}` : '—'}</td>
      <td>${d.listed ? html`<a href="/portal/decisions/${d.id}/proof.json?seq=${v.ledgerSeq}" download>第 ${v.ledgerSeq} 条 证明</a>` : `第 ${v.ledgerSeq} 条`}</td></tr>`,
    )}</tbody></table></div>
    ${d.versions.filter((v) => v.status === 'superseded' && v.content).map((v) => html`<details><summary>查看第 ${v.version} 版（已更正）</summary>${contentFacts(v.content!)}</details>`)}
  </section>
  ${
    latest
      ? html`<section class="card proof" aria-labelledby="proof"><h2 id="proof">核验这条公示</h2>
    <p>这条公示是执法全过程记录的第 <strong>${latest.seq}</strong> 条。证明文件包含公示内容、记录条目、到已签名树头的包含证明和公钥（<span data-key-id="${keyId}">公钥标识 ${keyId}</span>）。</p>
    <p><a class="button secondary" href="/portal/decisions/${d.id}/proof.json?seq=${latest.seq}" download="proof-${latest.seq}.json">下载证明（proof.json）</a>
    <button type="button" hidden data-verify="/api/public/publications/${d.id}/proof?seq=${latest.seq}" data-output="proof-result">在浏览器中核验</button></p>
    <output id="proof-result" aria-live="polite"></output>
    <p class="muted">离线核验：<code>npx fazhi proof verify proof-${latest.seq}.json</code>，或按 <a href="/portal/tree-heads#how">核验方法</a> 用任何 SM3/Ed25519 实现自行计算。</p>
  </section>`
      : ''
  }`;
}

export function registerPortal(app: App, ctx: AppContext) {
  const { db } = ctx;
  const css = readFileSync(join(ASSETS, 'portal.css'), 'utf8');

  let siteName: { at: number; name: string } | null = null;
  const site = async () => {
    if (siteName && Date.now() - siteName.at < 60_000) return siteName.name;
    const root = (await db.query<{ name: string }>('select name from orgs where is_enforcement_body order by parent_id is not null, sort_order, name limit 1'))
      .rows[0];
    siteName = { at: Date.now(), name: root ? `${root.name.replace(/市场监督管理局$/, '')}行政执法公示平台` : '行政执法公示平台' };
    return siteName.name;
  };
  const send = async (
    reply: { header: (k: string, v: string) => unknown; type: (t: string) => unknown },
    o: { title: string; path: string; body: Html; script?: boolean; description?: string },
  ) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.type(HTML);
    return page({ ...o, siteName: await site() });
  };
  const hide = { hide: true } as const;
  const bodiesFor = async () => (await publicBodies(db)).map((b) => ({ id: b.id, name: b.name }));
  /** Portal query strings: anything a browser sends is accepted, then clipped to what a search uses. */
  const searchQuery = (raw: Record<string, unknown>) => {
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
  };

  app.get('/portal/assets/portal.css', { config: { public: true }, schema: hide }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return reply.type('text/css; charset=utf-8').send(css);
  });
  app.get('/portal/assets/verify.js', { config: { public: true }, schema: hide }, async (_req, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return reply.type('text/javascript; charset=utf-8').send(await verifyScript());
  });

  app.get('/', { config: { public: true }, schema: hide }, async (_req, reply) => {
    const [latest, stats] = await Promise.all([searchPublications(db, { page: 1, pageSize: 8 }), publicStatistics(db)]);
    const head = await ctx.ledger.latestTreeHead(db);
    return send(reply, {
      title: await site(),
      path: '/',
      body: html`<h1>行政执法公示</h1>
        <p>执法主体、执法人员、权责清单、随机抽查事项在执法前公示；行政处罚决定在法定期限内公示，当事人个人信息依法处理。每一条公示都写入不可篡改的执法全过程记录，任何人都可以核验。</p>
        ${searchForm({ page: 1, pageSize: 20 }, await bodiesFor())}
        <div class="grid">
          <div class="card"><div class="stat">${stats.listed}</div>条行政处罚决定正在公示</div>
          <div class="card"><div class="stat">${stats.timelinessRate === null ? '—' : `${stats.timelinessRate}%`}</div>按期公示率（<a href="/portal/statistics">统计</a>）</div>
          <div class="card"><div class="stat">${head ? head.treeSize : 0}</div>条执法全过程记录（<a href="/portal/tree-heads">签名树头</a>）</div>
        </div>
        <h2>最新公示的行政处罚决定</h2>
        ${latest.items.length ? html`<ol class="results">${latest.items.map(decisionItem)}</ol><p><a href="/portal/decisions">查看全部 →</a></p>` : html`<p class="muted">暂无公示的行政处罚决定。</p>`}
        <h2>事前公开</h2>
        <ul><li><a href="/portal/bodies">行政执法主体及其执法依据</a></li><li><a href="/portal/officers">行政执法人员及执法证件</a></li><li><a href="/portal/powers">权责清单（含调整历史）</a></li><li><a href="/portal/inspections">随机抽查事项清单和抽查结果</a></li></ul>`,
    });
  });

  app.get('/portal', { config: { public: true }, schema: hide }, async (_req, reply) => reply.redirect('/'));

  app.get('/portal/decisions', { config: { public: true }, schema: hide }, async (req, reply) => {
    const q = searchQuery(req.query as Record<string, unknown>);
    const r = await searchPublications(db, q);
    const clipped = (q.q ?? '').length > MAX_QUERY_CHARS;
    return send(reply, {
      title: q.q ? `检索“${r.q}”` : kindTitles[q.kind],
      path: '/portal/decisions',
      body: html`<h1>${kindTitles[q.kind]}</h1>${searchForm(q, await bodiesFor())}
        ${clipped ? html`<p class="bad" role="status">检索词过长，只使用了前 ${MAX_QUERY_CHARS} 个字符。</p>` : ''}
        <p role="status">共 ${r.totalCapped ? `${r.total} 条以上` : `${r.total} 条`}${r.q ? html`与“<mark>${r.q}</mark>”相关` : ''}的公示。</p>
        ${r.items.length ? html`<ol class="results">${r.items.map(decisionItem)}</ol>` : html`<p class="muted">没有找到符合条件的公示。可尝试更短的关键词，或当事人的统一社会信用代码。</p>`}
        ${pager('/portal/decisions', { q: r.q, kind: q.kind === 'penalty' ? undefined : q.kind, bodyId: q.bodyId, field: q.field, from: q.from, to: q.to }, q.page, q.pageSize, r.total)}`,
    });
  });

  app.get(
    '/portal/decisions/:id',
    { config: { public: true }, schema: { hide: true, params: z.object({ id: z.string().min(1).max(64) }) } },
    async (req, reply) => {
      const d = await publicDetail(db, req.params.id);
      return send(reply, {
        title: d.current ? `${d.current.title}（${d.number}）` : d.number,
        path: '/portal/decisions',
        body: decisionPage(d, ctx.ledger.signer.keyId),
        script: true,
        description: d.current
          ? d.current.kind === 'inspectionResult'
            ? `${d.current.party.name}：${d.current.task.name}，${d.current.findingLabel}`
            : `${d.current.party.name}：${d.current.violation}，${d.current.penaltyText}`
          : undefined,
      });
    },
  );

  app.get(
    '/portal/decisions/:id/proof.json',
    {
      config: { public: true },
      schema: { hide: true, params: z.object({ id: z.string().min(1).max(64) }), querystring: z.object({ seq: z.coerce.number().int().min(0).optional() }) },
    },
    async (req, reply) => {
      const doc = await publicProof(ctx, req.params.id, req.query.seq);
      reply.header('content-disposition', `attachment; filename="proof-${doc.entry.seq}.json"`);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(doc, null, 2));
    },
  );

  app.get('/portal/bodies', { config: { public: true }, schema: hide }, async (_req, reply) => {
    const bodies = await publicBodies(db);
    return send(reply, {
      title: '行政执法主体',
      path: '/portal/bodies',
      body: html`<h1>行政执法主体</h1><p>以下机关以自己的名义实施行政执法，并对执法后果承担责任。</p>
        ${bodies.map(
          (b) => html`<section class="card"><h2>${b.name}</h2><dl class="facts">
          ${b.parentName ? html`<dt>上级机关</dt><dd>${b.parentName}</dd>` : ''}
          <dt>执法主体资格依据</dt><dd>${b.legalBasis ?? '—'}</dd>
          ${b.uscc ? html`<dt>统一社会信用代码</dt><dd>${b.uscc}</dd>` : ''}
          <dt>持有效执法证件人员</dt><dd><a href="/portal/officers?q=">${b.officers} 人</a></dd>
          <dt>权责清单</dt><dd><a href="/portal/powers?bodyId=${b.id}">查看</a></dd></dl></section>`,
        )}`,
    });
  });

  app.get('/portal/officers', { config: { public: true }, schema: hide }, async (req, reply) => {
    const raw0 = req.query as Record<string, unknown>;
    const q = typeof raw0.q === 'string' ? raw0.q.slice(0, 50) : '';
    const pg = Number.isInteger(Number(raw0.page)) && Number(raw0.page) >= 1 ? Math.min(Number(raw0.page), 1000) : 1;
    const r = await publicOfficers(db, { q, page: pg, pageSize: 50 });
    return send(reply, {
      title: '行政执法人员',
      path: '/portal/officers',
      body: html`<h1>行政执法人员</h1><p>持有有效行政执法证件的人员（持证上岗、亮证执法）。只公示姓名、执法证号、所在机构和执法领域。</p>
        <form class="card search" method="get" action="/portal/officers" role="search"><div class="wide"><label for="oq">姓名、执法证号或机构</label><input id="oq" name="q" type="search" value="${q}" maxlength="50"></div><div><button type="submit">查询</button></div></form>
        <p role="status">共 ${r.total} 人。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">姓名</th><th scope="col">执法证号</th><th scope="col">所在机构</th><th scope="col">执法领域</th></tr></thead>
        <tbody>${r.items.map((o) => html`<tr><td>${o.name}</td><td>${o.certificateNumber}</td><td>${o.orgName}</td><td>${o.fields.join('、')}</td></tr>`)}</tbody></table></div>
        ${pager('/portal/officers', { q }, pg, 50, r.total)}`,
    });
  });

  // the power list through its own public API (the allow-list lives there)
  app.get('/portal/powers', { config: { public: true }, schema: hide }, async (req, reply) => {
    const raw0 = req.query as Record<string, unknown>;
    const qs = new URLSearchParams();
    if (typeof raw0.bodyId === 'string' && raw0.bodyId.length <= 64 && raw0.bodyId) qs.set('bodyId', raw0.bodyId);
    if (typeof raw0.category === 'string' && (powerCategoryIds as readonly string[]).includes(raw0.category)) qs.set('category', raw0.category);
    if (typeof raw0.q === 'string' && raw0.q.trim()) qs.set('q', raw0.q.slice(0, 50));
    const res = await app.inject({ method: 'GET', url: `/api/public/powers?${qs}` });
    const data =
      res.statusCode === 200
        ? (res.json() as {
            asOf: string;
            items: {
              id: string;
              code: string;
              name: string;
              categoryLabel: string;
              bodyName: string;
              unitName: string;
              parentId: string | null;
              basis: { label: string; lawTitle: string }[];
            }[];
          })
        : { asOf: chinaToday(), items: [] };
    return send(reply, {
      title: '权责清单',
      path: '/portal/powers',
      body: html`<h1>权责清单</h1><p>截至 ${data.asOf} 现行有效的权责事项。每个事项的调整（立改废）都保留历史版本。</p>
        <form class="card search" method="get" action="/portal/powers" role="search">
          <div class="wide"><label for="pq">事项名称或编码</label><input id="pq" name="q" type="search" value="${typeof raw0.q === 'string' ? raw0.q.slice(0, 50) : ''}" maxlength="50"></div>
          <div><label for="category">职权类别</label><select id="category" name="category"><option value="">全部</option>${powerCategoryIds.map((c) => html`<option value="${c}"${raw0.category === c ? raw(' selected') : ''}>${powerCategoryLabels[c]}</option>`)}</select></div>
          <div><button type="submit">查询</button></div></form>
        <p role="status">共 ${data.items.length} 项。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">编码</th><th scope="col">事项名称</th><th scope="col">类别</th><th scope="col">实施主体 / 承办机构</th><th scope="col">设定依据</th></tr></thead>
        <tbody>${data.items.map((i) => html`<tr><td>${i.code}</td><td><a href="/portal/powers/${i.id}">${i.parentId ? '└ ' : ''}${i.name}</a></td><td>${i.categoryLabel}</td><td>${i.bodyName} / ${i.unitName}</td><td>${i.basis.map((b) => `《${b.lawTitle}》${b.label}`).join('；')}</td></tr>`)}</tbody></table></div>`,
    });
  });

  const ZPowerHistory = z.object({
    id: z.string(),
    code: z.string(),
    versions: z.array(
      z.object({
        versionNo: z.number(),
        name: z.string(),
        category: z.string(),
        categoryLabel: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        removed: z.boolean(),
        change: z.string(),
        reason: z.string(),
      }),
    ),
  });
  const powerHistory = async (id: string) => {
    const item = (
      await db.query<{ id: string; code: string }>(
        'select i.id, i.code from power_items i join orgs b on b.id = i.body_id where i.id = $1 and b.is_enforcement_body',
        [id],
      )
    ).rows[0];
    if (!item) throw new AppError('NOT_FOUND', '权责事项不存在');
    const versions = (
      await db.query<{
        versionNo: number;
        name: string;
        category: keyof typeof powerCategoryLabels;
        validFrom: string;
        validTo: string | null;
        removed: boolean;
        kind: string;
        reason: keyof typeof powerChangeReasons;
      }>(
        `select v.version_no as "versionNo", v.name, v.category, v.valid_from as "validFrom", v.valid_to as "validTo", v.removed, c.kind, c.reason
         from power_item_versions v join power_changes c on c.id = v.change_id where v.item_id = $1 and v.valid_from <= $2 order by v.version_no desc`,
        [id, chinaToday()],
      )
    ).rows;
    return {
      ...item,
      versions: versions.map((v) => ({
        versionNo: v.versionNo,
        name: v.name,
        category: v.category,
        categoryLabel: powerCategoryLabels[v.category],
        validFrom: v.validFrom,
        validTo: v.validTo,
        removed: v.removed,
        change: ({ add: '新增', amend: '变更', remove: '取消' } as Record<string, string>)[v.kind] ?? v.kind,
        reason: powerChangeReasons[v.reason] ?? v.reason,
      })),
    };
  };
  app.get(
    '/api/public/powers/:id/history',
    {
      config: { public: true },
      schema: {
        tags: ['权责清单（公开）'],
        summary: '权责事项的调整历史（公开）：各版本的名称、类别、有效期、调整类型和原因',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: ZPowerHistory, ...errorResponses },
      },
    },
    async (req) => powerHistory(req.params.id),
  );

  app.get(
    '/portal/powers/:id',
    { config: { public: true }, schema: { hide: true, params: z.object({ id: z.string().min(1).max(64) }) } },
    async (req, reply) => {
      const h = await powerHistory(req.params.id);
      const cur = await app.inject({ method: 'GET', url: `/api/public/powers/${encodeURIComponent(req.params.id)}` });
      const item =
        cur.statusCode === 200
          ? (cur.json() as {
              name: string;
              code: string;
              categoryLabel: string;
              bodyName: string;
              unitName: string;
              basis: { label: string; lawTitle: string }[];
              responsibilities: string[];
              accountability: string[];
              steps: { name: string; timeLimit: string | null }[];
              materials: string[];
              timeLimit: string | null;
              fee: string | null;
              office: string | null;
              phone: string | null;
            })
          : null;
      return send(reply, {
        title: item?.name ?? h.code,
        path: '/portal/powers',
        body: html`<p><a href="/portal/powers">← 返回权责清单</a></p><h1>${item?.name ?? h.code}</h1>
        ${
          item
            ? html`<section class="card"><dl class="facts"><dt>事项编码</dt><dd>${item.code}</dd><dt>职权类别</dt><dd>${item.categoryLabel}</dd><dt>实施主体</dt><dd>${item.bodyName}</dd><dt>承办机构</dt><dd>${item.unitName}</dd>
          <dt>设定依据</dt><dd>${item.basis.map((b) => `《${b.lawTitle}》${b.label}`).join('；') || '—'}</dd><dt>责任事项</dt><dd>${item.responsibilities.join('；') || '—'}</dd><dt>追责情形</dt><dd>${item.accountability.join('；') || '—'}</dd>
          ${item.steps.length ? html`<dt>办理流程</dt><dd><ol>${item.steps.map((s) => html`<li>${s.name}${s.timeLimit ? `（${s.timeLimit}）` : ''}</li>`)}</ol></dd>` : ''}
          ${item.materials.length ? html`<dt>申请材料</dt><dd>${item.materials.join('；')}</dd>` : ''}${item.timeLimit ? html`<dt>办理时限</dt><dd>${item.timeLimit}</dd>` : ''}${item.fee ? html`<dt>收费标准</dt><dd>${item.fee}</dd>` : ''}${item.office ? html`<dt>办理地点</dt><dd>${item.office}</dd>` : ''}${item.phone ? html`<dt>咨询电话</dt><dd>${item.phone}</dd>` : ''}</dl></section>`
            : html`<p class="muted">该事项现已取消或尚未生效。</p>`
        }
        <h2>调整历史</h2><div class="table-wrap"><table><thead><tr><th scope="col">版本</th><th scope="col">名称</th><th scope="col">调整</th><th scope="col">原因</th><th scope="col">有效期</th></tr></thead>
        <tbody>${h.versions.map((v) => html`<tr><td>${v.versionNo}</td><td>${v.name}</td><td>${v.change}</td><td>${v.reason}</td><td>${v.validFrom} 至 ${v.validTo ?? '今'}</td></tr>`)}</tbody></table></div>`,
      });
    },
  );

  app.get('/portal/inspections', { config: { public: true }, schema: hide }, async (_req, reply) => {
    const get = async <T>(url: string, empty: T): Promise<T> => {
      const r = await app.inject({ method: 'GET', url });
      return r.statusCode === 200 ? (r.json() as T) : empty;
    };
    const items = await get<{
      items: {
        body: string;
        code: string;
        name: string;
        subjectType: string;
        content: string;
        method: string;
        ratioNote: string | null;
        frequency: string | null;
      }[];
    }>('/api/public/inspections/items', { items: [] });
    type Current = { publicationId: string; uscc: string; name: string; inspectedOn: string; findingLabel: string; version: number };
    const results = await get<{
      items: {
        taskId: string;
        publishedAt: string;
        content: {
          task?: { name: string; body: string; periodStart: string; periodEnd: string };
          items?: { code: string; name: string }[];
          results?: { uscc: string; name: string; findingLabel: string; inspectedOn: string }[];
        };
        current: Current[];
      }[];
    }>('/api/public/inspections/results', { items: [] });
    return send(reply, {
      title: '双随机抽查',
      path: '/portal/inspections',
      body: html`<h1>双随机、一公开</h1><h2>随机抽查事项清单</h2>
        <div class="table-wrap"><table><thead><tr><th scope="col">编码</th><th scope="col">抽查事项</th><th scope="col">检查对象</th><th scope="col">检查内容</th><th scope="col">方式</th><th scope="col">比例 / 频次</th><th scope="col">实施主体</th></tr></thead>
        <tbody>${items.items.map((i) => html`<tr><td>${i.code}</td><td>${i.name}</td><td>${i.subjectType}</td><td>${i.content}</td><td>${i.method}</td><td>${i.ratioNote ?? '—'} / ${i.frequency ?? '—'}</td><td>${i.body}</td></tr>`)}</tbody></table></div>
        <h2>抽查结果</h2>${
          results.items.length
            ? results.items.map(
                (r) => html`<section class="card"><h3>${r.content.task?.name ?? r.taskId}</h3>
          <p class="muted">${r.content.task?.body ?? ''} · 抽查期间 ${r.content.task?.periodStart ?? ''} 至 ${r.content.task?.periodEnd ?? ''} · 公示于 ${r.publishedAt.slice(0, 10)} · <a href="/api/public/inspections/draws/${r.taskId}">抽取公示文件（可复核）</a></p>
          <div class="table-wrap"><table><thead><tr><th scope="col">检查对象</th><th scope="col">统一社会信用代码</th><th scope="col">检查日期</th><th scope="col">检查结果</th></tr></thead>
          <tbody>${r.current.map((x) => html`<tr><td><a href="/portal/decisions/${x.publicationId}">${x.name}</a></td><td>${x.uscc}</td><td>${x.inspectedOn}</td><td>${x.findingLabel}${x.version > 1 ? html`<span class="tag">已更正</span>` : ''}</td></tr>`)}</tbody></table></div>
          ${(r.content.results ?? []).length > r.current.length ? html`<p class="muted">另有 ${(r.content.results ?? []).length - r.current.length} 户的结果已撤回公示。</p>` : ''}</section>`,
              )
            : html`<p class="muted">暂无公示的抽查结果。</p>`
        }
        <p><a href="/portal/decisions?kind=inspectionResult">按检查对象名称或统一社会信用代码检索抽查结果 →</a></p>`,
    });
  });

  app.get('/portal/tree-heads', { config: { public: true }, schema: hide }, async (req, reply) => {
    const raw0 = req.query as Record<string, unknown>;
    const heads = await ctx.ledger.treeHeads(db, 50, 0);
    const from = Number(raw0.from);
    const to = Number(raw0.to);
    let check: Html = html``;
    if (Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= from) {
      const [a, b] = await Promise.all([ctx.ledger.treeHeadBySize(db, from), ctx.ledger.treeHeadBySize(db, to)]);
      if (!a || !b) check = html`<p class="bad" role="status">没有该大小的签名树头。</p>`;
      else {
        const proof = await ctx.ledger.consistencyProof(db, from, to);
        const pem = ctx.ledger.signer.publicKeyPem;
        const ok =
          verifySignature(pem, treeHeadMessage(a), a.signature) &&
          verifySignature(pem, treeHeadMessage(b), b.signature) &&
          verifyConsistency(a.hashAlg, from, to, a.rootHash, b.rootHash, proof);
        check = html`<div class="card"><p class="${ok ? 'ok' : 'bad'}" role="status">服务器核验：大小 ${from} → ${to} 的一致性证明${ok ? '通过' : '不通过'}（${proof.length} 个哈希）。</p>
          <pre>${proof.join('\n')}</pre>
          <button type="button" hidden data-consistency="/api/record/consistency?from=${from}&to=${to}" data-output="consistency-result">在浏览器中重新计算</button><output id="consistency-result" aria-live="polite"></output></div>`;
      }
    }
    const pem = ctx.ledger.signer.publicKeyPem;
    return send(reply, {
      title: '签名树头',
      path: '/portal/tree-heads',
      script: true,
      body: html`<h1>签名树头</h1><p>签名树头是对执法全过程记录某一时刻的大小和默克尔根的签名。两个树头之间的一致性证明表明：后来的记录只是在先前记录之后追加，先前的内容一条也没有改动。</p>
        <section class="card"><h2>公钥（Ed25519）</h2><p>公钥标识 <code>${ctx.ledger.signer.keyId}</code></p><pre data-public-key="${pem}">${pem}</pre></section>
        <section class="card"><h2>一致性核验</h2><form method="get" action="/portal/tree-heads" class="search">
          <div><label for="from">较早树头的大小</label><input id="from" name="from" type="number" min="1" required value="${Number.isInteger(from) && from > 0 ? from : (heads.at(-1)?.treeSize ?? '')}"></div>
          <div><label for="to">较晚树头的大小</label><input id="to" name="to" type="number" min="1" required value="${Number.isInteger(to) && to > 0 ? to : (heads[0]?.treeSize ?? '')}"></div>
          <div><button type="submit">核验</button></div></form>${check}</section>
        <h2>历史树头（最近 50 个）</h2><div class="table-wrap"><table><thead><tr><th scope="col">记录大小</th><th scope="col">根哈希</th><th scope="col">算法</th><th scope="col">签名时间</th><th scope="col">签名</th></tr></thead>
        <tbody>${heads.map((h) => html`<tr><td>${h.treeSize}</td><td><code>${h.rootHash}</code></td><td>${h.hashAlg.toUpperCase()}</td><td>${h.signedAt}</td><td><code>${h.signature.slice(0, 24)}…</code></td></tr>`)}</tbody></table></div>
        <p>全部树头：<a href="/api/public/tree-heads?limit=500">/api/public/tree-heads</a></p>
        <section class="card" id="how"><h2>核验方法</h2><ol>
          <li>内容哈希 = SM3(规范 JSON(公示内容))；规范 JSON：键按字典序、无空白。</li>
          <li>叶子哈希 = SM3(0x00 ‖ 规范 JSON({v, seq, recordedAt, actorId, actorName, orgId, matterType, matterId, eventType, payloadHash, hashAlg}))。</li>
          <li>按 RFC 9162 §2.1.3.2 用证明中的哈希（节点哈希 = SM3(0x01 ‖ 左 ‖ 右)）计算到根哈希，与签名树头比对。</li>
          <li>用上面的公钥核验树头签名：Ed25519(规范 JSON({origin:"fazhi/enforcement-record/v1", treeSize, rootHash, hashAlg, signedAt, keyId}))。</li></ol></section>`,
    });
  });

  app.get('/portal/statistics', { config: { public: true }, schema: hide }, async (_req, reply) => {
    const s = await publicStatistics(db);
    const max = Math.max(1, ...s.byMonth.map((m) => m.count));
    return send(reply, {
      title: '公示统计',
      path: '/portal/statistics',
      body: html`<h1>公示统计</h1>
        <div class="grid"><div class="card"><div class="stat">${s.total}</div>条行政处罚信息已公示（含已撤回、期满）</div><div class="card"><div class="stat">${s.listed}</div>条正在公示</div>
          <div class="card"><div class="stat">${s.timelinessRate === null ? '—' : `${s.timelinessRate}%`}</div>按期公示率（按期 ${s.onTime}，逾期 ${s.late}）</div><div class="card"><div class="stat">${s.corrected} / ${s.withdrawn}</div>更正 / 撤回</div></div>
        <h2>按月（决定日期）</h2><div class="table-wrap"><table><thead><tr><th scope="col">月份</th><th scope="col">公示数</th><th scope="col"><span class="muted">图示</span></th></tr></thead>
        <tbody>${s.byMonth.map((m) => html`<tr><td>${m.month}</td><td>${m.count}</td><td class="bars" aria-hidden="true"><div style="width:${Math.round((m.count / max) * 100)}%"></div></td></tr>`)}</tbody></table></div>
        <h2>按执法领域</h2><div class="table-wrap"><table><thead><tr><th scope="col">领域</th><th scope="col">公示数</th></tr></thead><tbody>${s.byField.map((f) => html`<tr><td>${f.fieldLabel}</td><td>${f.count}</td></tr>`)}</tbody></table></div>
        <h2>按执法主体（及时性）</h2><div class="table-wrap"><table><thead><tr><th scope="col">执法主体</th><th scope="col">已公示</th><th scope="col">按期</th></tr></thead><tbody>${s.byBody.map((b) => html`<tr><td>${b.bodyName}</td><td>${b.published}</td><td>${b.onTime}</td></tr>`)}</tbody></table></div>
        <p class="muted">数据接口：<a href="/api/public/publicity-statistics">/api/public/publicity-statistics</a></p>`,
    });
  });

  const origin = (req: { protocol: string; hostname: string; headers: Record<string, unknown> }) =>
    `${req.protocol}://${String(req.headers.host ?? req.hostname)}`;

  app.get('/portal/feed.json', { config: { public: true }, schema: hide }, async (req, reply) => {
    const base = origin(req);
    const items = await currentPublications(db, 50);
    return reply.type('application/feed+json; charset=utf-8').send(
      JSON.stringify(
        {
          version: 'https://jsonfeed.org/version/1.1',
          title: `${await site()}：行政处罚决定公示`,
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
      ),
    );
  });

  app.get('/portal/feed.xml', { config: { public: true }, schema: hide }, async (req, reply) => {
    const base = origin(req);
    const items = await currentPublications(db, 50);
    const x = escapeHtml;
    const rfc822 = (d: string) => new Date(`${d}T00:00:00+08:00`).toUTCString();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${x(await site())}：行政处罚决定公示</title><link>${x(base)}/</link><description>行政处罚决定公示</description><language>zh-cn</language>\n${items
      .map(
        (i) =>
          `<item><title>${x(`${i.content.party.name}（${i.content.number}）`)}</title><link>${x(`${base}/portal/decisions/${i.id}`)}</link><guid isPermaLink="false">${x(`${i.id}#v${i.version}`)}</guid><pubDate>${rfc822(i.publishedOn)}</pubDate><category>${x(i.content.fieldLabel)}</category><description>${x(`违法行为：${i.content.violation}。处罚内容：${i.content.penaltyText}。处罚机关：${i.content.body.name}。`)}</description></item>`,
      )
      .join('\n')}\n</channel></rss>\n`;
    return reply.type('application/rss+xml; charset=utf-8').send(xml);
  });

  app.get('/portal/download', { config: { public: true }, schema: hide }, async (_req, reply) =>
    send(reply, {
      title: '数据下载',
      path: '/portal/download',
      body: html`<h1>数据下载</h1><p>正在公示的全部行政处罚决定（公示内容，已依法处理个人信息），每条附带其记录条目序号，可逐条下载证明核验。</p>
      <ul><li><a href="/portal/download/publications.json" download>publications.json</a>（JSON，含完整公示内容）</li><li><a href="/portal/download/publications.csv" download>publications.csv</a>（CSV，UTF-8，摘要字段）</li>
      <li><a href="/portal/feed.xml">RSS 订阅</a> · <a href="/portal/feed.json">JSON Feed</a></li><li>开放接口：<a href="/api/docs">/api/docs</a>（标注“公开”的接口无需登录）</li></ul>`,
    }),
  );

  app.get('/portal/download/publications.json', { config: { public: true }, schema: hide }, async (_req, reply) => {
    const items = await currentPublications(db, 100_000);
    reply.header('content-disposition', 'attachment; filename="publications.json"');
    return reply.type('application/json; charset=utf-8').send(
      JSON.stringify({
        generatedAt: new Date().toISOString(),
        count: items.length,
        items: items.map((i) => ({ id: i.id, version: i.version, publishedOn: i.publishedOn, ledgerSeq: i.ledgerSeq, content: i.content })),
      }),
    );
  });

  app.get('/portal/download/publications.csv', { config: { public: true }, schema: hide }, async (_req, reply) => {
    const items = await currentPublications(db, 100_000);
    const cell = (v: string | number) => {
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    const head = [
      '公示编号',
      '版本',
      '文号',
      '当事人',
      '统一社会信用代码',
      '违法行为类型',
      '处罚内容',
      '罚款金额（元）',
      '处罚机关',
      '决定日期',
      '公示日期',
      '记录条目',
    ];
    const rows = items.map((i) =>
      [
        i.id,
        i.version,
        i.content.number,
        i.content.party.name,
        i.content.party.uscc ?? '',
        i.content.violation,
        i.content.penaltyText,
        (i.content.fineFen / 100).toFixed(2),
        i.content.body.name,
        i.content.decidedOn,
        i.publishedOn,
        i.ledgerSeq,
      ]
        .map(cell)
        .join(','),
    );
    reply.header('content-disposition', 'attachment; filename="publications.csv"');
    return reply.type('text/csv; charset=utf-8').send(`\uFEFF${[head.join(','), ...rows].join('\r\n')}\r\n`);
  });
}
