-- Drift flags become findings: what checking a live correction again found, from the scheduled
-- drift watch or from an editor's re-check, kept beside the correction and never written into it.
alter table drift_flag rename to finding;
alter table finding add column origin varchar(20) default 'DRIFT' not null;
alter table finding add column found_by_id bigint references account (id);
