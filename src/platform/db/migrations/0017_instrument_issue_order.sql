-- The order in which instruments were issued. Several are issued in one transaction and share its created_at (a 行政处罚告知书
-- and the 听证告知书 issued with it); the physical order of rows (ctid) is not the order of insertion once the rows differ in
-- size (a row goes to whichever page has room), so the case file listed them in either order. A sequence is the order.
alter table instruments add column issue_order bigserial;
