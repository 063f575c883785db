/**
 * The authorization matrix, generated from the OpenAPI document: every route that addresses one
 * resource by id × every role of the demo's sibling district (示例二区) × the ids of district A's resources
 * (orgs, users, officers, power items, cases, publications, instruments, evidence, inspection tasks,
 * credit exports …), and every case-scoped route × an officer of a sibling unit (第一市场监管所) × the
 * cases of 第二市场监管所. Reads must answer 404 (they do not learn the resource exists); writes, sent
 * with a minimal body that passes the route's schema wherever one can be derived, must never succeed;
 * the record must not grow. Routes of platform-wide reference data (law library, calendar, the
 * discretion catalogue) and the public portal API are outside the matrix, for the reason given in
 * `GLOBAL`. A route added later is covered without touching this file: a route whose id parameter
 * has no resource here fails the "every route is covered" check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOfficer } from '../src/modules/officers/commands/create-officer.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { roles } from '../src/platform/policies.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  format?: string;
};
type Operation = { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

/** Platform-wide or public routes: not a district's resource, so outside the district matrix. */
const GLOBAL: [RegExp, string][] = [
  [/^\/api\/public\//, 'the public portal API: published data, readable by anyone'],
  [/^\/api\/laws\//, 'the law library: platform reference data, readable by every user; imports are the platform administrator’s'],
  [/^\/api\/calendar\//, 'the working-day calendar: platform reference data'],
  [/^\/api\/rules\//, 'the rule catalogue (规则目录): the law the platform applies, readable by every user'],
  [/^\/api\/discretion\/violations\//, 'the violation catalogue: shared reference data'],
  [/^\/api\/record\/entries\/\{seq\}\/proof$/, 'a proof of the one shared record: it reveals hashes only'],
];

const PASSWORD = 'Sibling2026!x';
let env: TestEnv;
const ids: Record<string, string> = {};
const siblingDistrictUsers: string[] = [];
const SIBLING_UNIT_USER = 'yisuo';

/** A value of the schema that its validator accepts wherever the schema says enough. */
function minimal(s: Schema | undefined): unknown {
  if (!s) return {};
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return minimal(alt.find((a) => a.type !== 'null') ?? alt[0]);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => minimal(a) as object));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, minimal(s.properties?.[k])]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => minimal(s.items));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 0, (s.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return s.pattern?.includes('T') ? '2026-12-01T09:00' : '2026-12-01';
      return '测试'.padEnd(Math.max(2, s.minLength ?? 0), '试');
    default:
      return {};
  }
}

/** The id of district A's resource for a path, or null when the path addresses none. */
function resourceFor(path: string): Record<string, string> | null {
  const rules: [RegExp, () => Record<string, string>][] = [
    [/^\/api\/orgs\/\{id\}/, () => ({ id: ids.unit })],
    [/^\/api\/users\/\{id\}/, () => ({ id: ids.user })],
    [/^\/api\/officers\/\{id\}\/certificates\/\{certificateId\}/, () => ({ id: ids.officer, certificateId: ids.certificate })],
    [/^\/api\/officers\/\{id\}/, () => ({ id: ids.officer })],
    [/^\/api\/powers\/\{id\}/, () => ({ id: ids.powerItem })],
    [/^\/api\/discretion\/benchmarks\/\{id\}/, () => ({ id: ids.benchmark })],
    [/^\/api\/discretion\/thresholds\/\{id\}/, () => ({ id: ids.threshold })],
    [/^\/api\/inspections\/items\/\{id\}/, () => ({ id: ids.inspectionItem })],
    [/^\/api\/inspections\/targets\/import\/\{id\}/, () => ({ id: ids.targetImport })],
    [/^\/api\/inspections\/inspectors\/\{id\}/, () => ({ id: ids.officer })],
    [/^\/api\/inspections\/tasks\/\{id\}/, () => ({ id: ids.task })],
    [/^\/api\/record\/matters\/\{matterType\}\/\{matterId\}/, () => ({ matterType: 'case', matterId: ids.case })],
    [/^\/api\/record\/evidence\/\{id\}/, () => ({ id: ids.evidence })],
    [/^\/api\/instruments\/\{id\}/, () => ({ id: ids.instrument })],
    [/^\/api\/cases\/\{id\}\/transitions\/\{transition\}/, () => ({ id: ids.case, transition: 'accept' })],
    [/^\/api\/cases\/\{id\}/, () => ({ id: ids.case })],
    [/^\/api\/publicity\/publications\/\{id\}\/transitions\/\{name\}/, () => ({ id: ids.publication, name: 'noticeRevocation' })],
    [/^\/api\/publicity\/publications\/\{id\}/, () => ({ id: ids.publication })],
    [/^\/api\/publicity\/credit-exports\/\{id\}/, () => ({ id: ids.creditExport })],
  ];
  const hit = rules.find(([re]) => re.test(path));
  return hit ? hit[1]() : null;
}

const fill = (path: string, params: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_m, k: string) => encodeURIComponent(params[k] ?? ''));

