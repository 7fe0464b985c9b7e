-- Editors (issue 13): accounts, their sign-in sessions, and the corrections they make.
--
-- Corrections are an overlay: the ingest writes what the extraction found, an editor's change is
-- an append-only `correction` row keyed by the source's file name and the statement's words (not
-- the statement's id, which a re-ingest replaces), and db::review applies the corrections to the
-- statement rows (after each ingest batch too), keeping the machine's own values in
-- `statement_extracted`.

create table account (
    id            integer primary key,
    name          text not null unique collate nocase,
    role          text not null check (role in ('editor', 'admin')),
    password_hash text not null,                 -- argon2id, PHC string
    disabled      integer not null default 0,
    created_at    text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A signed-in browser. The cookie holds a random id; only its SHA-256 is stored, so a copy of the
-- database signs nobody in. Times are Unix seconds (idle and absolute expiry).
create table session (
    id_hash    text primary key,
    account_id integer not null references account (id) on delete cascade,
    csrf       text not null,                     -- the synchronizer token of the session's forms
    created_at integer not null,
    seen_at    integer not null
) without rowid;

create index session_by_account on session (account_id);

-- Every change an editor made, never updated or deleted (the triggers refuse it).
create table correction (
    id          integer primary key,
    source_file text not null,                    -- source.file_name: the article's identity
    words       text not null,                    -- statement.text: the statement's identity
    field       text not null check (field in ('confirm', 'speaker', 'points', 'kind', 'stance', 'not_plan', 'added')),
    before      text not null default '',
    after       text not null default '',
    note        text not null default '',
    account_id  integer references account (id),
    editor      text not null,                    -- the account's name when it was made
    at          text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

create index correction_by_statement on correction (source_file, words, id);

create trigger correction_no_update before update on correction begin
    select raise(abort, 'corrections are append-only');
end;

create trigger correction_no_delete before delete on correction begin
    select raise(abort, 'corrections are append-only');
end;

-- What the extraction said about a statement an editor changed (speaker id, kind, stance, points
-- as `n,n,...`); gone with the statement row when a re-ingest replaces it.
create table statement_extracted (
    statement_id integer primary key references statement (id) on delete cascade,
    speaker_id   integer,
    kind         text not null,
    stance       text not null,
    points       text not null
);

-- What the site shows of a statement's review: '' (not reviewed), 'reviewed' (confirmed as
-- extracted) or 'corrected' (an editor changed it).
alter table statement add column review text not null default '';
create index statement_by_review on statement (review);
