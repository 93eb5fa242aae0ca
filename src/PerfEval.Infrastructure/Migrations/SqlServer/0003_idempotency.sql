-- Idempotency keys (IETF Idempotency-Key draft), scoped to the calling client. A row is claimed
-- (in flight, with a lease) before the work starts, and completed with the response in the same
-- transaction as the work; a crashed claim's lease runs out, and a retry may then take it over.
CREATE TABLE idempotency_keys (
    client_name     NVARCHAR(100) NOT NULL,
    idempotency_key NVARCHAR(255) NOT NULL,
    fingerprint     NVARCHAR(64)  NOT NULL,
    state           NVARCHAR(16)  NOT NULL CONSTRAINT ck_idempotency_keys_state CHECK (state IN (N'InFlight', N'Completed')),
    lease_until     DATETIMEOFFSET(7) NOT NULL,
    response_status INT NULL,
    response_body   NVARCHAR(MAX) NULL,
    created_at      DATETIMEOFFSET(7) NOT NULL,
    expires_at      DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (client_name, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);

-- An adjustment is reversed at most once.
CREATE UNIQUE INDEX ux_budget_adjustments_reverses ON budget_adjustments (reverses_id) WHERE reverses_id IS NOT NULL;
