/**
 * 访问日志: every read that serves a party's unmasked data — the case file, the case's record, an evidence file,
 * an instrument's data and files, a 双公示 export — writes one append-only row (who, when, what, about whom, from
 * where) before the data is sent, and changes nothing in the record; a failed write fails the read. Supervisors and
 * administrators search the reads by users of their own subtree; nobody changes or deletes a row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, usingPostgres, type Session, type TestEnv } from './helpers.ts';

let env: TestEnv;
type C = ReturnType<typeof client>;
let officerSession: Session;
let officer: C, leader: C, supervisor: C, admin: C;
/** a user of a sibling district bureau holding every staff role, supervisor and admin included */
let sibling: C;
/** the organisation party's case (示例区鑫隆超市有限公司, decided and archived, with a publication) */
let orgCase: string;
/** the natural person's case (张百味, 当场处罚) */
let personCase: string;

const PASSWORD = 'Sibling2026x';
const UA = 'FazhiTest/1.0 (access-log)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Row {
  id: number;
  user_id: string;
  username: string;
  display_name: string;
  org_id: string;
  roles: string[];
  action: string;
  resource_type: string;
  resource_id: string;
  matter_type: string | null;
  matter_id: string | null;
  subject_name: string | null;
  subject_code: string | null;
  note: string | null;
  ip: string;
  user_agent: string | null;
  request_id: string;
}

const maxId = async () => Number((await env.ctx.db.query<{ n: number | null }>('select max(id) as n from access_log')).rows[0].n ?? 0);
const rowsAfter = async (id: number) => (await env.ctx.db.query<Row>('select * from access_log where id > $1 order by id', [id])).rows;
const rowCount = async () => (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from access_log')).rows[0].n;

/** Runs `fn` and returns the access rows it wrote (and checks that the record did not grow, unless told). */
async function written(fn: () => Promise<unknown>, recordGrows = false): Promise<Row[]> {
  const [id, size] = [await maxId(), await ledgerSize(env)];
  await fn();
  if (!recordGrows) expect(await ledgerSize(env)).toBe(size);
  return rowsAfter(id);
}

beforeAll(async () => {
  env = await createTestEnv({ laws: true, cases: true });
  const city = await orgIdByName(env, '示例市市场监督管理局');
  await env.ctx.db.transaction(async (tx) => {
    const district = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
      parentId: city,
      name: '邻区市场监督管理局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '行政处罚法 第十八条',
    });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'linqu',
      displayName: '邻区工作人员',
      orgId: district,
      roles: ['admin', 'supervisor', 'leader', 'legalReviewer', 'officer'],
      password: PASSWORD,
    });
  });
  officerSession = await login(env.app, 'zhifa');
  officer = client(env.app, officerSession);
  [leader, supervisor, admin] = await Promise.all(['lingdao', 'jiandu', 'admin'].map(async (u) => client(env.app, await login(env.app, u))));
  sibling = client(env.app, await login(env.app, 'linqu', PASSWORD));
  const caseOf = async (party: string) => (await env.ctx.db.query<{ id: string }>(`select id from cases where party ->> 'name' = $1`, [party])).rows[0].id;
  orgCase = await caseOf('示例区鑫隆超市有限公司');
  personCase = await caseOf('张百味（示例区百味小吃店）');
}, 240_000);
afterAll(async () => env?.close());

