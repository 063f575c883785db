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
