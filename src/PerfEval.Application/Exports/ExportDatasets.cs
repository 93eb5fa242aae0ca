using System.Runtime.CompilerServices;
using System.Text.Json;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;
using PerfEval.Application.YearViews;

namespace PerfEval.Application.Exports;

/// <summary>One ranking row per department, as GET /fiscal-years/{year}/scorecards shows it.</summary>
internal static class ScorecardExport
{
    public static readonly ExportColumn<ScorecardRow>[] Columns =
    [
        new("部门编码", r => r.DepartmentCode),
        new("部门名称", r => r.DepartmentName),
        new("所属区域", r => r.Region),
        new("年度", r => r.FiscalYear),
        new("综合得分", r => r.CompositeScore),
        new("评价等级", r => r.Grade, ExportColumnKind.Label),
        new("预算执行率(%)", r => r.ExecutionRate),
        new("执行得分", r => r.ExecutionScore),
        new("年初预算数(元)", r => r.InitialBudget),
        new("调整后预算数(元)", r => r.AdjustedBudget),
        new("执行数(元)", r => r.Executed),
        new("错误数", r => r.FindingCounts.Error),
        new("警告数", r => r.FindingCounts.Warning),
        new("提示数", r => r.FindingCounts.Info),
    ];

    private const string ScorecardsSql = $"""
        SELECT {ScorecardRow.Columns}
        FROM scorecards s JOIN departments d ON d.code = s.department_code
        WHERE s.fiscal_year = @Year AND s.department_code > @After
          AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
        ORDER BY s.department_code
        LIMIT @Take
        """;

    public static async IAsyncEnumerable<ScorecardRow> RowsAsync(DbSession db, IRequestContext context, int year, [EnumeratorCancellation] CancellationToken ct)
    {
        var shown = Rounding.For((await YearScheme.LoadAsync(db, year, ct)).Settings);
        await foreach (var kept in ExportChunks.ByKeyAsync<ScorecardRow.Kept>(db, ScorecardsSql, context, year, r => r.DepartmentCode, string.Empty, ct))
        {
            yield return kept.ToRow(shown);
        }
    }
}

/// <summary>An indicator with every stored field, its department, and the completion and score the scorecard computes for it.</summary>
public sealed record IndicatorExportRow(
    long Id,
    string DepartmentCode,
    string DepartmentName,
    string Region,
    int FiscalYear,
    int Sequence,
    string Name,
    IndicatorCategory Category,
    IndicatorSubcategory Subcategory,
    IndicatorKind Kind,
    ComparisonOperator? Operator,
    decimal? Target,
    string? Unit,
    decimal? Weight,
    decimal? MidYearValue,
    decimal? FinalValue,
    QualitativeTier? QualitativeTier,
    decimal? QualitativeScore,
    decimal? Completion,
    decimal? Score,
    decimal? ReviewerDeduction,
    string? DeductionReason,
    string? DeviationReason,
    string? ImprovementMeasure,
    string? Evidence,
    decimal? DeclaredCompletion,
    decimal? DeclaredScore);

/// <summary>
/// The year's kept scorecards a chunk of departments at a time; each chunk's indicators are then read
/// in full (one more query per chunk) and joined to the completion and score their scorecard shows.
/// </summary>
internal static class IndicatorExport
{
    private const int ChunkSize = 500;

    private const string CardsSql = """
        SELECT s.department_code AS DepartmentCode, d.name AS DepartmentName, d.region AS Region, s.card AS Card
        FROM scorecards s JOIN departments d ON d.code = s.department_code
        WHERE s.fiscal_year = @Year AND s.department_code > @After
          AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
        ORDER BY s.department_code
        LIMIT @Take
        """;

    private const string IndicatorsSql = $"""
        SELECT {IndicatorResponse.Columns} FROM indicators
        WHERE fiscal_year = @Year AND department_code IN @Codes
        ORDER BY department_code, sequence
        """;

