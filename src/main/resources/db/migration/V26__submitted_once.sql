-- Whether a correction was ever submitted for review: such a draft stays on the record and can
-- never be deleted. Kept on the row so the rule does not read the whole history.
alter table correction add column submitted_once boolean default false not null;
update correction set submitted_once = true
 where exists (select 1 from audit_event e where e.correction_id = correction.id
                                            and e.action = 'SUBMITTED');
