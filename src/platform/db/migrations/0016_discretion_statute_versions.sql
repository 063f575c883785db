-- 从旧兼从轻 (行政处罚法 第三十七条) compares the statute versions too: a violation keeps the earlier versions of
-- its punishing articles (StatuteVersion[]: violates, punishes, conditions, provisions), each citing articles of
-- an earlier version of the law; the law library says which version was in force on a date.
alter table violations add column earlier_statutes jsonb not null default '[]'::jsonb;
