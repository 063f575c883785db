/**
 * The portal's decision search (publicity/public.ts) at small scale, against answers computed here in
 * JavaScript: which publications a query finds (bigrams, lone characters, several words, ASCII words, a
 * uscc), in which order, that unlisted ones never appear, the capped count and the pager past it — and
 * that migration 0020's backfill gives an existing row exactly the vector publicationDocument gives.
 * Synthetic publications are written straight into the tables by the owner (the record's triggers off
 * around that insert: the search reads tables, not the record); a demo decision checks the real path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenDocument } from '../src/domain/cjkTokens.ts';
import { hanChars, publicationDocument, publicationTsquery } from '../src/domain/publicity/searchTokens.ts';
import { isCommon, MAX_COUNT, searchPublications, searchSql, tokenShares } from '../src/modules/publicity/public.ts';
import { createTestEnv, type TestEnv } from './helpers.ts';

let env: TestEnv;
let body: string;
const N = 1100;
const SURNAMES = ['鑫隆', '惠民', '百味', '康源', '華聯', '永辉'];
const TRADES = ['超市', '便利店', '食品', '药房'];
const VIOLATIONS = ['经营超过保质期的食品', '未明码标价', '发布虚假广告 ABC123'];
const STATES = ['published', 'published', 'published', 'corrected', 'withdrawalDue', 'withdrawn', 'scheduled', 'ended'];
const LISTED = new Set(['published', 'corrected', 'withdrawalDue']);

interface Pub {
  id: string;
  kind: string;
  name: string;
  violation: string;
  state: string;
  decidedOn: string;
  text: string;
}
const pubs: Pub[] = [];

const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + (i % 97) * 86_400_000).toISOString().slice(0, 10);
/** what the search must find: every word of the query (normalised as the tokens are) is a substring of the text */
const norm = (s: string) => s.normalize('NFKC').toLowerCase();
const expected = (q: string, kind = 'penalty') =>
  pubs
    .filter(
      (p) =>
        p.kind === kind &&
        LISTED.has(p.state) &&
        norm(q)
          .split(/\s+/)
          .filter(Boolean)
          .every((w) => norm(p.text).includes(w)),
    )
    .sort((a, b) => (a.decidedOn !== b.decidedOn ? (a.decidedOn < b.decidedOn ? 1 : -1) : a.id < b.id ? 1 : -1))
    .map((p) => p.id);

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  body = (await env.ctx.db.query<{ id: string }>('select id from orgs where is_enforcement_body order by id limit 1')).rows[0].id;
  for (let i = 0; i < N; i++) {
    const name = `示例区${SURNAMES[i % SURNAMES.length]}${TRADES[(i >> 1) % TRADES.length]}${i}号`;
    const violation = VIOLATIONS[i % VIOLATIONS.length];
    const id = `srch-${String(i).padStart(5, '0')}`;
    const kind = i % 50 === 7 ? 'inspectionResult' : 'penalty';
    // the first thousand are listed (so a broad word has more than MAX_COUNT hits); the rest cycle through every state
    const state = i < 1000 ? (i % 3 ? 'published' : 'corrected') : STATES[i % STATES.length];
    pubs.push({ id, kind, name, violation, state, decidedOn: day(i), text: `${name} 示市监处罚〔2024〕${i}号 ${violation}` });
  }
  await env.owner.query('alter table matters disable trigger matters_recorded');
  await env.owner.query('alter table publications disable trigger publications_recorded');
  await env.owner.query(
    `insert into matters (id, type, workflow_version, state, org_id, title)
     select x.id, 'publication', 1, x.state, $2, 'search test' from json_to_recordset($1::json) as x(id text, state text)`,
    [JSON.stringify(pubs), body],
  );
  await env.owner.query(
    `insert into publications (id, kind, source_type, source_id, body_id, procedure, decided_on, channels, state, number, party_type, party_name, violation, field,
                               current_version, published_on, search_text, search_vec)
     select x.id, x.kind, 'searchTest', x.id, $2, 'ordinary', x.decided_on::date, array['portal'], x.state, x.id, 'organisation', x.name, x.violation, 'food',
            1, x.decided_on::date, x.text, to_tsvector('simple', x.doc)
       from json_to_recordset($1::json) as x(id text, kind text, name text, violation text, state text, decided_on text, text text, doc text)`,
    [JSON.stringify(pubs.map((p) => ({ ...p, decided_on: p.decidedOn, doc: publicationDocument(p.text) }))), body],
  );
  await env.owner.query('alter table publications enable trigger publications_recorded');
  await env.owner.query('alter table matters enable trigger matters_recorded');
  // statistics: a word in most rows (示例区) is then common — counted by the probe of the newest rows, paged by the walk
  await env.owner.query('analyze publications');
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const ids = async (q: string, kind: 'penalty' | 'inspectionResult' = 'penalty') => {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const r = await searchPublications(env.ctx.db, { q, kind, page, pageSize: 100 });
    out.push(...r.items.map((i) => i.id).filter((id) => id.startsWith('srch-')));
    if (r.items.length < 100) return out;
  }
};

