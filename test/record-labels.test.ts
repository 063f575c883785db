/**
 * The record in Chinese (docs/architecture.md, "An event"): every event type has a label, and every field of
 * every payload — walked through the zod schemas of `recordEvents`, the inputs of every workflow transition
 * (the `input` of matter.transitioned) and the schemas behind the payloads' open objects (the party, the
 * changes of an update, a publication's content, a violation's statute) — has a label in the field catalogue.
 * A new event or field without one fails here.
 */
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformModules } from '../src/app.ts';
import { ZParty } from '../src/modules/cases/schema.ts';
import { ZUpdateBenchmarkRequest, ZUpdateThresholdRequest, ZUpdateViolationRequest } from '../src/modules/discretion/schema.ts';
import { ZUpdateOfficerRequest } from '../src/modules/officers/schema.ts';
import { ZUpdateOrgRequest } from '../src/modules/orgs/schema.ts';
import { ZPublicContent } from '../src/modules/publicity/content.ts';
import { ZUpdateUserRequest } from '../src/modules/users/schema.ts';
import { recordEventLabels, recordEvents } from '../src/platform/record/events.ts';
import { fieldSpec, recordFields } from '../src/platform/record/fieldLabels.ts';
import type { EntryDisplay } from '../src/platform/record/present.ts';
import { openCase, step, upload } from './case-steps.ts';
import { client, createTestEnv, login, type TestEnv } from './helpers.ts';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every key path of a schema (array positions and record keys left out), through optional, nullable, unions … */
export function keyPaths(schema: z.ZodType, prefix: string[] = [], out: string[][] = []): string[][] {
  const d = defOf(schema);
  const next = (s: z.ZodType | undefined) => s && keyPaths(s, prefix, out);
  if (d.type === 'object' && d.shape)
    for (const [k, v] of Object.entries(d.shape)) {
      out.push([...prefix, k]);
      keyPaths(v, [...prefix, k], out);
    }
  else if (d.type === 'union') for (const o of d.options ?? []) next(o);
  else if (d.type === 'intersection') [d.left, d.right].forEach(next);
  else if (d.type === 'pipe') [d.in, d.out].forEach(next);
  else if (d.type === 'lazy') next(d.getter?.());
  else if (d.type === 'array') next(d.element);
  else if (d.type === 'record') next(d.valueType);
  else next(d.innerType);
  return out;
}

/** The schemas of the open objects (z.record, z.unknown) of the payloads, by event type and field path. */
const openFields: [string, string[], z.ZodType][] = [
  ['case.opened', ['party'], ZParty],
  ['org.updated', ['changes'], ZUpdateOrgRequest],
  ['user.updated', ['changes'], ZUpdateUserRequest],
  ['officer.updated', ['changes'], ZUpdateOfficerRequest],
  ['publication.published', ['content'], ZPublicContent],
  ['violation.created', [], ZUpdateViolationRequest],
  ['violation.updated', ['changes'], ZUpdateViolationRequest],
  ['discretionBenchmark.created', [], ZUpdateBenchmarkRequest],
  ['discretionBenchmark.updated', ['changes'], ZUpdateBenchmarkRequest],
  ['discretionThreshold.updated', ['changes'], ZUpdateThresholdRequest],
];

const missing = (eventType: string, paths: string[][], transition?: string) =>
  paths.filter((p) => !fieldSpec(eventType, p, transition)).map((p) => `${eventType}${transition ? ` (${transition})` : ''}: ${p.join('.')}`);

describe('the record in Chinese', () => {
  it('labels every event type', () => {
    for (const t of Object.keys(recordEvents)) expect(recordEventLabels[t as keyof typeof recordEvents], t).toMatch(/\p{Script=Han}/u);
  });

  it('labels every field of every payload schema', () => {
    const gaps = Object.entries(recordEvents).flatMap(([t, s]) => missing(t, keyPaths(s)));
    expect(gaps).toEqual([]);
  });

  it('labels every field of every transition input (matter.transitioned)', () => {
    const gaps = platformModules
      .flatMap((m) => m.workflows ?? [])
      .flatMap((w) => Object.entries(w.transitions).flatMap(([id, t]) => (t.input ? missing('matter.transitioned', keyPaths(t.input, ['input']), id) : [])));
    expect(gaps).toEqual([]);
  });

  it('labels every field of the open objects the payloads carry', () => {
    const gaps = openFields.flatMap(([t, prefix, s]) => missing(t, keyPaths(s, prefix)));
    expect(gaps).toEqual([]);
  });

  it('writes every label in Chinese', () => {
    for (const [k, v] of Object.entries(recordFields)) {
      const spec = typeof v === 'string' ? { label: v } : v;
      expect(spec.label, k).toMatch(/\p{Script=Han}/u);
      for (const [value, label] of Object.entries(spec.values ?? {})) expect(label, `${k} = ${value}`).toMatch(/\p{Script=Han}|^[A-Z0-9-]+$|^Excel$/u);
    }
  });
});

/** What must not reach a reader of the record: an English (camelCase) key or value, JSON, a UUID. */
const developerText = [/\b[a-z]+[A-Z][A-Za-z]*\b/, /\{"/, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i];
/** …nor, in a case's record (where no user name appears), a lower-case English word (hex digits aside). */
const englishWord = /\b(?![0-9a-f]+\b)[a-z]{4,}\b/;
const wordsOf = (d: EntryDisplay) => [d.summary, ...d.rows.flatMap((r) => [r.label, ...r.values.map((v) => v.text)])].join('\n');

describe('the record in words (API)', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ seed: true });
  });
  afterAll(() => env?.close());

  it('presents a case timeline and the whole seeded ledger without developer text', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const id = await openCase(officer);
    await step(officer, id, 'accept', { note: '线索清楚' }, '2026-09-02');
    await upload(officer, id, '执法记录仪.mp4');
    const rec = await officer.get(`/api/record/matters/case/${id}`);
    expect(rec.status).toBe(200);
    const entries = rec.body.entries as { eventType: string; display: EntryDisplay }[];
    const accept = entries.find((e) => e.eventType === 'matter.transitioned');
    expect(accept?.display.summary).toBe('环节：受理线索并核查（案件线索 → 核查中）');
    for (const e of entries) expect(wordsOf(e.display), e.eventType).not.toMatch(englishWord);
    const opened = entries.find((e) => e.eventType === 'case.opened')!;
    expect(wordsOf(opened.display)).toContain('示例区鑫隆超市有限公司');
    expect(wordsOf(opened.display)).toContain('当事人');

    const admin = client(env.app, await login(env.app, 'jiandu'));
    const seen = new Set<string>();
    let beforeSeq: number | undefined;
    for (;;) {
      const page = await admin.get(`/api/record/entries?limit=500${beforeSeq === undefined ? '' : `&beforeSeq=${beforeSeq}`}`);
      expect(page.status).toBe(200);
      const items = page.body.items as { seq: number; eventType: string; display: EntryDisplay }[];
      for (const e of [...entries, ...items]) {
        seen.add(e.eventType);
        for (const re of developerText) expect(wordsOf(e.display), `${e.eventType}: ${re}`).not.toMatch(re);
      }
      if (items.length < 500) break;
      beforeSeq = items[items.length - 1].seq;
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});