async function one(sql: string, params: unknown[] = []): Promise<string> {
  const r = await env.ctx.db.query<{ id: string }>(sql, params);
  if (!r.rows[0]) throw new Error(`no row for ${sql}`);
  return String(r.rows[0].id);
}

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  const district = await orgIdByName(env, '示例区市场监督管理局');
  const station1 = await orgIdByName(env, '第一市场监管所');
  const station2 = await orgIdByName(env, '第二市场监管所');
  // the demo's second district (示例二区, users erqu and erqu_zhifa) gets a user for every other role
  const sibling = await orgIdByName(env, '示例二区市场监督管理局');
  siblingDistrictUsers.push('erqu', 'erqu_zhifa');
  await env.ctx.db.transaction(async (tx) => {
    for (const role of roles.filter((r) => r !== 'admin' && r !== 'officer')) {
      const username = `erqu_${role}`;
      await insertUser(tx, env.ctx, SYSTEM_ACTOR, { username, displayName: `二区${role}`, orgId: sibling, roles: [role], password: PASSWORD });
      siblingDistrictUsers.push(username);
    }
    const officer = await insertOfficer(tx, env.ctx, SYSTEM_ACTOR, { orgId: station1, name: '一所执法员' });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: SIBLING_UNIT_USER,
      displayName: '一所执法员',
      orgId: station1,
      roles: ['officer'],
      password: PASSWORD,
      officerId: officer,
    });
  });
  ids.unit = station2;
  ids.user = await one(`select id from users where username = 'zhifa'`);
  ids.officer = await one('select id from officers where org_id = $1 order by name limit 1', [station2]);
  ids.certificate = await one('select id from certificates where officer_id = $1 limit 1', [ids.officer]);
  ids.powerItem = await one('select id from power_items where body_id = $1 limit 1', [district]);
  ids.benchmark = await one('select id from discretion_benchmarks where org_id = $1 limit 1', [district]);
  ids.threshold = await one('select id from discretion_thresholds where org_id = $1 limit 1', [district]);
  ids.inspectionItem = await one('select id from inspection_items where body_id = $1 limit 1', [district]);
  // the demo seed imports no target file and exports no 双公示 file: one of each is made below through the API
  ids.targetImport = 'none';
  ids.task = await one('select id from inspection_tasks where body_id = $1 limit 1', [district]);
  ids.case = await one(`select c.id from cases c join matters m on m.id = c.id where m.org_id = $1 order by m.created_at limit 1`, [station2]);
  ids.evidence = await one(`select id from evidence_files where matter_type = 'case' limit 1`);
  ids.instrument = await one(`select id from instruments where matter_type = 'case' limit 1`);
  ids.publication = await one('select id from publications where body_id = $1 limit 1', [district]);
  ids.creditExport = 'none';
  const admin = client(env.app, await login(env.app, 'admin'));
  const exported = await admin.post('/api/publicity/credit-exports', { bodyId: district });
  if (exported.status < 300 && exported.body?.id) ids.creditExport = exported.body.id;
  const imports = await env.ctx.db.query<{ id: string }>('select id from inspection_target_imports where body_id = $1 limit 1', [district]);
  if (imports.rows[0]) ids.targetImport = imports.rows[0].id;
}, 240_000);
afterAll(() => env.close());

describe('authorization matrix (generated from the OpenAPI document)', () => {
  it('a sibling district, in every role, reaches none of district A’s resources on any route', async () => {
    const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const uncovered: string[] = [];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;
    const before = await ledgerSize(env);
    const sessions = await Promise.all(
      siblingDistrictUsers.map(
        async (u) => [u, client(env.app, await login(env.app, u, u.startsWith('erqu_') && u !== 'erqu_zhifa' ? PASSWORD : undefined))] as const,
      ),
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.includes('{') || GLOBAL.some(([re]) => re.test(path))) continue;
      const params = resourceFor(path);
      if (!params) {
        uncovered.push(path);
        continue;
      }
      for (const [method, op] of Object.entries(ops)) {
        const url = fill(path, params);
        const body = minimal(op.requestBody?.content?.['application/json']?.schema);
        for (const [user, c] of sessions) {
          const r = method === 'get' ? await c.get(url) : method === 'patch' ? await c.patch(url, body) : await c.post(url, body);
          requests++;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status < 300 || (method === 'get' && r.status !== 404) || r.status >= 500)
            failures.push(`${user} ${method.toUpperCase()} ${url} → ${r.status}`);
        }
      }
    }
    console.log(`authorization matrix: ${requests} requests, ${sessions.length} roles, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(uncovered, 'routes with an id that the matrix has no resource for').toEqual([]);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(200);
    expect(await ledgerSize(env)).toBe(before);
  }, 240_000);

  it('an officer of a sibling unit reaches none of another unit’s cases, their instruments, evidence, record or publications', async () => {
    const c = client(env.app, await login(env.app, SIBLING_UNIT_USER, PASSWORD));
    const before = await ledgerSize(env);
    const doc = env.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const caseScoped = Object.keys(doc.paths).filter((p) =>
      /^\/api\/(cases\/\{id\}|instruments\/\{id\}|record\/(matters|evidence)\/|publicity\/publications\/\{id\})/.test(p),
    );
    expect(caseScoped.length).toBeGreaterThan(12);
    const failures: string[] = [];
    for (const path of caseScoped) {
      for (const [method, op] of Object.entries(doc.paths[path])) {
        const url = fill(path, resourceFor(path)!);
        const r = method === 'get' ? await c.get(url) : await c.post(url, minimal(op.requestBody?.content?.['application/json']?.schema));
        if (r.status < 300 || (method === 'get' && r.status !== 404) || r.status >= 500) failures.push(`${method.toUpperCase()} ${url} → ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await c.get('/api/cases?limit=100')).body.items.some((x: { id: string }) => x.id === ids.case)).toBe(false);
    expect(await ledgerSize(env)).toBe(before);
  }, 120_000);
});
