-- 抽查任务 by a number of targets per risk class (抽查户数) as well as by ratio: JSON {A?,B?,C?,D?}
alter table inspection_tasks add column target_counts text not null default '{}';
