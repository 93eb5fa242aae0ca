-- What reports state, and no more: a basic-expenditure line whose personnel / operating split is not
-- stated (expenditure class Basic), a funding source or indicator category the report does not give
-- (Unstated), and a budget adjustment without a document number (文号, NULL: unstated).
-- Committed drafts: a draft becomes committed once, and keeps what it committed.
ALTER TABLE budget_lines DROP CONSTRAINT ck_budget_lines_class;
ALTER TABLE budget_lines ADD CONSTRAINT ck_budget_lines_class CHECK (expenditure_class IN (N'Personnel', N'Operating', N'Project', N'Basic'));
ALTER TABLE budget_lines DROP CONSTRAINT ck_budget_lines_funding_source;
ALTER TABLE budget_lines ADD CONSTRAINT ck_budget_lines_funding_source CHECK (funding_source IN (N'Superior', N'OwnLevel', N'Other', N'Unstated'));
ALTER TABLE projects DROP CONSTRAINT ck_projects_funding_source;
ALTER TABLE projects ADD CONSTRAINT ck_projects_funding_source CHECK (funding_source IN (N'Superior', N'OwnLevel', N'Other', N'Unstated'));
ALTER TABLE indicators DROP CONSTRAINT ck_indicators_category;
ALTER TABLE indicators ADD CONSTRAINT ck_indicators_category CHECK (category IN (N'Output', N'Effect', N'Satisfaction', N'Unstated'));
ALTER TABLE budget_adjustments ALTER COLUMN document_number NVARCHAR(100) NULL;

-- A committed draft: when, by whom, into which department-year (department_code, fiscal_year), and
-- the scorecard its commit answered, so committing it again answers the same and creates nothing.
ALTER TABLE report_imports DROP CONSTRAINT ck_report_imports_status;
ALTER TABLE report_imports ADD CONSTRAINT ck_report_imports_status CHECK (status IN (N'draft', N'committed'));
ALTER TABLE report_imports ADD committed_at DATETIMEOFFSET(7) NULL;
ALTER TABLE report_imports ADD committed_by NVARCHAR(100) NULL;
ALTER TABLE report_imports ADD commit_result NVARCHAR(MAX) NULL;

-- Facts the report printed with different values (two staffing totals, say), as a JSON array of
-- texts: each is recorded as printed and raised as a finding on the scorecard.
ALTER TABLE evaluations ADD conflicting_facts NVARCHAR(MAX) NULL;

-- The report's project totals (项目总金额, 执行金额), kept as written, checked against the project lines.
ALTER TABLE evaluations ADD declared_project_budget NVARCHAR(40) NULL;
ALTER TABLE evaluations ADD declared_project_executed NVARCHAR(40) NULL;
