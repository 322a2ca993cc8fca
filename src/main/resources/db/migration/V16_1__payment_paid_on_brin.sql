-- V16's b-tree on payment (paid_on) cost the 1M import about 10 s (4.7M entries, inserted in account order,
-- not date order), taking it below issue 2's 100k rows/s. The dashboard only asks for one day's payments,
-- and a day's payments are appended at the end of the table: a BRIN index finds them (unsummarised recent
-- pages are always read) for next to nothing at insert time.
drop index payment_paid_on;
create index payment_paid_on on payment using brin (paid_on);
