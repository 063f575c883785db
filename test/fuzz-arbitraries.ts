/**
 * The request generator shared by the fuzz test (test/fuzz.test.ts, a fixed seed, a few thousand requests)
 * and its bench (bench/fuzz.ts, many more): every operation of the OpenAPI document, its path parameters,
 * query strings and bodies derived from the operation's JSON schemas by a small JSON-schema → fast-check
 * converter, mixed with the classes of hostile input the platform must refuse cleanly — NUL characters,
 * lone surrogates, very long strings, `..` and percent-encodings, huge and non-finite numbers, dates far
 * outside the platform's range and impossible dates, wrong types and broken JSON. Each generated request
 * is sent as anonymous and as each of the five roles; the checks are: never a 5xx, never slower than 5 s,
 * and a rejected request (status ≥ 400) never changes the size of the record (the ledger).
 */
import fc from 'fast-check';
import type { App } from '../src/platform/http.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { ledgerSize, type Session, type TestEnv } from './helpers.ts';

export const FUZZ_SEED = 20261206;
/** a request slower than this is a hang */
export const HANG_MS = 5_000;
export const ROLES = ['admin', 'zhifa', 'shenhe', 'lingdao', 'jiandu'] as const;

// ---------------------------------------------------------------------------------------------------------
// the OpenAPI document

/** The subset of JSON schema the app's OpenAPI document uses (zod → JSON schema, OpenAPI 3.0 flavour). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  default?: unknown;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface Operation {
  method: string;
  /** the OpenAPI path template, e.g. /api/cases/{id} */
  path: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  /** the JSON body's schema, if the operation takes a JSON body */
  jsonBody?: { schema: JsonSchema; required: boolean };
  /** a raw (streamed, application/octet-stream) body: the evidence upload and the targets import */
  rawBody: boolean;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** operations whose handler reads the raw request stream (declared without a JSON body in the document) */
const RAW_BODY_OPERATIONS = new Set(['POST /api/record/matters/{matterType}/{matterId}/evidence', 'POST /api/inspections/targets/import']);

export const operationKey = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(item)) {
      if (!METHODS.has(m)) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json']?.schema;
      const method = m.toUpperCase();
      ops.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        jsonBody: json ? { schema: json, required: op.requestBody?.required ?? false } : undefined,
        rawBody: RAW_BODY_OPERATIONS.has(`${method} ${path}`),
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------------------
// hostile values

/** JSON text spliced into a body as is: numbers JSON.stringify cannot write (1e999 → Infinity when parsed). */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON() {
    return this.text;
  }
}

/** Text put into a URL as is, not percent-encoded: broken and overlong encodings, encoded NUL and surrogates. */
export class RawUrl {
  constructor(readonly text: string) {}
}

export const ATTACK_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '..',
  '../../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '%2e%2e%2f',
  '%',
  "' OR 1=1 --",
  "'; drop table cases; --",
  '<script>alert(1)</script>',
  `\${7*7}{{7*7}}`,
  '😀🇨🇳\u200B\uFEFF',
  '\u202Eabc',
  ':* & | ! ((((',
  '\\',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '99999999999999999999999',
  '1e308',
  '罚'.repeat(3000),
  'a'.repeat(70_000),
];

const ATTACK_URL_PIECES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%ED%B0%80x',
  '%C0%AE%C0%AE',
  '%FF%FE',
  '%zz',
  '%',
  '%25',
  '..',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2f..%2f',
  '%2F',
  '%5C',
  '%0d%0aSet-Cookie:%20x=1',
  '+',
  '%20',
  ';',
  '%3B',
  '%23',
  '%3F',
].map((s) => new RawUrl(s));

export const ATTACK_NUMBERS: unknown[] = [
  -1,
  0,
  -0,
  0.5,
  -0.0001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  5e-324,
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('9223372036854775808'),
  new RawJson('123456789012345678901234567890'),
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '0x10',
  '',
  '1,000',
];

