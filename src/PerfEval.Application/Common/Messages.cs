namespace PerfEval.Application.Common;

/// <summary>
/// The project's own validation and rule messages, in Chinese and English, in one place (the
/// built-in FluentValidation ones come from its LanguageManager in the same language).
/// </summary>
public static class Messages
{
    public static readonly LocalText AtMostTwoDecimals = new("“{PropertyName}”最多只能有 2 位小数（元）。", "'{PropertyName}' must have at most 2 decimals (yuan, 元).");
    public static readonly LocalText AtMostEightDecimals = new("“{PropertyName}”最多只能有 8 位小数。", "'{PropertyName}' must have at most 8 decimals.");
    public static readonly LocalText OutOfRange = new("“{PropertyName}”超出允许范围。", "'{PropertyName}' is out of range.");
    public static readonly LocalText DepartmentCodeRule = new(
        $"“{{PropertyName}}”只能由 ASCII 字母、数字、“-”或“_”组成（最多 {DomainRules.MaxDepartmentCode} 个字符）。",
        $"'{{PropertyName}}' must be ASCII letters, digits, '-' or '_' (at most {DomainRules.MaxDepartmentCode}).");
    public static readonly LocalText LimitRange = new($"limit 必须在 1 到 {Paging.MaxLimit} 之间。", $"limit must be between 1 and {Paging.MaxLimit}.");
    public static readonly LocalText InvalidCursor = new("该游标不是本服务签发的。", "The cursor is not one this service issued.");
    public static readonly LocalText OwnParent = new("部门不能是自己的上级。", "A department cannot be its own parent.");
    public static readonly LocalText TooManyDivisions = new("内设机构最多 200 个。", "At most 200 divisions.");
    public static readonly LocalText RegionOutsideLimits = new("此客户端不能把部门放在“{0}”区域。", "This client may not place a department in region '{0}'.");
    public static readonly LocalText ParentMissing = new("上级部门“{0}”不存在。", "Parent department '{0}' does not exist.");
    public static readonly LocalText DepartmentExists = new("部门“{0}”已存在。", "Department '{0}' already exists.");
    public static readonly LocalText ProjectOnlyOnProjectLine = new("只有项目支出行（expenditureClass 为 'project'）才能指定项目。", "Only a project line (expenditureClass 'project') names a project.");
    public static readonly LocalText ProjectNotOfDepartment = new("项目 {0} 不是 {1} 在 {2} 年度的项目。", "Project {0} is not a project of {1} in {2}.");
    public static readonly LocalText DuplicateLine = new("{0} 在 {3} 年度已有资金来源为 {2} 的 {1} 预算行{4}。", "{0} already has a {1} line funded by {2}{4} in {3}.");
    public static readonly LocalText ForProject = new("（项目 {0}）", " for project {0}");
    public static readonly LocalText SchemeLocked = new(
        "评分方案 {0} v{1} 已被已关闭年度使用，不能修改；请改为创建版本 {2}（POST /api/v1/scoring-schemes，code 为 '{0}'）。",
        "Scoring scheme {0} v{1} is used by a closed year and cannot change; create version {2} instead (POST /api/v1/scoring-schemes with code '{0}').");
    public static readonly LocalText SchemeCode = new("“{PropertyName}”只能由小写 ASCII 字母、数字和“-”组成。", "'{PropertyName}' must be lower-case ASCII letters, digits and '-'.");
    public static readonly LocalText DuplicateIndicator = new("{0} 在 {2} 年度已有序号为 {1} 的指标。", "{0} already has an indicator numbered {1} in {2}.");
    public static readonly LocalText OperatorNeeded = new("定量指标需要比较方式（atLeast ≥、atMost ≤、equal =）。", "A quantitative indicator needs an operator (atLeast ≥, atMost ≤, equal =).");
    public static readonly LocalText TargetNeeded = new("定量指标需要目标值。", "A quantitative indicator needs a target value.");
    public static readonly LocalText TierOnlyQualitative = new("只有定性指标才有评价等级。", "Only a qualitative indicator has a tier.");
    public static readonly LocalText ScoreOnlyQualitative = new("只有定性指标才有评价人给分；定量指标按规则计分。", "Only a qualitative indicator has an evaluator's score; a quantitative one is scored by rule.");
    public static readonly LocalText TierNeedsScore = new("定性评价等级需要评价人给分。", "A qualitative tier needs the evaluator's score.");
    public static readonly LocalText Between0And100 = new("“{PropertyName}”必须在 0 到 100 之间。", "'{PropertyName}' must be between 0 and 100.");
    public static readonly LocalText NotNegative = new("“{PropertyName}”不能为负数。", "'{PropertyName}' cannot be negative.");
    public static readonly LocalText DeductionReason = new("复核扣分不会无故生效：请说明扣分理由。", "A reviewer's deduction is never applied silently: give its reason.");
    public static readonly LocalText YearNotClosedAtCreation = new("财政年度不能以已关闭状态创建。", "A fiscal year cannot be created closed.");
    public static readonly LocalText YearExists = new("{0} 财政年度已存在。", "Fiscal year {0} already exists.");
    public static readonly LocalText StatusOrScheme = new("请提供 status、scoringSchemeId 或两者。", "Give a status, a scoringSchemeId or both.");
    public static readonly LocalText YearForwardOnly = new("财政年度只能向前推进：{0} 不能回到 {1}。", "A fiscal year moves forward only: {0} cannot go back to {1}.");
    public static readonly LocalText SchemeMissing = new("评分方案 {0} 不存在。", "Scoring scheme {0} does not exist.");
    public static readonly LocalText LeaseLost = new("幂等键“{0}”已不再由此请求持有（其租约已于 {1} 到期）；请用同一个键重试。", "Idempotency key '{0}' is no longer held by this request (its lease ran out at {1}); retry with the same key.");
    public static readonly LocalText KeyInFlight = new("使用 Idempotency-Key“{0}”的请求仍在处理中；请在其完成后重试。", "A request with Idempotency-Key '{0}' is still being processed; retry after it completes.");
    public static readonly LocalText KeyReused = new("Idempotency-Key“{0}”已用于另一个请求内容；新请求请使用新键。", "Idempotency-Key '{0}' was already used with a different payload; use a new key for a new request.");

