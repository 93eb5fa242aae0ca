using Microsoft.OpenApi;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Changes;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;
using PerfEval.Application.YearViews;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// What each field means, in the domain's words, with its unit, rounding and nullability: one
/// table for every schema. Keys are "Schema.property" (the schema's C# type name and the JSON
/// name); "*.property" applies wherever no type-specific entry exists. A field without an entry
/// keeps its XML doc summary, if any.
/// </summary>
internal static class SchemaDocs
{
    private const string Yuan = "Yuan (元), exact decimal shown with 2 decimals.";
    private const string Rate = "Percent, rounded to 2 decimals half away from zero (四舍五入); null when its base is 0.";
    private const string Score = "Points, rounded to 2 decimals half away from zero (四舍五入).";
    private const string AsWritten = "As the report wrote it; its number of decimals is the precision it is checked at.";

    public static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Shared names.
        ["*.departmentCode"] = "Department code (部门单位编码): ASCII letters, digits, '-' and '_', e.g. `GXQ-GYYQ`.",
        ["*.departmentName"] = "Department name (单位名称).",
        ["*.region"] = "Region (所属区域) the department belongs to, e.g. 高新区（新市区）.",
        ["*.fiscalYear"] = "Fiscal year (年度), e.g. 2024.",
        ["*.version"] = "Row version: the ETag value; send it as `If-Match: \"<version>\"` to change the resource.",
        ["*.updatedAt"] = "When the resource last changed (UTC).",
        ["*.items"] = "The page's items.",
        ["*.nextCursor"] = "Opaque cursor of the next page; pass it as `cursor`. Null on the last page.",
        ["*.expenditureClass"] = "Expenditure class (支出分类).",
        ["*.fundingSource"] = "Funding source (资金来源).",
        ["*.findingCounts"] = "Number of findings by severity.",

        // Departments.
        ["DepartmentResponse.code"] = "Department code (部门单位编码), stable: it never changes.",
        ["CreateDepartment.code"] = "Department code (部门单位编码): 1–32 ASCII letters, digits, '-' or '_', starting with a letter or digit. Stable: it cannot change later.",
        ["*.name"] = "Name.",
        ["DepartmentResponse.name"] = "Full name of the unit (单位名称).",
        ["CreateDepartment.name"] = "Full name of the unit (单位名称).",
        ["UpdateDepartment.name"] = "Full name of the unit (单位名称).",
        ["*.parentCode"] = "Code of the parent unit (上级单位), or null.",
        ["*.unitType"] = "Unit type (单位性质), e.g. 行政单位, 事业单位, 公益一类事业单位, 政府工作部门; null when not recorded.",
        ["*.level"] = "Administrative level (单位级别), e.g. 科级, 副县级; null when not recorded.",
        ["*.functions"] = "Main functions (主要职能) as the report states them; null when not recorded.",
        ["*.staffing"] = "Authorized posts (编制) and actual headcount (实有人数); null on input leaves them unrecorded.",
        ["DepartmentResponse.staffing"] = "Authorized posts (编制) and actual headcount (实有人数); each null when not recorded.",
        ["*.divisions"] = "Internal divisions (内设科室), in the report's order.",
        ["Staffing.administrative"] = "行政编制: administrative posts; null when not recorded.",
        ["Staffing.institutional"] = "事业编制: institutional posts; null when not recorded.",
        ["Staffing.logistics"] = "工勤编制: logistics posts; null when not recorded.",
        ["Staffing.actual"] = "实有人数: actual headcount; null when not recorded.",

        // Fiscal years.
        ["FiscalYearResponse.year"] = "The fiscal year (年度), a calendar year.",
        ["CreateFiscalYear.year"] = "The calendar year to open, 2000–2100.",
        ["*.status"] = "Stage of the fiscal year (open → evaluation → closed, forward only).",
        ["CreateFiscalYear.status"] = "Initial stage: open (default) or evaluation; a year cannot be created closed.",
        ["UpdateFiscalYear.status"] = "New stage, forward only (open → evaluation → closed); null keeps the current one. Closing locks the year's data.",
        ["FiscalYearResponse.scoringSchemeId"] = "Id of the scoring scheme (评分方案) the year's scorecards are computed with.",
        ["CreateFiscalYear.scoringSchemeId"] = "Id of the scoring scheme to use; null: the newest version of the `default` scheme.",
        ["UpdateFiscalYear.scoringSchemeId"] = "Id of another scoring scheme for the year's scorecards; null keeps the current one.",
        ["FiscalYearResponse.scoringSchemeCode"] = "Code of that scoring scheme, e.g. `default`.",
        ["FiscalYearResponse.scoringSchemeVersion"] = "Version number of that scoring scheme.",
        ["FiscalYearResponse.closedAt"] = "When the year was closed (UTC); null while it is open or in evaluation.",

