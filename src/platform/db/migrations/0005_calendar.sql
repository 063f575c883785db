-- Working-day calendar: official schedules copied from the calendar package, editable by
-- administrators (e.g. a future year's State Council notice). Deadlines are computed from it.
create table calendar_days (
  day         date primary key,
  year        int not null,
  kind        text not null check (kind in ('holiday', 'workday')),
  name        text not null,
  source      text not null check (source in ('package', 'admin')),
  updated_at  timestamptz not null default now()
);
create index calendar_days_year on calendar_days (year);
create constraint trigger calendar_days_recorded after insert or update on calendar_days
  deferrable initially deferred for each row execute function require_ledger_entry('calendar', 'year');

-- years whose official schedule (with 调休) is loaded; other years get the statutory holidays only
create table calendar_years (
  year        int primary key,
  source      text not null check (source in ('package', 'admin')),
  notice      text,                     -- e.g. 国务院办公厅关于2026年部分节假日安排的通知
  loaded_at   timestamptz not null default now()
);
create constraint trigger calendar_years_recorded after insert or update on calendar_years
  deferrable initially deferred for each row execute function require_ledger_entry('calendar', 'year');
