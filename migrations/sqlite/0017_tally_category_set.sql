-- Counts for the lists filtered by several categories, so their facets and totals sum a few
-- rows instead of grouping the statements of either category. A statement can be about two
-- categories, so the rows of each category (-2) do not add up; each statement is counted once
-- here, under the set of its categories (`+europe+peace+`: each slug between `+`, in byte
-- order; at most 15 sets of the four categories), and a filter of categories C sums the rows
-- of every set that holds one of C. Kept by `db::tally` like the others.
--
-- In `tally_source` (and summed into `tally_date`; not into `tally`):
-- provision -6 with the set: each statement once (and in `tally_date_speaker`);
-- provision -7 with `set/version`: by its version (the version facet);
-- provision -500 - p with the set: the statement on point p (the point facet).
-- In `tally_date_speaker`, provision -8 with `set/kind/stance` (the speaker facet with kinds or
-- stances). `tally_count_set` counts each set's statements per source, in all (kind and stance
-- '') and by kind and stance (the source facet and the number of sources).
create temp table statement_category_set as
select statement_id, '+' || string_agg(category, '+' order by category) || '+' as category_set
from (select distinct m.statement_id, v.category from statement_provision m
      join provision v on v.number = m.provision where v.category is not null) c
group by statement_id;

insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -6, c.category_set,
    t.kind, t.stance, count(*)
from statement_category_set c join statement t on t.id = c.statement_id join source s on s.id = t.source_id
group by t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), c.category_set, t.kind, t.stance;

insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -7, c.category_set || '/' || w.version,
    t.kind, t.stance, count(*)
from statement_category_set c join statement_version w on w.statement_id = c.statement_id
join statement t on t.id = c.statement_id join source s on s.id = t.source_id
group by t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), c.category_set, w.version, t.kind, t.stance;

insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -500 - l.provision, c.category_set,
    t.kind, t.stance, count(*)
from statement_category_set c join statement_provision l on l.statement_id = c.statement_id
join statement t on t.id = c.statement_id join source s on s.id = t.source_id
group by t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), l.provision, c.category_set, t.kind, t.stance;

drop table statement_category_set;

insert into tally_date (provision, category, date, kind, stance, statements)
select provision, category, date, kind, stance, sum(statements) from tally_source
where provision in (-6, -7) or provision <= -500
group by provision, category, date, kind, stance;

insert into tally_date_speaker (provision, category, date, speaker_id, statements)
select -6, category, date, speaker_id, sum(statements) from tally_source where provision = -6
group by category, date, speaker_id;

insert into tally_date_speaker (provision, category, date, speaker_id, statements)
select -8, category || '/' || kind || '/' || stance, date, speaker_id, sum(statements)
from tally_source where provision = -6
group by category, kind, stance, date, speaker_id;

create table tally_count_set (
    category_set text not null,
    kind         text not null,
    stance       text not null,
    id           integer not null,
    statements   integer not null,
    primary key (category_set, kind, stance, id)
) without rowid;

insert into tally_count_set (category_set, kind, stance, id, statements)
select category, '', '', source_id, sum(statements) from tally_source where provision = -6
group by category, source_id;

insert into tally_count_set (category_set, kind, stance, id, statements)
select category, kind, stance, source_id, sum(statements) from tally_source where provision = -6
group by category, kind, stance, source_id;
