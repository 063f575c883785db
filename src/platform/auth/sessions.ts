import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.ts';
import { orgSubtree } from '../orgs.ts';
import type { Principal, Role } from '../policies.ts';

export const SESSION_COOKIE = 'fazhi_sid';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(q: Queryable, userId: string, ttlHours: number, ip: string, userAgent: string) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await q.query('insert into sessions (id_hash, user_id, csrf_token, expires_at, ip, user_agent) values ($1,$2,$3,$4,$5,$6)', [
    sha256(token),
    userId,
    csrfToken,
    expiresAt.toISOString(),
    ip,
    userAgent.slice(0, 300),
  ]);
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(q: Queryable, token: string) {
  await q.query('delete from sessions where id_hash = $1', [sha256(token)]);
}

export async function deleteSessionsOfUser(q: Queryable, userId: string, exceptToken?: string) {
  await q.query('delete from sessions where user_id = $1 and id_hash <> $2', [userId, exceptToken ? sha256(exceptToken) : '']);
}

/** Re-exported for src/seed/inspections.ts (not owned here); new code imports platform/orgs.ts. */
export { orgSubtree };

/** The principal of an active user by user name, for commands run without a session (the demo seed, the CLI). */
export async function principalForUser(q: Queryable, username: string): Promise<Principal | null> {
  const row = (
    await q.query<{ id: string; username: string; display_name: string; roles: Role[]; org_id: string }>(
      'select id, username, display_name, roles, org_id from users where username = $1 and active',
      [username],
    )
  ).rows[0];
  if (!row) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    orgId: row.org_id,
    scope: new Set(await orgSubtree(q, row.org_id)),
  };
}

/**
 * The principal of a live session: not past its expiry nor idle for `idleMinutes` (when given), of an active user.
 * Each use extends the idle time (sliding), with a write at most once a minute per session.
 */
export async function principalForSession(
  q: Queryable,
  token: string,
  idleMinutes?: number,
): Promise<{ principal: Principal; csrfToken: string; mustChangePassword: boolean } | null> {
  const idHash = sha256(token);
  const r = await q.query<{
    user_id: string;
    csrf_token: string;
    username: string;
    display_name: string;
    roles: Role[];
    org_id: string;
    must_change_password: boolean;
    touch: boolean;
  }>(
    `select s.user_id, s.csrf_token, u.username, u.display_name, u.roles, u.org_id, u.must_change_password,
            s.last_seen_at < now() - interval '1 minute' as touch
       from sessions s join users u on u.id = s.user_id
      where s.id_hash = $1 and s.expires_at > now() and u.active
        and ($2::int is null or s.last_seen_at > now() - make_interval(mins => $2::int))`,
    [idHash, idleMinutes ?? null],
  );
  const row = r.rows[0];
  if (!row) return null;
  if (row.touch) await q.query('update sessions set last_seen_at = now() where id_hash = $1', [idHash]);
  return {
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    principal: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      orgId: row.org_id,
      scope: new Set(await orgSubtree(q, row.org_id)),
    },
  };
}
