import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession } from '../../platform/auth/sessions.ts';

// a hash to verify against when the user does not exist, so timing does not reveal user names
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0mJpVw8Vh8o3gkBmZcpmEhJH0Yx2NkD3G3w0mGkJ2WQ';

const invalid = () => new AppError(401, 'LOGIN_FAILED', '用户名或密码错误');

/**
 * Password login with lockout: after `maxLoginFailures` consecutive failures the user name is
 * locked for `lockoutMinutes`, whatever password is tried.
 */
export async function login(db: Db, config: Config, username: string, password: string, ip: string, userAgent: string) {
  const key = username.toLowerCase();
  const t = (await db.query<{ failures: number; locked_until: string | null }>('select failures, locked_until from login_throttle where username = $1', [key]))
    .rows[0];
  if (t?.locked_until && new Date(t.locked_until) > new Date()) {
    throw new AppError(
      429,
      'LOGIN_LOCKED',
      `连续登录失败次数过多，账号已锁定至 ${new Date(t.locked_until).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
    );
  }
  const user = (
    await db.query<{ id: string; password_hash: string; active: boolean }>('select id, password_hash, active from users where lower(username) = $1', [key])
  ).rows[0];
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok || !user.active) {
    const failures = (t?.failures ?? 0) + 1;
    const lock = failures >= config.maxLoginFailures ? new Date(Date.now() + config.lockoutMinutes * 60_000).toISOString() : null;
    await db.query(
      `insert into login_throttle (username, failures, locked_until, last_failure_at) values ($1, $2, $3, now())
       on conflict (username) do update set failures = $2, locked_until = $3, last_failure_at = now()`,
      [key, lock ? 0 : failures, lock],
    );
    if (lock) throw new AppError(429, 'LOGIN_LOCKED', `连续 ${config.maxLoginFailures} 次登录失败，账号已锁定 ${config.lockoutMinutes} 分钟`);
    if (user && ok && !user.active) throw new AppError(403, 'USER_INACTIVE', '该账号已停用');
    throw invalid();
  }
  await db.query('delete from login_throttle where username = $1', [key]);
  return { userId: user.id, ...(await createSession(db, user.id, config.sessionTtlHours, ip, userAgent)) };
}

/**
 * Per-address limit on failed logins (a sliding window in memory): guessing many user names
 * from one address is stopped even where no single user name reaches its lockout.
 */
export class LoginRateLimiter {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
  ) {}

  private recent(ip: string): number[] {
    const now = Date.now();
    return (this.failures.get(ip) ?? []).filter((t) => now - t < this.windowMs);
  }

  check(ip: string): void {
    if (this.recent(ip).length >= this.max) throw new AppError(429, 'RATE_LIMITED', '登录失败次数过于频繁，请稍后再试');
  }

  fail(ip: string): void {
    if (this.failures.size > 10_000) this.failures.clear();
    this.failures.set(ip, [...this.recent(ip), Date.now()]);
  }
}
