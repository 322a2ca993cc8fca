-- The gate reads a person's recent ledger for every decision (issue 4: ≥ 5,000 decisions/s over HTTP at 1M
-- accounts with a month of ledger). A person's attempts are written days apart, so each sits on its own heap
-- page: 30 rows meant 30 page reads per decision. With the columns the gate reads in the index, the rows of
-- one person are read from one or two leaf pages (an index-only scan once autovacuum has marked the pages
-- all-visible). Same key, so every other use of the old index is served as before.
drop index contact_attempt_contact_at;
create index contact_attempt_contact_at on contact_attempt (contact_id, at)
    include (id, in_response_to, channel, direction, outcome, purpose, endpoint, endpoint_kind, account_ids, discussed_account_ids,
             staff_count, voided_at);
