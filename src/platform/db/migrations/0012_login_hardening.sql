-- Login hardening: forced password change, idle session timeout, progressive login delay.

-- set when an administrator creates a user or resets a password: the user must choose their own at the next
-- login (the API answers 403 PASSWORD_CHANGE_REQUIRED until then); the demo seed leaves it false
alter table users add column must_change_password boolean not null default false;

-- sliding idle timeout: refreshed at most once a minute per session by authenticated requests
alter table sessions add column last_seen_at timestamptz not null default now();

-- failed logins per key (security state, not enforcement data): 'u:<user name>', 'ua:<user name>|<address>',
-- 'a:<address>'; replaces login_throttle's hard lock with a progressive delay (README「登录与会话」)
create table login_failures (
  key              text primary key,
  failures         int not null,
  first_failure_at timestamptz not null,
  last_failure_at  timestamptz not null
);
drop table login_throttle;
