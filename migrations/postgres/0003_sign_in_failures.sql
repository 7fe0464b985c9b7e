-- Failed sign-ins, counted per account name and per address (web::throttle); see the SQLite
-- migration 0011. Shared by every server on this database.
create table sign_in_failure (
    key      text primary key,
    failures bigint not null,
    first_at bigint not null
);

create index sign_in_failure_by_time on sign_in_failure (first_at);
