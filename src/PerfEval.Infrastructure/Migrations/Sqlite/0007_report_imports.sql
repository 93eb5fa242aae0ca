-- Reports in: each uploaded report as the draft read from it, until a reviewer commits
-- it. draft holds the whole ReportDraft as ReportDraftJson writes it; the file itself is not kept,
-- only what identifies it. department_code is the existing department the report names (matched by
-- name), or null; a limited client sees a draft by that department, or, with none, only its uploader.
CREATE TABLE report_imports (
    id              INTEGER PRIMARY KEY,
    client_name     TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('draft')),
    file_name       TEXT,
    media_type      TEXT    NOT NULL,
    file_size       INTEGER NOT NULL,
    file_sha256     TEXT    NOT NULL,
    department_code TEXT    REFERENCES departments (code),
    fiscal_year     INTEGER,
    draft           TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_report_imports_department ON report_imports (department_code, id);
