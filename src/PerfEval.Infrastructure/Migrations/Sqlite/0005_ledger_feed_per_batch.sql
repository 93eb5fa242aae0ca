-- SQLite triggers fire once per row: recording each ledger append through a trigger cost more
-- than the rest of a 10,000-item push put together. The ledger's appends now record their change
-- feed rows themselves, with one INSERT … SELECT per batch in the same transaction (the push and
-- generate-data are the only writers of budget_adjustments).
DROP TRIGGER tr_budget_adjustments_created;
