/**
 * The OpenAPI document describes every body and every answer: each operation of /api that takes a JSON body
 * has its schema, each answers a non-empty schema for its 200/201 (no `{}` "anything"), binary answers name
 * their media type, and every case and publicity transition is an operation of its own whose body carries that
 * transition's input schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionInputs } from '../src/modules/cases/schema.ts';
import { caseWorkflowV1 } from '../src/modules/cases/workflow.ts';
import { publicationInputs } from '../src/modules/publicity/routes.ts';
import { publicationWorkflowV1 } from '../src/modules/publicity/workflow.ts';
import { createTestEnv, type TestEnv } from './helpers.ts';

type Schema = Record<string, unknown>;
interface Operation {
  summary?: string;
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
}

/** POSTs that take no body at all. */
const NO_BODY = new Set(['POST /api/auth/logout', 'POST /api/record/tree-heads']);
/** Uploads whose body is the file's raw bytes (application/octet-stream), streamed to the handler. */
const RAW_UPLOADS = new Set([
  'POST /api/inspections/targets/import',
  'POST /api/record/matters/{matterType}/{matterId}/evidence',
  'POST /api/complaints/import',
]);

/** `{}` (or only a description): any value at all. */
const isAny = (s: Schema | undefined) => !s || Object.keys(s).filter((k) => k !== 'description' && k !== '$schema' && k !== 'default').length === 0;

let env: TestEnv;
let doc: Doc;
beforeAll(async () => {
  env = await createTestEnv({ seed: false });
  const r = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(r.statusCode).toBe(200);
  doc = r.json() as Doc;
}, 240_000);
afterAll(async () => {
  await env?.close();
});

const operations = () =>
  Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })));

describe('the OpenAPI document', () => {
  it('has a request body schema for every operation that takes a body', () => {
    const missing: string[] = [];
    for (const { key, method, op } of operations()) {
      if (!['post', 'put', 'patch'].includes(method) || NO_BODY.has(key) || RAW_UPLOADS.has(key)) continue;
      const json = op.requestBody?.content?.['application/json']?.schema;
      if (isAny(json)) missing.push(key);
    }
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThan(100);
  });

  it('has a non-empty 200/201 answer for every operation (binary answers with their media type)', () => {
    const missing: string[] = [];
    for (const { key, op } of operations()) {
      const codes = Object.keys(op.responses ?? {}).filter((c) => c.startsWith('2'));
      if (!codes.length) {
        missing.push(`${key}: no 2xx answer`);
        continue;
      }
      for (const code of codes) {
        if (code === '204') continue;
        const content = op.responses![code].content;
        if (!content || !Object.keys(content).length) {
          missing.push(`${key} ${code}: no content`);
          continue;
        }
        for (const [type, { schema }] of Object.entries(content)) {
          if (isAny(schema)) missing.push(`${key} ${code} ${type}: any`);
          // a list's element says what it is too
          const items = (schema?.properties as Record<string, Schema> | undefined)?.items;
          if (items?.type === 'array' && isAny(items.items as Schema)) missing.push(`${key} ${code} ${type}: items of any`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has one operation per case transition, its body the transition’s input schema, its summary the workflow’s label', () => {
    expect(doc.paths['/api/cases/{id}/transitions/{transition}']).toBeUndefined();
    const names = Object.keys(transitionInputs);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const op = doc.paths[`/api/cases/{id}/transitions/${name}`]?.post;
      expect(op, name).toBeDefined();
      expect(op.summary).toContain(caseWorkflowV1.transitions[name].label);
      expect(op.operationId).toBe(`caseTransition_${name}`);
      const body = (op.requestBody?.content?.['application/json']?.schema ?? {}) as Schema;
      const props = body.properties as Record<string, Schema>;
      expect(Object.keys(props).sort(), name).toEqual(['date', 'expectedVersion', 'input']);
      expect(props.input.type, name).toBe('object');
      expect(props.input.additionalProperties, name).toBe(false);
      const expected = Object.keys((transitionInputs[name as keyof typeof transitionInputs] as unknown as { shape: object }).shape).sort();
      expect(Object.keys((props.input.properties as object) ?? {}).sort(), name).toEqual(expected);
      expect(isAny(op.responses?.['200']?.content?.['application/json']?.schema), name).toBe(false);
    }
  });

  it('has one operation per publication transition', () => {
    expect(doc.paths['/api/publicity/publications/{id}/transitions/{name}']).toBeUndefined();
    for (const name of Object.keys(publicationInputs)) {
      const op = doc.paths[`/api/publicity/publications/{id}/transitions/${name}`]?.post;
      expect(op, name).toBeDefined();
      expect(op.summary).toContain(publicationWorkflowV1.transitions[name].label);
      const props = ((op.requestBody?.content?.['application/json']?.schema ?? {}) as Schema).properties as Record<string, Schema>;
      expect(props.input.type, name).toBe('object');
      const expected = Object.keys((publicationInputs[name as keyof typeof publicationInputs] as unknown as { shape: object }).shape).sort();
      expect(Object.keys((props.input.properties as object) ?? {}).sort(), name).toEqual(expected);
    }
  });
});
