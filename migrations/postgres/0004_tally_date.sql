-- Counts per day, for the lists filtered by a date range (SQLite's 0012): `tally` without
-- outlets and speakers, by day; and statements per point (or -1), day and speaker.
create table tally_date (
    provision  bigint not null,
    category   text not null default '',
    date       text not null,
    kind       text not null,
    stance     text not null,
    statements bigint not null,
    primary key (provision, category, date, kind, stance)
);

create table tally_date_speaker (
    provision  bigint not null,
    date       text not null,
    speaker_id bigint not null,
    statements bigint not null,
    primary key (provision, date, speaker_id)
);

insert into tally_date (provision, category, date, kind, stance, statements)
select provision, category, date, kind, stance, sum(statements) from tally_source
group by provision, category, date, kind, stance;

insert into tally_date_speaker (provision, date, speaker_id, statements)
select provision, date, speaker_id, sum(statements) from tally_source where provision >= -1
group by provision, date, speaker_id;