describe('tokens', () => {
  it('a publication document holds its bigrams and each Han character once; the law library’s document is unchanged', () => {
    expect(publicationDocument('鑫隆超市 ABC')).toBe('鑫隆 隆超 超市 abc 鑫 隆 超 市');
    expect(tokenDocument('鑫隆超市 ABC')).toBe('鑫隆 隆超 超市 abc');
    expect(hanChars('華聯 华联 豈')).toEqual(['華', '聯', '华', '联', '豈']);
    expect(publicationTsquery('隆')).toBe("'隆'");
    expect(publicationTsquery('鑫隆 市')).toBe("'鑫隆' & '市'");
    expect(publicationTsquery('〔〕')).toBeNull();
  });
});

describe('search', () => {
  it('finds exactly the publications holding every word, newest first, for bigrams, lone characters, ASCII words and several words', async () => {
    for (const q of ['鑫隆', '隆', '市', '鑫隆 药房', '超过保质期', '明码 康源', 'abc123', 'ABC123', '華聯', '不存在']) {
      expect(await ids(q), q).toEqual(expected(q));
    }
    expect(expected('隆').length).toBeGreaterThan(100);
    expect(expected('鑫隆 药房').length).toBeGreaterThan(0);
  });

  it('the statistics tell a common word from a rare one', async () => {
    const share = await tokenShares(env.ctx.db);
    expect(isCommon(share, ['示例', '例区'])).toBe(true);
    expect(isCommon(share, ['示例', '不存'])).toBe(false);
    expect(isCommon(share, [])).toBe(false);
    // a phrase with a common token looks up only its rare ones in the index and checks the whole phrase on what they find
    expect(isCommon(share, ['区不', '不存', '存在'])).toBe(false);
    const s = searchSql({ q: '示例区不存在', page: 1, pageSize: 20 }, share);
    expect(s.params).toContain("'区不' & '不存' & '存在'");
    expect(s.params).toContain("'示例' & '例区' & '区不' & '不存' & '存在'");
    expect(s.sql).toContain("(p.search_vec || ''::tsvector) @@");
  });

  it('a lone character goes through the index, not a substring scan', () => {
    const s = searchSql({ q: '隆', page: 1, pageSize: 20 });
    expect(s.sql).not.toMatch(/ilike/i);
    expect(s.params).toContain("'隆'");
  });

  it('the other kind, withdrawn, ended and scheduled publications are not listed', async () => {
    expect(await ids('示例区', 'inspectionResult')).toEqual(expected('示例区', 'inspectionResult'));
    const hidden = pubs.filter((p) => !LISTED.has(p.state)).map((p) => p.id);
    expect(hidden.length).toBeGreaterThan(0);
    const all = await ids('示例区');
    for (const id of hidden) expect(all).not.toContain(id);
    expect(all).toEqual(expected('示例区'));
  });

  it('a uscc matches the party’s code exactly', async () => {
    const demo = await searchPublications(env.ctx.db, { q: '91990105ma01abcd2w', page: 1, pageSize: 20 });
    expect(demo.items.map((i) => i.partyName)).toContain('示例区鑫隆超市有限公司');
    expect(demo.items.every((i) => i.partyUscc === '91990105MA01ABCD2W')).toBe(true);
  });

  it('the count stops at MAX_COUNT; the portal says 以上 and its pager keeps going while pages are full', async () => {
    const want = expected('示例区');
    expect(want.length).toBeGreaterThan(MAX_COUNT);
    const r = await searchPublications(env.ctx.db, { q: '示例区', page: 1, pageSize: 20 });
    expect(r).toMatchObject({ total: MAX_COUNT, totalCapped: true });
    const small = await searchPublications(env.ctx.db, { q: '鑫隆 药房', page: 1, pageSize: 20 });
    expect(small).toMatchObject({ total: expected('鑫隆 药房').length, totalCapped: false });

    // every listed decision with 示例区 (the demo's too), in the API's order
    const all: string[] = [];
    for (let p = 1; ; p++) {
      const items = (await searchPublications(env.ctx.db, { q: '示例区', page: p, pageSize: 100 })).items;
      all.push(...items.map((i) => i.id));
      if (items.length < 100) break;
    }
    const lastPage = Math.ceil(all.length / 20);
    expect(lastPage).toBeGreaterThan(MAX_COUNT / 20);
    const page = (p: number) => env.app.inject({ method: 'GET', url: `/portal/decisions?q=${encodeURIComponent('示例区')}&page=${p}` });
    const onPage = (html: string) => [...html.matchAll(/<h3><a href="\/portal\/decisions\/([^"]+)">/g)].map((m) => m[1]);
    const first = await page(1);
    expect(first.body).toContain(`共 ${MAX_COUNT} 条以上`);
    expect(first.body).toContain('rel="next"');
    expect(onPage(first.body)).toEqual(all.slice(0, 20));
    const beyond = await page(lastPage - 1);
    expect(beyond.body).toContain(`第 ${lastPage - 1} 页`);
    expect(beyond.body).toContain('rel="next"');
    expect(onPage(beyond.body)).toEqual(all.slice((lastPage - 2) * 20, (lastPage - 1) * 20));
    const last = await page(lastPage);
    expect(onPage(last.body)).toEqual(all.slice((lastPage - 1) * 20));
    expect(last.body).toContain('rel="prev"');
    expect(last.body.includes('rel="next"')).toBe(all.length % 20 === 0);
  });
});

