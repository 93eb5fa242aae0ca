-- Idempotency keys (IETF Idempotency-Key draft), scoped to the calling client. A row is claimed
-- (in flight, with a lease) before the work starts, and completed with the response in the same
-- transaction as the work; a crashed claim's lease runs out, and a retry may then take it over.
CREATE TABLE idempotency_keys (
    client_name     TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('InFlight', 'Completed')),
    lease_until     TEXT    NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    created_at      TEXT    NOT NULL,
    expires_at      TEXT    NOT NULL,
    PRIMARY KEY (client_name, idempotency_key)
) STRICT;

CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);

-- An adjustment is reversed at most once.
CREATE UNIQUE INDEX ux_budget_adjustments_reverses ON budget_adjustments (reverses_id) WHERE reverses_id IS NOT NULL;
