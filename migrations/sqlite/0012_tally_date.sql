-- Counts per day, for the lists filtered by a date range: their facets and totals sum a few
-- rows per day instead of grouping every statement of the range. Kept by `db::tally` like
-- `tally` (from the same per-source rows of `tally_source`); date '' is an undated article,
-- in no range.

-- Statements per point, category, day, kind and stance (provision -1 and -2 as in `tally`):
-- `tally` without outlets and speakers, by day.
create table tally_date (
    provision  integer not null,
    category   text not null default '',
    date       text not null,
    kind       text not null,
    stance     text not null,
    statements integer not null,
    primary key (provision, category, date, kind, stance)
) without rowid;

-- Statements per point (or -1: each statement once), day and speaker (0: the article's own
-- voice): the speaker facet and the number of speakers of a date range.
create table tally_date_speaker (
    provision  integer not null,
    date       text not null,
    speaker_id integer not null,
    statements integer not null,
    primary key (provision, date, speaker_id)
) without rowid;

insert into tally_date (provision, category, date, kind, stance, statements)
select provision, category, date, kind, stance, sum(statements) from tally_source
group by provision, category, date, kind, stance;

insert into tally_date_speaker (provision, date, speaker_id, statements)
select provision, date, speaker_id, sum(statements) from tally_source where provision >= -1
group by provision, date, speaker_id;
