-- 执行 of a decided case beyond the fine (issue 10, items 6, 7, 17): the 复议/诉讼 filed and concluded (the late fee does not
-- accrue meanwhile, 行政处罚法 第七十三条第三款), the 催告书 served (行政强制法 第五十四条), the execution record of every
-- line of the decision (没收违法所得 paid, 没收非法财物 handed over or disposed of, follow-ups of 责令停产停业 and licence
-- actions) and the ground of 终结执行 (行政强制法 第四十条). One jsonb column, written only by recorded case acts and
-- transitions (require_ledger_entry on cases checks it at commit).
alter table cases add column execution jsonb not null default '{}'::jsonb;