        // Budget lines and totals.
        ["BudgetLineResponse.id"] = "Budget line id.",
        ["*.projectId"] = "The project (项目) of a project line (expenditureClass `project`); null for basic expenditure lines.",
        ["*.initialAmount"] = "年初预算数 initial budget. " + Yuan,
        ["*.adjustmentTotal"] = "Σ 年中调增/调减: the signed sum of the line's adjustments in the ledger. " + Yuan,
        ["*.adjustedAmount"] = "调整后预算数 adjusted budget = initialAmount + adjustmentTotal. " + Yuan,
        ["*.executedAmount"] = "执行数 executed amount (what was actually spent). " + Yuan,
        ["CreateBudgetLine.initialAmount"] = "年初预算数 initial budget, ≥ 0. " + Yuan,
        ["CreateBudgetLine.executedAmount"] = "执行数 executed amount, ≥ 0. " + Yuan,
        ["UpdateBudgetLine.initialAmount"] = "年初预算数 initial budget, ≥ 0. " + Yuan,
        ["UpdateBudgetLine.executedAmount"] = "执行数 executed amount, ≥ 0. " + Yuan,
        ["PreviewLine.adjustmentTotal"] = "Σ 年中调增/调减 (signed), default 0. " + Yuan,
        ["BudgetTotals.initial"] = "年初预算数 initial budget. " + Yuan,
        ["BudgetTotals.adjustments"] = "年中调整数: signed sum of the adjustments. " + Yuan,
        ["BudgetTotals.adjusted"] = "调整后全年预算数 adjusted budget = initial + adjustments. " + Yuan,
        ["BudgetTotals.executed"] = "执行数 executed amount. " + Yuan,
        ["*.adjustmentRate"] = "预算调整率 adjustment rate = adjustments / initial × 100 (signed). " + Rate,
        ["*.executionRate"] = "预算执行率 execution rate = executed / adjusted × 100. " + Rate,
        ["ExpenditureClassTotals.personnel"] = "人员经费 personnel (basic expenditure).",
        ["ExpenditureClassTotals.operating"] = "公用经费 operating (basic expenditure).",
        ["ExpenditureClassTotals.basic"] = "基本支出 basic expenditure = personnel + operating.",
        ["ExpenditureClassTotals.project"] = "项目支出 project expenditure.",
        ["FundingSourceTotals.superior"] = "上级资金 superior funds.",
        ["FundingSourceTotals.ownLevel"] = "本级资金 (本级财力) own-level funds.",
        ["FundingSourceTotals.other"] = "其他资金 other funds.",
        ["BudgetSummaryResponse.lineCount"] = "Number of budget lines of the department-year.",
        ["*.total"] = "The department-year's budget overall.",
        ["*.byExpenditureClass"] = "The budget per expenditure class.",
        ["*.byFundingSource"] = "The budget per funding source.",

        // Projects.
        ["ProjectResponse.id"] = "Project id.",
        ["ProjectResponse.name"] = "Project name (项目名称).",
        ["CreateProject.name"] = "Project name (项目名称), 1–200 characters.",
        ["UpdateProject.name"] = "Project name (项目名称), 1–200 characters.",
        ["*.onPlatform"] = "true: 线上, managed in the finance performance platform; false: 线下, tracked internally.",
        ["ProjectResponse.budget"] = "Project budget (项目预算). " + Yuan,
        ["CreateProject.budget"] = "Project budget (项目预算), ≥ 0. " + Yuan,
        ["UpdateProject.budget"] = "Project budget (项目预算), ≥ 0. " + Yuan,
        ["ProjectResponse.executed"] = "Executed amount (执行数). " + Yuan,
        ["CreateProject.executed"] = "Executed amount (执行数), ≥ 0. " + Yuan,
        ["UpdateProject.executed"] = "Executed amount (执行数), ≥ 0. " + Yuan,
        ["ProjectResponse.executionRate"] = "执行率 = executed / budget × 100. " + Rate,

        // Indicators.
        ["IndicatorResponse.id"] = "Indicator id.",
        ["*.sequence"] = "Position in the report (序号), 1–1000; unique per department-year.",
        ["CreateIndicator.sequence"] = "Position in the report (序号), 1–1000; null: after the last one.",
        ["UpdateIndicator.sequence"] = "Position in the report (序号), 1–1000; null keeps its place.",
        ["PreviewIndicator.sequence"] = "Position in the report (序号); null: its position in the list.",
        ["IndicatorResponse.name"] = "Indicator name (指标名称).",
        ["CreateIndicator.name"] = "Indicator name (指标名称), 1–200 characters.",
        ["UpdateIndicator.name"] = "Indicator name (指标名称), 1–200 characters.",
        ["PreviewIndicator.name"] = "Indicator name (指标名称).",
        ["*.category"] = "Level-1 category (一级指标).",
        ["*.subcategory"] = "Level-2 category (二级指标).",
        ["*.kind"] = "定量 quantitative or 定性 qualitative.",
        ["*.operator"] = "How the target is stated (≥, ≤, =); required for a quantitative indicator, null for a qualitative one.",
        ["*.target"] = "指标值 target value, in `unit`; required for a quantitative indicator. Exact decimal, at most 8 decimals.",
        ["*.unit"] = "Unit of target and values as the report writes it (项, 万元, %, 家 …), at most 32 characters.",
        ["*.weight"] = "分值/权重 weight in points (0–100, at most 8 decimals); null means missing: no score and no composite (a finding).",
        ["*.midYearValue"] = "年中监控完成值 mid-year monitoring value, in `unit`; null when not monitored.",
        ["*.finalValue"] = "本次评价完成值 final value, in `unit`; null while not yet evaluated (no completion, no score).",
        ["*.qualitativeTier"] = "Qualitative tier recorded by the evaluator; only for a qualitative indicator.",
        ["*.qualitativeScore"] = "The evaluator's score for a qualitative indicator, ≥ 0; it must lie in its tier's band. Null for a quantitative one.",
        ["*.deviationReason"] = "偏差原因 deviation reason; needed when completion is ≥ 120 % or < 100 %. At most 2,000 characters.",
        ["*.improvementMeasure"] = "改进措施 improvement measure, at most 2,000 characters.",
        ["*.evidence"] = "依据资料 evidence, at most 2,000 characters.",
        ["*.reviewerDeduction"] = "A reviewer's deduction in points for a target set clearly too low (10号); never applied silently: it needs `deductionReason`.",
        ["*.deductionReason"] = "Why the reviewer deducted; required when reviewerDeduction > 0.",
        ["*.declaredCompletion"] = "The report's own completion rate in percent. " + AsWritten,
        ["*.declaredScore"] = "The report's own score in points. " + AsWritten,

