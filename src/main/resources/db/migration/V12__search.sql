-- Readers search published corrections and list every correction to one publication.

-- The publication an article belongs to: its host, without www., m., mobile. or amp.
alter table article add column site varchar(255);
update article set site = substring(url_key, 1, position('/' in url_key) - 1)
  where position('/' in url_key) > 1;
create index article_site_idx on article (site);

-- Each word of a live correction's published text (passage, summary, reasoning, source titles and
-- publishers, site), folded, with how much it counts for that correction: an inverted index that
-- works the same on every database.
create table search_posting (
    term          varchar(40) not null,
    correction_id bigint      not null references correction (id),
    weight        integer     not null,
    published_at  timestamp(6) with time zone not null,
    primary key (term, correction_id)
);
create index search_posting_rank_idx on search_posting (term, weight desc, published_at desc, correction_id desc);
create index search_posting_correction_idx on search_posting (correction_id);

-- When the revision readers see was published, while the correction is live: readers' lists
-- (the front page, a publication's page) read this index in order instead of sorting.
alter table correction add column live_at timestamp(6) with time zone;
update correction set live_at =
    (select r.published_at from revision r where r.id = correction.published_revision_id)
  where published_revision_id is not null and withdrawn_at is null;
create index correction_live_idx on correction (live_at desc, id desc);