export const ATTACK_DATES = [
  '9999-12-31',
  '0001-01-01',
  '0000-00-00',
  '2026-02-30',
  '2023-02-29',
  '2026-13-01',
  '2026-00-10',
  '1949-09-30',
  '1949-10-01',
  '2100-12-31',
  '2101-01-01',
  '1900-01-01',
  '2038-01-19',
  '+275760-09-13',
  '-000001-01-01',
  '2026-12-06T24:00',
  '2026-12-06T23:60',
  '9999-12-31T23:59',
  '0001-01-01T00:00',
  '2026-12-06T08:00:00.000Z',
  '2026-1-1',
];

const WRONG_TYPES: unknown[] = [null, true, false, 0, 1.5, -1, '', 'x', [], [null], {}, { a: 1 }, [1, 2, 3], 'true'];

// ---------------------------------------------------------------------------------------------------------
// JSON schema → arbitrary

export interface GenContext {
  /** real ids from the database (any table), so that generated ids sometimes name an existing row */
  ids: string[];
  /** the same, by table */
  tables: Record<string, string[]>;
}

/** words of an id's name that name another table than their own */
const ID_ALIASES: Record<string, string[]> = {
  body: ['orgs'],
  unit: ['orgs'],
  org: ['orgs'],
  approver: ['users'],
  inspector: ['officers'],
  matter: ['matters', 'cases', 'publications'],
  power: ['power_items'],
  seq: [],
};

/**
 * The real ids an id named by these words probably is: the tables whose name has one of the words (plural
 * or singular), or all ids when none matches. `/api/laws/articles/{id}` → law_articles; `certificateId` → certificates.
 */
export function idsFor(ctx: GenContext, words: string[]): string[] {
  const stems = words
    .flatMap((w) => w.split(/[-_]|(?=[A-Z])/))
    .map((w) => w.toLowerCase().replace(/s$/, ''))
    .filter((w) => w && w !== 'id' && w !== 'api');
  const out = new Set<string>();
  for (const stem of stems) {
    for (const t of ID_ALIASES[stem] ?? []) for (const id of ctx.tables[t] ?? []) out.add(id);
    for (const [t, ids] of Object.entries(ctx.tables)) if (t.split('_').some((w) => w.replace(/s$/, '') === stem)) for (const id of ids) out.add(id);
  }
  return out.size ? [...out] : ctx.ids;
}

const DATE_PATTERN = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A real date between 1949-10-01 and 2100-12-31 (mostly close to today), YYYY-MM-DD. */
const realDate = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -400, max: 400 }).map((d) => new Date(Date.UTC(2026, 11, 6) + d * DAY_MS).toISOString().slice(0, 10)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: Date.UTC(1949, 9, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS })
      .map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10)),
  },
);

function dateLike(pattern: string, hostile: boolean): fc.Arbitrary<string> {
  const withTime = pattern.includes('T');
  const valid = withTime
    ? fc.tuple(realDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m]) => `${d}T${pad(h)}:${pad(m)}`)
    : realDate;
  if (!hostile) return valid;
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...ATTACK_DATES) });
}

const smallString = (min: number, max: number) => fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme' });

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ['object'];
  if (s.items) return ['array'];
  return [];
}

/**
 * The arbitrary of a schema. `hostile`: at every node, some values are attack values or of a wrong type
 * (otherwise the values are valid, so that the request reaches the handler). `name` is the property's name
 * (an `…Id` property draws from the real ids).
 */
export function schemaArb(s: JsonSchema, ctx: GenContext, hostile: boolean, name = '', depth = 0): fc.Arbitrary<unknown> {
  const valid = validArb(s, ctx, hostile, name, depth);
  if (!hostile) return valid;
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: attackArb(s) }, { weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) });
}

