-- The admins' activity log pages newest first by id, filtered by editor, action or date.
create index audit_event_actor_idx on audit_event (actor_id, id);
create index audit_event_action_idx on audit_event (action, id);
create index audit_event_at_idx on audit_event (at, id);
