/**
 * Driving a case through the API in tests: a transition step, an evidence upload. One copy, shared by the case
 * test files (cases, case-decisions, case-execution, case-measures).
 */
import { expect } from 'vitest';
import type { client } from './helpers.ts';

export type C = ReturnType<typeof client>;

/** Takes the transition at the case's current version; expects `expectStatus` and returns the body. */
export async function step(c: C, id: string, name: string, input: Record<string, unknown>, date: string, expectStatus = 200) {
  const cur = (await c.get(`/api/cases/${id}`)).body;
  const r = await c.post(`/api/cases/${id}/transitions/${name}`, { expectedVersion: cur.matter.version, date, input });
  expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(expectStatus);
  return r.body;
}

/** Uploads an evidence file (a body-camera video by default) to the case; returns its id. */
export async function upload(c: C, id: string, name: string, contentType = 'video/mp4') {
  const r = await c.post(
    `/api/record/matters/case/${id}/evidence?fileName=${encodeURIComponent(name)}&contentType=${encodeURIComponent(contentType)}`,
    Buffer.from(`${name} ${Math.random()}`),
    { 'content-type': 'application/octet-stream' },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** The demo's supermarket, party to the 普通程序 cases of the tests. */
export const party = {
  type: 'organisation',
  name: '示例区鑫隆超市有限公司',
  uscc: '91990105MA01ABCD2W',
  address: '示例市示例区和平路88号',
  legalRep: '李鑫隆',
  phone: '0999-12345678',
};
export const contact = { name: '王志强', phone: '0999-87654321', address: '示例市示例区人民路1号' };

/** Registers a lead (a complaint about expired yogurt, received 2026-09-02); returns the case id. */
export async function openCase(c: C, extra: Record<string, unknown> = {}) {
  const r = await c.post('/api/cases', {
    source: 'complaint',
    receivedOn: '2026-09-02',
    party,
    contact,
    field: 'food',
    summary: '销售超过保质期的酸奶',
    ...extra,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