    // The adjustment push: each item's failures, named by its index.
    public static readonly LocalText BatchSize = new("一批包含 1 到 {0} 条调整。", "A batch holds 1 to {0} adjustments.");
    public static readonly LocalText AmountNotZero = new("“amount”不能为 0：一笔调整使预算行调增或调减。", "'amount' must not be 0: an adjustment moves a line up or down.");
    public static readonly LocalText NameTheLine = new(
        "请用 lineId 指明预算行，或用 expenditureClass 和 fundingSource（项目支出行再加 projectId）。",
        "Name the line by lineId, or by expenditureClass and fundingSource (and projectId for a project line).");
    public static readonly LocalText ItemsRefused = new("{1} 条调整中有 {0} 条不能入账；未记录任何调整。", "{0} of {1} adjustments cannot be applied; nothing was recorded.");
    public static readonly LocalText ReversedMeanwhile = new("本批冲销的某笔调整已被另一请求同时冲销；未记录任何调整。", "An adjustment this batch reverses was reversed by another request meanwhile; nothing was recorded.");
    public static readonly LocalText LineBelowExecutedNow = new("预算行 {0} 的调整后预算数将降至 {1}，低于已执行的 {2}；未记录任何调整。", "Line {0}'s adjusted amount would fall to {1}, below the {2} already executed; nothing was recorded.");
    public static readonly LocalText YearMissing = new("{0} 财政年度不存在。", "Fiscal year {0} does not exist.");
    public static readonly LocalText YearClosedForBudget = new("{0} 财政年度已关闭，预算不能再变动。", "Fiscal year {0} is closed; its budget can no longer change.");
    public static readonly LocalText DepartmentMissing = new("部门“{0}”不存在。", "Department '{0}' does not exist.");
    public static readonly LocalText LineMissing = new("{0} 在 {2} 年度没有预算行 {1}。", "{0} has no budget line {1} in {2}.");
    public static readonly LocalText LineOfKindMissing = new("{0} 在 {3} 年度没有资金来源为 {2} 的 {1} 预算行{4}。", "{0} has no {1} line funded by {2}{4} in {3}.");
    public static readonly LocalText LineBelowExecuted = new("该预算行的调整后预算数将降至 {0}，低于已执行的 {1}。", "The line's adjusted amount would fall to {0}, below the {1} already executed.");
    public static readonly LocalText LineOverMaximum = new("该预算行的调整后预算数将达到 {0}，超出金额上限 {1}。", "The line's adjusted amount would reach {0}, beyond the largest amount held, {1}.");
    public static readonly LocalText AdjustmentMissing = new("调整 {0} 不存在。", "Adjustment {0} does not exist.");
    public static readonly LocalText ReversalNotOpposite = new("冲销必须与调整 {1} 完全相反（{0}），且在其预算行 {2} 上。", "A reversal must be the exact opposite ({0}) of adjustment {1}, on its line {2}.");
    public static readonly LocalText AlreadyReversed = new("调整 {0} 已被冲销；一笔调整只能冲销一次。", "Adjustment {0} is already reversed; an adjustment is reversed once.");
    public static readonly LocalText SourceItemsRecorded = new("{0} 个来源条目此前已记录；未记录任何调整。", "{0} source items were already recorded; nothing was recorded.");
    public static readonly LocalText SourceItemRecorded = new("{0} 的条目“{1}”此前已记录。", "{0} item '{1}' was already recorded.");

