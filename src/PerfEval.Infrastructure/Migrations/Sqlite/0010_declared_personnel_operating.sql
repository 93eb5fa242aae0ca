-- The report's split of its basic budget (人员经费, 公用经费), kept as written and checked against the
-- personnel and operating lines when the lines split basic expenditure.
ALTER TABLE evaluations ADD COLUMN declared_personnel TEXT;
ALTER TABLE evaluations ADD COLUMN declared_operating TEXT;
