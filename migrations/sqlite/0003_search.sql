-- Full-text search (SQLite FTS5) over statement text and article titles and bodies.
-- External-content tables: the text stays in statement/source; triggers keep the index in step
-- with every insert, update and delete (replace_source deletes and re-inserts statements and
-- updates the source row, so re-ingesting a changed article re-indexes it).

create virtual table statement_fts using fts5 (
    text,
    content = 'statement',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

create trigger statement_fts_insert after insert on statement begin
    insert into statement_fts (rowid, text) values (new.id, new.text);
end;

create trigger statement_fts_delete after delete on statement begin
    insert into statement_fts (statement_fts, rowid, text) values ('delete', old.id, old.text);
end;

create trigger statement_fts_update after update of text on statement begin
    insert into statement_fts (statement_fts, rowid, text) values ('delete', old.id, old.text);
    insert into statement_fts (rowid, text) values (new.id, new.text);
end;

create virtual table source_fts using fts5 (
    title,
    body,
    content = 'source',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

create trigger source_fts_insert after insert on source begin
    insert into source_fts (rowid, title, body) values (new.id, new.title, new.body);
end;

create trigger source_fts_delete after delete on source begin
    insert into source_fts (source_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
end;

create trigger source_fts_update after update of title, body on source begin
    insert into source_fts (source_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
    insert into source_fts (rowid, title, body) values (new.id, new.title, new.body);
end;

-- Index what is already stored.
insert into statement_fts (statement_fts) values ('rebuild');
insert into source_fts (source_fts) values ('rebuild');
