-- The read model: each department-year's scorecard as computed by rule, kept current by every write
-- that changes what it is computed from, in that write's transaction. Reads (the scorecard, the
-- ranking, the summary, the findings, the exports) read these rows and never recompute a year.
-- card holds the whole scorecard as JSON (findings in both languages); the other columns are what
-- the year views filter, sort and page on. Rates and scores sort by an integer key (the value in
-- ten-thousandths): SQLite keeps decimals as TEXT, which does not sort by value.
CREATE TABLE scorecards (
    department_code    TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year        INTEGER NOT NULL REFERENCES fiscal_years (year),
    scheme_id          INTEGER NOT NULL REFERENCES scoring_schemes (id),
    scheme_version     INTEGER NOT NULL,
    initial_budget     TEXT    NOT NULL,
    adjusted_budget    TEXT    NOT NULL,
    executed_amount    TEXT    NOT NULL,
    execution_rate     TEXT,
    execution_rate_key INTEGER,
    execution_score    TEXT,
    weight_total       TEXT,
    composite_score    TEXT,
    composite_key      INTEGER,
    grade              TEXT    CHECK (grade IN ('Excellent', 'Good', 'Fair', 'Poor')),
    error_count        INTEGER NOT NULL,
    warning_count      INTEGER NOT NULL,
    info_count         INTEGER NOT NULL,
    -- Every finding code of the card, each between commas (",A,B,"), for filtering by code.
    finding_codes      TEXT    NOT NULL,
    card               TEXT    NOT NULL,
    card_hash          TEXT    NOT NULL,
    version            INTEGER NOT NULL,
    updated_at         TEXT    NOT NULL,
    PRIMARY KEY (department_code, fiscal_year)
) STRICT;

CREATE INDEX ix_scorecards_composite ON scorecards (fiscal_year, composite_key DESC, department_code);
CREATE INDEX ix_scorecards_execution_rate ON scorecards (fiscal_year, execution_rate_key DESC, department_code);
CREATE INDEX ix_scorecards_year ON scorecards (fiscal_year, department_code);

-- Which version of the scoring rules the read model was last rebuilt with. At start-up a service
-- whose rules differ (or a migration that changes scoring, by deleting this row) rebuilds every year.
CREATE TABLE read_model_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    rules_version INTEGER NOT NULL,
    rebuilt_at    TEXT    NOT NULL
) STRICT;
