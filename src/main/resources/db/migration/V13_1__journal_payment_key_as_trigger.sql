-- The journal's foreign key to payment (V9) checked every journal row as it was written: at an
-- import's first load (5.1M journal rows for 4.7M payments at 1M accounts) that was about half of
-- the allocation's write time, and it took the import below 100k rows/s (docs/benchmarks.md).
-- Recoup writes journal rows only for payments it has just inserted or read, and never deletes a
-- payment (a reversal keeps it); what the key was for is the hand-made delete, so a statement-level
-- trigger keeps that: deleting payments deletes their allocations too. ADR 0012.
alter table payment_allocation drop constraint payment_allocation_payment_id_fkey;

create function payment_allocation_follow_deleted_payments() returns trigger language plpgsql as $$
begin
    delete from payment_allocation a using deleted_payment d where a.payment_id = d.id;
    return null;
end $$;

create trigger payment_allocation_follow_deleted_payments after delete on payment
    referencing old table as deleted_payment
    for each statement execute function payment_allocation_follow_deleted_payments();
