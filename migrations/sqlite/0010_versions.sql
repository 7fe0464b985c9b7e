-- The plan's versions (seeds/versions.toml, written at start-up with the catalog), the version
-- each statement speaks of and why, and its claims checked against that version's text.

create table plan_version (
    slug     text primary key,
    name     text not null,
    short    text not null,
    date     text not null,
    position integer not null
);

create table statement_version (
    statement_id integer primary key references statement (id) on delete cascade,
    version      text not null,            -- a plan_version slug (not a foreign key: seeds may rename)
    via          text not null default ''  -- why: the phrase that names it, or the date in its time
);

create index statement_version_by_version on statement_version (version, statement_id);

create table claim (
    id           integer primary key,
    statement_id integer not null references statement (id) on delete cascade,
    provision    integer not null,
    topic        text not null,
    version      text not null,
    verdict      text not null check (verdict in ('matches', 'contradicts')),
    said         text not null,             -- what the statement says
    text_says    text not null              -- what the version's text says
);

create index claim_by_statement on claim (statement_id);
create index claim_by_provision on claim (provision, verdict);

-- Statements stored before this migration have no version: blanking the hashes makes the next
-- ingest of each file (the server loads the bundled seeds at every start) re-extract it.
update source set content_hash = '';
