-- Counts for the lists filtered by a category (or a point), so their point, category, version
-- and source facets sum a few rows instead of reading the links of every statement in the
-- category. Kept by `db::tally` like the others (from the per-source rows of `tally_source`).
--
-- Two more kinds of rows in `tally_source`, summed into `tally_date` (and the first into `tally`):
-- provision -100 - p with a category c: the statements on point p that are also about c, for p
-- not in c (point 0 is in no category); a statement's points mostly share one category, so these
-- are few. With the rows of each point (p in c: all of p's statements are about c) they give the
-- point facet of a category and the category facet of a point.
-- provision -4 with category 'c/v': the statements about category c that speak of version v
-- (slugs take a-z, 0-9 and -): the version facet of a category.
insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -100 - l.provision, c.category,
    t.kind, t.stance, count(*)
from statement_provision l
join (select distinct m.statement_id, v.category from statement_provision m join provision v on v.number = m.provision
      where v.category is not null) c on c.statement_id = l.statement_id
join provision p on p.number = l.provision
join statement t on t.id = l.statement_id join source s on s.id = t.source_id
where p.category is null or p.category <> c.category
group by t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), l.provision, c.category, t.kind, t.stance;

insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -4, c.category || '/' || w.version,
    t.kind, t.stance, count(*)
from statement_version w
join (select distinct m.statement_id, v.category from statement_provision m join provision v on v.number = m.provision
      where v.category is not null) c on c.statement_id = w.statement_id
join statement t on t.id = w.statement_id join source s on s.id = t.source_id
group by t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), c.category, w.version, t.kind, t.stance;

-- (`tally` does not count the versions, -3 and -4: `tally_date` summed over every day gives
-- the version facet of a category, a kind or a stance without a date range.)
insert into tally (provision, category, publisher, speaker_id, kind, stance, statements)
select provision, category, publisher, speaker_id, kind, stance, sum(statements) from tally_source
where provision <= -100
group by provision, category, publisher, speaker_id, kind, stance;

insert into tally_date (provision, category, date, kind, stance, statements)
select provision, category, date, kind, stance, sum(statements) from tally_source
where provision = -4 or provision <= -100
group by provision, category, date, kind, stance;

-- Statements per category and source (id = source.id): the source facet of a category, most
-- first, without grouping the category's rows of `tally_source` (0.24 s at 100k, this 5 ms).
create table tally_count_category (
    category   text not null,
    id         integer not null,
    statements integer not null,
    primary key (category, id)
) without rowid;
create index tally_count_category_by_statements on tally_count_category (category, statements desc, id);

insert into tally_count_category (category, id, statements)
select category, source_id, sum(statements) from tally_source where provision = -2
group by category, source_id;

-- The speakers of a category in a date range: `tally_date_speaker` gains a category, and rows
-- of provision -2 (each statement once per category it is about), as in `tally_date`.
create table tally_date_speaker_by_category (
    provision  integer not null,
    category   text not null default '',
    date       text not null,
    speaker_id integer not null,
    statements integer not null,
    primary key (provision, category, date, speaker_id)
) without rowid;
insert into tally_date_speaker_by_category (provision, category, date, speaker_id, statements)
select provision, '', date, speaker_id, statements from tally_date_speaker;
drop table tally_date_speaker;
alter table tally_date_speaker_by_category rename to tally_date_speaker;

insert into tally_date_speaker (provision, category, date, speaker_id, statements)
select provision, category, date, speaker_id, sum(statements) from tally_source where provision = -2
group by provision, category, date, speaker_id;

-- The sources of a point in a date range (its source facet) read from the index alone: the
-- date joins the index of `tally_source` by point (it read the table for each row's date).
drop index tally_source_by_provision;
create index tally_source_by_provision on tally_source (provision, source_id, date, statements);