        // Scorecards.
        ["ScorecardResponse.departmentCode"] = "Department code; null in a preview.",
        ["ScorecardResponse.departmentName"] = "Department name (单位名称); null in a preview.",
        ["ScorecardResponse.region"] = "Region (所属区域); null in a preview.",
        ["ScorecardResponse.fiscalYear"] = "Fiscal year; null in a preview.",
        ["ScorecardResponse.scheme"] = "The scoring scheme (and version) that computed this scorecard.",
        ["ScorecardResponse.budget"] = "The budget overall: amounts, adjustment rate and execution rate.",
        ["*.executionWeight"] = "Points for budget execution (the scheme's executionWeight, default 10).",
        ["*.executionScore"] = "Execution score = executionWeight × min(executionRate / 100, 1). " + Score + " Null when the adjusted budget is 0.",
        ["ScorecardResponse.indicators"] = "Every indicator as scored, in report order.",
        ["*.weightTotal"] = "executionWeight + Σ indicator weights; should be 100 (a finding otherwise). Null when a weight is missing.",
        ["*.compositeScore"] = "综合得分 composite = executionScore + Σ indicator scores (the sum of the rounded components). " + Score + " Null when a weight or a figure is missing.",
        ["*.grade"] = "评价结果 grade of the composite (default bands: ≥ 90 优, ≥ 80 良, ≥ 60 中, below 差); null without a composite.",
        ["*.gradeLabel"] = "评价结果的中文 The grade as people read it: 优, 良, 中 or 差; null without a grade.",
        ["ScorecardResponse.declared"] = "Each figure the report declared beside the computed one; null where nothing was declared.",
        ["ScorecardResponse.findings"] = "Every finding, budget first, then indicators in order, then the composite.",
        ["ScorecardResponse.version"] = "How many times this scorecard has changed (评分卡版本): the version of entity `scorecard` in the change feed; 0 while nothing of the department-year is stored. The ETag is the response's own hash.",
        ["ScorecardResponse.evaluationVersion"] = "The stored evaluation's version (自评填报版本): what a PUT of this URL sends as `If-Match: \"<evaluationVersion>\"`; 0 while none is stored (create it with `If-None-Match: *`).",
        ["ScorecardResponse.explanations"] = "With `explain=true`: for each computed number, keyed by its JSON path (`indicators[1].completion`), the formula with the actual numbers and its inputs. Null otherwise.",
        ["SchemeReference.id"] = "Scoring scheme id.",
        ["SchemeReference.code"] = "Scoring scheme code, e.g. `default`.",
        ["SchemeReference.schemeVersion"] = "方案版本 Scoring scheme version number.",
        ["SchemeReference.name"] = "Scoring scheme name.",
        ["IndicatorScorecard.id"] = "Indicator id; null in a preview.",
        ["IndicatorScorecard.name"] = "Indicator name (指标名称).",
        ["IndicatorScorecard.weight"] = "分值/权重 weight in points, as recorded; null when missing.",
        ["IndicatorScorecard.completion"] = "完成率 completion rate in percent, uncapped and never below 0 (≥: final / target × 100; ≤: 100 when final ≤ target, else (1 − (final − target) / target) × 100; qualitative: score / weight × 100). " + Rate,
        ["IndicatorScorecard.cappedScore"] = "The rules' score = weight × min(completion / 100, 1), before any reviewer deduction. " + Score,
        ["IndicatorScorecard.deduction"] = "The reviewer's deduction applied, in points; null when none.",
        ["IndicatorScorecard.score"] = "Final score = cappedScore − deduction, never below 0. " + Score + " Null without a weight or value.",
        ["IndicatorScorecard.flags"] = "What stands out about the indicator; each flag has a finding beside it.",
        ["IndicatorScorecard.declaredCompletion"] = "The report's completion beside the computed one; null when not declared.",
        ["IndicatorScorecard.declaredScore"] = "The report's score beside the rules' score; null when not declared.",
        ["DeclaredCheck.declared"] = "The declared figure, as written.",
        ["DeclaredCheck.computed"] = "The computed figure, as shown (2 decimals); null when it cannot be computed.",
        ["DeclaredCheck.consistent"] = "true when the declared figure equals the computed one rounded to the declared figure's own decimals (a declared 100 % also accepts any computed completion ≥ 100 %).",
        ["DeclaredGradeCheck.declared"] = "The declared grade.",
        ["DeclaredGradeCheck.computed"] = "The grade of the computed composite; null without a composite.",
        ["DeclaredGradeCheck.consistent"] = "true when both grades agree.",
        ["FindingCounts.error"] = "Findings of severity error.",
        ["FindingCounts.warning"] = "Findings of severity warning.",
        ["FindingCounts.info"] = "Findings of severity info.",
        ["*.severity"] = "How serious the finding is.",
        ["*.subject"] = "What the finding is about: `budget`, `budget line 12`, `indicator 3`, `composite` or `evaluation`.",
        ["*.figures"] = "The numbers involved, by name (declared, computed, completion, threshold …); amounts in yuan, rates in percent.",
        ["*.message"] = "The finding in words, naming the numbers: Chinese by default, English when Accept-Language prefers English.",
        ["Explanation.formula"] = "The formula with the actual numbers, e.g. `max(36142.0 / 35000.0 × 100, 0)`.",
        ["Explanation.inputs"] = "The named inputs at full precision.",