function attackArb(s: JsonSchema): fc.Arbitrary<unknown> {
  const t = typesOf(s);
  if (t.includes('integer') || t.includes('number')) return fc.constantFrom(...ATTACK_NUMBERS);
  if (s.pattern && DATE_PATTERN.test(s.pattern)) return fc.constantFrom(...ATTACK_DATES);
  if (t.includes('string') || s.enum) return fc.constantFrom(...ATTACK_STRINGS);
  if (t.includes('array')) return fc.constantFrom<unknown>([], new Array(5000).fill(0), [[[[[[[[]]]]]]]], ['\u0000']);
  if (t.includes('object'))
    return fc.constantFrom<unknown>(
      {},
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
      Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
    );
  return fc.constantFrom(...ATTACK_STRINGS, ...ATTACK_NUMBERS);
}

function validArb(s: JsonSchema, ctx: GenContext, hostile: boolean, name: string, depth: number): fc.Arbitrary<unknown> {
  const base = validNonNull(s, ctx, hostile, name, depth);
  return s.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function validNonNull(s: JsonSchema, ctx: GenContext, hostile: boolean, name: string, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => schemaArb(a, ctx, hostile, name, depth + 1)));
  if (s.allOf?.length) return schemaArb(s.allOf[0], ctx, hostile, name, depth + 1);
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => validNonNull({ ...s, type }, ctx, hostile, name, depth)));
  const type = types[0];
  if (depth > 8) return fc.constant(type === 'array' ? [] : type === 'object' ? {} : null);
  switch (type) {
    case 'string': {
      if (s.pattern && DATE_PATTERN.test(s.pattern)) return dateLike(s.pattern, hostile);
      if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 40, 40);
      let str: fc.Arbitrary<string>;
      if (s.pattern) {
        let re: RegExp | null = null;
        try {
          re = new RegExp(s.pattern);
        } catch {
          re = null;
        }
        str = re ? fc.stringMatching(re, { size: 'xsmall' }) : smallString(min, max);
      } else str = smallString(min, max);
      if (/id$/i.test(name) && ctx.ids.length)
        return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...idsFor(ctx, [name])) }, { weight: 1, arbitrary: str });
      return str;
    }
    case 'integer':
    case 'number': {
      const exMin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : s.exclusiveMinimum === true ? s.minimum : undefined;
      const exMax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : s.exclusiveMaximum === true ? s.maximum : undefined;
      let min = Math.max(s.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER);
      let max = Math.min(s.maximum ?? 1_000_000_000, Number.MAX_SAFE_INTEGER);
      if (type === 'integer') {
        if (exMin !== undefined) min = Math.max(min, Math.floor(exMin) + 1);
        if (exMax !== undefined) max = Math.min(max, Math.ceil(exMax) - 1);
        min = Math.ceil(min);
        max = Math.floor(max);
        if (min > max) return fc.constant(min);
        // small values are the likely valid ones (page numbers, counts, years near min)
        return fc.oneof(fc.integer({ min, max }), fc.integer({ min, max: Math.min(max, min + 20) }));
      }
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: exMin !== undefined, maxExcluded: exMax !== undefined });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const item = s.items ? schemaArb(s.items, ctx, hostile, name, depth + 1) : fc.anything({ maxDepth: 1 });
      const minLength = s.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const keys = Object.keys(props);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) shape[k] = schemaArb(props[k], ctx, hostile, k, depth + 1);
      const record = keys.length
        ? fc.record(shape, { requiredKeys: keys.filter((k) => required.has(k) || !hostile) as never })
        : typeof s.additionalProperties === 'object'
          ? fc.dictionary(fc.string({ maxLength: 8 }), schemaArb(s.additionalProperties, ctx, hostile, '', depth + 1), { maxKeys: 3 })
          : fc.constant({});
      if (!hostile) {
        // optional keys sometimes left out
        return keys.length
          ? fc.tuple(record, fc.subarray(keys.filter((k) => !required.has(k)))).map(([r, drop]) => {
              const o = { ...(r as Record<string, unknown>) };
              for (const k of drop) delete o[k];
              return o;
            })
          : record;
      }
      // an unknown key, or a required one left out
      return fc.oneof(
        { weight: 6, arbitrary: record },
        { weight: 1, arbitrary: record.map((r) => ({ ...(r as object), unexpected: '\u0000' })) },
        {
          weight: 1,
          arbitrary: fc.tuple(record, fc.constantFrom(...(keys.length ? keys : ['-']))).map(([r, k]) => {
            const o = { ...(r as Record<string, unknown>) };
            delete o[k];
            return o;
          }),
        },
      );
    }
    default:
      return fc.oneof(fc.constantFrom(...WRONG_TYPES), fc.string({ maxLength: 10 }));
  }
}

