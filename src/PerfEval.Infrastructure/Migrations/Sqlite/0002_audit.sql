-- Audit log: every write, who made it, when, under which request id, and what it sent.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    occurred_at TEXT    NOT NULL,
    client_name TEXT    NOT NULL,
    request_id  TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    entity_key  TEXT,
    changes     TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_audit_events_client ON audit_events (client_name, id);
