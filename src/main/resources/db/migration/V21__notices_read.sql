-- How far each editor has read their notices (approved, published, commented): the id of the
-- newest history event their dashboard has shown them. Newer notices are unread.
alter table account add column notices_read_to bigint;
