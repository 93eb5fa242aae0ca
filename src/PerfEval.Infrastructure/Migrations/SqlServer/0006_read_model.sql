-- The read model: each department-year's scorecard as computed by rule, kept current by every write
-- that changes what it is computed from, in that write's transaction. Reads (the scorecard, the
-- ranking, the summary, the findings, the exports) read these rows and never recompute a year.
-- card holds the whole scorecard as JSON (findings in both languages); the other columns are what
-- the year views filter, sort and page on. Rates and scores sort by an integer key (the value in
-- ten-thousandths), the same on both providers.
CREATE TABLE scorecards (
    department_code    NVARCHAR(32)  NOT NULL CONSTRAINT fk_scorecards_department REFERENCES departments (code),
    fiscal_year        INT           NOT NULL CONSTRAINT fk_scorecards_year REFERENCES fiscal_years (year),
    scheme_id          BIGINT        NOT NULL CONSTRAINT fk_scorecards_scheme REFERENCES scoring_schemes (id),
    scheme_version     INT           NOT NULL,
    initial_budget     DECIMAL(19,2) NOT NULL,
    adjusted_budget    DECIMAL(19,2) NOT NULL,
    executed_amount    DECIMAL(19,2) NOT NULL,
    execution_rate     DECIMAL(28,8) NULL,
    execution_rate_key BIGINT        NULL,
    execution_score    DECIMAL(28,8) NULL,
    weight_total       DECIMAL(28,8) NULL,
    composite_score    DECIMAL(28,8) NULL,
    composite_key      BIGINT        NULL,
    grade              NVARCHAR(16)  NULL CONSTRAINT ck_scorecards_grade CHECK (grade IN (N'Excellent', N'Good', N'Fair', N'Poor')),
    error_count        INT           NOT NULL,
    warning_count      INT           NOT NULL,
    info_count         INT           NOT NULL,
    -- Every finding code of the card, each between commas (",A,B,"), for filtering by code.
    finding_codes      NVARCHAR(2000) NOT NULL,
    card               NVARCHAR(MAX) NOT NULL,
    card_hash          NVARCHAR(64)  NOT NULL,
    version            INT           NOT NULL,
    updated_at         DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT pk_scorecards PRIMARY KEY (department_code, fiscal_year)
);

CREATE INDEX ix_scorecards_composite ON scorecards (fiscal_year, composite_key DESC, department_code);
CREATE INDEX ix_scorecards_execution_rate ON scorecards (fiscal_year, execution_rate_key DESC, department_code);
CREATE INDEX ix_scorecards_year ON scorecards (fiscal_year, department_code);

-- Which version of the scoring rules the read model was last rebuilt with. At start-up a service
-- whose rules differ (or a migration that changes scoring, by deleting this row) rebuilds every year.
CREATE TABLE read_model_state (
    id            INT               NOT NULL CONSTRAINT pk_read_model_state PRIMARY KEY CONSTRAINT ck_read_model_state_id CHECK (id = 1),
    rules_version INT               NOT NULL,
    rebuilt_at    DATETIMEOFFSET(7) NOT NULL
);
