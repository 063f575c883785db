/**
 * The two PostgreSQL roles of a production setup.
 *
 * - The owner (`MIGRATION_DATABASE_URL`) owns the tables, runs the migrations and grants.
 * - The application login (`DATABASE_URL`) is a LOGIN role that is a member of `fazhi_app` and
 *   nothing else: it inherits `fazhi_app`'s privileges (no UPDATE/DELETE/TRUNCATE on the record),
 *   is not a superuser, cannot create roles and is no member of the owner. `SET ROLE owner` and
 *   `SET SESSION AUTHORIZATION` are refused to it, and `RESET ROLE` returns to itself, so nothing
 *   on an application connection can switch the record's triggers off.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { Db, Queryable } from './index.ts';
import { APP_ROLE } from './migrate.ts';

/** The user name and password a PostgreSQL URL logs in with (`PGUSER`/`PGPASSWORD` when the URL has none). */
export function loginOf(url: string): { user: string | null; password: string | null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { user: process.env.PGUSER || null, password: process.env.PGPASSWORD || null };
  }
  const user = decodeURIComponent(u.username) || u.searchParams.get('user') || process.env.PGUSER || null;
  const password = decodeURIComponent(u.password) || u.searchParams.get('password') || process.env.PGPASSWORD || null;
  return { user, password };
}

/** SASLprep (RFC 4013) as the `pg` client applies it before SCRAM: non-ASCII spaces, characters mapped to nothing, NFKC. */
function saslprep(password: string): string {
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: RFC 3454 table B.1 lists joiners and variation selectors one by one
  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
  return password
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    .replace(mappedToNothing, '')
    .normalize('NFKC');
}

/**
 * The SCRAM-SHA-256 verifier of a password (RFC 5802/7677, the format PostgreSQL stores), so that
 * `CREATE ROLE … PASSWORD` never sends the password itself, which the server could log.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(saslprep(password), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

const isPgError = (e: unknown, ...codes: string[]) => codes.includes((e as { code?: string }).code ?? '');

/**
 * With the owner connection: makes sure the application login of `appUrl` exists and is a member of
 * `fazhi_app`. A missing login is created (LOGIN INHERIT, nothing else; with the URL's password, sent
 * as a SCRAM verifier); an existing one only gains the membership — its password and attributes are
 * left as they are, and `checkAppLogin` refuses it later if it is unsafe. Idempotent and safe to run
 * from several processes at once.
 */
export async function ensureAppLogin(owner: Queryable, appUrl: string): Promise<void> {
  const { user, password } = loginOf(appUrl);
  if (!user) return; // the login is named elsewhere (e.g. the OS user): checkAppLogin still judges it
  const hasRole = async () =>
    (await owner.query<{ member: boolean }>(`select pg_has_role(r.oid, $2::name, 'USAGE') as member from pg_roles r where r.rolname = $1`, [user, APP_ROLE]))
      .rows[0];
  let role = await hasRole();
  if (!role) {
    const sql = (
      await owner.query<{ sql: string }>(
        `select format('create role %I login inherit nosuperuser nocreatedb nocreaterole noreplication nobypassrls%s in role %I',
           $1::text, case when $2::text is null then '' else format(' password %L', $2::text) end, $3::text) as sql`,
        [user, password === null ? null : scramVerifier(password), APP_ROLE],
      )
    ).rows[0].sql;
    try {
      await owner.exec(sql);
      return;
    } catch (e) {
      if (isPgError(e, '42501'))
        throw new AppError(
          'DB_APP_LOGIN_MISSING',
          `数据库中没有应用登录角色 ${user}，迁移所用的角色也无权创建它。请由数据库管理员执行：CREATE ROLE ${user} LOGIN PASSWORD '…' IN ROLE ${APP_ROLE};`,
        );
      if (!isPgError(e, '42710', '23505')) throw e; // created meanwhile by another process
      role = await hasRole();
    }
  }
  if (role && !role.member) {
    const grant = (await owner.query<{ sql: string }>(`select format('grant %I to %I', $1::text, $2::text) as sql`, [APP_ROLE, user])).rows[0].sql;
    await owner.exec(grant);
  }
}

export interface AppLoginReport {
  login: string;
  /** why this login could reach the owner or change the record; empty when it is safe */
  problems: string[];
}

/** What the login of an application connection could do beyond `fazhi_app`'s privileges. */
export async function inspectAppLogin(db: Queryable): Promise<AppLoginReport> {
  const r = (
    await db.query<{
      login: string;
      superuser: boolean;
      createrole: boolean;
      app_privileges: boolean;
      owners: string | null;
      superusers: string | null;
      database_owner: boolean;
      schema_owner: boolean;
    }>(
      `select r.rolname as login, r.rolsuper as superuser, r.rolcreaterole as createrole,
         pg_has_role(session_user, $1::name, 'USAGE') as app_privileges,
         (select string_agg(distinct o.rolname, ', ') from pg_class c
            join pg_namespace n on n.oid = c.relnamespace join pg_roles o on o.oid = c.relowner
           where n.nspname = 'public' and pg_has_role(session_user, c.relowner, 'MEMBER')) as owners,
         (select string_agg(s.rolname, ', ') from pg_roles s where s.rolsuper and pg_has_role(session_user, s.oid, 'MEMBER')) as superusers,
         (select pg_has_role(session_user, d.datdba, 'MEMBER') from pg_database d where d.datname = current_database()) as database_owner,
         (select pg_has_role(session_user, n.nspowner, 'MEMBER') from pg_namespace n where n.nspname = 'public') as schema_owner
       from pg_roles r where r.rolname = session_user`,
      [APP_ROLE],
    )
  ).rows[0];
  const problems: string[] = [];
  if (r.superuser) problems.push('是超级用户（SUPERUSER）');
  if (r.createrole) problems.push('有 CREATEROLE 权限（可把任意非超级用户角色授予自己）');
  if (r.superusers) problems.push(`可切换为超级用户角色 ${r.superusers}`);
  if (r.owners) problems.push(`可切换为数据表的所有者 ${r.owners}`);
  if (r.database_owner) problems.push('是数据库的所有者');
  if (r.schema_owner) problems.push('是 public 模式的所有者（可删除其中的表）');
  if (!r.app_privileges) problems.push(`不是角色 ${APP_ROLE} 的成员（没有应用所需的权限）`);
  return { login: r.login, problems };
}

/** Refuses an application connection whose login could switch to the owner (see `inspectAppLogin`). */
export async function checkAppLogin(db: Db): Promise<void> {
  const { login, problems } = await inspectAppLogin(db);
  if (problems.length)
    throw new AppError(
      'DB_APP_LOGIN_UNSAFE',
      `DATABASE_URL 的登录角色 ${login} 不能作为应用角色：${problems.join('；')}。应用应以只属于 ${APP_ROLE} 的登录角色连接，迁移用 MIGRATION_DATABASE_URL（见 README「配置」）`,
    );
}
