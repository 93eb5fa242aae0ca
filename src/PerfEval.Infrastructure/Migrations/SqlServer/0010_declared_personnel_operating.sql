-- The report's split of its basic budget (人员经费, 公用经费), kept as written (its own decimals) and
-- checked against the personnel and operating lines when the lines split basic expenditure.
ALTER TABLE evaluations ADD declared_personnel NVARCHAR(40) NULL;
ALTER TABLE evaluations ADD declared_operating NVARCHAR(40) NULL;