describe('migration 0020', () => {
  it('the backfill gives an old row (bigrams only) the lexemes publicationDocument gives (positions aside: no query uses them)', async () => {
    const sql = readFileSync(join(import.meta.dirname, '../src/platform/db/migrations/0020_search_and_import.sql'), 'utf8');
    const update = /update publications p[\s\S]*?where p\.search_text <> '';/.exec(sql)?.[0];
    expect(update).toBeTruthy();
    const sample = pubs.filter((_, i) => i % 37 === 0);
    await env.owner.query('alter table publications disable trigger publications_recorded');
    try {
      for (const p of sample)
        await env.owner.query(`update publications set search_vec = to_tsvector('simple', $2) where id = $1`, [p.id, tokenDocument(p.text)]);
      expect((await ids('隆')).length).toBeLessThan(expected('隆').length);
      await env.owner.query(update!.replace('where p.search_text', `where p.id like 'srch-%' and p.search_text`));
      for (const p of sample) {
        const row = (
          await env.owner.query(
            `select tsvector_to_array(search_vec) = tsvector_to_array(to_tsvector('simple', $2)) as same, search_vec::text as v from publications where id = $1`,
            [p.id, publicationDocument(p.text)],
          )
        ).rows[0] as { same: boolean; v: string };
        expect(row.same, `${p.id}: ${row.v}`).toBe(true);
      }
    } finally {
      await env.owner.query('alter table publications enable trigger publications_recorded');
    }
    expect(await ids('隆')).toEqual(expected('隆'));
  });
});
