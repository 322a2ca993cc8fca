-- The dashboard counts the causes of delinquency heard over a day and the 30 days before it: the calls
-- that recorded one, by when they started (a small partial index; most calls record none).
create index workbench_call_cause_started on workbench_call (started_at) where delinquency_cause is not null;