    public static readonly LocalText AtMostLines = new("最多 {0} 个预算行。", "At most {0} lines.");
    public static readonly LocalText AtMostIndicators = new("最多 {0} 个指标。", "At most {0} indicators.");

    // The words of explained scorecards' formulas (explain=true); the numbers stay as they are.
    public static readonly LocalText NoQualitativeCompletion = new("无完成率：需要定性评分和大于 0 的分值", "no completion: a qualitative score and a positive weight are needed");
    public static readonly LocalText NoQuantitativeCompletion = new("无完成率：需要比较方式、目标值和完成值", "no completion: an operator, a target and a final value are needed");
    public static readonly LocalText TargetNotAbove0 = new("（目标值不大于 0）", " (target not above 0)");
    public static readonly LocalText ScoredAsAtLeast = new("按 ≥ 计分：", "scored as ≥: ");
    public static readonly LocalText NoScoreWithoutWeight = new("无得分：需要分值和完成率", "no score: a weight and a completion rate are needed");
    public static readonly LocalText NoScore = new("无得分", "no score");
    public static readonly LocalText NoDeduction = new("（无复核扣分）", " (no reviewer deduction)");
    public static readonly LocalText NoExecutionScore = new("无预算执行率（调整后预算数为 0）：无执行得分", "no execution rate (adjusted budget is 0): no execution score");
    public static readonly LocalText NoAdjustmentRate = new("年初预算数为 0：无预算调整率", "initial budget is 0: no adjustment rate");
    public static readonly LocalText NoExecutionRate = new("调整后预算数为 0：无预算执行率", "adjusted budget is 0: no execution rate");
    public static readonly LocalText NoWeightTotal = new("缺少分值：无分值合计", "a weight is missing: no weight total");
    public static readonly LocalText NoCompositeWithoutExecution = new("无执行得分：无综合得分", "no execution score: no composite");
    public static readonly LocalText NoCompositeWithoutIndicator = new("指标 {0} 无得分：无综合得分", "indicator {0} has no score: no composite");
    public static readonly LocalText NoLines = new("0.00（无预算行）", "0.00 (no lines)");
    public static readonly LocalText ZeroWeight = new("分值为 0 → 0", "weight 0 → 0");

