-- (SQLite's 0018)
-- The links of the statements about two or more points (1% of the statements at 100k
-- articles), so that a list filtered by several points takes its facets from the counts of
-- each point (`tally`, `tally_date`, `tally_date_speaker`, `tally_source`, which count a
-- statement once per point) less what they count twice: a statement on k of the points
-- selected is counted k times there and found here (see `db::facets`, `push_shared`). Written
-- with the links by the ingest and an editor's correction; a statement's delete takes its rows.
create table statement_provision_shared (
    statement_id bigint not null references statement (id) on delete cascade,
    provision    bigint not null,
    primary key (statement_id, provision)
);

create index statement_provision_shared_by_provision on statement_provision_shared (provision, statement_id);

insert into statement_provision_shared (statement_id, provision)
select l.statement_id, l.provision from statement_provision l
where l.statement_id in (select statement_id from statement_provision group by statement_id having count(*) > 1);

analyze statement_provision_shared;