        // Declared figures (the report's own numbers).
        ["DeclaredFigures.initialBudget"] = "年初预算数 declared initial budget. " + Yuan + " Null: not declared.",
        ["DeclaredFigures.adjustments"] = "年中调整数 declared adjustments (signed). " + Yuan + " Null: not declared.",
        ["DeclaredFigures.adjustedBudget"] = "调整后全年预算数 declared adjusted budget. " + Yuan + " Null: not declared.",
        ["DeclaredFigures.executed"] = "执行数 declared executed amount. " + Yuan + " Null: not declared.",
        ["DeclaredFigures.expenditureTotal"] = "支出总额 declared expenditure total. " + Yuan + " Null: not declared.",
        ["DeclaredFigures.basicExpenditure"] = "基本支出 declared basic expenditure. " + Yuan + " Null: not declared.",
        ["DeclaredFigures.projectExpenditure"] = "项目支出 declared project expenditure. " + Yuan + " Null: not declared.",
        ["DeclaredFigures.initialSuperior"] = "Declared initial budget from superior funds (上级资金). " + Yuan + " Null: not declared.",
        ["DeclaredFigures.initialOwnLevel"] = "Declared initial budget from own-level funds (本级资金). " + Yuan + " Null: not declared.",
        ["DeclaredFigures.initialOther"] = "Declared initial budget from other funds (其他资金). " + Yuan + " Null: not declared.",
        ["DeclaredFigures.adjustmentRate"] = "Declared 预算调整率 in percent. " + AsWritten + " Null: not declared.",
        ["DeclaredFigures.executionRate"] = "Declared 预算执行率 in percent. " + AsWritten + " Null: not declared.",
        ["DeclaredFigures.executionScore"] = "Declared execution score in points. " + AsWritten + " Null: not declared.",
        ["DeclaredFigures.compositeScore"] = "Declared 综合得分 in points. " + AsWritten + " Null: not declared.",
        ["DeclaredFigures.grade"] = "Declared 评价结果; null: not declared.",
        ["DeclaredComparison.initialBudget"] = "年初预算数: declared vs the sum of the lines.",
        ["DeclaredComparison.adjustments"] = "年中调整数: declared vs the sum of the lines' adjustments.",
        ["DeclaredComparison.adjustedBudget"] = "调整后全年预算数: declared vs initial + adjustments.",
        ["DeclaredComparison.executed"] = "执行数: declared vs the sum of the lines.",
        ["DeclaredComparison.expenditureTotal"] = "支出总额: declared vs the computed executed amount.",
        ["DeclaredComparison.basicExpenditure"] = "基本支出: declared vs personnel + operating executed.",
        ["DeclaredComparison.projectExpenditure"] = "项目支出: declared vs project executed.",
        ["DeclaredComparison.initialSuperior"] = "上级资金 initial budget: declared vs the lines.",
        ["DeclaredComparison.initialOwnLevel"] = "本级资金 initial budget: declared vs the lines.",
        ["DeclaredComparison.initialOther"] = "其他资金 initial budget: declared vs the lines.",
        ["DeclaredComparison.adjustmentRate"] = "预算调整率: declared vs computed.",
        ["DeclaredComparison.executionRate"] = "预算执行率: declared vs computed.",
        ["DeclaredComparison.executionScore"] = "Execution score: declared vs computed.",
        ["DeclaredComparison.compositeScore"] = "综合得分: declared vs computed (before reviewer deductions).",
        ["DeclaredComparison.grade"] = "评价结果: declared vs the grade of the computed composite.",

        // Evaluations.
        ["*.declared"] = "The report's own (declared) figures, as written; each is checked against the computed one.",
        ["*.problems"] = "存在的问题 problems found, as the report states them; at most 20,000 characters.",
        ["*.causes"] = "原因分析 causes, at most 20,000 characters.",
        ["*.improvementMeasures"] = "改进措施 improvement measures, at most 20,000 characters.",
        ["*.suggestions"] = "有关建议 suggestions, at most 20,000 characters.",
        ["*.filedOn"] = "填报日期 filing date of the report (2000-01-01 … 2101-12-31); null when not filed.",

