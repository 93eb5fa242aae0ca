-- The change feed: one row per committed change of any entity, in commit order. Filled by
-- triggers, so no write path can forget it. SQLite serializes writers, so the rowid position is
-- the commit order; rows are never deleted, so a position is never reused (no AUTOINCREMENT needed,
-- and none paid for on every insert).
CREATE TABLE changes (
    position        INTEGER PRIMARY KEY,
    entity_type     TEXT    NOT NULL,
    entity_key      TEXT    NOT NULL,
    department_code TEXT,
    version         INTEGER NOT NULL,
    operation       TEXT    NOT NULL CHECK (operation IN ('Created', 'Updated', 'Deleted')),
    changed_at      TEXT    NOT NULL
) STRICT;

CREATE INDEX ix_changes_department ON changes (department_code, position);

CREATE TRIGGER tr_departments_created AFTER INSERT ON departments
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('department', NEW.code, NEW.code, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_departments_updated AFTER UPDATE ON departments
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('department', NEW.code, NEW.code, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_departments_deleted AFTER DELETE ON departments
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('department', OLD.code, OLD.code, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER tr_fiscal_years_created AFTER INSERT ON fiscal_years
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('fiscalYear', CAST(NEW.year AS TEXT), NULL, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_fiscal_years_updated AFTER UPDATE ON fiscal_years
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('fiscalYear', CAST(NEW.year AS TEXT), NULL, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_fiscal_years_deleted AFTER DELETE ON fiscal_years
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('fiscalYear', CAST(OLD.year AS TEXT), NULL, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER tr_scoring_schemes_created AFTER INSERT ON scoring_schemes
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('scoringScheme', CAST(NEW.id AS TEXT), NULL, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_scoring_schemes_updated AFTER UPDATE ON scoring_schemes
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('scoringScheme', CAST(NEW.id AS TEXT), NULL, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_scoring_schemes_deleted AFTER DELETE ON scoring_schemes
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('scoringScheme', CAST(OLD.id AS TEXT), NULL, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER tr_projects_created AFTER INSERT ON projects
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('project', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_projects_updated AFTER UPDATE ON projects
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('project', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_projects_deleted AFTER DELETE ON projects
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('project', CAST(OLD.id AS TEXT), OLD.department_code, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER tr_budget_lines_created AFTER INSERT ON budget_lines
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('budgetLine', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_budget_lines_updated AFTER UPDATE ON budget_lines
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('budgetLine', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_budget_lines_deleted AFTER DELETE ON budget_lines
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('budgetLine', CAST(OLD.id AS TEXT), OLD.department_code, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER tr_indicators_created AFTER INSERT ON indicators
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('indicator', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_indicators_updated AFTER UPDATE ON indicators
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('indicator', CAST(NEW.id AS TEXT), NEW.department_code, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_indicators_deleted AFTER DELETE ON indicators
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('indicator', CAST(OLD.id AS TEXT), OLD.department_code, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER tr_evaluations_created AFTER INSERT ON evaluations
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('evaluation', NEW.department_code || '/' || CAST(NEW.fiscal_year AS TEXT), NEW.department_code, NEW.row_version, 'Created', NEW.updated_at);
END;

CREATE TRIGGER tr_evaluations_updated AFTER UPDATE ON evaluations
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('evaluation', NEW.department_code || '/' || CAST(NEW.fiscal_year AS TEXT), NEW.department_code, NEW.row_version, 'Updated', NEW.updated_at);
END;

CREATE TRIGGER tr_evaluations_deleted AFTER DELETE ON evaluations
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('evaluation', OLD.department_code || '/' || CAST(OLD.fiscal_year AS TEXT), OLD.department_code, OLD.row_version + 1, 'Deleted', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
END;

CREATE TRIGGER tr_budget_adjustments_created AFTER INSERT ON budget_adjustments
BEGIN
    INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
    VALUES ('budgetAdjustment', CAST(NEW.id AS TEXT), NEW.department_code, 1, 'Created', NEW.created_at);
END;