    public static readonly ExportColumn<IndicatorExportRow>[] Columns =
    [
        new("部门编码", r => r.DepartmentCode),
        new("部门名称", r => r.DepartmentName),
        new("所属区域", r => r.Region),
        new("年度", r => r.FiscalYear),
        new("序号", r => r.Sequence),
        new("指标名称", r => r.Name),
        new("一级指标", r => r.Category, ExportColumnKind.Label),
        new("二级指标", r => r.Subcategory, ExportColumnKind.Label),
        new("指标性质", r => r.Kind, ExportColumnKind.Label),
        new("比较方式", r => r.Operator, ExportColumnKind.Label),
        new("指标值", r => r.Target),
        new("计量单位", r => r.Unit),
        new("分值", r => r.Weight),
        new("年中完成值", r => r.MidYearValue),
        new("全年完成值", r => r.FinalValue),
        new("定性档次", r => r.QualitativeTier, ExportColumnKind.Label),
        new("定性评分", r => r.QualitativeScore),
        new("完成率(%)", r => r.Completion),
        new("得分", r => r.Score),
        new("复核扣分", r => r.ReviewerDeduction),
        new("扣分原因", r => r.DeductionReason),
        new("偏差原因", r => r.DeviationReason),
        new("改进措施", r => r.ImprovementMeasure),
        new("依据资料", r => r.Evidence),
        new("自评完成率(%)", r => r.DeclaredCompletion),
        new("自评得分", r => r.DeclaredScore),
        new("指标ID", r => r.Id),
    ];

    public static async IAsyncEnumerable<IndicatorExportRow> RowsAsync(DbSession db, IRequestContext context, int year, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var cards in ExportChunks.ChunksAsync<KeptCard>(db, CardsSql, context, year, c => c.DepartmentCode, string.Empty, ChunkSize, ct))
        {
            var departments = cards.ToDictionary(c => c.DepartmentCode);
            var scores = cards
                .SelectMany(c => JsonSerializer.Deserialize<StoredScorecard>(c.Card, StoredScorecard.Json)!.Indicators)
                .Where(i => i.Id is not null)
                .ToDictionary(i => i.Id!.Value);
            foreach (var i in await db.QueryAsync<IndicatorResponse>(IndicatorsSql, new { Year = year, Codes = departments.Keys.ToArray() }, ct))
            {
                yield return Row(i, departments[i.DepartmentCode], scores.GetValueOrDefault(i.Id));
            }
        }
    }

    /// <summary>Completion and score as the scorecard shows them.</summary>
    private static IndicatorExportRow Row(IndicatorResponse i, KeptCard department, IndicatorScorecard? score) => new(
        i.Id, i.DepartmentCode, department.DepartmentName, department.Region, i.FiscalYear, i.Sequence, i.Name, i.Category, i.Subcategory,
        i.Kind, i.Operator, i.Target, i.Unit, i.Weight, i.MidYearValue, i.FinalValue, i.QualitativeTier, i.QualitativeScore,
        score?.Completion, score?.Score, i.ReviewerDeduction, i.DeductionReason, i.DeviationReason,
        i.ImprovementMeasure, i.Evidence, i.DeclaredCompletion, i.DeclaredScore);

    private sealed record KeptCard
    {
        public required string DepartmentCode { get; init; }
        public required string DepartmentName { get; init; }
        public required string Region { get; init; }
        public required string Card { get; init; }
    }
}

