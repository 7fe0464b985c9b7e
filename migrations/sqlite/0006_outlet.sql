-- The outlets articles come from and the country each is based in (seeds/outlets.toml), so the
-- matrix can group articles by outlet and by country. Joined to source.publisher; a publisher
-- with no row here counts as "other".

create table outlet (
    publisher text primary key,
    country   text not null default ''
);