describe('reads of personal data write one access row each, and nothing in the record', () => {
  it('reading a case file: who, what, about whom, from where, which request', async () => {
    const station2 = await orgIdByName(env, '第二市场监管所');
    let status = 0;
    const rows = await written(async () => {
      const res = await env.app.inject({ method: 'GET', url: `/api/cases/${orgCase}`, headers: { cookie: officerSession.cookie, 'user-agent': UA } });
      status = res.statusCode;
    });
    expect(status).toBe(200);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: officerSession.user.id,
      username: 'zhifa',
      display_name: '王志强',
      org_id: station2,
      roles: ['officer'],
      action: 'case.read',
      resource_type: 'case',
      resource_id: orgCase,
      matter_type: 'case',
      matter_id: orgCase,
      subject_name: '示例区鑫隆超市有限公司',
      subject_code: expect.stringMatching(/^[0-9A-Z]{18}$/),
      ip: '127.0.0.1',
      user_agent: UA,
    });
    expect(rows[0].request_id).toMatch(UUID);
  });

  it('a natural person is named with the masked resident id: the log holds no full id', async () => {
    const rows = await written(async () => expect((await officer.get(`/api/cases/${personCase}`)).body.party.idNumber).toBe('11010519491231002X'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'case.read',
      resource_id: personCase,
      subject_name: '张百味（示例区百味小吃店）',
      subject_code: '110105********002X',
    });
    expect(JSON.stringify(rows)).not.toContain('11010519491231002X');
  });

  it('a refused read (404, 401) writes nothing', async () => {
    const rows = await written(async () => {
      expect((await sibling.get(`/api/cases/${orgCase}`)).status).toBe(404);
      expect((await client(env.app, null).get(`/api/cases/${orgCase}`)).status).toBe(401);
      expect((await officer.get('/api/cases/no-such-case')).status).toBe(404);
    });
    expect(rows).toEqual([]);
  });

  it('the case’s record (timeline, an entry’s proof) carries the party as registered: audited', async () => {
    const timeline = await written(async () => expect((await officer.get(`/api/record/matters/case/${personCase}`)).status).toBe(200));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ action: 'case.record', resource_id: personCase, subject_code: '110105********002X' });
    const seq = Number(
      (await env.ctx.db.query<{ seq: number }>(`select max(seq) as seq from ledger_entries where matter_type = 'case' and matter_id = $1`, [personCase]))
        .rows[0].seq,
    );
    const proof = await written(async () => expect((await officer.get(`/api/record/entries/${seq}/proof`)).status).toBe(200));
    expect(proof).toHaveLength(1);
    expect(proof[0]).toMatchObject({ action: 'case.record', resource_id: personCase, note: `记录条目 #${seq}` });
    // the ledger overview, on a page holding case entries
    const list = await written(async () => expect((await admin.get(`/api/record/entries?limit=5&beforeSeq=${seq + 1}`)).status).toBe(200));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ action: 'record.list', resource_type: 'ledger', username: 'admin' });
    // a matter without a party's data (an org's timeline) is not a personal-data read
    const district = await orgIdByName(env, '示例区市场监督管理局');
    expect(await written(async () => expect((await admin.get(`/api/record/matters/org/${district}`)).status).toBe(200))).toEqual([]);
  });

  it('downloading an evidence file', async () => {
    const ev = (
      await env.ctx.db.query<{ id: string; file_name: string }>(`select id, file_name from evidence_files where matter_type = 'case' and matter_id = $1`, [
        personCase,
      ])
    ).rows[0];
    const rows = await written(async () => {
      const r = await officer.get(`/api/record/evidence/${ev.id}/content`);
      expect(r.status).toBe(200);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'evidence.download',
      resource_type: 'evidence',
      resource_id: ev.id,
      matter_type: 'case',
      matter_id: personCase,
      subject_name: '张百味（示例区百味小吃店）',
      note: ev.file_name,
      username: 'zhifa',
    });
  });

  it('reading and downloading an instrument', async () => {
    const ins = (
      await env.ctx.db.query<{ id: string; number: string }>(`select id, number from instruments where matter_type = 'case' and matter_id = $1`, [orgCase])
    ).rows[0];
    const rows = await written(async () => {
      expect((await officer.get(`/api/instruments/${ins.id}`)).status).toBe(200);
      expect((await officer.get(`/api/instruments/${ins.id}/pdf`)).status).toBe(200);
      expect((await officer.get(`/api/instruments/${ins.id}/docx`)).status).toBe(200);
    });
    expect(rows.map((r) => r.action)).toEqual(['instrument.read', 'instrument.download', 'instrument.download']);
    for (const r of rows)
      expect(r).toMatchObject({
        resource_type: 'instrument',
        resource_id: ins.id,
        matter_type: 'case',
        matter_id: orgCase,
        subject_name: '示例区鑫隆超市有限公司',
      });
    expect(rows[1].note).toContain(ins.number);
    expect(rows[2].note).toContain('.docx');
  });

  it('creating and downloading a 双公示 export (the creation is also an act in the record; the download is not)', async () => {
    let url = '';
    let exportId = '';
    const created = await written(async () => {
      const r = await leader.post('/api/publicity/credit-exports', { format: 'json' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      url = r.body.downloadUrl;
      exportId = r.body.id;
    }, true);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: 'creditExport.create',
      resource_type: 'creditExport',
      resource_id: exportId,
      username: 'lingdao',
      matter_type: 'org',
    });
    expect(created[0].note).toMatch(/条行政处罚信息（json）$/);
    const downloaded = await written(async () => expect((await leader.get(url)).status).toBe(200));
    expect(downloaded).toHaveLength(1);
    expect(downloaded[0]).toMatchObject({ action: 'creditExport.download', resource_id: exportId });
    // refused: an officer may not download it, and nothing is logged
    expect(await written(async () => expect((await officer.get(url)).status).toBe(403))).toEqual([]);
  });

  it('if the row cannot be written, the read fails and sends nothing', async () => {
    await env.owner.query(`create function access_log_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'test: access log unavailable'; end $$`);
    await env.owner.query('create trigger access_log_test_refuse before insert on access_log for each row execute function access_log_test_refuse()');
    try {
      const before = await rowCount();
      const r = await officer.get(`/api/cases/${personCase}`);
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('INTERNAL_ERROR');
      expect(JSON.stringify(r.body)).not.toContain('张百味');
      const ev = (await env.ctx.db.query<{ id: string }>(`select id from evidence_files where matter_type = 'case' and matter_id = $1`, [personCase])).rows[0];
      const d = await officer.get(`/api/record/evidence/${ev.id}/content`);
      expect(d.status).toBe(500);
      expect(d.headers['content-disposition']).toBeUndefined();
      // an export is not created without its row: the export's transaction rolls back
      const exports = (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from credit_exports')).rows[0].n;
      const size = await ledgerSize(env);
      expect((await leader.post('/api/publicity/credit-exports', { format: 'csv' })).status).toBe(500);
      expect((await env.ctx.db.query<{ n: number }>('select count(*)::int as n from credit_exports')).rows[0].n).toBe(exports);
      expect(await ledgerSize(env)).toBe(size);
      expect(await rowCount()).toBe(before);
    } finally {
      await env.owner.query('drop trigger access_log_test_refuse on access_log');
      await env.owner.query('drop function access_log_test_refuse()');
    }
  });
});