// ---------------------------------------------------------------------------------------------------------
// requests

export interface FuzzRequest {
  method: string;
  url: string;
  contentType?: string;
  payload?: string | Buffer;
}

/** Percent-encodes any string, lone surrogates too (as WTF-8 bytes, which the server must refuse or ignore). */
export function pctEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(s[i]);
  }
  return out;
}

const urlText = (v: unknown): string => {
  if (v instanceof RawUrl) return v.text;
  if (v instanceof RawJson) return v.text;
  if (typeof v === 'string') return pctEncode(v);
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return pctEncode(JSON.stringify(v));
  return pctEncode(String(v));
};

/** JSON text of a generated body (RawJson spliced in as is). */
export function toJsonText(v: unknown): string {
  const marks: string[] = [];
  const text = JSON.stringify(v, (_k, x) => {
    if (x instanceof RawJson) {
      marks.push(x.text);
      return `\u0001RAW${marks.length - 1}\u0001`;
    }
    return x;
  });
  return (text ?? 'null').replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i) => marks[Number(i)]);
}

/** A path parameter: a valid value, a real id, an attack string (encoded) or a raw URL piece. */
function pathParamArb(op: Operation, p: OpenApiParameter, ctx: GenContext): fc.Arbitrary<unknown> {
  // the words naming the id: its own name, else the path segment before it (/api/cases/{id} → cases)
  const segments = op.path.split('/');
  const at = segments.indexOf(`{${p.name}}`);
  const words = p.name === 'id' ? [segments[at - 1] ?? ''] : [p.name];
  const ids = ctx.ids.length ? idsFor(ctx, words) : [];
  const enumerated = !!p.schema?.enum?.length || typesOf(p.schema ?? {}).includes('integer');
  return fc.oneof(
    { weight: 3, arbitrary: validArb(p.schema ?? { type: 'string' }, ctx, false, p.name, 0) },
    { weight: ids.length && !enumerated ? 5 : 0, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant('x') },
    { weight: 1, arbitrary: fc.constantFrom(...ATTACK_STRINGS.filter((s) => s !== '')) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...ATTACK_URL_PIECES, ...ATTACK_NUMBERS, ...ATTACK_DATES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  );
}

const EXTRA_QUERY_KEYS = ['__proto__', 'constructor', 'page', 'limit', 'a[b]', '', 'q'];

function queryArb(params: OpenApiParameter[], ctx: GenContext): fc.Arbitrary<string> {
  const one = (p: OpenApiParameter): fc.Arbitrary<[string, unknown][]> => {
    const value = fc.oneof(
      { weight: 5, arbitrary: validArb(p.schema ?? { type: 'string' }, ctx, false, p.name, 0) },
      { weight: 2, arbitrary: schemaArb(p.schema ?? { type: 'string' }, ctx, true, p.name, 0) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(...ATTACK_URL_PIECES) },
    );
    const present = fc.oneof(
      { weight: 8, arbitrary: value.map((v) => [[p.name, v]] as [string, unknown][]) },
      // the same key twice (an array where a scalar is expected)
      {
        weight: 1,
        arbitrary: fc.tuple(value, value).map(
          ([a, b]) =>
            [
              [p.name, a],
              [p.name, b],
            ] as [string, unknown][],
        ),
      },
    );
    return p.required
      ? fc.oneof({ weight: 9, arbitrary: present }, { weight: 1, arbitrary: fc.constant<[string, unknown][]>([]) })
      : fc.oneof(present, fc.constant<[string, unknown][]>([]));
  };
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant([] as [string, unknown][]) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...EXTRA_QUERY_KEYS), fc.constantFrom<unknown>(...ATTACK_STRINGS, ...ATTACK_URL_PIECES)).map((kv) => [kv]),
    },
  );
  return fc.tuple(fc.tuple(...params.map(one)), extra).map(([parts, more]) => {
    const pairs = [...parts.flat(), ...more];
    return pairs.length ? `?${pairs.map(([k, v]) => `${pctEncode(k)}=${urlText(v)}`).join('&')}` : '';
  });
}

