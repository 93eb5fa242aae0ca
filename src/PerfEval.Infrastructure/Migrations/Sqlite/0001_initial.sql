-- PerfEval schema 1 (SQLite). STRICT tables: every value has the declared type.
-- Money and every other decimal is TEXT: SQLite has no exact decimal type, and its floating-point storage class would round.
-- Declared (self-reported) figures are TEXT as written, so their precision (9.8 vs 9.80) is kept.
-- Every entity carries an integer row version (optimistic concurrency, ETags) and update time.

CREATE TABLE scoring_schemes (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT,
    settings    TEXT    NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    CONSTRAINT uq_scoring_schemes_code_version UNIQUE (code, version)
) STRICT;

CREATE TABLE fiscal_years (
    year              INTEGER PRIMARY KEY,
    status            TEXT    NOT NULL CHECK (status IN ('Open', 'Evaluation', 'Closed')),
    scoring_scheme_id INTEGER NOT NULL REFERENCES scoring_schemes (id),
    row_version       INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    closed_at         TEXT
) STRICT;

CREATE TABLE departments (
    code                 TEXT    PRIMARY KEY,
    name                 TEXT    NOT NULL,
    region               TEXT    NOT NULL,
    parent_code          TEXT    REFERENCES departments (code),
    unit_type            TEXT,
    level                TEXT,
    functions            TEXT,
    administrative_staff INTEGER,
    institutional_staff  INTEGER,
    logistics_staff      INTEGER,
    actual_headcount     INTEGER,
    divisions            TEXT    NOT NULL DEFAULT '[]',
    row_version          INTEGER NOT NULL DEFAULT 1,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_departments_region ON departments (region, code);

CREATE TABLE projects (
    id              INTEGER PRIMARY KEY,
    department_code TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year     INTEGER NOT NULL REFERENCES fiscal_years (year),
    name            TEXT    NOT NULL,
    funding_source  TEXT    NOT NULL CHECK (funding_source IN ('Superior', 'OwnLevel', 'Other')),
    on_platform     INTEGER NOT NULL CHECK (on_platform IN (0, 1)),
    budget          TEXT    NOT NULL,
    executed        TEXT    NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_projects_department_year ON projects (department_code, fiscal_year, id);

CREATE TABLE budget_lines (
    id                INTEGER PRIMARY KEY,
    department_code   TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year       INTEGER NOT NULL REFERENCES fiscal_years (year),
    expenditure_class TEXT    NOT NULL CHECK (expenditure_class IN ('Personnel', 'Operating', 'Project')),
    funding_source    TEXT    NOT NULL CHECK (funding_source IN ('Superior', 'OwnLevel', 'Other')),
    project_id        INTEGER REFERENCES projects (id),
    -- 0 for "no project", so one line per class, source and project is unique on both providers.
    project_key       INTEGER GENERATED ALWAYS AS (COALESCE(project_id, 0)) STORED,
    initial_amount    TEXT    NOT NULL,
    -- Σ of the line's adjustments in the ledger, kept in step in the same transaction as each append.
    adjustment_total  TEXT    NOT NULL DEFAULT '0',
    executed_amount   TEXT    NOT NULL,
    row_version       INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    CONSTRAINT uq_budget_lines_identity UNIQUE (department_code, fiscal_year, expenditure_class, funding_source, project_key)
) STRICT;

CREATE TABLE budget_adjustments (
    id              INTEGER PRIMARY KEY,
    line_id         INTEGER NOT NULL REFERENCES budget_lines (id),
    department_code TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year     INTEGER NOT NULL REFERENCES fiscal_years (year),
    amount          TEXT    NOT NULL,
    document_number TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    effective_date  TEXT    NOT NULL,
    source_system   TEXT    NOT NULL,
    source_item_id  TEXT    NOT NULL,
    reverses_id     INTEGER REFERENCES budget_adjustments (id),
    client_name     TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    CONSTRAINT uq_budget_adjustments_source UNIQUE (source_system, source_item_id)
) STRICT;

CREATE INDEX ix_budget_adjustments_department_year ON budget_adjustments (department_code, fiscal_year, id);
CREATE INDEX ix_budget_adjustments_line ON budget_adjustments (line_id);

-- The ledger is append-only: a correction is a new, opposite adjustment.
CREATE TRIGGER tr_budget_adjustments_no_update BEFORE UPDATE ON budget_adjustments
BEGIN
    SELECT RAISE(ABORT, 'budget_adjustments is append-only');
END;

CREATE TRIGGER tr_budget_adjustments_no_delete BEFORE DELETE ON budget_adjustments
BEGIN
    SELECT RAISE(ABORT, 'budget_adjustments is append-only');
END;

CREATE TABLE indicators (
    id                  INTEGER PRIMARY KEY,
    department_code     TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year         INTEGER NOT NULL REFERENCES fiscal_years (year),
    sequence            INTEGER NOT NULL,
    name                TEXT    NOT NULL,
    category            TEXT    NOT NULL CHECK (category IN ('Output', 'Effect', 'Satisfaction')),
    subcategory         TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('Quantitative', 'Qualitative')),
    operator            TEXT    CHECK (operator IN ('AtLeast', 'AtMost', 'Equal')),
    target_value        TEXT,
    unit                TEXT,
    weight              TEXT,
    mid_year_value      TEXT,
    final_value         TEXT,
    qualitative_tier    TEXT    CHECK (qualitative_tier IN ('Achieved', 'PartiallyAchieved', 'NotAchieved')),
    qualitative_score   TEXT,
    deviation_reason    TEXT,
    improvement_measure TEXT,
    evidence            TEXT,
    reviewer_deduction  TEXT,
    deduction_reason    TEXT,
    declared_completion TEXT,
    declared_score      TEXT,
    row_version         INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CONSTRAINT uq_indicators_sequence UNIQUE (department_code, fiscal_year, sequence)
) STRICT;

CREATE TABLE evaluations (
    department_code           TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year               INTEGER NOT NULL REFERENCES fiscal_years (year),
    declared_initial_budget   TEXT,
    declared_adjustments      TEXT,
    declared_adjusted_budget  TEXT,
    declared_executed         TEXT,
    declared_expenditure_total TEXT,
    declared_basic_expenditure TEXT,
    declared_project_expenditure TEXT,
    declared_initial_superior TEXT,
    declared_initial_own_level TEXT,
    declared_initial_other    TEXT,
    declared_adjustment_rate  TEXT,
    declared_execution_rate   TEXT,
    declared_execution_score  TEXT,
    declared_composite_score  TEXT,
    declared_grade            TEXT    CHECK (declared_grade IN ('Excellent', 'Good', 'Fair', 'Poor')),
    problems                  TEXT,
    causes                    TEXT,
    improvement_measures      TEXT,
    suggestions               TEXT,
    filed_on                  TEXT,
    row_version               INTEGER NOT NULL DEFAULT 1,
    created_at                TEXT    NOT NULL,
    updated_at                TEXT    NOT NULL,
    PRIMARY KEY (department_code, fiscal_year)
) STRICT;

INSERT INTO scoring_schemes (id, code, version, name, description, settings, created_at, updated_at)
VALUES (1, 'default', 1, '默认评分方案 (财预〔2020〕10号)',
        'Default whole-department scheme: execution weight 10, indicators 90, grade bands 90/80/60.',
        '{"executionWeight":10,"expectedWeightTotal":100,"overAchievementReasonThreshold":120,"targetTooLowThreshold":150,"underAchievementReasonThreshold":100,"qualitativeAchievedFrom":0.8,"qualitativePartiallyAchievedFrom":0.6,"excellentFrom":90,"goodFrom":80,"fairFrom":60,"displayDecimals":2,"roundingMode":"awayFromZero"}', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00');
