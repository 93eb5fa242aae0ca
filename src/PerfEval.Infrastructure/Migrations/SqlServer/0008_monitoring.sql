-- Mid-year monitoring (绩效运行监控, "双监控"): rounds a department reports during the year as of a
-- date, with the amount executed to date (per budget line, or per expenditure class when only that
-- is known) and each indicator's current value, expected full-year value, likelihood of meeting the
-- target, deviation cause and corrective measure.
CREATE TABLE monitoring_rounds (
    id                        BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_monitoring_rounds PRIMARY KEY,
    department_code           NVARCHAR(32)   NOT NULL CONSTRAINT fk_monitoring_rounds_department REFERENCES departments (code),
    fiscal_year               INT            NOT NULL CONSTRAINT fk_monitoring_rounds_year REFERENCES fiscal_years (year),
    as_of                     DATE           NOT NULL,
    budget_cause              NVARCHAR(16)   NULL CONSTRAINT ck_monitoring_rounds_cause CHECK (budget_cause IN (N'Funding', N'Institutional', N'Staffing', N'Facilities', N'Other')),
    budget_cause_text         NVARCHAR(2000) NULL,
    budget_likelihood         NVARCHAR(16)   NULL CONSTRAINT ck_monitoring_rounds_likelihood CHECK (budget_likelihood IN (N'Certain', N'Possible', N'Impossible')),
    budget_expected_full_year DECIMAL(19, 2) NULL,
    budget_corrective_measure NVARCHAR(2000) NULL,
    row_version               INT NOT NULL CONSTRAINT df_monitoring_rounds_row_version DEFAULT 1,
    created_at                DATETIMEOFFSET(7) NOT NULL,
    updated_at                DATETIMEOFFSET(7) NOT NULL,
    CONSTRAINT uq_monitoring_rounds_as_of UNIQUE (department_code, fiscal_year, as_of)
);

-- Executed to date: one row per budget line, or per expenditure class (budget_line_id null).
CREATE TABLE monitoring_executions (
    round_id          BIGINT         NOT NULL CONSTRAINT fk_monitoring_executions_round REFERENCES monitoring_rounds (id),
    sequence          INT            NOT NULL,
    budget_line_id    BIGINT         NULL CONSTRAINT fk_monitoring_executions_line REFERENCES budget_lines (id),
    expenditure_class NVARCHAR(16)   NULL CONSTRAINT ck_monitoring_executions_class CHECK (expenditure_class IN (N'Personnel', N'Operating', N'Project')),
    executed_amount   DECIMAL(19, 2) NOT NULL,
    CONSTRAINT pk_monitoring_executions PRIMARY KEY (round_id, sequence)
);

CREATE TABLE monitoring_indicator_values (
    round_id           BIGINT         NOT NULL CONSTRAINT fk_monitoring_indicator_values_round REFERENCES monitoring_rounds (id),
    indicator_id       BIGINT         NOT NULL CONSTRAINT fk_monitoring_indicator_values_indicator REFERENCES indicators (id),
    current_value      DECIMAL(28, 8) NULL,
    current_tier       NVARCHAR(32)   NULL CONSTRAINT ck_monitoring_indicator_values_tier CHECK (current_tier IN (N'Achieved', N'PartiallyAchieved', N'NotAchieved')),
    expected_full_year DECIMAL(28, 8) NULL,
    likelihood         NVARCHAR(16)   NULL CONSTRAINT ck_monitoring_indicator_values_likelihood CHECK (likelihood IN (N'Certain', N'Possible', N'Impossible')),
    cause              NVARCHAR(16)   NULL CONSTRAINT ck_monitoring_indicator_values_cause CHECK (cause IN (N'Funding', N'Institutional', N'Staffing', N'Facilities', N'Other')),
    cause_text         NVARCHAR(2000) NULL,
    corrective_measure NVARCHAR(2000) NULL,
    CONSTRAINT pk_monitoring_indicator_values PRIMARY KEY (round_id, indicator_id)
);

CREATE INDEX ix_monitoring_indicator_values_indicator ON monitoring_indicator_values (indicator_id);

-- The read model of monitoring: each round's lights as computed by rule, kept current by every write
-- that changes what they are computed from (the round, the year's lines and indicators, the scheme),
-- in that write's transaction. is_latest marks each department-year's latest round (the year view);
-- combined_rank sorts red first (0 red, 1 yellow, 2 green, 3 no light).
CREATE TABLE monitoring_cards (
    round_id        BIGINT        NOT NULL CONSTRAINT pk_monitoring_cards PRIMARY KEY CONSTRAINT fk_monitoring_cards_round REFERENCES monitoring_rounds (id),
    department_code NVARCHAR(32)  NOT NULL CONSTRAINT fk_monitoring_cards_department REFERENCES departments (code),
    fiscal_year     INT           NOT NULL CONSTRAINT fk_monitoring_cards_year REFERENCES fiscal_years (year),
    as_of           DATE          NOT NULL,
    is_latest       INT           NOT NULL,
    scheme_id       BIGINT        NOT NULL CONSTRAINT fk_monitoring_cards_scheme REFERENCES scoring_schemes (id),
    scheme_version  INT           NOT NULL,
    budget_light    NVARCHAR(8)   NULL CONSTRAINT ck_monitoring_cards_budget CHECK (budget_light IN (N'Red', N'Yellow', N'Green', N'Blue')),
    goal_light      NVARCHAR(8)   NULL CONSTRAINT ck_monitoring_cards_goal CHECK (goal_light IN (N'Red', N'Yellow', N'Green', N'Blue')),
    combined_light  NVARCHAR(8)   NULL CONSTRAINT ck_monitoring_cards_combined CHECK (combined_light IN (N'Red', N'Yellow', N'Green', N'Blue')),
    combined_rank   INT           NOT NULL,
    red_count       INT           NOT NULL,
    yellow_count    INT           NOT NULL,
    green_count     INT           NOT NULL,
    blue_count      INT           NOT NULL,
    finding_count   INT           NOT NULL,
    card            NVARCHAR(MAX) NOT NULL,
    card_hash       NVARCHAR(64)  NOT NULL,
    version         INT           NOT NULL,
    updated_at      DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_monitoring_cards_year ON monitoring_cards (fiscal_year, is_latest, combined_rank, department_code);
CREATE INDEX ix_monitoring_cards_department ON monitoring_cards (department_code, fiscal_year, as_of);
GO

CREATE TRIGGER tr_monitoring_rounds_created ON monitoring_rounds AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'monitoringRound', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_monitoring_rounds_updated ON monitoring_rounds AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'monitoringRound', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_monitoring_rounds_deleted ON monitoring_rounds AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'monitoringRound', CAST(d.id AS NVARCHAR(40)), d.department_code, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO
