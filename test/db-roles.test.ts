/**
 * The application's database login cannot get back to the owner (README「配置」, docs/architecture.md).
 * PostgreSQL only: PGlite is a single in-process user with no roles or logins, so there is nothing to
 * escape to — without TEST_DATABASE_URL only the password-verifier check runs.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { inspectAppLogin, loginOf, scramVerifier } from '../src/platform/db/roles.ts';
import { client, createTestDatabase, createTestEnv, ledgerSize, login, orgIdByName, TEST_APP_LOGIN, usingPostgres, type TestEnv } from './helpers.ts';

describe('password verifier', () => {
  it('is a SCRAM-SHA-256 verifier in the format PostgreSQL stores', () => {
    const v = scramVerifier('pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'));
    expect(v).toMatch(/^SCRAM-SHA-256\$4096:W22ZaJ0SNY7soEsUEjb6gQ==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/);
    expect(scramVerifier('pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'))).toBe(v);
  });

  it('reads the login of a URL', () => {
    expect(loginOf('postgres://fazhi_web:s%40cret@db.example:5432/fazhi')).toEqual({ user: 'fazhi_web', password: 's@cret' });
    expect(loginOf('postgres://fazhi_web@db.example/fazhi').user).toBe('fazhi_web');
  });
});

describe.skipIf(!usingPostgres())('PostgreSQL: the application login has no way back to the owner (skipped on PGlite: it has no roles)', () => {
  let env: TestEnv;
  let app: pg.Client;
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-roles-'));
  const configWith = (env: { DATABASE_URL: string; MIGRATION_DATABASE_URL?: string }) => loadConfig({ DATA_DIR: dataDir, ...env } as NodeJS.ProcessEnv);
  const ownerUrl = () => env.config.migrationDatabaseUrl!;
  const asLogin = (user: string, password?: string) => {
    const u = new URL(ownerUrl());
    u.username = user;
    u.password = password ?? '';
    return u.toString();
  };
  const scratchRoles: string[] = [];
  const scratchRole = () => {
    const name = `fazhi_roletest_${randomBytes(4).toString('hex')}`;
    scratchRoles.push(name);
    return name;
  };

  beforeAll(async () => {
    env = await createTestEnv(); // test/helpers.ts: MIGRATION_DATABASE_URL = owner, DATABASE_URL = fazhi_test_app
    // a connection made exactly as the application makes one: DATABASE_URL as it is, no options
    app = new pg.Client({ connectionString: env.config.databaseUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    for (const r of scratchRoles.reverse()) await env.owner.query(`drop role if exists ${r}`);
    await env?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the app is configured with two URLs and logs in as its own role, not the owner', async () => {
    expect(env.config.migrationDatabaseUrl).toBeTruthy();
    expect(env.config.databaseUrl).not.toBe(env.config.migrationDatabaseUrl);
    const who = (await env.ctx.db.query<{ s: string; c: string }>('select session_user::text as s, current_user::text as c')).rows[0];
    expect(who).toEqual({ s: TEST_APP_LOGIN, c: TEST_APP_LOGIN });
    const owner = (await env.owner.query(`select tableowner from pg_tables where tablename = 'ledger_entries'`)).rows[0].tableowner;
    expect(owner).not.toBe(TEST_APP_LOGIN);
    expect(await inspectAppLogin(env.ctx.db)).toEqual({ login: TEST_APP_LOGIN, problems: [] });
  });

  it('every way back to the owner or around the record is refused', async () => {
    const owner = String((await env.owner.query(`select tableowner from pg_tables where tablename = 'ledger_entries'`)).rows[0].tableowner);
    const attempts: [string, RegExp][] = [
      ['set role postgres', /permission denied to set role "postgres"/],
      [`set role ${owner}`, new RegExp(`permission denied to set role "${owner}"`)],
      ['set session authorization postgres', /permission denied to set session authorization/],
      [`set session authorization ${owner}`, /permission denied to set session authorization/],
      ['set session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
      ['alter table ledger_entries disable trigger all', /must be owner of table ledger_entries/],
      ['alter table ledger_entries disable trigger ledger_entries_immutable', /must be owner of table ledger_entries/],
      ['drop table ledger_entries cascade', /must be owner of table ledger_entries/],
      ['update ledger_entries set payload = payload where seq = 0', /permission denied for table ledger_entries/],
      ['delete from ledger_entries', /permission denied for table ledger_entries/],
      ['truncate ledger_entries', /permission denied for table ledger_entries/],
      ['delete from ledger_tree_heads', /permission denied for table ledger_tree_heads/],
      [`grant ${owner} to ${TEST_APP_LOGIN}`, /permission denied to grant role|must have admin option on role|must be superuser to alter superusers/],
      [`alter role ${TEST_APP_LOGIN} superuser`, /permission denied|must be superuser/],
      ['create role fazhi_escape superuser login', /must be superuser to create superusers/],
      ['create role fazhi_escape login', /permission denied to create role/],
    ];
    for (const [sql, error] of attempts) {
      await expect(app.query(sql), sql).rejects.toThrow(error);
    }
    // RESET ROLE cannot be refused by PostgreSQL — it returns to the login, which is the application role itself
    await app.query('reset role');
    expect((await app.query('select session_user::text as s, current_user::text as c')).rows[0]).toEqual({ s: TEST_APP_LOGIN, c: TEST_APP_LOGIN });
    await expect(app.query('delete from ledger_entries')).rejects.toThrow(/permission denied/);
    // the record is untouched, and still verifies through the app
    expect((await env.owner.query('select count(*)::int as n from ledger_entries')).rows[0].n).toBe(await ledgerSize(env));
  });

  it('the application works as that login: a write through the API is recorded', async () => {
    const admin = client(env.app, await login(env.app, 'admin'));
    const before = await ledgerSize(env);
    const r = await admin.post('/api/officers', { orgId: await orgIdByName(env, '第一市场监管所'), name: '角色测试' });
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    expect(await ledgerSize(env)).toBe(before + 1);
  });

  it('with a non-superuser owner (the production shape) the login cannot become that owner either', async () => {
    const ownerRole = scratchRole();
    const web = scratchRole();
    await env.owner.query(`create role ${ownerRole} login createrole`);
    const tdb = await createTestDatabase('fazhi_roletest');
    const urlOf = (user: string) => {
      const u = new URL(tdb.url);
      u.username = user;
      u.password = '';
      return u.toString();
    };
    try {
      await env.owner.query(`alter database ${tdb.name} owner to ${ownerRole}`);
      const db = await openDatabase(configWith({ DATABASE_URL: urlOf(web), MIGRATION_DATABASE_URL: urlOf(ownerRole) }));
      try {
        expect((await db.query(`select tableowner from pg_tables where tablename = 'ledger_entries'`)).rows[0]).toEqual({ tableowner: ownerRole });
        for (const [sql, error] of [
          [`set role ${ownerRole}`, new RegExp(`permission denied to set role "${ownerRole}"`)],
          [`set session authorization ${ownerRole}`, /permission denied to set session authorization/],
          [`grant ${ownerRole} to ${web}`, /must have admin option on role|permission denied to grant role/],
          ['alter table ledger_entries disable trigger all', /must be owner of table ledger_entries/],
          ['update ledger_entries set payload = payload', /permission denied for table ledger_entries/],
        ] as const)
          await expect(db.query(sql), sql).rejects.toThrow(error);
      } finally {
        await db.close();
      }
    } finally {
      await tdb.drop();
    }
  });

  it('start-up is refused when DATABASE_URL could reach the owner', async () => {
    // the owner itself (here a superuser)
    await expect(openDatabase(configWith({ DATABASE_URL: ownerUrl(), MIGRATION_DATABASE_URL: ownerUrl() }))).rejects.toThrow(/DB_APP_LOGIN_UNSAFE.*超级用户/);
    // a login that is a member of the owner
    const member = scratchRole();
    await env.owner.query(`create role ${member} login in role fazhi_app`);
    await env.owner.query(`grant postgres to ${member}`);
    await expect(openDatabase(configWith({ DATABASE_URL: asLogin(member), MIGRATION_DATABASE_URL: ownerUrl() }))).rejects.toThrow(
      /可切换为超级用户角色 postgres/,
    );
    // a login with CREATEROLE (on PostgreSQL 15 it may grant itself any non-superuser role)
    const creator = scratchRole();
    await env.owner.query(`create role ${creator} login createrole in role fazhi_app`);
    await expect(openDatabase(configWith({ DATABASE_URL: asLogin(creator), MIGRATION_DATABASE_URL: ownerUrl() }))).rejects.toThrow(/CREATEROLE/);
  });

  it('a missing application login is created by the migration owner: LOGIN, member of fazhi_app, nothing else', async () => {
    const name = scratchRole();
    const password = 'ｆａｚｈｉ\u00A0密码-1';
    const db = await openDatabase(configWith({ DATABASE_URL: asLogin(name, password), MIGRATION_DATABASE_URL: ownerUrl() }));
    try {
      expect(await inspectAppLogin(db)).toEqual({ login: name, problems: [] });
    } finally {
      await db.close();
    }
    const role = (
      await env.owner.query(
        `select rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolinherit, rolpassword, pg_has_role(rolname, 'fazhi_app', 'USAGE') as app
           from pg_authid where rolname = $1`,
        [name],
      )
    ).rows[0];
    expect(role).toMatchObject({ rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolinherit: true, app: true });
    // the verifier sent is the one PostgreSQL computes itself from the same password
    const [, iterations, salt] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(String(role.rolpassword))!;
    expect(role.rolpassword).toBe(scramVerifier(password, Buffer.from(salt, 'base64'), Number(iterations)));
    await env.owner.query(`alter role ${name} password '${password}'`);
    const byServer = String((await env.owner.query('select rolpassword from pg_authid where rolname = $1', [name])).rows[0].rolpassword);
    const [, it2, salt2] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(byServer)!;
    expect(scramVerifier(password, Buffer.from(salt2, 'base64'), Number(it2))).toBe(byServer);
  });

  it('without MIGRATION_DATABASE_URL (development only) it warns: that mode can be escaped with SET ROLE', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = await openDatabase(configWith({ DATABASE_URL: ownerUrl() }));
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/MIGRATION_DATABASE_URL.*仅供开发/));
      await db.transaction(async (tx) => {
        expect((await tx.query<{ c: string }>('select current_user::text as c')).rows[0].c).toBe('fazhi_app');
        // RESET ROLE returns to the startup option's role, but SET ROLE NONE returns to the owner login
        await tx.query('set local role none');
        expect((await tx.query<{ c: string }>('select current_user::text as c')).rows[0].c).toBe('postgres');
      });
    } finally {
      warn.mockRestore();
      await db.close();
    }
  });
});
