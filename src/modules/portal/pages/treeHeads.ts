/** The view of the signed tree heads, the public key, a consistency check between two heads and how to verify. */
import { dataTable, type Html, html, moment } from '../html.ts';
import type { PageContent } from '../site.ts';

export interface TreeHeadRow {
  treeSize: number;
  rootHash: string;
  hashAlg: string;
  signedAt: string;
  signature: string;
}

/** A consistency check the server ran: absent when none was asked for, `missing` when a head of that size does not exist. */
export type ConsistencyCheck = { from: number; to: number } & ({ missing: true } | { missing: false; ok: boolean; proof: string[] });

export interface TreeHeadsData {
  heads: TreeHeadRow[];
  keyId: string;
  publicKeyPem: string;
  /** the sizes typed in the form (NaN when none) */
  from: number;
  to: number;
  check: ConsistencyCheck | null;
}

function checkView(c: ConsistencyCheck | null): Html {
  if (!c) return html``;
  if (c.missing) return html`<p class="bad" role="status">没有该大小的签名树头。</p>`;
  return html`<div class="card"><p class="${c.ok ? 'ok' : 'bad'}" role="status">服务器核验：大小 ${c.from} → ${c.to} 的一致性证明${c.ok ? '通过' : '不通过'}（${c.proof.length} 个哈希）。</p>
          <pre>${c.proof.join('\n')}</pre>
          <button type="button" hidden data-consistency="/api/record/consistency?from=${c.from}&to=${c.to}" data-output="consistency-result">在浏览器中重新计算</button><output id="consistency-result" aria-live="polite"></output></div>`;
}

export function treeHeadsPage(d: TreeHeadsData): PageContent {
  const { heads, from, to } = d;
  const pem = d.publicKeyPem;
  return {
    title: '签名树头',
    path: '/portal/tree-heads',
    script: true,
    body: html`<h1>签名树头</h1><p>签名树头是对执法全过程记录某一时刻的大小和默克尔根的签名。两个树头之间的一致性证明表明：后来的记录只是在先前记录之后追加，先前的内容一条也没有改动。</p>
        <section class="card"><h2>公钥（Ed25519）</h2><p>公钥标识 <code>${d.keyId}</code></p><pre data-public-key="${pem}">${pem}</pre></section>
        <section class="card"><h2>一致性核验</h2><form method="get" action="/portal/tree-heads" class="search">
          <div><label for="from">较早树头的大小</label><input id="from" name="from" type="number" min="1" required value="${Number.isInteger(from) && from > 0 ? from : (heads.at(-1)?.treeSize ?? '')}"></div>
          <div><label for="to">较晚树头的大小</label><input id="to" name="to" type="number" min="1" required value="${Number.isInteger(to) && to > 0 ? to : (heads[0]?.treeSize ?? '')}"></div>
          <div><button type="submit">核验</button></div></form>${checkView(d.check)}</section>
        <h2>历史树头（最近 50 个）</h2>${dataTable<TreeHeadRow>(
          [
            { label: '记录大小', cell: (h) => h.treeSize },
            { label: '根哈希', cell: (h) => html`<code>${h.rootHash}</code>` },
            { label: '算法', cell: (h) => h.hashAlg.toUpperCase() },
            { label: '签名时间（北京时间）', cell: (h) => moment(h.signedAt) },
            { label: '签名', cell: (h) => html`<code>${h.signature.slice(0, 24)}…</code>` },
          ],
          heads,
        )}
        <p>全部树头：<a href="/api/public/tree-heads?limit=500">/api/public/tree-heads</a></p>
        <section class="card" id="how"><h2>核验方法</h2><ol>
          <li>内容哈希 = SM3(规范 JSON(公示内容))；规范 JSON：键按字典序、无空白。</li>
          <li>叶子哈希 = SM3(0x00 ‖ 规范 JSON({v, seq, recordedAt, actorId, actorName, orgId, matterType, matterId, eventType, payloadHash, hashAlg}))。</li>
          <li>按 RFC 9162 §2.1.3.2 用证明中的哈希（节点哈希 = SM3(0x01 ‖ 左 ‖ 右)）计算到根哈希，与签名树头比对。</li>
          <li>用上面的公钥核验树头签名：Ed25519(规范 JSON({origin:"fazhi/enforcement-record/v1", treeSize, rootHash, hashAlg, signedAt, keyId}))。</li></ol></section>`,
  };
}
