-- Mid-year monitoring (绩效运行监控, "双监控"): rounds a department reports during the year as of a
-- date, with the amount executed to date (per budget line, or per expenditure class when only that
-- is known) and each indicator's current value, expected full-year value, likelihood of meeting the
-- target, deviation cause and corrective measure.
CREATE TABLE monitoring_rounds (
    id                        INTEGER PRIMARY KEY,
    department_code           TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year               INTEGER NOT NULL REFERENCES fiscal_years (year),
    as_of                     TEXT    NOT NULL,
    budget_cause              TEXT    CHECK (budget_cause IN ('Funding', 'Institutional', 'Staffing', 'Facilities', 'Other')),
    budget_cause_text         TEXT,
    budget_likelihood         TEXT    CHECK (budget_likelihood IN ('Certain', 'Possible', 'Impossible')),
    budget_expected_full_year TEXT,
    budget_corrective_measure TEXT,
    row_version               INTEGER NOT NULL DEFAULT 1,
    created_at                TEXT    NOT NULL,
    updated_at                TEXT    NOT NULL,
    CONSTRAINT uq_monitoring_rounds_as_of UNIQUE (department_code, fiscal_year, as_of)
) STRICT;

-- Executed to date: one row per budget line, or per expenditure class (budget_line_id null).
CREATE TABLE monitoring_executions (
    round_id          INTEGER NOT NULL REFERENCES monitoring_rounds (id),
    sequence          INTEGER NOT NULL,
    budget_line_id    INTEGER REFERENCES budget_lines (id),
    expenditure_class TEXT    CHECK (expenditure_class IN ('Personnel', 'Operating', 'Project')),
    executed_amount   TEXT    NOT NULL,
    PRIMARY KEY (round_id, sequence)
) STRICT;

CREATE TABLE monitoring_indicator_values (
    round_id           INTEGER NOT NULL REFERENCES monitoring_rounds (id),
    indicator_id       INTEGER NOT NULL REFERENCES indicators (id),
    current_value      TEXT,
    current_tier       TEXT    CHECK (current_tier IN ('Achieved', 'PartiallyAchieved', 'NotAchieved')),
    expected_full_year TEXT,
    likelihood         TEXT    CHECK (likelihood IN ('Certain', 'Possible', 'Impossible')),
    cause              TEXT    CHECK (cause IN ('Funding', 'Institutional', 'Staffing', 'Facilities', 'Other')),
    cause_text         TEXT,
    corrective_measure TEXT,
    PRIMARY KEY (round_id, indicator_id)
) STRICT;

CREATE INDEX ix_monitoring_indicator_values_indicator ON monitoring_indicator_values (indicator_id);

-- The read model of monitoring: each round's lights as computed by rule, kept current by every write
-- that changes what they are computed from (the round, the year's lines and indicators, the scheme),
-- in that write's transaction. is_latest marks each department-year's latest round (the year view);
-- combined_rank sorts red first (0 red, 1 yellow, 2 green, 3 no light).
CREATE TABLE monitoring_cards (
    round_id        INTEGER PRIMARY KEY REFERENCES monitoring_rounds (id),
    department_code TEXT    NOT NULL REFERENCES departments (code),
    fiscal_year     INTEGER NOT NULL REFERENCES fiscal_years (year),
    as_of           TEXT    NOT NULL,
    is_latest       INTEGER NOT NULL,
    scheme_id       INTEGER NOT NULL REFERENCES scoring_schemes (id),
    scheme_version  INTEGER NOT NULL,
    budget_light    TEXT    CHECK (budget_light IN ('Red', 'Yellow', 'Green', 'Blue')),
    goal_light      TEXT    CHECK (goal_light IN ('Red', 'Yellow', 'Green', 'Blue')),
    combined_light  TEXT    CHECK (combined_light IN ('Red', 'Yellow', 'Green', 'Blue')),
    combined_rank   INTEGER NOT NULL,
    red_count       INTEGER NOT NULL,
    yellow_count    INTEGER NOT NULL,
    green_count     INTEGER NOT NULL,
    blue_count      INTEGER NOT NULL,
    finding_count   INTEGER NOT NULL,
    card            TEXT    NOT NULL,
    card_hash       TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_monitoring_cards_year ON monitoring_cards (fiscal_year, is_latest, combined_rank, department_code);
CREATE INDEX ix_monitoring_cards_department ON monitoring_cards (department_code, fiscal_year, as_of);

CREATE TRIGGER tr_monitoring_rounds_created AFTER INSERT ON monitoring_rounds
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('monitoringRound', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_monitoring_rounds_updated AFTER UPDATE ON monitoring_rounds
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('monitoringRound', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_monitoring_rounds_deleted AFTER DELETE ON monitoring_rounds
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('monitoringRound', CAST(OLD.id AS TEXT), OLD.department_code, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;