const GARBAGE_BODIES = [
  '',
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{',
  '{"a":',
  "{'single': 'quotes'}",
  '{"a":1,"a":2}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"x":1e999}',
  '{"x":"\\u0000"}',
  '{"x":"\\ud800"}',
  '\uFEFF{}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
];

/** Every place in a JSON value (as a path of keys), the root first. */
function placesOf(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  out.push(path);
  if (depth > 8 || v === null || typeof v !== 'object' || v instanceof RawJson) return out;
  for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) placesOf(x, [...path, k], out, depth + 1);
  return out;
}

/** The hostile values for a place that holds `v`. */
function attacksLike(v: unknown): unknown[] {
  if (typeof v === 'number') return ATTACK_NUMBERS;
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}/.test(v) ? ATTACK_DATES : ATTACK_STRINGS;
  return [...WRONG_TYPES, ATTACK_STRINGS[2], ATTACK_NUMBERS[12]];
}

/**
 * A valid value with exactly one place replaced by a hostile value or a wrong type: the rest of the body
 * passes validation, so that the hostile value goes as far as the schema lets it (a number without a
 * maximum into SQL, a date into day arithmetic).
 */
export function mutateOne(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.nat(), fc.boolean()).map(([v, i, j, wrongType]) => {
    const places = placesOf(v);
    const path = places[places.length > 1 ? 1 + (i % (places.length - 1)) : 0];
    const target = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);
    const pool = wrongType ? WRONG_TYPES : attacksLike(target);
    const replacement = pool[j % pool.length];
    if (path.length === 0) return replacement;
    const copy = structuredClone(v) as Record<string | number, unknown>;
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
    parent[path[path.length - 1]] = replacement;
    return copy;
  });
}

function jsonBodyArb(op: Operation, ctx: GenContext): fc.Arbitrary<Pick<FuzzRequest, 'contentType' | 'payload'>> {
  const schema = op.jsonBody?.schema ?? { type: 'object' };
  const json = (v: unknown) => ({ contentType: 'application/json', payload: toJsonText(v) });
  return fc.oneof(
    // valid by the schema: reaches the handler
    { weight: 4, arbitrary: schemaArb(schema, ctx, false).map(json) },
    // one hostile value or wrong type in an otherwise valid body
    { weight: 3, arbitrary: mutateOne(schemaArb(schema, ctx, false)).map(json) },
    // hostile values and wrong types anywhere in an otherwise well-formed body
    { weight: 2, arbitrary: schemaArb(schema, ctx, true).map(json) },
    // a whole body of the wrong type, broken JSON, or a wrong content type
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE_BODIES).map((payload) => ({ contentType: 'application/json', payload })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
          ),
          schemaArb(schema, ctx, false),
        )
        .map(([contentType, v]) => ({ contentType, payload: toJsonText(v) })),
    },
    ...(op.jsonBody?.required ? [] : [{ weight: 1, arbitrary: fc.constant({}) }]),
  );
}

function rawBodyArb(): fc.Arbitrary<Pick<FuzzRequest, 'contentType' | 'payload'>> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((b) => ({ contentType: 'application/octet-stream', payload: Buffer.from(b) })),
    // the start of a zip (an xlsx is one) with nothing after it
    fc.constant({ contentType: 'application/octet-stream', payload: Buffer.from('504b0304140000000800', 'hex') }),
    fc.constant({ contentType: 'application/octet-stream', payload: Buffer.alloc(0) }),
    fc.constant({ contentType: 'application/json', payload: '{}' }),
  );
}

