-- The data version: bumped by every transaction that changes what the pages show (an ingested
-- article, the catalog loaded at start-up). The server renders each page once per version and
-- derives its ETag from it; another process's ingest is noticed by reading this one row.
create table meta (
    key   text primary key,
    value integer not null
) without rowid;

insert into meta (key, value) values ('data_version', 1);

-- Filters of /statements without an index of their own so far (speaker, source, provision,
-- kind and date have one in 0002).
create index statement_by_stance on statement (stance);
create index provision_by_category on provision (category, number);
