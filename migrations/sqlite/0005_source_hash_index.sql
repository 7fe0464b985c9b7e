-- Finding a source by its content: the same article under a second name is stored once.
create index if not exists source_by_hash on source (content_hash);
