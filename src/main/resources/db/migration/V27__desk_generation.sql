-- One number that grows with every committed change an editor's desk can show (a correction, its
-- history or comments, a finding, a suggestion, an account or a signed-out session), written at the
-- end of the changing transaction (db/DeskChanges). A signed-in request reads it once: what this
-- instance worked out for the desk under the same number (who a session is, the header's count,
-- a dashboard) is still true, so it is used again; any other number means it is worked out afresh
-- (db/DeskGeneration).
create table desk_generation (
    id         integer primary key,
    generation bigint not null
);
insert into desk_generation (id, generation) values (1, 0);
