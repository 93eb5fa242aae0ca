-- PerfEval schema 1 (SQL Server). NVARCHAR for all text, exact DECIMAL(19,2) for money (yuan),
-- DECIMAL(28,8) for indicator values and weights. Declared (self-reported) figures are NVARCHAR as
-- written, so their precision (9.8 vs 9.80) is kept for the declared-versus-computed check.
-- Every entity carries an integer row version (optimistic concurrency, ETags) and update time.

CREATE TABLE scoring_schemes (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_scoring_schemes PRIMARY KEY,
    code        NVARCHAR(64)   NOT NULL,
    version     INT            NOT NULL,
    name        NVARCHAR(200)  NOT NULL,
    description NVARCHAR(2000) NULL,
    settings    NVARCHAR(MAX)  NOT NULL,
    row_version INT            NOT NULL CONSTRAINT df_scoring_schemes_row_version DEFAULT 1,
    created_at  DATETIMEOFFSET(7) NOT NULL,
    updated_at  DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_scoring_schemes_code_version UNIQUE (code, version)
);

CREATE TABLE fiscal_years (
    year              INT          NOT NULL CONSTRAINT pk_fiscal_years PRIMARY KEY,
    status            NVARCHAR(16) NOT NULL CONSTRAINT ck_fiscal_years_status CHECK (status IN (N'Open', N'Evaluation', N'Closed')),
    scoring_scheme_id BIGINT       NOT NULL CONSTRAINT fk_fiscal_years_scheme REFERENCES scoring_schemes (id),
    row_version       INT          NOT NULL CONSTRAINT df_fiscal_years_row_version DEFAULT 1,
    created_at        DATETIMEOFFSET(7) NOT NULL,
    updated_at        DATETIMEOFFSET(7) NOT NULL,
    closed_at         DATETIMEOFFSET(7) NULL
);

