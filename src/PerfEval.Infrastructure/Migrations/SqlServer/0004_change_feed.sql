-- The change feed: one row per committed change of any entity, in commit order. Filled by
-- triggers, so no write path can forget it. The position is a ROWVERSION: readers take only
-- positions below MIN_ACTIVE_ROWVERSION(), so a change still uncommitted can never be skipped
-- by a consumer that has already read past it.
CREATE TABLE changes (
    position        ROWVERSION    NOT NULL CONSTRAINT pk_changes PRIMARY KEY,
    entity_type     NVARCHAR(32)  NOT NULL,
    entity_key      NVARCHAR(100) NOT NULL,
    department_code NVARCHAR(32)  NULL,
    version         INT           NOT NULL,
    operation       NVARCHAR(16)  NOT NULL CONSTRAINT ck_changes_operation CHECK (operation IN (N'Created', N'Updated', N'Deleted')),
    changed_at      DATETIMEOFFSET(7) NOT NULL
);

CREATE INDEX ix_changes_department ON changes (department_code, position);
GO

CREATE TRIGGER tr_departments_created ON departments AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'department', i.code, i.code, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_departments_updated ON departments AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'department', i.code, i.code, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_departments_deleted ON departments AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'department', d.code, d.code, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO

CREATE TRIGGER tr_fiscal_years_created ON fiscal_years AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'fiscalYear', CAST(i.year AS NVARCHAR(40)), NULL, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_fiscal_years_updated ON fiscal_years AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'fiscalYear', CAST(i.year AS NVARCHAR(40)), NULL, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_fiscal_years_deleted ON fiscal_years AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'fiscalYear', CAST(d.year AS NVARCHAR(40)), NULL, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO

CREATE TRIGGER tr_scoring_schemes_created ON scoring_schemes AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'scoringScheme', CAST(i.id AS NVARCHAR(40)), NULL, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_scoring_schemes_updated ON scoring_schemes AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'scoringScheme', CAST(i.id AS NVARCHAR(40)), NULL, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_scoring_schemes_deleted ON scoring_schemes AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'scoringScheme', CAST(d.id AS NVARCHAR(40)), NULL, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO

CREATE TRIGGER tr_projects_created ON projects AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'project', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_projects_updated ON projects AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'project', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_projects_deleted ON projects AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'project', CAST(d.id AS NVARCHAR(40)), d.department_code, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO

CREATE TRIGGER tr_budget_lines_created ON budget_lines AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'budgetLine', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_budget_lines_updated ON budget_lines AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'budgetLine', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_budget_lines_deleted ON budget_lines AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'budgetLine', CAST(d.id AS NVARCHAR(40)), d.department_code, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO

CREATE TRIGGER tr_indicators_created ON indicators AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'indicator', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_indicators_updated ON indicators AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'indicator', CAST(i.id AS NVARCHAR(40)), i.department_code, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_indicators_deleted ON indicators AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'indicator', CAST(d.id AS NVARCHAR(40)), d.department_code, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO

CREATE TRIGGER tr_evaluations_created ON evaluations AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'evaluation', i.department_code + '/' + CAST(i.fiscal_year AS NVARCHAR(40)), i.department_code, i.row_version, N'Created', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_evaluations_updated ON evaluations AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'evaluation', i.department_code + '/' + CAST(i.fiscal_year AS NVARCHAR(40)), i.department_code, i.row_version, N'Updated', i.updated_at FROM inserted i;
END;
GO

CREATE TRIGGER tr_evaluations_deleted ON evaluations AFTER DELETE
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'evaluation', d.department_code + '/' + CAST(d.fiscal_year AS NVARCHAR(40)), d.department_code, d.row_version + 1, N'Deleted', SYSDATETIMEOFFSET() FROM deleted d;
END;
GO

CREATE TRIGGER tr_budget_adjustments_created ON budget_adjustments AFTER INSERT
AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    SELECT N'budgetAdjustment', CAST(i.id AS NVARCHAR(40)), i.department_code, 1, N'Created', i.created_at FROM inserted i;
END;
GO
