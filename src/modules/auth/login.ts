import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession } from '../../platform/auth/sessions.ts';

// a hash to verify against when the user does not exist, so timing does not reveal user names
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0mJpVw8Vh8o3gkBmZcpmEhJH0Yx2NkD3G3w0mGkJ2WQ';

const invalid = () => new AppError('LOGIN_FAILED', '用户名或密码错误');

/** A 429 whose `retryAfter` (seconds) the route sends as `Retry-After`. */
export class LoginThrottled extends AppError {
  constructor(
    code: 'LOGIN_THROTTLED' | 'RATE_LIMITED',
    message: string,
    readonly retryAfter: number,
  ) {
    super(code, message, { retryAfter });
  }
}

interface Failures {
  failures: number;
  first: number;
  last: number;
}

/** The delay (ms) after `failures` failures against a threshold: none below it, then base·2^(failures−threshold), capped. */
export function loginDelayMs(failures: number, threshold: number, baseSeconds: number, maxSeconds: number): number {
  if (failures < threshold) return 0;
  return Math.min(baseSeconds * 2 ** Math.min(failures - threshold, 30), maxSeconds) * 1000;
}

/**
 * Password login with a progressive delay instead of a lock (README「登录与会话」). Failed logins are counted
 * under three keys, in the database (so every worker process sees them):
 *
 * - `ua:<user name>|<address>`: after `maxLoginFailures` failures (default 5) the next attempt of that user name
 *   from that address must wait `loginDelayBaseSeconds`·2^(failures − maxLoginFailures), at most
 *   `loginDelayMaxSeconds` (1 s, 2 s, 4 s … 300 s), counted from the last failure;
 * - `u:<user name>`: the same over all addresses together, from `maxLoginFailuresPerUser` failures (default 20) and
 *   capped at `loginUserDelayMaxSeconds` (60 s) — an attacker elsewhere slows the real user by at most that much;
 * - `a:<address>`: more than `loginFailuresPerMinutePerAddress` failures (any user names) within a minute of
 *   the first makes that address wait until the minute is over (429 RATE_LIMITED).
 *
 * An attempt during a wait is answered at once with 429 and `Retry-After`, without checking the password and
 * without counting as a failure; after the wait the right password logs in. A successful login forgets the
 * user name's failures (both keys of that address and user-wide); failures are also forgotten
 * `loginFailureMemoryMinutes` after the last one.
 */
export async function login(db: Db, config: Config, username: string, password: string, ip: string, userAgent: string) {
  const name = username.toLowerCase();
  const keys = { ua: `ua:${name}|${ip}`, u: `u:${name}`, a: `a:${ip}` };
  const now = Date.now();
  const memory = config.loginFailureMemoryMinutes * 60_000;
  const rows = (
    await db.query<{ key: string; failures: number; first_failure_at: string | Date; last_failure_at: string | Date }>(
      'select key, failures, first_failure_at, last_failure_at from login_failures where key = any($1)',
      [[keys.ua, keys.u, keys.a]],
    )
  ).rows;
  const get = (k: string): Failures | null => {
    const r = rows.find((x) => x.key === k);
    return r ? { failures: r.failures, first: new Date(r.first_failure_at).getTime(), last: new Date(r.last_failure_at).getTime() } : null;
  };
  const fresh = (f: Failures | null) => (f && now - f.last < memory ? f : null);
  const ua = fresh(get(keys.ua));
  const u = fresh(get(keys.u));
  const a = get(keys.a);

  if (a && now - a.first < 60_000 && a.failures >= config.loginFailuresPerMinutePerAddress) {
    const retryAfter = Math.max(1, Math.ceil((a.first + 60_000 - now) / 1000));
    throw new LoginThrottled('RATE_LIMITED', `该网络地址登录失败次数过于频繁，请 ${retryAfter} 秒后再试`, retryAfter);
  }
  const until = Math.max(
    ua ? ua.last + loginDelayMs(ua.failures, config.maxLoginFailures, config.loginDelayBaseSeconds, config.loginDelayMaxSeconds) : 0,
    u ? u.last + loginDelayMs(u.failures, config.maxLoginFailuresPerUser, config.loginDelayBaseSeconds, config.loginUserDelayMaxSeconds) : 0,
  );
  if (until > now) {
    const retryAfter = Math.max(1, Math.ceil((until - now) / 1000));
    throw new LoginThrottled('LOGIN_THROTTLED', `该账号登录失败次数较多，为防止密码被猜测，请 ${retryAfter} 秒后再试`, retryAfter);
  }

  const user = (
    await db.query<{ id: string; password_hash: string; active: boolean }>('select id, password_hash, active from users where lower(username) = $1', [name])
  ).rows[0];
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok || !user.active) {
    const at = new Date().toISOString();
    const forgetBefore = new Date(Date.now() - memory).toISOString();
    for (const k of [keys.ua, keys.u]) {
      await db.query(
        `insert into login_failures (key, failures, first_failure_at, last_failure_at) values ($1, 1, $2, $2)
         on conflict (key) do update set
           failures = case when login_failures.last_failure_at < $3 then 1 else login_failures.failures + 1 end,
           first_failure_at = case when login_failures.last_failure_at < $3 then $2 else login_failures.first_failure_at end,
           last_failure_at = $2`,
        [k, at, forgetBefore],
      );
    }
    // the per-address count is a fixed one-minute window from its first failure
    await db.query(
      `insert into login_failures (key, failures, first_failure_at, last_failure_at) values ($1, 1, $2, $2)
       on conflict (key) do update set
         failures = case when login_failures.first_failure_at < $3 then 1 else login_failures.failures + 1 end,
         first_failure_at = case when login_failures.first_failure_at < $3 then $2 else login_failures.first_failure_at end,
         last_failure_at = $2`,
      [keys.a, at, new Date(Date.now() - 60_000).toISOString()],
    );
    if (user && ok && !user.active) throw new AppError('USER_INACTIVE', '该账号已停用');
    throw invalid();
  }
  await db.query('delete from login_failures where key = any($1)', [[keys.ua, keys.u]]);
  // old rows of other keys are cleared now and then, so the table does not grow without bound
  if (Math.random() < 0.01) await db.query('delete from login_failures where last_failure_at < $1', [new Date(Date.now() - memory).toISOString()]);
  return { userId: user.id, ...(await createSession(db, user.id, config.sessionTtlHours, ip, userAgent)) };
}