/** The arbitrary of one operation's requests. */
export function requestArb(op: Operation, ctx: GenContext): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...op.pathParams.map((p) => pathParamArb(op, p, ctx)));
  const query = queryArb(op.queryParams, ctx);
  const body: fc.Arbitrary<Pick<FuzzRequest, 'contentType' | 'payload'>> = op.rawBody
    ? rawBodyArb()
    : op.jsonBody || op.method !== 'GET'
      ? jsonBodyArb(op, ctx)
      : fc.constant({});
  return fc.tuple(params, query, body).map(([values, qs, b]) => {
    let url = op.path;
    op.pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, urlText(values[i]));
    });
    return { method: op.method, url: url + qs, ...b };
  });
}

/** Real ids from every table with an `id` column (a few of each), without the five role users (see fuzz.test.ts). */
export async function knownIds(env: TestEnv): Promise<GenContext> {
  const tables = (
    await env.ctx.db.query<{ table_name: string }>(
      `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' order by table_name`,
    )
  ).rows.map((r) => r.table_name);
  const roleUsers = new Set(
    (await env.ctx.db.query<{ id: string }>('select id::text as id from users where username = any($1)', [[...ROLES]])).rows.map((r) => r.id),
  );
  const byTable: Record<string, string[]> = {};
  for (const t of tables) {
    if (!/^[a-z_][a-z0-9_]*$/.test(t)) continue;
    const rows = (await env.ctx.db.query<{ id: string }>(`select id::text as id from ${t} order by id limit 6`)).rows;
    byTable[t] = rows.map((r) => r.id).filter((id) => !roleUsers.has(id));
  }
  return { ids: [...new Set(Object.values(byTable).flat())].sort(), tables: byTable };
}

// ---------------------------------------------------------------------------------------------------------
// sending and checking

export interface Identity {
  name: string;
  session: Session | null;
}

export interface Outcome {
  status: number;
  ms: number;
  /** the ledger grew (or shrank) while a rejected request was handled */
  ledgerChanged: boolean;
  body: string;
}

export interface Failure {
  operation: string;
  identity: string;
  request: { method: string; url: string; contentType?: string; payload?: string };
  problem: string;
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

export function describeRequest(r: FuzzRequest): Failure['request'] {
  return {
    method: r.method,
    url: clip(r.url),
    ...(r.contentType ? { contentType: r.contentType } : {}),
    ...(r.payload === undefined ? {} : { payload: clip(Buffer.isBuffer(r.payload) ? `<${r.payload.length} bytes>` : r.payload) }),
  };
}

let address = 0;
/** a client address of its own for every request: see Fuzzer.send */
const nextAddress = () => {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

/** helpers.ts's login, from an address of its own (logins are rate-limited per address, successful ones too). */
async function login(app: App, username: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD }, remoteAddress: nextAddress() });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { cookie: String(res.headers['set-cookie']).split(';')[0], csrf: body.csrfToken, user: body.user };
}

/**
 * Sends the generated requests and checks the properties. The harness keeps one session per role; a request
 * that ends a session (a logout that succeeded) is followed by a new login for that role.
 */
export class Fuzzer {
  readonly failures: Failure[] = [];
  readonly exercised = new Map<string, number>();
  /** per operation: how many answers of each status */
  readonly statuses = new Map<string, Map<number, number>>();
  requests = 0;
  slowest = { ms: 0, what: '' };
  private ledger = -1;

  private constructor(
    readonly env: TestEnv,
    readonly identities: Identity[],
  ) {}

  static async create(env: TestEnv): Promise<Fuzzer> {
    const identities: Identity[] = [{ name: 'anonymous', session: null }];
    for (const r of ROLES) identities.push({ name: r, session: await login(env.app, r) });
    return new Fuzzer(env, identities);
  }

