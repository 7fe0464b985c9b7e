-- The version of the plan each statement speaks of, counted per source (`tally_source`) and
-- per day (`tally_date`) as provision -3 with the version's slug as category: the version facet
-- of a date range. `tally` does not count them.
insert into tally_source (source_id, publisher, date, speaker_id, provision, category, kind, stance, statements)
select t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), -3, v.version,
    t.kind, t.stance, count(*)
from statement_version v join statement t on t.id = v.statement_id join source s on s.id = t.source_id
group by t.source_id, s.publisher, coalesce(s.published_date, ''), coalesce(t.speaker_id, 0), v.version, t.kind, t.stance;

insert into tally_date (provision, category, date, kind, stance, statements)
select provision, category, date, kind, stance, sum(statements) from tally_source where provision = -3
group by provision, category, date, kind, stance;
