/**
 * 断点续传: evidence over the tus 1.0 protocol (`/api/uploads`). An upload interrupted halfway is resumed from
 * the offset the server reports (HEAD), completes into the content-addressed blob store and the record through the
 * same command as the one-request upload (one `evidence.uploaded` entry); creation asks the matter's policy like
 * that upload (a sibling district 404, a role without the ability 403 — nothing written); an upload is only its
 * creator's; a wrong offset, an oversized file and bytes beyond the declared size are refused in Chinese; incomplete
 * uploads expire.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '../src/modules/record/upload-evidence.ts';
import { expireUploads, UPLOAD_EXPIRY_MS } from '../src/modules/record/uploads.ts';
import { blobCount, createTestEnv, ledgerSize, login, type Session, type TestEnv } from './helpers.ts';

let env: TestEnv;
let base: string;
let zhifa: Session, erquZhifa: Session, lingdao: Session;
let openCase: string;

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
  [zhifa, erquZhifa, lingdao] = await Promise.all(['zhifa', 'erqu_zhifa', 'lingdao'].map((u) => login(env.app, u)));
  openCase = (await env.ctx.db.query<{ id: string }>(`select id from cases where party ->> 'name' = '示例区康源健康科技有限公司'`)).rows[0].id;
}, 240_000);
afterAll(async () => env?.close());

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const metadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');

const tus = (s: Session | null, extra: Record<string, string> = {}) => ({
  'tus-resumable': '1.0.0',
  ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
  ...extra,
});

async function create(s: Session, size: number, meta: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/uploads`, {
    method: 'POST',
    headers: tus(s, {
      'upload-length': String(size),
      'upload-metadata': metadata({ matterType: 'case', matterId: openCase, fileName: '现场照片.jpg', contentType: 'image/jpeg', ...meta }),
      ...headers,
    }),
  });
}

const patch = (s: Session, location: string, offset: number, bytes: Buffer) =>
  fetch(`${base}${location}`, {
    method: 'PATCH',
    headers: tus(s, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }),
    body: new Uint8Array(bytes),
  });

const head = (s: Session, location: string) => fetch(`${base}${location}`, { method: 'HEAD', headers: tus(s) });

/** Sends the first `sent` bytes of a PATCH that declares all of `bytes`, then drops the connection. */
function patchAndDrop(s: Session, location: string, bytes: Buffer, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const req = request(`${base}${location}`, {
      method: 'PATCH',
      headers: tus(s, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) }),
    });
    req.on('error', () => resolve());
    req.on('response', () => resolve());
    req.write(bytes.subarray(0, sent), () => setTimeout(() => (req.destroy(), resolve()), 300));
  });
}

const uploadsDir = () => join(env.config.dataDir, 'uploads');
const uploadFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : []);

async function written() {
  const files = (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from evidence_files')).rows[0].n;
  return { ledger: await ledgerSize(env), files, blobs: blobCount(env), uploads: uploadFiles().length };
}

const errorOf = async (r: Response) => JSON.parse(await r.text()).error as { code: string; message: string };

describe('a resumable evidence upload', () => {
  it('is interrupted halfway, resumed from the offset HEAD reports, and registered once with its hash', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const half = bytes.length / 2;
    const before = await written();
    const created = await create(zhifa, bytes.length, { description: '现场检查照片' });
    expect(created.status, await created.clone().text()).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]+$/);
    expect(created.headers.get('upload-expires')).toBeTruthy();

    // the phone loses its connection after half the file
    await patchAndDrop(zhifa, location, bytes, half);
    let offset = 0;
    for (let i = 0; i < 50 && offset < half; i++) {
      const h = await head(zhifa, location);
      expect(h.status).toBe(200);
      expect(h.headers.get('upload-length')).toBe(String(bytes.length));
      offset = Number(h.headers.get('upload-offset'));
      if (offset < half) await new Promise((r) => setTimeout(r, 100));
    }
    expect(offset).toBe(half);
    expect((await env.ctx.db.query('select 1 from evidence_files where file_name = $1', ['现场照片.jpg'])).rows.length).toBe(before.files - before.files);

    // someone else cannot see or continue it
    expect((await head(erquZhifa, location)).status).toBe(404);
    const foreign = await patch(erquZhifa, location, offset, bytes.subarray(offset));
    expect(foreign.status).toBe(404);
    expect((await errorOf(foreign)).code).toBe('UPLOAD_NOT_FOUND');

    // a wrong offset is refused in Chinese and changes nothing
    const wrong = await patch(zhifa, location, 0, bytes);
    expect(wrong.status).toBe(409);
    const e = await errorOf(wrong);
    expect(e.code).toBe('UPLOAD_OFFSET_CONFLICT');
    expect(e.message).toMatch(/偏移量/);

    const rest = await patch(zhifa, location, offset, bytes.subarray(offset));
    expect(rest.status, await rest.clone().text()).toBe(204);
    expect(rest.headers.get('upload-offset')).toBe(String(bytes.length));
    const evidenceId = rest.headers.get('fazhi-evidence-id')!;
    expect(evidenceId).toBeTruthy();

    const row = (
      await env.ctx.db.query<{ content_hash: string; size_bytes: string; hash_alg: string; file_name: string; content_type: string; description: string }>(
        'select content_hash, size_bytes, hash_alg, file_name, content_type, description from evidence_files where id = $1',
        [evidenceId],
      )
    ).rows[0];
    expect(row).toMatchObject({ file_name: '现场照片.jpg', content_type: 'image/jpeg', description: '现场检查照片' });
    expect(Number(row.size_bytes)).toBe(bytes.length);
    expect(row.content_hash).toBe(createHash(row.hash_alg).update(bytes).digest('hex'));
    expect(await env.ctx.blobs.verify(row.content_hash)).toBe(true);
    const entries = await env.ctx.db.query<{ n: number }>(
      `select count(*)::int as n from ledger_entries where event_type = 'evidence.uploaded' and matter_id = $1 and payload::jsonb ->> 'evidenceId' = $2`,
      [openCase, evidenceId],
    );
    expect(entries.rows[0].n).toBe(1);
    expect(await written()).toEqual({ ...before, ledger: before.ledger + 1, files: before.files + 1, blobs: before.blobs + 1 });
    // the upload's own copy is gone; the finished upload no longer exists
    expect((await head(zhifa, location)).status).toBe(404);
  });

  it('is refused at creation to a sibling district (404) and a role without the ability (403); nothing is written', async () => {
    const before = await written();
    const other = await create(erquZhifa, 10);
    expect(other.status).toBe(404);
    const e404 = await errorOf(other);
    expect(e404.code).toBe('NOT_FOUND');
    expect(e404.message).not.toContain('康源');
    const leader = await create(lingdao, 10);
    expect(leader.status).toBe(403);
    expect((await errorOf(leader)).code).toBe('FORBIDDEN');
    // without the CSRF header, or without a session
    expect((await create({ ...zhifa, csrf: 'wrong' }, 10)).status).toBe(403);
    const anon = await fetch(`${base}/api/uploads`, { method: 'POST', headers: tus(null, { 'upload-length': '10' }) });
    expect(anon.status).toBe(401);
    expect(await written()).toEqual(before);
  });

  it('refuses an oversized file, bytes beyond the declared size and bad metadata in Chinese', async () => {
    const before = await written();
    const big = await create(zhifa, MAX_EVIDENCE_BYTES + 1);
    expect(big.status).toBe(413);
    const eBig = await errorOf(big);
    expect(eBig.code).toBe('PAYLOAD_TOO_LARGE');
    expect(eBig.message).toMatch(/上限/);

    const noName = await create(zhifa, 10, { fileName: '' });
    expect(noName.status).toBe(400);
    expect((await errorOf(noName)).message).toMatch(/文件名/);
    expect((await create(zhifa, 10, { matterType: 'nosuchtype' })).status).toBe(404);
    expect(await written()).toEqual(before);

    // a client that sends more than it declared: refused, nothing registered
    const small = await create(zhifa, 8);
    const location = small.headers.get('location')!;
    const over = await patch(zhifa, location, 0, Buffer.from('0123456789abcdef'));
    expect(over.status).toBe(413);
    expect((await errorOf(over)).code).toBe('PAYLOAD_TOO_LARGE');
    const after = await written();
    expect({ ...after, uploads: 0 }).toEqual({ ...before, uploads: 0 });
    const noTus = await fetch(`${base}${location}`, { method: 'HEAD', headers: { cookie: zhifa.cookie } });
    expect(noTus.status).toBe(400);
  });

  it('expires an incomplete upload after a day', async () => {
    const created = await create(zhifa, 100);
    const id = created.headers.get('location')!.split('/').pop()!;
    expect(uploadFiles()).toContain(id);
    // make the upload look a day old: its creation date is in its metadata file
    const info = join(uploadsDir(), `${id}.json`);
    const json = JSON.parse(readFileSync(info, 'utf8'));
    json.creation_date = new Date(Date.now() - UPLOAD_EXPIRY_MS - 60_000).toISOString();
    writeFileSync(info, JSON.stringify(json));
    utimesSync(info, new Date(), new Date());
    expect(await expireUploads(env.ctx)).toBeGreaterThanOrEqual(1);
    expect(uploadFiles()).not.toContain(id);
    expect((await head(zhifa, `/api/uploads/${id}`)).status).toBe(404);
  });
});
