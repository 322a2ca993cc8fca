-- Task messages (docs/adr/0016-task-messages.md): the job that sends the strategy's SMS, e-mail and
-- letter tasks through the outbox walks the open ones by id, a batch after another (keyset). Only
-- open message tasks are in this index, so each batch reads just its own rows, not the open calls
-- and visits besides them. Owned by the task-messages module; the table is casework's.
create index task_open_messages on task (id) where status = 'OPEN' and type in ('SMS', 'EMAIL', 'LETTER');
