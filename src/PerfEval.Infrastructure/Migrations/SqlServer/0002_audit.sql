-- Audit log: every write, who made it, when, under which request id, and what it sent.
CREATE TABLE audit_events (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_events PRIMARY KEY,
    occurred_at DATETIMEOFFSET(7) NOT NULL,
    client_name NVARCHAR(100) NOT NULL,
    request_id  NVARCHAR(100) NOT NULL,
    action      NVARCHAR(100) NOT NULL,
    entity_key  NVARCHAR(200) NULL,
    changes     NVARCHAR(MAX) NOT NULL
);

CREATE INDEX ix_audit_events_client ON audit_events (client_name, id);
