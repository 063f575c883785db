-- Each org's enforcement body (执法主体): the org itself when it is one, else the nearest one above it. The figures
-- group and filter by it (platform/figures/compute.ts `body`), so a supervisor compares the bodies under them.
-- A view over `orgs`, so it is never out of date; the org tree is small and shallow (orgs.ts MAX_DEPTH).
create view org_enforcement_bodies as
with recursive up(org_id, id, parent_id, is_body, depth) as (
  select o.id, o.id, o.parent_id, o.is_enforcement_body, 0 from orgs o
  union all
  select up.org_id, o.id, o.parent_id, o.is_enforcement_body, up.depth + 1
    from up join orgs o on o.id = up.parent_id
   where not up.is_body and up.depth < 32
)
select org_id, id as body_id from up where is_body;
