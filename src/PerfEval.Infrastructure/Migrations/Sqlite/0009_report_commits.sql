-- What reports state, and no more: a basic-expenditure line whose personnel / operating split is not
-- stated (expenditure class Basic), a funding source or indicator category the report does not give
-- (Unstated), and a budget adjustment without a document number (文号, NULL: unstated).
-- Committed drafts: a draft becomes committed once, and keeps what it committed.
--
-- SQLite cannot alter a CHECK or NOT NULL constraint in place. Rebuilding these tables would mean
-- rebuilding the append-only ledger and every change-feed trigger; widening a constraint does not
-- change how rows are stored, so the table definitions are edited as SQLite documents for such
-- changes (https://sqlite.org/lang_altertable.html, "otherwise"). RESET makes this connection read
-- the new definitions; the ALTER TABLEs after it change the schema cookie, so every other
-- connection reads them too.
PRAGMA writable_schema = ON;

UPDATE sqlite_schema
SET sql = replace(replace(sql,
    'CHECK (expenditure_class IN (''Personnel'', ''Operating'', ''Project''))',
    'CHECK (expenditure_class IN (''Personnel'', ''Operating'', ''Project'', ''Basic''))'),
    'CHECK (funding_source IN (''Superior'', ''OwnLevel'', ''Other''))',
    'CHECK (funding_source IN (''Superior'', ''OwnLevel'', ''Other'', ''Unstated''))')
WHERE type = 'table' AND name IN ('budget_lines', 'projects');

UPDATE sqlite_schema
SET sql = replace(sql,
    'CHECK (category IN (''Output'', ''Effect'', ''Satisfaction''))',
    'CHECK (category IN (''Output'', ''Effect'', ''Satisfaction'', ''Unstated''))')
WHERE type = 'table' AND name = 'indicators';

UPDATE sqlite_schema
SET sql = replace(sql, 'document_number TEXT    NOT NULL,', 'document_number TEXT,')
WHERE type = 'table' AND name = 'budget_adjustments';

UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (status IN (''draft''))', 'CHECK (status IN (''draft'', ''committed''))')
WHERE type = 'table' AND name = 'report_imports';

PRAGMA writable_schema = RESET;

-- A committed draft: when, by whom, into which department-year (department_code, fiscal_year), and
-- the scorecard its commit answered, so committing it again answers the same and creates nothing.
ALTER TABLE report_imports ADD COLUMN committed_at TEXT;
ALTER TABLE report_imports ADD COLUMN committed_by TEXT;
ALTER TABLE report_imports ADD COLUMN commit_result TEXT;

-- Facts the report printed with different values (two staffing totals, say), as a JSON array of
-- texts: each is recorded as printed and raised as a finding on the scorecard.
ALTER TABLE evaluations ADD COLUMN conflicting_facts TEXT;

-- The report's project totals (项目总金额, 执行金额), kept as written, checked against the project lines.
ALTER TABLE evaluations ADD COLUMN declared_project_budget TEXT;
ALTER TABLE evaluations ADD COLUMN declared_project_executed TEXT;