        // Scoring schemes and previews.
        ["ScoringSchemeResponse.id"] = "Scoring scheme id (what fiscal years point to).",
        ["ScoringSchemeResponse.code"] = "Scheme code; its versions share it, e.g. `default`.",
        ["CreateScoringScheme.code"] = "Scheme code: lower-case ASCII letters, digits and '-'. An existing code gets its next version.",
        ["ScoringSchemeResponse.schemeVersion"] = "方案版本 Version number of the scheme within its code (not the ETag: see version).",
        ["*.description"] = "Free text, at most 2,000 characters; null when none.",
        ["*.settings"] = "Every number the scoring rules use.",
        ["ScoringSchemeResponse.usedByYears"] = "The fiscal years whose scorecards use this scheme.",
        ["ScoringSchemeResponse.locked"] = "true once a closed year uses the scheme: it never changes again (create the next version instead).",
        ["ScoringSchemeResponse.version"] = "Row version: the ETag value; send it as `If-Match` to change the scheme.",
        ["PreviewScorecard.lines"] = "Budget lines to score, at most 1,000.",
        ["PreviewScorecard.indicators"] = "Indicators to score, at most 200.",
        ["PreviewScorecard.declared"] = "Declared figures to check; null: none.",
        ["PreviewScorecard.schemeId"] = "Score with this stored scheme; null: the newest version of the `default` scheme.",

        // Adjustments.
        ["AdjustmentItem.departmentCode"] = "Department code of the line to adjust, e.g. `GXQ-SWJ`.",
        ["AdjustmentItem.fiscalYear"] = "Fiscal year of the line, 2000–2100; it must exist and not be closed.",
        ["*.amount"] = "Signed amount: positive 调增 increase, negative 调减 decrease. " + Yuan,
        ["AdjustmentItem.amount"] = "Signed amount: positive 调增 increase, negative 调减 decrease; not 0. " + Yuan + " A decrease may not take the line's adjusted amount below its executed amount.",
        ["*.documentNumber"] = "文号 number of the document that decided the adjustment, e.g. 新区财预〔2024〕18号.",
        ["*.reason"] = "调整原因 reason for the adjustment.",
        ["*.effectiveDate"] = "Date the adjustment takes effect (2000-01-01 … 2101-12-31).",
        ["*.sourceSystem"] = "The system that pushed the adjustment, e.g. `budget-platform`.",
        ["*.sourceItemId"] = "The adjustment's id in the source system; unique per source system (a repeat is 409).",
        ["AdjustmentItem.lineId"] = "The budget line to adjust, by id; or null and name it by expenditureClass + fundingSource (+ projectId).",
        ["AdjustmentItem.expenditureClass"] = "With fundingSource (and projectId for a project line): names the line when lineId is null.",
        ["AdjustmentItem.fundingSource"] = "With expenditureClass: names the line when lineId is null.",
        ["AdjustmentItem.projectId"] = "The project of a project line named by class and source; null otherwise.",
        ["*.reversesId"] = "The adjustment this one reverses (its exact opposite, on the same line, once); null otherwise.",
        ["PushBudgetAdjustments.adjustments"] = "1 to 10,000 adjustments, applied in order, all or nothing.",
        ["PushedAdjustments.adjustments"] = "Every adjustment the batch recorded, in the order sent.",
        ["PushedAdjustments.lines"] = "Each line the batch moved, with its new totals.",
        ["BudgetAdjustmentResponse.id"] = "Adjustment id (ledger position).",
        ["*.lineId"] = "The budget line adjusted.",
        ["BudgetAdjustmentResponse.clientName"] = "The API client that pushed it (as the audit log names it).",
        ["BudgetAdjustmentResponse.createdAt"] = "When it was recorded (UTC).",

        // Year views.
        ["ScorecardRow.initialBudget"] = "年初预算数 initial budget. " + Yuan,
        ["ScorecardRow.adjustedBudget"] = "调整后全年预算数 adjusted budget. " + Yuan,
        ["ScorecardRow.executed"] = "执行数 executed amount. " + Yuan,
        ["RankedScorecard.rank"] = "1-based place in the whole filtered, sorted ranking (ties broken by department code).",
        ["RankedScorecard.scorecard"] = "The department-year in one line.",
        ["RankedPage.total"] = "Number of rows in the whole filtered ranking with `includeTotal=true`; null otherwise.",
        ["YearSummaryResponse.year"] = "The fiscal year.",
        ["YearSummaryResponse.overall"] = "Every department of the year the client may see.",
        ["YearSummaryResponse.byRegion"] = "The same figures per region, by region name.",
        ["RegionSummary.figures"] = "The region's figures.",
        ["SummaryFigures.departmentCount"] = "Departments with budget lines or indicators in the year.",
        ["SummaryFigures.grades"] = "How many departments got each grade.",
        ["SummaryFigures.compositeScore"] = "Distribution of the composite scores (points).",
        ["SummaryFigures.executionRate"] = "Distribution of the execution rates (percent).",
        ["SummaryFigures.unitsWithErrors"] = "Departments with at least one finding of severity error.",
        ["GradeDistribution.excellent"] = "优 excellent.",
        ["GradeDistribution.good"] = "良 good.",
        ["GradeDistribution.fair"] = "中 fair.",
        ["GradeDistribution.poor"] = "差 poor.",
        ["GradeDistribution.noGrade"] = "No composite, so no grade (a weight or figure missing).",
        ["Distribution.count"] = "Number of values (departments with a value).",
        ["Distribution.average"] = "Mean, 2 decimals half away from zero; null with no values.",
        ["Distribution.min"] = "Smallest value; null with no values.",
        ["Distribution.q1"] = "First quartile (QUARTILE.INC: linear interpolation), 2 decimals; null with no values.",
        ["Distribution.median"] = "Median, 2 decimals; null with no values.",
        ["Distribution.q3"] = "Third quartile (QUARTILE.INC), 2 decimals; null with no values.",
        ["Distribution.max"] = "Largest value; null with no values.",
        ["YearFinding.code"] = "Stable finding code (see FindingResponse.code).",
        ["DepartmentEvaluationsResponse.department"] = "The department.",
        ["DepartmentEvaluationsResponse.years"] = "One row per year with budget lines or indicators, oldest first.",

