-- The search vectors read the text literally, as FTS5 does. PostgreSQL's default parser takes
-- `<...>` for markup: a tag is no word, and what stands between <script> and </script> is
-- skipped, so words an article writes next to a `<` could not be found. Articles are plain
-- text: each `<` is replaced by chr(1), which the parser reads as a separator, before parsing
-- (the highlights parse the text the same way, and db::fts keeps `<` out of the queries).
alter table statement drop column search;
alter table statement add column search tsvector generated always as
    (to_tsvector('pointwise', replace(text, '<', chr(1)))) stored;
create index statement_search on statement using gin (search);

alter table source drop column search;
alter table source add column search tsvector generated always as
    (to_tsvector('pointwise', replace(title || ' ' || body, '<', chr(1)))) stored;
create index source_search on source using gin (search);
