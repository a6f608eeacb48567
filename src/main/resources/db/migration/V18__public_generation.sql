-- One number that grows with every change readers can see (a publication, an amendment, a
-- withdrawal, an article's new address or title), written in the changing transaction. Every
-- instance keeps rendered public pages tagged with the number it knew when it rendered them and
-- reads this row every half second: a page from before a change is never served after it
-- (system/PublicGeneration, publicsite/ReaderCache).
create table public_generation (
    id         integer primary key,
    generation bigint not null,
    changed_at timestamp(6) with time zone not null
);
insert into public_generation (id, generation, changed_at) values (1, 0, current_timestamp);
