-- Feeds list withdrawals as entries, newest first: read from an index rather than by sorting.
create index correction_withdrawn_idx on correction (withdrawn_at desc, id desc);
