import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from './helpers.ts';

let env: TestEnv;
let s: Session;
let port: number;

beforeAll(async () => {
  env = await createTestEnv();
  s = await login(env.app, 'admin');
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  port = (env.app.server.address() as AddressInfo).port;
});
afterAll(() => env.close());

it('streams a 256 MiB evidence upload over HTTP in constant memory', async () => {
  const officer = (await env.ctx.db.query<{ id: string }>('select id from officers limit 1')).rows[0].id;
  const size = 256 * 1024 * 1024;
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  let sent = 0;
  const body = new Readable({
    read() {
      if (sent >= size) return this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/record/matters/officer/${officer}/evidence?fileName=bodycam.mp4&contentType=video/mp4`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/octet-stream', 'content-length': String(size) },
      },
      (r) => {
        let data = '';
        r.on('data', (d) => (data += d));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    body.pipe(req);
  });
  clearInterval(sampler);
  expect(res.status, res.body).toBe(201);
  expect(JSON.parse(res.body).sizeBytes).toBe(size);
  // the file never sits in memory: growth stays far below its size
  expect(peak - rssBefore).toBeLessThan(96 * 1024 * 1024);
}, 120_000);
