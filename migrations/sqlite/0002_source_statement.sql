-- Articles and the statements found in them.

create table source (
    id             integer primary key,
    file_name      text not null unique,     -- the name the article was ingested under
    content_hash   text not null,            -- sha256 of the file's bytes: unchanged files are skipped
    publisher      text not null default '',
    title          text not null default '',
    published_date text,                     -- YYYY-MM-DD, when the article gives it
    published_time text,                     -- HH:MM, when the article gives it
    url            text not null default '',
    body           text not null,            -- cleaned text; statement spans are byte offsets into it
    ingested_at    text not null default (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

create index source_by_date on source (published_date, id);

create table statement (
    id          integer primary key,
    source_id   integer not null references source (id) on delete cascade,
    speaker_id  integer references speaker (id),   -- null = the article's own voice
    speaker_via text not null default '',          -- how the speaker was resolved (audit)
    kind        text not null check (kind in ('quote', 'paraphrase', 'report')),
    stance      text not null check (stance in ('supports', 'opposes', 'mixed', 'neutral')),
    stance_cues text not null default '',          -- the words that set the stance, comma-separated
    text        text not null,
    span_start  integer not null,                  -- byte offsets into source.body
    span_end    integer not null,
    rule        text not null default '',          -- the extraction rule that fired
    confidence  real not null default 0,
    check (span_start >= 0 and span_end >= span_start)
);

create index statement_by_source on statement (source_id, span_start);
create index statement_by_speaker on statement (speaker_id);
create index statement_by_kind_stance on statement (kind, stance);

-- Which points a statement is about, and the words that linked each.
create table statement_provision (
    statement_id integer not null references statement (id) on delete cascade,
    provision    integer not null references provision (number),
    evidence     text not null default '',   -- comma-separated matched words
    primary key (statement_id, provision)
);

create index statement_provision_by_provision on statement_provision (provision, statement_id);