        // Change feed and audit.
        ["ChangeResponse.position"] = "Position in the feed (commit order).",
        ["ChangeResponse.entityType"] = "What changed: department, fiscalYear, budgetLine, budgetAdjustment, project, indicator, evaluation or scoringScheme.",
        ["ChangeResponse.entityKey"] = "Its key: a department code, a year, an id, or `code/year` for an evaluation.",
        ["ChangeResponse.departmentCode"] = "The department the entity belongs to; null for fiscal years and scoring schemes.",
        ["ChangeResponse.version"] = "The entity's row version after the change.",
        ["ChangeResponse.operation"] = "What happened.",
        ["ChangeResponse.changedAt"] = "When the change was committed (UTC).",
        ["ChangePage.items"] = "Changes after the cursor, in commit order.",
        ["ChangePage.nextCursor"] = "Always set: where to resume, even when nothing new has come. Store it and pass it as `after`.",
        ["ChangePage.hasMore"] = "true when more changes follow right away.",
        ["AuditEventResponse.id"] = "Audit event id.",
        ["AuditEventResponse.occurredAt"] = "When the write happened (UTC).",
        ["AuditEventResponse.clientName"] = "The client that wrote (`perfeval` for the service itself, e.g. loading demo data).",
        ["AuditEventResponse.requestId"] = "The request's traceId (also sent as X-Request-Id).",
        ["AuditEventResponse.action"] = "The command, e.g. `SaveEvaluation`, `PushBudgetAdjustments`.",
        ["AuditEventResponse.entityKey"] = "The key of what was written, when there is one.",
        ["AuditEventResponse.changes"] = "What the client sent, as JSON text; for a push of adjustments, what it recorded (count, net amount, first and last ledger id, lines moved), since the ledger keeps every item.",
    };

    /// <summary>What each schema is, by C# type name (without generic arity); overrides the XML summary.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Page"] = "One page of a keyset-paged list: pass `nextCursor` as `cursor` for the next page; null on the last page.",
        ["DepartmentResponse"] = "A budget unit (部门单位).",
        ["CreateDepartment"] = "A new budget unit (部门单位).",
        ["UpdateDepartment"] = "Every field of a budget unit but its code (the route names it).",
        ["Staffing"] = "编制 authorized posts by kind, and 实有人数 the actual headcount.",
        ["FiscalYearResponse"] = "A fiscal year (年度): its stage and the scoring scheme its scorecards use.",
        ["CreateFiscalYear"] = "A fiscal year to open.",
        ["UpdateFiscalYear"] = "What changes about a fiscal year: its stage (forward only), its scoring scheme, or both.",
        ["BudgetLineResponse"] = "A budget line: one expenditure class and funding source (and, for project spending, one project) of a department-year. Its adjusted amount is derived: initial + Σ the ledger's adjustments.",
        ["CreateBudgetLine"] = "A new budget line of the department-year the route names.",
        ["UpdateBudgetLine"] = "A budget line's class, source, project and amounts; its adjustments stay in the ledger.",
        ["BudgetSummaryResponse"] = "A department-year's budget: overall, per expenditure class and per funding source.",
        ["BudgetTotals"] = "Initial, adjustments, adjusted and executed amounts in yuan (元), with the adjustment rate (预算调整率) and execution rate (预算执行率) in percent.",
        ["ExpenditureClassTotals"] = "The budget per expenditure class (支出分类).",
        ["FundingSourceTotals"] = "The budget per funding source (资金来源).",
        ["ProjectResponse"] = "A project (项目) of a department-year.",
        ["CreateProject"] = "A new project of the department the route names, in the year `?year=` names.",
        ["UpdateProject"] = "A project's fields; its department and year do not change.",
        ["IndicatorResponse"] = "A performance indicator (绩效指标) of a department-year, as the report fills it in.",
        ["CreateIndicator"] = "A new performance indicator (绩效指标) of the department-year the route names.",
        ["UpdateIndicator"] = "Every field of a performance indicator.",
        ["EvaluationResponse"] = "The evaluation's own fields: the report's declared figures, its narrative and filing date.",
        ["SaveEvaluation"] = "The evaluation's own fields to store: the report's declared figures (as written), its narrative and filing date.",
        ["DeclaredFigures"] = "The report's own (declared) figures, as written: amounts in yuan, rates in percent, scores in points. Each is checked at the number of decimals it was written with (9.8 at 1, 9.80 at 2). A field left out or null is not declared.",
        ["ScorecardResponse"] = "A department-year computed by rule. Rates in percent and scores in points, rounded to 2 decimals half away from zero (四舍五入); the composite is the sum of the rounded components.",
        ["SchemeReference"] = "The scoring scheme (评分方案) and version that computed a scorecard.",
        ["IndicatorScorecard"] = "One indicator as scored: completion rate (完成率, uncapped), the rules' capped score, the reviewer's deduction and the final score.",
        ["DeclaredCheck"] = "A declared figure beside the computed one and whether they agree.",
        ["DeclaredGradeCheck"] = "The declared grade beside the grade of the computed composite.",
        ["DeclaredComparison"] = "Each declared figure of the report beside the computed one; null where nothing was declared.",
        ["FindingCounts"] = "How many findings of each severity.",
        ["FindingResponse"] = "Something a reviewer should look at: a stable code, its severity, what it is about, the numbers involved and a message naming them.",
        ["Explanation"] = "How a number was computed: the formula with the actual numbers, and its named inputs.",
        ["PreviewScorecard"] = "A what-if payload: budget lines, indicators and declared figures to score without storing them.",
        ["PreviewLine"] = "A budget line to score.",
        ["PreviewIndicator"] = "An indicator to score.",
        ["ScoringSchemeResponse"] = "A scoring scheme (评分方案): every setting of the rules, versioned. A fiscal year points to one; a scheme a closed year uses never changes (a new version is created instead).",
        ["CreateScoringScheme"] = "A new scoring scheme, or the next version of an existing code.",
        ["UpdateScoringScheme"] = "A scoring scheme's name, description and settings.",
        ["ScoringSchemeSettings"] = "Every number the scoring rules use; the defaults are those of 财预〔2020〕10号. Percent thresholds in percent, weights and bands in points, qualitative bands as shares of the weight.",
        ["AdjustmentItem"] = "One budget adjustment (年中调增/调减) to append; it names its line by id, or by expenditure class and funding source (and project).",
        ["PushBudgetAdjustments"] = "A batch of budget adjustments, applied in order, all or nothing.",
        ["PushedAdjustments"] = "What a batch recorded: every adjustment, and the new totals of every line it moved.",
        ["AdjustedLine"] = "A budget line's totals right after the batch.",
        ["BudgetAdjustmentResponse"] = "One signed entry of the append-only adjustment ledger (年中调增/调减).",
        ["ScorecardRow"] = "A department-year in one line: what rankings, comparisons and exports show.",
        ["RankedScorecard"] = "A row of the ranking and its place.",
        ["RankedPage"] = "One page of the ranking: pass `nextCursor` as `cursor` for the next page; null on the last page.",
        ["YearSummaryResponse"] = "A year at a glance, overall and by region.",
        ["SummaryFigures"] = "Grade distribution, composite and execution-rate distributions, units with errors.",
        ["RegionSummary"] = "One region's figures.",
        ["GradeDistribution"] = "How many departments got each grade.",
        ["Distribution"] = "Count, average and quartiles (QUARTILE.INC), 2 decimals half away from zero; null with no values.",
        ["YearFinding"] = "A finding of one department's scorecard.",
        ["DepartmentEvaluationsResponse"] = "A department and its scorecards year by year, oldest first.",
        ["ChangeResponse"] = "One committed change: which entity (type and key), its version after the change, what happened, when.",
        ["ChangePage"] = "A page of the change feed; `nextCursor` is always set.",
        ["AuditEventResponse"] = "One write: who, when, under which request id, which command, about what, and what it sent.",
        ["MidpointRounding"] = "How a rate or score is rounded to the display decimals.",
    };

    /// <summary>
    /// Bounds the validators state as custom rules (Must), which cannot be read from them: keep these in
    /// step with the validators in PerfEval.Application.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Action<OpenApiSchema>> Bounds = new Dictionary<string, Action<OpenApiSchema>>(StringComparer.Ordinal)
    {
        ["PushBudgetAdjustments"] = s => Property(s, "adjustments", p => { p.MinItems = 1; p.MaxItems = PushBudgetAdjustments.MaxBatch; }),
        ["PreviewScorecard"] = s =>
        {
            Property(s, "lines", p => p.MaxItems = PreviewScorecard.MaxLines);
            Property(s, "indicators", p => p.MaxItems = PreviewScorecard.MaxIndicators);
        },
        ["CreateDepartment"] = Divisions,
        ["UpdateDepartment"] = Divisions,
        ["CreateIndicator"] = IndicatorNumbers,
        ["UpdateIndicator"] = IndicatorNumbers,
        ["ScoringSchemeSettings"] = s =>
        {
            Property(s, "displayDecimals", p => { p.Minimum = "0"; p.Maximum = "10"; });
            Property(s, "executionWeight", p => p.Minimum = "0");
        },
    };

    private static void Divisions(OpenApiSchema schema) => Property(schema, "divisions", p =>
    {
        p.MaxItems = 200;
        if (p.Items is OpenApiSchema item)
        {
            item.MinLength = 1;
            item.MaxLength = 100;
        }
    });

    private static void IndicatorNumbers(OpenApiSchema schema)
    {
        Property(schema, "weight", p => { p.Minimum = "0"; p.Maximum = "100"; });
        Property(schema, "qualitativeScore", p => p.Minimum = "0");
        Property(schema, "reviewerDeduction", p => p.Minimum = "0");
    }

    private static void Property(OpenApiSchema schema, string name, Action<OpenApiSchema> bound)
    {
        if (schema.Properties is { } properties && properties.TryGetValue(name, out var found) && found is OpenApiSchema property)
        {
            bound(property);
        }
    }

    /// <summary>The meaning of every enum value, by the value as the JSON writes it.</summary>
    public static readonly IReadOnlyDictionary<Type, IReadOnlyDictionary<string, string>> Enums = new Dictionary<Type, IReadOnlyDictionary<string, string>>
    {
        [typeof(FiscalYearStatus)] = new Dictionary<string, string>
        {
            ["open"] = "开放: budget and mid-year monitoring.",
            ["evaluation"] = "自评: the self-evaluation is being filled in.",
            ["closed"] = "已关闭: locked; every write to the year's data is refused (409).",
        },
        [typeof(ExpenditureClass)] = new Dictionary<string, string>
        {
            ["personnel"] = "人员经费 personnel (basic expenditure 基本支出).",
            ["operating"] = "公用经费 operating (basic expenditure 基本支出).",
            ["project"] = "项目支出 project expenditure; such a line may name its project.",
        },
        [typeof(FundingSource)] = new Dictionary<string, string>
        {
            ["superior"] = "上级资金 superior funds.",
            ["ownLevel"] = "本级资金 (本级财力) own-level funds.",
            ["other"] = "其他资金 other funds.",
        },
        [typeof(IndicatorCategory)] = new Dictionary<string, string>
        {
            ["output"] = "产出指标 output.",
            ["effect"] = "效益指标 effect.",
            ["satisfaction"] = "满意度指标 satisfaction.",
        },
        [typeof(IndicatorSubcategory)] = new Dictionary<string, string>
        {
            ["quantity"] = "数量指标 quantity.",
            ["quality"] = "质量指标 quality.",
            ["timeliness"] = "时效指标 timeliness.",
            ["cost"] = "成本指标 cost.",
            ["economicBenefit"] = "经济效益指标 economic benefit.",
            ["socialBenefit"] = "社会效益指标 social benefit.",
            ["ecologicalBenefit"] = "生态效益指标 ecological benefit.",
            ["sustainableBenefit"] = "可持续影响指标 sustainable impact.",
            ["serviceRecipientSatisfaction"] = "服务对象满意度指标 service recipients' satisfaction.",
        },
        [typeof(IndicatorKind)] = new Dictionary<string, string>
        {
            ["quantitative"] = "定量: scored by rule from operator, target and final value.",
            ["qualitative"] = "定性: the evaluator records a tier and a score.",
        },
        [typeof(ComparisonOperator)] = new Dictionary<string, string>
        {
            ["atLeast"] = "≥ positive indicator: completion = final / target × 100.",
            ["atMost"] = "≤ reverse indicator (e.g. cost): 100 when final ≤ target, else (1 − (final − target) / target) × 100, 0 at twice the target.",
            ["equal"] = "= scored as ≥; a final value other than the exact target is also a finding.",
        },
        [typeof(QualitativeTier)] = new Dictionary<string, string>
        {
            ["achieved"] = "达成: score in [0.8w, w].",
            ["partiallyAchieved"] = "部分达成: score in [0.6w, 0.8w).",
            ["notAchieved"] = "未达成: score in [0, 0.6w).",
        },
        [typeof(Grade)] = new Dictionary<string, string>
        {
            ["excellent"] = "优: composite ≥ 90 (default scheme).",
            ["good"] = "良: composite ≥ 80.",
            ["fair"] = "中: composite ≥ 60.",
            ["poor"] = "差: composite below 60.",
        },
        [typeof(FindingSeverity)] = new Dictionary<string, string>
        {
            ["error"] = "A figure is wrong or cannot be computed; the report needs correcting.",
            ["warning"] = "The rules ask for an explanation or a reviewer's look.",
            ["info"] = "Worth knowing; nothing to correct.",
        },
        [typeof(ChangeOperation)] = new Dictionary<string, string>
        {
            ["created"] = "The entity was created.",
            ["updated"] = "The entity changed (a budget line also when an adjustment moved it).",
            ["deleted"] = "The entity was deleted.",
        },
        [typeof(ScorecardSort)] = new Dictionary<string, string>
        {
            ["composite"] = "综合得分, highest first by default.",
            ["executionRate"] = "预算执行率, highest first by default.",
            ["name"] = "Department name, A→Z by default.",
        },
        [typeof(MidpointRounding)] = new Dictionary<string, string>
        {
            ["toEven"] = "Banker's rounding (to the even neighbour).",
            ["awayFromZero"] = "四舍五入: half away from zero (the default).",
            ["toZero"] = "Truncate toward zero.",
            ["toNegativeInfinity"] = "Round down.",
            ["toPositiveInfinity"] = "Round up.",
        },
    };

    /// <summary>Indicator flags as the scorecard names them.</summary>
    public static readonly IReadOnlyDictionary<string, string> IndicatorFlags = new Dictionary<string, string>
    {
        ["overAchieved"] = "completion ≥ the over-achievement threshold (120 %).",
        ["targetLikelyTooLow"] = "completion ≥ the target-too-low threshold (150 %).",
        ["underAchieved"] = "completion below 100 %.",
        ["equalTargetMissed"] = "an `=` target not hit exactly.",
        ["finalBelowMidYear"] = "final value below the mid-year monitoring value.",
        ["outsideTier"] = "a qualitative score outside its tier's band.",
        ["deducted"] = "a reviewer's deduction was applied.",
        ["reasonMissing"] = "the deviation (or deduction) reason the rules ask for is missing.",
    };

    public static string? For(string schema, string property) =>
        Properties.TryGetValue(schema + "." + property, out var specific) ? specific
        : Properties.TryGetValue("*." + property, out var shared) ? shared
        : null;
}