describe('the log is append-only', () => {
  it('UPDATE, DELETE and TRUNCATE fail even on the owner connection, because of the trigger', async () => {
    const n = await rowCount();
    expect(n).toBeGreaterThan(0);
    await expect(env.owner.query(`update access_log set ip = '10.0.0.1'`)).rejects.toThrow(/ACCESS_LOG_IMMUTABLE/);
    await expect(env.owner.query('delete from access_log')).rejects.toThrow(/ACCESS_LOG_IMMUTABLE/);
    await expect(env.owner.query('truncate access_log')).rejects.toThrow(/ACCESS_LOG_IMMUTABLE/);
    expect(await rowCount()).toBe(n);
    expect((await env.ctx.db.query<{ n: number }>(`select count(*)::int as n from access_log where ip = '10.0.0.1'`)).rows[0].n).toBe(0);
  });

  it('the application connection may not even try (PostgreSQL: fazhi_app has only SELECT and INSERT)', async () => {
    const refused = usingPostgres() ? /permission denied/ : /ACCESS_LOG_IMMUTABLE/;
    await expect(env.ctx.db.query(`update access_log set ip = '10.0.0.1'`)).rejects.toThrow(refused);
    await expect(env.ctx.db.query('delete from access_log')).rejects.toThrow(refused);
  });
});