  get app(): App {
    return this.env.app;
  }

  /** One request as one identity; returns the problem found, if any. */
  async send(op: Operation, req: FuzzRequest, who: Identity): Promise<string | null> {
    if (this.ledger < 0) this.ledger = await ledgerSize(this.env);
    const before = this.ledger;
    const headers: Record<string, string> = {};
    if (who.session) {
      headers.cookie = who.session.cookie;
      headers['x-csrf-token'] = who.session.csrf;
    }
    if (req.contentType) headers['content-type'] = req.contentType;
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((res) => {
      timer = setTimeout(() => res('hang'), HANG_MS);
    });
    // every request from an address of its own: the per-address limits (failed logins, the public API) would
    // otherwise answer 429 to the rest of the run, and stop the harness logging in again after a logout
    const remoteAddress = nextAddress();
    const res = await Promise.race([
      this.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers,
        remoteAddress,
        ...(req.payload === undefined ? {} : { payload: req.payload }),
      }),
      hang,
    ]);
    clearTimeout(timer);
    const ms = performance.now() - t0;
    this.requests++;
    const key = operationKey(op);
    this.exercised.set(key, (this.exercised.get(key) ?? 0) + 1);
    if (ms > this.slowest.ms) this.slowest = { ms, what: `${who.name} ${req.method} ${clip(req.url, 120)}` };
    if (res === 'hang') {
      this.ledger = -1;
      return this.fail(op, req, who, `no answer within ${HANG_MS} ms`);
    }
    const counts = this.statuses.get(key) ?? new Map<number, number>();
    counts.set(res.statusCode, (counts.get(res.statusCode) ?? 0) + 1);
    this.statuses.set(key, counts);
    const after = await ledgerSize(this.env);
    this.ledger = after;
    let problem: string | null = null;
    if (res.statusCode >= 500) problem = `status ${res.statusCode}: ${clip(res.body, 500)}`;
    else if (ms > HANG_MS) problem = `answered after ${Math.round(ms)} ms (> ${HANG_MS} ms)`;
    else if (res.statusCode >= 400 && after !== before)
      problem = `status ${res.statusCode} but the ledger changed from ${before} to ${after}: ${clip(res.body, 300)}`;
    if (who.session && op.method === 'POST' && op.path === '/api/auth/logout' && res.statusCode < 400) who.session = await login(this.app, who.name);
    else if (who.session && res.statusCode === 401) {
      // a session that no longer works (nothing in the fuzz is meant to end one but the logout): a new one
      const me = await this.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: who.session.cookie }, remoteAddress: nextAddress() });
      if (me.statusCode === 401) who.session = await login(this.app, who.name);
    }
    return problem ? this.fail(op, req, who, problem) : null;
  }

  /** The operations never answered with a 2xx (their generated requests were all refused). */
  neverSucceeded(): string[] {
    return [...this.statuses].filter(([, c]) => ![...c.keys()].some((s) => s < 300)).map(([k, c]) => `${k} ${JSON.stringify(Object.fromEntries(c))}`);
  }

  private fail(op: Operation, req: FuzzRequest, who: Identity, problem: string): string {
    this.failures.push({ operation: operationKey(op), identity: who.name, request: describeRequest(req), problem });
    return problem;
  }

  /**
   * Runs `numRuns` generated requests of one operation, each as every identity, with a seed of its own
   * (derived from `seed` and the operation, so that adding a route does not change the others' cases).
   * A failing case is recorded (all of them, not only the first) and not shrunk.
   */
  async fuzzOperation(op: Operation, ctx: GenContext, numRuns: number, seed = FUZZ_SEED): Promise<void> {
    const prop = fc.asyncProperty(requestArb(op, ctx), async (req) => {
      for (const who of this.identities) await this.send(op, req, who);
    });
    await fc.assert(prop, { seed: seed ^ hash(operationKey(op)), numRuns, endOnFailure: true });
  }
}

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h | 0;
}
