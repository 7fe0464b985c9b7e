-- Counts for the lists filtered by a version of the plan and a kind or a stance, so their
-- speaker and source facets sum a few rows instead of grouping the version's statements of
-- that kind or stance (nearly every statement speaks of the twenty-point plan).
-- Kept by `db::tally` like the others (from the rows by version, -3, of `tally_source`).
--
-- provision -5 with `version/kind/stance` as category, in `tally_date_speaker`: the statements
-- of a speaker on a day that speak of that version, with that kind and stance (the speaker
-- facet of a version with kinds or stances, with or without a date range).
insert into tally_date_speaker (provision, category, date, speaker_id, statements)
select -5, category || '/' || kind || '/' || stance, date, speaker_id, sum(statements)
from tally_source where provision = -3
group by category, kind, stance, date, speaker_id;

-- Statements per source by version and kind (`version/kind/`), by version and stance
-- (`version//stance`) and by all three (`version/kind/stance`) in `tally_count_version`: the
-- source facet of a version with a kind, a stance or both, most first from its index.
insert into tally_count_version (version, id, statements)
select category || '/' || kind || '/' || stance, source_id, sum(statements)
from tally_source where provision = -3
group by category, kind, stance, source_id;

insert into tally_count_version (version, id, statements)
select category || '/' || kind || '/', source_id, sum(statements)
from tally_source where provision = -3
group by category, kind, source_id;

insert into tally_count_version (version, id, statements)
select category || '//' || stance, source_id, sum(statements)
from tally_source where provision = -3
group by category, stance, source_id;