describe('searching the log', () => {
  it('who may: supervisors and administrators; an officer or a leader gets 403', async () => {
    // the console's menu shows 访问日志 from the same policy
    expect((await officer.get('/api/auth/me')).body.abilities.accessLog).toBe(false);
    expect((await supervisor.get('/api/auth/me')).body.abilities.accessLog).toBe(true);
    expect((await admin.get('/api/auth/me')).body.abilities.accessLog).toBe(true);
    for (const c of [officer, leader]) {
      const r = await c.get('/api/audit/access');
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
      expect(r.body.error.message).toContain('访问日志');
    }
    expect((await client(env.app, null).get('/api/audit/access')).status).toBe(401);
    // both are in the OpenAPI document, with the query's parameters
    const doc = (await client(env.app, null).get('/api/openapi.json')).body;
    const params = doc.paths['/api/audit/access'].get.parameters.map((x: { name: string }) => x.name);
    expect(params).toEqual(expect.arrayContaining(['user', 'action', 'resourceId', 'subject', 'from', 'to', 'page', 'pageSize']));
  });

  it('a supervisor finds the reads by user, by action, by resource, by party and by day, paged with a total', async () => {
    const byUser = await supervisor.get('/api/audit/access?user=zhifa');
    expect(byUser.status, JSON.stringify(byUser.body)).toBe(200);
    expect(byUser.body.total).toBeGreaterThanOrEqual(8);
    expect(byUser.body.items.every((i: { username: string }) => i.username === 'zhifa')).toBe(true);
    expect(byUser.body.items[0]).toMatchObject({ displayName: '王志强', orgName: '第二市场监管所', ip: '127.0.0.1', requestId: expect.stringMatching(UUID) });
    expect(byUser.body.actions['case.read']).toBe('查看案件卷宗');
    // by display name too
    expect((await supervisor.get(`/api/audit/access?user=${encodeURIComponent('王志')}`)).body.total).toBe(byUser.body.total);

    const byResource = await supervisor.get(`/api/audit/access?resourceId=${personCase}`);
    const actions = new Set(byResource.body.items.map((i: { action: string }) => i.action));
    for (const a of ['case.read', 'case.record', 'evidence.download']) expect(actions).toContain(a);
    expect(byResource.body.items.every((i: { resourceId: string; matterId: string }) => i.resourceId === personCase || i.matterId === personCase)).toBe(true);

    const byAction = await supervisor.get('/api/audit/access?action=instrument.download');
    expect(byAction.body.total).toBe(2);
    expect(byAction.body.items[0].actionLabel).toBe('下载文书文件');

    const bySubject = await supervisor.get(`/api/audit/access?subject=${encodeURIComponent('百味')}`);
    expect(bySubject.body.total).toBeGreaterThanOrEqual(3);
    expect((await supervisor.get('/api/audit/access?subject=110105********002x')).body.total).toBe(bySubject.body.total);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const all = await supervisor.get('/api/audit/access');
    expect((await supervisor.get(`/api/audit/access?from=${today}&to=${today}`)).body.total).toBe(all.body.total);
    expect((await supervisor.get('/api/audit/access?from=2000-01-01&to=2000-12-31')).body).toMatchObject({ total: 0, items: [] });

    const p1 = await supervisor.get('/api/audit/access?pageSize=2');
    const p2 = await supervisor.get('/api/audit/access?pageSize=2&page=2');
    expect(p1.body).toMatchObject({ total: all.body.total, page: 1, pageSize: 2 });
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items[0].id).toBeLessThan(p1.body.items[1].id);
    // searching the log is not itself logged
    expect((await supervisor.get('/api/audit/access')).body.total).toBe(all.body.total);
  });

  it('each sees the reads by users of their own subtree: the district’s admin not the city supervisor’s, a sibling district none', async () => {
    const read = await written(async () => expect((await supervisor.get(`/api/cases/${orgCase}`)).status).toBe(200));
    expect(read[0]).toMatchObject({ username: 'jiandu', org_id: await orgIdByName(env, '示例市市场监督管理局') });
    expect((await supervisor.get('/api/audit/access?user=jiandu')).body.total).toBe(1);
    expect((await admin.get('/api/audit/access?user=jiandu')).body.total).toBe(0);
    expect((await admin.get('/api/audit/access?user=zhifa')).body.total).toBeGreaterThan(0);
    const s = await sibling.get('/api/audit/access');
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ total: 0, items: [] });
    expect((await sibling.get(`/api/audit/access?resourceId=${orgCase}`)).body.total).toBe(0);
  });

  it('a bad query is 400 with a Chinese message', async () => {
    for (const [q, text] of [
      ['from=2024-13-01', '日期'],
      ['from=2024-02-02&to=2024-02-01', '起始日期不能晚于结束日期'],
      ['action=case.delete', '访问类型不正确'],
      ['page=0', '页码至少为 1'],
      ['pageSize=1000', '每页最多 200 条'],
      [`resourceId=${'x'.repeat(65)}`, '资源编号不能超过 64 个字符'],
    ] as const) {
      const r = await supervisor.get(`/api/audit/access?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.message, q).toContain('查询参数不符合要求');
      expect(JSON.stringify(r.body.error.details), q).toContain(text);
    }
    const unknown = await supervisor.get('/api/audit/access?foo=1');
    expect(unknown.status).toBe(400);
  });
});

// last: the backdated rows it writes would count in the searches above
describe('retention: the periodic job deletes rows past the retention period, and records that it did', () => {
  /** Rows dated `daysAgo` back (written by the owner: the application never backdates a read). */
  async function oldRows(daysAgo: number, n: number): Promise<number[]> {
    const r = await env.owner.query(
      `insert into access_log (at, user_id, username, display_name, org_id, roles, action, resource_type, resource_id, ip, request_id)
       select now() - make_interval(days => $1), u.id, u.username, u.display_name, u.org_id, u.roles, 'case.read', 'case', 'retention-test', '127.0.0.1', 'retention'
         from users u, generate_series(1, $2) where u.username = 'jiandu' returning id`,
      [daysAgo, n],
    );
    return r.rows.map((x) => Number(x.id));
  }

  it('the default keeps a year (365 days, at least the six months of 网络安全法 第二十一条); less than 184 days is refused', async () => {
    const { loadConfig, ACCESS_LOG_MIN_RETENTION_DAYS } = await import('../src/platform/config.ts');
    expect(loadConfig({}).accessLogRetentionDays).toBe(365);
    expect(ACCESS_LOG_MIN_RETENTION_DAYS).toBe(184);
    expect(loadConfig({ ACCESS_LOG_RETENTION_DAYS: '200' }).accessLogRetentionDays).toBe(200);
    expect(() => loadConfig({ ACCESS_LOG_RETENTION_DAYS: '90' })).toThrow(/at least 184/);
  });

  it('purges exactly the expired rows in one record entry; rows within the period stay; nothing to purge: no entry', async () => {
    const { purgeExpiredAccessLog } = await import('../src/platform/audit/retention.ts');
    const expired = await oldRows(400, 3);
    const kept = await oldRows(300, 2);
    const before = await rowCount();
    const size = await ledgerSize(env);
    const r = await purgeExpiredAccessLog(env.ctx);
    expect(r.deleted).toBeGreaterThanOrEqual(3);
    expect(await rowCount()).toBe(before - r.deleted);
    const left = (await env.ctx.db.query<{ id: number }>('select id from access_log where id = any($1)', [[...expired, ...kept]])).rows.map((x) =>
      Number(x.id),
    );
    expect(left.sort()).toEqual(kept.sort());
    expect(await ledgerSize(env)).toBe(size + 1);
    const entry = (
      await env.ctx.db.query<{ payload: string; matter_type: string; actor_name: string }>(
        `select payload, matter_type, actor_name from ledger_entries where event_type = 'accessLog.purged' order by recorded_at desc limit 1`,
      )
    ).rows[0];
    expect(entry.matter_type).toBe('accessLog');
    expect(JSON.parse(entry.payload)).toMatchObject({ retentionDays: 365, deleted: r.deleted, firstId: Math.min(...expired), lastId: Math.max(...expired) });
    expect((await purgeExpiredAccessLog(env.ctx)).deleted).toBe(0);
    expect(await ledgerSize(env)).toBe(size + 1);
  });

  it('the database keeps six months whoever asks: a cutoff younger than 184 days, a DELETE outside the function, a young row', async () => {
    const young = await oldRows(100, 1);
    await expect(env.owner.query(`select * from purge_access_log(now() - interval '100 days')`)).rejects.toThrow(/ACCESS_LOG_RETENTION/);
    await expect(env.owner.query('delete from access_log where id = $1', [young[0]])).rejects.toThrow(/ACCESS_LOG_IMMUTABLE/);
    // the purge flag set by hand does not delete a row younger than six months
    await expect(
      env.owner.query(
        `with flag as (select set_config('fazhi.access_log_purge', 'on', true) as v) delete from access_log where id = $1 and exists (select 1 from flag where v = 'on')`,
        [young[0]],
      ),
    ).rejects.toThrow(/ACCESS_LOG_IMMUTABLE/);
    expect((await env.ctx.db.query('select id from access_log where id = $1', [young[0]])).rows).toHaveLength(1);
  });
});
