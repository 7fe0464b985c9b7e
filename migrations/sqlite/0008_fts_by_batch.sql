-- The ingest feeds the full-text index itself, once per batch of articles, with
-- `insert ... select` over the batch's new rows (src/db/write.rs): FTS5 flushes its pending
-- terms at every statement, so an insert trigger wrote one small segment per row and merged
-- them again. The delete and update triggers stay: they carry the old text, which only they
-- see, and replacing an article deletes its statements and updates its source row.
drop trigger statement_fts_insert;
drop trigger source_fts_insert;