/// <summary>A budget line with its department's name and its project's.</summary>
public sealed record BudgetLineExportRow
{
    public long Id { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public required string Region { get; init; }
    public int FiscalYear { get; init; }
    public ExpenditureClass ExpenditureClass { get; init; }
    public FundingSource FundingSource { get; init; }
    public long? ProjectId { get; init; }
    public string? ProjectName { get; init; }
    public decimal InitialAmount { get; init => field = Rounding.Money(value); }
    public decimal AdjustmentTotal { get; init => field = Rounding.Money(value); }
    public decimal AdjustedAmount => InitialAmount + AdjustmentTotal;
    public decimal ExecutedAmount { get; init => field = Rounding.Money(value); }
}

internal static class BudgetLineExport
{
    private const string LinesSql = """
        SELECT l.id AS Id, l.department_code AS DepartmentCode, d.name AS DepartmentName, d.region AS Region,
               l.fiscal_year AS FiscalYear, l.expenditure_class AS ExpenditureClass, l.funding_source AS FundingSource,
               l.project_id AS ProjectId, p.name AS ProjectName, l.initial_amount AS InitialAmount,
               l.adjustment_total AS AdjustmentTotal, l.executed_amount AS ExecutedAmount
        FROM budget_lines l
        JOIN departments d ON d.code = l.department_code
        LEFT JOIN projects p ON p.id = l.project_id
        WHERE l.fiscal_year = @Year AND l.id > @After
          AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
        ORDER BY l.id
        LIMIT @Take
        """;

    public static readonly ExportColumn<BudgetLineExportRow>[] Columns =
    [
        new("部门编码", r => r.DepartmentCode),
        new("部门名称", r => r.DepartmentName),
        new("所属区域", r => r.Region),
        new("年度", r => r.FiscalYear),
        new("支出分类", r => r.ExpenditureClass, ExportColumnKind.Label),
        new("资金来源", r => r.FundingSource, ExportColumnKind.Label),
        new("项目ID", r => r.ProjectId),
        new("项目名称", r => r.ProjectName),
        new("年初预算数(元)", r => r.InitialAmount),
        new("调整数(元)", r => r.AdjustmentTotal),
        new("调整后预算数(元)", r => r.AdjustedAmount),
        new("执行数(元)", r => r.ExecutedAmount),
        new("预算行ID", r => r.Id),
    ];

    public static IAsyncEnumerable<BudgetLineExportRow> RowsAsync(DbSession db, IRequestContext context, int year, CancellationToken ct) =>
        ExportChunks.ByKeyAsync<BudgetLineExportRow>(db, LinesSql, context, year, r => r.Id, 0L, ct);
}

/// <summary>The year's ledger entries, in append order, as GET /budget-adjustments lists them.</summary>
internal static class AdjustmentExport
{
    private const string AdjustmentsSql = $"""
        SELECT {BudgetAdjustmentResponse.Columns} FROM budget_adjustments a
        WHERE a.fiscal_year = @Year AND a.id > @After
          AND (@Unrestricted = 1 OR a.department_code IN @Departments
               OR a.department_code IN (SELECT d.code FROM departments d WHERE d.region IN @Regions))
        ORDER BY a.id
        LIMIT @Take
        """;

    public static readonly ExportColumn<BudgetAdjustmentResponse>[] Columns =
    [
        new("调整ID", r => r.Id),
        new("预算行ID", r => r.LineId),
        new("部门编码", r => r.DepartmentCode),
        new("年度", r => r.FiscalYear),
        new("调整金额(元)", r => r.Amount),
        new("文号", r => r.DocumentNumber),
        new("调整原因", r => r.Reason),
        new("生效日期", r => r.EffectiveDate),
        new("来源系统", r => r.SourceSystem),
        new("来源单号", r => r.SourceItemId),
        new("冲销调整ID", r => r.ReversesId),
        new("提交方", r => r.ClientName),
        new("记录时间(UTC)", r => r.CreatedAt),
    ];

    public static IAsyncEnumerable<BudgetAdjustmentResponse> RowsAsync(DbSession db, IRequestContext context, int year, CancellationToken ct) =>
        ExportChunks.ByKeyAsync<BudgetAdjustmentResponse>(db, AdjustmentsSql, context, year, r => r.Id, 0L, ct);
}

internal static class ExportChunks
{
    public const int Size = 1_000;