    // Report imports: review and commit.
    public static readonly LocalText ImportMissing = new("缺失：报告中未找到，请在草稿中补充（PATCH）。", "Missing: not found in the report; set it in the draft (PATCH).");
    public static readonly LocalText ImportConflicting = new("冲突：报告中印有不同的值（{0}），请在草稿中选定（PATCH）。", "Conflicting: the report prints different values ({0}); choose one in the draft (PATCH).");
    public static readonly LocalText ImportBasicAboveInitial = new("基本支出预算 {0} 元大于年初预算数 {1} 元，无法拆分为基本支出和项目支出。", "The basic budget of {0} yuan is above the initial budget of {1} yuan: the budget cannot be split into basic and project lines.");
    public static readonly LocalText ImportBasicAboveExecuted = new("基本支出执行数 {0} 元大于执行数 {1} 元，无法拆分为基本支出和项目支出。", "Basic expenditure of {0} yuan is above the amount spent, {1} yuan: it cannot be split into basic and project lines.");
    public static readonly LocalText ImportUnknownCategory = new("无法识别的指标类别“{0}”，请改为已有类别或删除（未注明）。", "Indicator category '{0}' is not one the service knows; correct it or clear it (unstated).");
    public static readonly LocalText ImportAdjustmentReason = new("自评报告所列年中预算调整合计", "Mid-year adjustments in total, as the self-evaluation report states them");
    public static readonly LocalText ImportNotCommittable = new("草稿中有缺失或冲突的字段，不能提交：见 errors。", "The draft has missing or conflicting fields and cannot be committed: see errors.");
    public static readonly LocalText ImportYearHasData = new(
        "{0} 在 {1} 年度已有数据；如要以此报告替换，请以 replace=true 提交。",
        "{0} already has data in {1}; to replace it with this report, commit with replace=true.");
    public static readonly LocalText ImportReplacedReason = new("以导入的自评报告 {0} 替换", "Replaced by imported report {0}");
    public static readonly LocalText ImportBadPatchPath = new("“{0}”不是草稿中可更正的字段。", "'{0}' is not a field of the draft that can be corrected.");
    public static readonly LocalText ImportBadPatchValue = new("“{0}”的值不符合该字段的类型：{1}", "The value of '{0}' does not fit the field: {1}");
    public static readonly LocalText ImportAlreadyCommitted = new("报告导入 {0} 已提交，草稿不能再修改。", "Report import {0} is committed; its draft can no longer change.");
    public static readonly LocalText ImportPatchEmpty = new("请至少更正一个字段（fields）。", "Correct at least one field (fields).");
    public static readonly LocalText MonitoringRoundExists = new("{0} 在 {1} 年度已有截至 {2} 的监控轮次。", "{0} already has a monitoring round as of {2} in {1}.");
    public static readonly LocalText AsOfOutsideYear = new("监控截止日期必须在 {0} 年度内。", "The as-of date must lie in fiscal year {0}.");
    public static readonly LocalText ExecutedLineOrClass = new("每项执行数须给出预算行（lineId）或支出类别（expenditureClass），二者只能有一个。", "Each executed amount names a budget line (lineId) or an expenditure class (expenditureClass), not both.");
    public static readonly LocalText ExecutedDuplicate = new("同一预算行或支出类别的执行数只能给一次。", "A budget line or expenditure class is given once.");
    public static readonly LocalText ExecutedLineMissing = new("预算行 {0} 不是 {1} 在 {2} 年度的预算行。", "Budget line {0} is not a line of {1} in {2}.");
    public static readonly LocalText ExecutedClassTwice = new("支出类别 {0} 已按预算行给出执行数，不能再按类别给出。", "Expenditure class {0} is already given by its lines; it cannot also be given as a class.");
    public static readonly LocalText ProgressDuplicate = new("同一指标在一个监控轮次中只能出现一次。", "An indicator appears once in a monitoring round.");
    public static readonly LocalText ProgressIndicatorMissing = new("指标 {0} 不是 {1} 在 {2} 年度的指标。", "Indicator {0} is not an indicator of {1} in {2}.");
    public static readonly LocalText ProgressTierOnlyQualitative = new("指标 {0} 是定量指标：请给出当前值（currentValue），而非评价等级。", "Indicator {0} is quantitative: give its current value (currentValue), not a tier.");
    public static readonly LocalText ProgressValueOnlyQuantitative = new("指标 {0} 是定性指标：请给出当前评价等级（currentTier），而非数值。", "Indicator {0} is qualitative: give its current tier (currentTier), not a value.");
}