CREATE TABLE departments (
    code                 NVARCHAR(32)  NOT NULL CONSTRAINT pk_departments PRIMARY KEY,
    name                 NVARCHAR(200) NOT NULL,
    region               NVARCHAR(100) NOT NULL,
    parent_code          NVARCHAR(32)  NULL CONSTRAINT fk_departments_parent REFERENCES departments (code),
    unit_type            NVARCHAR(50)  NULL,
    level                NVARCHAR(50)  NULL,
    functions            NVARCHAR(MAX) NULL,
    administrative_staff INT NULL,
    institutional_staff  INT NULL,
    logistics_staff      INT NULL,
    actual_headcount     INT NULL,
    divisions            NVARCHAR(MAX) NOT NULL CONSTRAINT df_departments_divisions DEFAULT N'[]',
    row_version          INT NOT NULL CONSTRAINT df_departments_row_version DEFAULT 1,
    created_at           DATETIMEOFFSET(7) NOT NULL,
    updated_at           DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_departments_region ON departments (region, code);

CREATE TABLE projects (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_projects PRIMARY KEY,
    department_code NVARCHAR(32)  NOT NULL CONSTRAINT fk_projects_department REFERENCES departments (code),
    fiscal_year     INT           NOT NULL CONSTRAINT fk_projects_year REFERENCES fiscal_years (year),
    name            NVARCHAR(200) NOT NULL,
    funding_source  NVARCHAR(16)  NOT NULL CONSTRAINT ck_projects_funding_source CHECK (funding_source IN (N'Superior', N'OwnLevel', N'Other')),
    on_platform     BIT           NOT NULL,
    budget          DECIMAL(19, 2) NOT NULL,
    executed        DECIMAL(19, 2) NOT NULL,
    row_version     INT NOT NULL CONSTRAINT df_projects_row_version DEFAULT 1,
    created_at      DATETIMEOFFSET(7) NOT NULL,
    updated_at      DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_projects_department_year ON projects (department_code, fiscal_year, id);

CREATE TABLE budget_lines (
    id                BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_budget_lines PRIMARY KEY,
    department_code   NVARCHAR(32) NOT NULL CONSTRAINT fk_budget_lines_department REFERENCES departments (code),
    fiscal_year       INT          NOT NULL CONSTRAINT fk_budget_lines_year REFERENCES fiscal_years (year),
    expenditure_class NVARCHAR(16) NOT NULL CONSTRAINT ck_budget_lines_class CHECK (expenditure_class IN (N'Personnel', N'Operating', N'Project')),
    funding_source    NVARCHAR(16) NOT NULL CONSTRAINT ck_budget_lines_funding_source CHECK (funding_source IN (N'Superior', N'OwnLevel', N'Other')),
    project_id        BIGINT       NULL CONSTRAINT fk_budget_lines_project REFERENCES projects (id),
    -- 0 for "no project", so one line per class, source and project is unique on both providers.
    project_key       AS COALESCE(project_id, CAST(0 AS BIGINT)) PERSISTED,
    initial_amount    DECIMAL(19, 2) NOT NULL,
    -- Σ of the line's adjustments in the ledger, kept in step in the same transaction as each append.
    adjustment_total  DECIMAL(19, 2) NOT NULL CONSTRAINT df_budget_lines_adjustment_total DEFAULT 0,
    executed_amount   DECIMAL(19, 2) NOT NULL,
    row_version       INT NOT NULL CONSTRAINT df_budget_lines_row_version DEFAULT 1,
    created_at        DATETIMEOFFSET(7) NOT NULL,
    updated_at        DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_budget_lines_identity UNIQUE (department_code, fiscal_year, expenditure_class, funding_source, project_key)
);

CREATE TABLE budget_adjustments (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_budget_adjustments PRIMARY KEY,
    line_id         BIGINT         NOT NULL CONSTRAINT fk_budget_adjustments_line REFERENCES budget_lines (id),
    department_code NVARCHAR(32)   NOT NULL CONSTRAINT fk_budget_adjustments_department REFERENCES departments (code),
    fiscal_year     INT            NOT NULL CONSTRAINT fk_budget_adjustments_year REFERENCES fiscal_years (year),
    amount          DECIMAL(19, 2) NOT NULL,
    document_number NVARCHAR(100)  NOT NULL,
    reason          NVARCHAR(1000) NOT NULL,
    effective_date  DATE           NOT NULL,
    source_system   NVARCHAR(64)   NOT NULL,
    source_item_id  NVARCHAR(128)  NOT NULL,
    reverses_id     BIGINT         NULL CONSTRAINT fk_budget_adjustments_reverses REFERENCES budget_adjustments (id),
    client_name     NVARCHAR(100)  NOT NULL,
    created_at      DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_budget_adjustments_source UNIQUE (source_system, source_item_id)
);

CREATE INDEX ix_budget_adjustments_department_year ON budget_adjustments (department_code, fiscal_year, id);
CREATE INDEX ix_budget_adjustments_line ON budget_adjustments (line_id);

CREATE TABLE indicators (
    id                  BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_indicators PRIMARY KEY,
    department_code     NVARCHAR(32)  NOT NULL CONSTRAINT fk_indicators_department REFERENCES departments (code),
    fiscal_year         INT           NOT NULL CONSTRAINT fk_indicators_year REFERENCES fiscal_years (year),
    sequence            INT           NOT NULL,
    name                NVARCHAR(200) NOT NULL,
    category            NVARCHAR(16)  NOT NULL CONSTRAINT ck_indicators_category CHECK (category IN (N'Output', N'Effect', N'Satisfaction')),
    subcategory         NVARCHAR(32)  NOT NULL,
    kind                NVARCHAR(16)  NOT NULL CONSTRAINT ck_indicators_kind CHECK (kind IN (N'Quantitative', N'Qualitative')),
    operator            NVARCHAR(16)  NULL CONSTRAINT ck_indicators_operator CHECK (operator IN (N'AtLeast', N'AtMost', N'Equal')),
    target_value        DECIMAL(28, 8) NULL,
    unit                NVARCHAR(32)  NULL,
    weight              DECIMAL(28, 8) NULL,
    mid_year_value      DECIMAL(28, 8) NULL,
    final_value         DECIMAL(28, 8) NULL,
    qualitative_tier    NVARCHAR(32)  NULL CONSTRAINT ck_indicators_tier CHECK (qualitative_tier IN (N'Achieved', N'PartiallyAchieved', N'NotAchieved')),
    qualitative_score   DECIMAL(28, 8) NULL,
    deviation_reason    NVARCHAR(2000) NULL,
    improvement_measure NVARCHAR(2000) NULL,
    evidence            NVARCHAR(2000) NULL,
    reviewer_deduction  DECIMAL(28, 8) NULL,
    deduction_reason    NVARCHAR(2000) NULL,
    declared_completion NVARCHAR(40)  NULL,
    declared_score      NVARCHAR(40)  NULL,
    row_version         INT NOT NULL CONSTRAINT df_indicators_row_version DEFAULT 1,
    created_at          DATETIMEOFFSET(7) NOT NULL,
    updated_at          DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_indicators_sequence UNIQUE (department_code, fiscal_year, sequence)
);

CREATE TABLE evaluations (
    department_code              NVARCHAR(32) NOT NULL CONSTRAINT fk_evaluations_department REFERENCES departments (code),
    fiscal_year                  INT          NOT NULL CONSTRAINT fk_evaluations_year REFERENCES fiscal_years (year),
    declared_initial_budget      NVARCHAR(40) NULL,
    declared_adjustments         NVARCHAR(40) NULL,
    declared_adjusted_budget     NVARCHAR(40) NULL,
    declared_executed            NVARCHAR(40) NULL,
    declared_expenditure_total   NVARCHAR(40) NULL,
    declared_basic_expenditure   NVARCHAR(40) NULL,
    declared_project_expenditure NVARCHAR(40) NULL,
    declared_initial_superior    NVARCHAR(40) NULL,
    declared_initial_own_level   NVARCHAR(40) NULL,
    declared_initial_other       NVARCHAR(40) NULL,
    declared_adjustment_rate     NVARCHAR(40) NULL,
    declared_execution_rate      NVARCHAR(40) NULL,
    declared_execution_score     NVARCHAR(40) NULL,
    declared_composite_score     NVARCHAR(40) NULL,
    declared_grade               NVARCHAR(16) NULL CONSTRAINT ck_evaluations_grade CHECK (declared_grade IN (N'Excellent', N'Good', N'Fair', N'Poor')),
    problems                     NVARCHAR(MAX) NULL,
    causes                       NVARCHAR(MAX) NULL,
    improvement_measures         NVARCHAR(MAX) NULL,
    suggestions                  NVARCHAR(MAX) NULL,
    filed_on                     DATE NULL,
    row_version                  INT NOT NULL CONSTRAINT df_evaluations_row_version DEFAULT 1,
    created_at                   DATETIMEOFFSET(7) NOT NULL,
    updated_at                   DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_evaluations PRIMARY KEY (department_code, fiscal_year)
);

SET IDENTITY_INSERT scoring_schemes ON;
INSERT INTO scoring_schemes (id, code, version, name, description, settings, created_at, updated_at)
VALUES (1, N'default', 1, N'默认评分方案 (财预〔2020〕10号)',
        N'Default whole-department scheme: execution weight 10, indicators 90, grade bands 90/80/60.',
        N'{"executionWeight":10,"expectedWeightTotal":100,"overAchievementReasonThreshold":120,"targetTooLowThreshold":150,"underAchievementReasonThreshold":100,"qualitativeAchievedFrom":0.8,"qualitativePartiallyAchievedFrom":0.6,"excellentFrom":90,"goodFrom":80,"fairFrom":60,"displayDecimals":2,"roundingMode":"awayFromZero"}', '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00');
SET IDENTITY_INSERT scoring_schemes OFF;
GO

-- The ledger is append-only: a correction is a new, opposite adjustment.
CREATE TRIGGER tr_budget_adjustments_append_only ON budget_adjustments
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 50001, N'budget_adjustments is append-only', 1;
END;
GO