    /// <summary>Keyset paging by id or code, row by row (<see cref="ChunksAsync"/>).</summary>
    public static async IAsyncEnumerable<T> ByKeyAsync<T>(
        DbSession db, string sql, IRequestContext context, int year, Func<T, object> keyOf, object start, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in ChunksAsync(db, sql, context, year, keyOf, start, Size, ct))
        {
            foreach (var row in chunk)
            {
                yield return row;
            }
        }
    }

    /// <summary>Keyset paging by id or code: each chunk starts after the last key of the one before, so every chunk costs the same.</summary>
    public static async IAsyncEnumerable<List<T>> ChunksAsync<T>(
        DbSession db, string sql, IRequestContext context, int year, Func<T, object> keyOf, object start, int size, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = start;
        while (true)
        {
            var rows = (await db.QueryAsync<T>(sql, new
            {
                Year = year,
                After = after,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
                Take = size,
            }, ct)).ToList();
            if (rows.Count > 0)
            {
                yield return rows;
            }

            if (rows.Count < size)
            {
                yield break;
            }

            after = keyOf(rows[^1]);
        }
    }
}

/// <summary>The Chinese names a reader of the file expects (the API's JSON, and NDJSON, keep the camelCase codes).</summary>
internal static class ExportLabels
{
    private static readonly Dictionary<Enum, string> Labels = new()
    {
        [Grade.Excellent] = GradeLabels.Zh(Grade.Excellent),
        [Grade.Good] = GradeLabels.Zh(Grade.Good),
        [Grade.Fair] = GradeLabels.Zh(Grade.Fair),
        [Grade.Poor] = GradeLabels.Zh(Grade.Poor),
        [ExpenditureClass.Personnel] = "人员经费",
        [ExpenditureClass.Operating] = "公用经费",
        [ExpenditureClass.Project] = "项目支出",
        [ExpenditureClass.Basic] = "基本支出（未分人员、公用）",
        [FundingSource.Superior] = "上级资金",
        [FundingSource.OwnLevel] = "本级资金",
        [FundingSource.Other] = "其他资金",
        [FundingSource.Unstated] = "未注明",
        [IndicatorCategory.Output] = "产出指标",
        [IndicatorCategory.Effect] = "效益指标",
        [IndicatorCategory.Satisfaction] = "满意度指标",
        [IndicatorCategory.Unstated] = "未注明",
        [IndicatorSubcategory.Quantity] = "数量指标",
        [IndicatorSubcategory.Quality] = "质量指标",
        [IndicatorSubcategory.Timeliness] = "时效指标",
        [IndicatorSubcategory.Cost] = "成本指标",
        [IndicatorSubcategory.EconomicBenefit] = "经济效益指标",
        [IndicatorSubcategory.SocialBenefit] = "社会效益指标",
        [IndicatorSubcategory.EcologicalBenefit] = "生态效益指标",
        [IndicatorSubcategory.SustainableBenefit] = "可持续影响指标",
        [IndicatorSubcategory.ServiceRecipientSatisfaction] = "服务对象满意度指标",
        [IndicatorSubcategory.Unstated] = "未注明",
        [IndicatorKind.Quantitative] = "定量",
        [IndicatorKind.Qualitative] = "定性",
        [ComparisonOperator.AtLeast] = "≥",
        [ComparisonOperator.AtMost] = "≤",
        [ComparisonOperator.Equal] = "＝", // full-width: a leading "=" would read as a formula in a spreadsheet
        [QualitativeTier.Achieved] = "达成",
        [QualitativeTier.PartiallyAchieved] = "部分达成",
        [QualitativeTier.NotAchieved] = "未达成",
        [MonitoringLight.Red] = "红灯",
        [MonitoringLight.Yellow] = "黄灯",
        [MonitoringLight.Green] = "绿灯",
        [MonitoringLight.Blue] = "蓝灯",
    };

    public static string? Of(Enum? value) => value is null ? null : Labels.GetValueOrDefault(value, value.ToString());
}
