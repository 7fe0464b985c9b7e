-- Counts kept by the ingest, so the matrix, the timeline and the unfiltered facets read a few
-- thousand rows instead of grouping every statement. `db::tally::count_batch` counts the sources
-- a batch wrote, inside its transaction: it takes the old rows of replaced ones out of the
-- totals (tally_source remembers them) and adds the rows counted from the batch's statements.
-- provision -1 stands for the statement itself, counted once whatever points it links to, and
-- provision -2 with a category for the statement counted once in each category it is about (as
-- the points were mapped to categories when it was counted).

-- What each source contributes: per speaker (0 = the article's own voice), point, kind and
-- stance.
-- Publisher and date are those of the source when it was counted.
create table tally_source (
    source_id  integer not null,
    publisher  text not null,
    date       text not null,               -- YYYY-MM-DD, '' when undated
    speaker_id integer not null,
    provision  integer not null,
    category   text not null default '',
    kind       text not null,
    stance     text not null,
    statements integer not null,
    primary key (source_id, speaker_id, provision, category, kind, stance)
) without rowid;

-- Statements per point, outlet, speaker, kind and stance: the matrix's cells and column totals,
-- and the facets of a list filtered by point, speaker, kind and stance only.
create table tally (
    provision  integer not null,
    category   text not null default '',
    publisher  text not null,
    speaker_id integer not null,
    kind       text not null,
    stance     text not null,
    statements integer not null,
    primary key (provision, category, publisher, speaker_id, kind, stance)
) without rowid;

-- Statements per point, outlet, day and stance: the timeline of a point.
create table tally_day (
    provision  integer not null,
    publisher  text not null,
    date       text not null,
    stance     text not null,
    statements integer not null,
    primary key (provision, publisher, date, stance)
) without rowid;

-- Statements per source (id = source.id) with its publisher: the source facet of an unfiltered
-- list (most first) and the matrix's columns of articles and their counts per outlet.
create table tally_count (
    id         integer primary key,
    publisher  text not null,
    statements integer not null
);
create index tally_count_by_statements on tally_count (statements desc, id);
create index tally_count_by_publisher on tally_count (publisher, id);

insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), l.provision, '',
    t.kind, t.stance, count(*)
from statement t join source s on s.id = t.source_id join statement_provision l on l.statement_id = t.id
group by t.source_id, coalesce(t.speaker_id, 0), l.provision, t.kind, t.stance;

insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -1, '',
    t.kind, t.stance, count(*)
from statement t join source s on s.id = t.source_id
group by t.source_id, coalesce(t.speaker_id, 0), t.kind, t.stance;

insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -2, v.category,
    t.kind, t.stance, count(distinct t.id)
from statement t join source s on s.id = t.source_id join statement_provision l on l.statement_id = t.id
join provision v on v.number = l.provision
where v.category is not null
group by t.source_id, coalesce(t.speaker_id, 0), v.category, t.kind, t.stance;

insert into tally (provision, category, publisher, speaker_id, kind, stance, statements)
select provision, category, publisher, speaker_id, kind, stance, sum(statements) from tally_source
group by provision, category, publisher, speaker_id, kind, stance;

insert into tally_day (provision, publisher, date, stance, statements)
select provision, publisher, date, stance, sum(statements) from tally_source where provision >= 0
group by provision, publisher, date, stance;

insert into tally_count (id, publisher, statements)
select source_id, min(publisher), sum(statements) from tally_source where provision = -1 group by source_id;

-- Covering indexes for the filters and facets of /statements: a filter on one column and the
-- counts of another come from the index alone.
create index statement_by_speaker_cover on statement (speaker_id, kind, stance, source_id);
create index statement_by_kind_cover on statement (kind, stance, speaker_id, source_id);
create index statement_by_stance_cover on statement (stance, kind, speaker_id, source_id);
drop index statement_by_speaker;
drop index statement_by_kind_stance;
drop index statement_by_stance;
create index source_by_publisher on source (publisher, published_date, published_time, id);
-- What each source says on one point, its sources by count (the point page).
create index tally_source_by_provision on tally_source (provision, source_id, statements);
-- The list of sources, oldest first and undated last, a page at a time.
create index source_by_listing on source (coalesce(published_date, '~'), id);
