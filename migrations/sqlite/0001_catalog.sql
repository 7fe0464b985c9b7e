-- The plan's categories and points, and the known speakers. Loaded from seeds/*.toml at start-up
-- (upserted, so an edited seed file takes effect on the next run).

create table category (
    slug        text primary key,           -- used in URLs: ?category=peace
    letter      text not null,              -- display letter, A to D
    name        text not null,
    description text not null default '',
    position    integer not null            -- display order
);

create table provision (
    number      integer primary key check (number between 0 and 28),  -- 0 = the plan as a whole
    category    text references category (slug),                       -- null for point 0
    title       text not null,
    summary     text not null,
    sub_points  text not null default '[]',  -- JSON array of strings
    keywords    text not null default '[]'   -- JSON array: the vocabulary that links statements
);

create table speaker (
    id           integer primary key,
    slug         text not null unique,       -- used in URLs: /speakers/mark-rutte
    name         text not null,
    kind         text not null check (kind in ('person', 'body', 'media', 'unnamed')),
    role         text not null default '',
    organisation text not null default '',
    country      text not null default '',
    known        integer not null default 0  -- 1 = from seeds/speakers.toml; 0 = first seen in an article
);
