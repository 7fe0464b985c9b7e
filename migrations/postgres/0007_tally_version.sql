-- (SQLite's 0015)
-- Counts for the lists filtered by a version of the plan, so their facets sum a few rows instead
-- of grouping every statement that speaks of it (nearly all speak of the twenty-point plan).
-- Kept by `db::tally` like the others (from the per-source rows of `tally_source`).
--
-- provision -300 - p with a version's slug as category, in `tally_source` and `tally_date`: the
-- statements on point p that speak of that version (the point facet of a version). -3 (each
-- statement once by its version) also in `tally_date_speaker`: the speaker facet of a version.
insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -300 - l.provision, w.version,
    t.kind, t.stance, count(*)
from statement_version w
join statement_provision l on l.statement_id = w.statement_id
join statement t on t.id = w.statement_id join source s on s.id = t.source_id
group by t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), l.provision, w.version, t.kind, t.stance;

insert into tally_date (provision, category, date, kind, stance, statements)
select provision, category, date, kind, stance, sum(statements) from tally_source
where provision <= -300
group by provision, category, date, kind, stance;

insert into tally_date_speaker (provision, category, date, speaker_id, statements)
select provision, category, date, speaker_id, sum(statements) from tally_source where provision = -3
group by provision, category, date, speaker_id;

-- Statements per version and source (id = source.id): the source facet of a version, most
-- first, without grouping the version's rows of `tally_source`.
create table tally_count_version (
    version    text not null,
    id         bigint not null,
    statements bigint not null,
    primary key (version, id)
);
create index tally_count_version_by_statements on tally_count_version (version, statements desc, id);

insert into tally_count_version (version, id, statements)
select category, source_id, sum(statements) from tally_source where provision = -3
group by category, source_id;
