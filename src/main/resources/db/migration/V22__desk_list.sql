-- The desk list: every correction, most recently changed first, read a page at a time by keyset.
create index correction_updated_idx on correction (updated_at, id);
