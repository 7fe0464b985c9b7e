-- Failed sign-ins, counted per account name and per address (web::throttle). In the database,
-- not in a server's memory, so that every server behind a load balancer sees the same counts:
-- with the counts per process, n servers would give an attacker n times the attempts, and a
-- restart would forget them. `key` is `account:<name>` or `address:<ip>`, lower case; times are
-- Unix seconds. Rows older than the throttle's window are deleted as new failures come in.
create table sign_in_failure (
    key      text primary key,
    failures integer not null,
    first_at integer not null
) without rowid;

create index sign_in_failure_by_time on sign_in_failure (first_at);
