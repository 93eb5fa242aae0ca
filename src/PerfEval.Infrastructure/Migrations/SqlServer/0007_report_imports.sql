-- Reports in: each uploaded report as the draft read from it, until a reviewer commits
-- it. draft holds the whole ReportDraft as ReportDraftJson writes it; the file itself is not kept,
-- only what identifies it. department_code is the existing department the report names (matched by
-- name), or null; a limited client sees a draft by that department, or, with none, only its uploader.
CREATE TABLE report_imports (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_report_imports PRIMARY KEY,
    client_name     NVARCHAR(100) NOT NULL,
    status          NVARCHAR(16)  NOT NULL CONSTRAINT ck_report_imports_status CHECK (status IN (N'draft')),
    file_name       NVARCHAR(260) NULL,
    media_type      NVARCHAR(100) NOT NULL,
    file_size       BIGINT        NOT NULL,
    file_sha256     NVARCHAR(64)  NOT NULL,
    department_code NVARCHAR(32)  NULL CONSTRAINT fk_report_imports_department REFERENCES departments (code),
    fiscal_year     INT           NULL,
    draft           NVARCHAR(MAX) NOT NULL,
    version         INT           NOT NULL,
    created_at      DATETIMEOFFSET(7) NOT NULL,
    updated_at      DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_report_imports_department ON report_imports (department_code, id);
