-- (PostgreSQL only: SQLite plans without statistics)
-- The catalogue tables hold a few rows written once (29 points, 4 categories, a few plan
-- versions), fewer than autovacuum's analyze threshold (50 changed rows plus 10%), so
-- PostgreSQL never gathered their statistics. It then guessed that a category has 2 of the 29
-- points, so 729 of 148,391 statements at 10k articles (55,166 matched), and for the list of a
-- category joined and sorted every match instead of walking the articles in date order: 0.62 s
-- for the page's ids at 10k against 0.75 ms once `provision` was analyzed (docs/performance.md,
-- PostgreSQL). Any change to these tables now has autovacuum analyze them (within its naptime,
-- a minute), and the catalogue already stored is analyzed here.
alter table provision set (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);
alter table category set (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);
alter table plan_version set (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0);
analyze provision;
analyze category;
analyze plan_version;
