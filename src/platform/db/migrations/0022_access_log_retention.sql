-- 访问日志 retention. 网络安全法 第二十一条（三）: network operators keep network logs for no less than six months;
-- GB/T 22239-2019 (等保 2.0) 三级, 安全审计: audit records are protected from unexpected deletion. So the log stays
-- append-only for everyone (0013), with one exception: the platform's periodic job deletes rows older than the
-- configured retention (ACCESS_LOG_RETENTION_DAYS) through purge_access_log(cutoff), which refuses a cutoff that
-- would delete a row younger than 184 days (the longest six months), and the trigger lets a DELETE through only
-- inside that function and only for such a row — whoever asks, the database keeps six months. The job records each
-- purge in the record (accessLog.purged: the cutoff, the number of rows, their first and last id).
create or replace function access_log_reject_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('fazhi.access_log_purge', true) = 'on' and old.at < now() - interval '184 days' then
    return old;
  end if;
  raise exception 'ACCESS_LOG_IMMUTABLE: % on % is not allowed; the access log is append-only', tg_op, tg_table_name
    using errcode = 'P0001';
end $$;

create function purge_access_log(cutoff timestamptz) returns table (deleted bigint, first_id bigint, last_id bigint)
  language plpgsql security definer set search_path = public as $$
begin
  if cutoff > now() - interval '184 days' then
    raise exception 'ACCESS_LOG_RETENTION: rows younger than six months (184 days) are kept; cutoff % refused', cutoff
      using errcode = 'P0001';
  end if;
  perform set_config('fazhi.access_log_purge', 'on', true);
  return query with d as (delete from access_log where at < cutoff returning id) select count(*)::bigint, min(d.id), max(d.id) from d;
  perform set_config('fazhi.access_log_purge', 'off', true);
end $$;
