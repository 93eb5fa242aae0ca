using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PerfEval.Application.Common;
using PerfEval.Application.Budgets;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Evaluations;

/// <summary>Which language finding messages are written in (Accept-Language; Chinese by default).</summary>
public enum MessageLanguage
{
    /// <summary>Chinese (the default).</summary>
    Chinese,
    /// <summary>English.</summary>
    English,
}

/// <summary>The scoring scheme (评分方案) and version that computed a scorecard.</summary>
/// <param name="Id">Scoring scheme id.</param>
/// <param name="Code">Scoring scheme code, e.g. `default`.</param>
/// <param name="SchemeVersion">方案版本 Scoring scheme version number.</param>
/// <param name="Name">Scoring scheme name.</param>
public sealed record SchemeReference(long Id, string Code, int SchemeVersion, string Name);

/// <summary>One indicator as scored: completion rate (完成率, uncapped), the rules' capped score, the reviewer's deduction and the final score.</summary>
/// <param name="Id">Indicator id; null in a preview.</param>
/// <param name="Sequence"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Sequence"/></param>
/// <param name="Name">Indicator name (指标名称).</param>
/// <param name="Kind"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Kind"/></param>
/// <param name="Weight">分值/权重 weight in points, as recorded; null when missing.</param>
/// <param name="Completion">完成率 completion rate in percent, uncapped and never below 0 (≥: final / target × 100; ≤: 100 when final ≤ target, else (1 − (final − target) / target) × 100; qualitative: score / weight × 100). Percent, rounded to 2 decimals half away from zero (四舍五入); null when its base is 0.</param>
/// <param name="CappedScore">The rules' score = weight × min(completion / 100, 1), before any reviewer deduction. Points, rounded to 2 decimals half away from zero (四舍五入).</param>
/// <param name="Deduction">The reviewer's deduction applied, in points; null when none.</param>
/// <param name="Score">Final score = cappedScore − deduction, never below 0. Points, rounded to 2 decimals half away from zero (四舍五入). Null without a weight or value.</param>
/// <param name="Flags">What stands out about the indicator; each flag has a finding beside it.</param>
/// <param name="DeclaredCompletion">The report's completion beside the computed one; null when not declared.</param>
/// <param name="DeclaredScore">The report's score beside the rules' score; null when not declared.</param>
public sealed record IndicatorScorecard(
    long? Id,
    int Sequence,
    string Name,
    IndicatorKind Kind,
    decimal? Weight,
    decimal? Completion,
    decimal? CappedScore,
    decimal? Deduction,
    decimal? Score,
    IReadOnlyList<string> Flags,
    DeclaredCheck? DeclaredCompletion,
    DeclaredCheck? DeclaredScore);

/// <summary>Something a reviewer should look at: a stable code, its severity, what it is about, the numbers involved and a message naming them.</summary>
/// <param name="Code">Stable finding code: clients may switch on it.</param>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Subject">What the finding is about: `budget`, `budget line 12`, `indicator 3`, `composite` or `evaluation`.</param>
/// <param name="Figures">The numbers involved, by name (declared, computed, completion, threshold …); amounts in yuan, rates in percent.</param>
/// <param name="Message">The finding in words, naming the numbers: Chinese by default, English when Accept-Language prefers English.</param>
public sealed record FindingResponse(string Code, FindingSeverity Severity, string Subject, IReadOnlyDictionary<string, decimal?> Figures, string Message);

/// <summary>How many findings of each severity.</summary>
/// <param name="Error">Findings of severity error.</param>
/// <param name="Warning">Findings of severity warning.</param>
/// <param name="Info">Findings of severity info.</param>
public sealed record FindingCounts(int Error, int Warning, int Info);

/// <summary>A department-year computed by rule. Rates in percent and scores in points, rounded to 2 decimals half away from zero (四舍五入); the composite is the sum of the rounded components.</summary>
/// <param name="DepartmentCode">Department code; null in a preview.</param>
/// <param name="DepartmentName">Department name (单位名称); null in a preview.</param>
/// <param name="Region">Region (所属区域); null in a preview.</param>
/// <param name="FiscalYear">Fiscal year; null in a preview.</param>
/// <param name="Scheme">The scoring scheme (and version) that computed this scorecard.</param>
/// <param name="Budget">The budget overall: amounts, adjustment rate and execution rate.</param>
/// <param name="ByExpenditureClass"><inheritdoc cref="PerfEval.Application.Budgets.BudgetSummaryResponse.ByExpenditureClass"/></param>
/// <param name="ByFundingSource"><inheritdoc cref="PerfEval.Application.Budgets.BudgetSummaryResponse.ByFundingSource"/></param>
/// <param name="ExecutionWeight">Points for budget execution (the scheme's executionWeight, default 10).</param>
/// <param name="ExecutionScore">Execution score = executionWeight × min(executionRate / 100, 1). Points, rounded to 2 decimals half away from zero (四舍五入). Null when the adjusted budget is 0.</param>
/// <param name="Indicators">Every indicator as scored, in report order.</param>
/// <param name="WeightTotal">executionWeight + Σ indicator weights; should be 100 (a finding otherwise). Null when a weight is missing.</param>
/// <param name="CompositeScore">综合得分 composite = executionScore + Σ indicator scores (the sum of the rounded components). Points, rounded to 2 decimals half away from zero (四舍五入). Null when a weight or a figure is missing.</param>
/// <param name="Grade">评价结果 grade of the composite (default bands: ≥ 90 优, ≥ 80 良, ≥ 60 中, below 差); null without a composite.</param>
/// <param name="GradeLabel">评价结果的中文 The grade as people read it: 优, 良, 中 or 差; null without a grade.</param>
/// <param name="Declared">Each figure the report declared beside the computed one; null where nothing was declared.</param>
/// <param name="FindingCounts">Number of findings by severity.</param>
/// <param name="Findings">Every finding, budget first, then indicators in order, then the composite.</param>
/// <param name="Explanations">With `explain=true`: for each computed number, keyed by its JSON path (`indicators[1].completion`), the formula with the actual numbers and its inputs. Null otherwise.</param>
/// <param name="Version">How many times this scorecard has changed (评分卡版本): the version of entity `scorecard` in the change feed; 0 while nothing of the department-year is stored. The ETag is the response's own hash.</param>
/// <param name="EvaluationVersion">The stored evaluation's version (自评填报版本): what a PUT of this URL sends as `If-Match: "&lt;evaluationVersion&gt;"`; 0 while none is stored (create it with `If-None-Match: *`).</param>
public sealed record ScorecardResponse(
    string? DepartmentCode,
    string? DepartmentName,
    string? Region,
    int? FiscalYear,
    SchemeReference? Scheme,
    BudgetTotals Budget,
    ExpenditureClassTotals ByExpenditureClass,
    FundingSourceTotals ByFundingSource,
    decimal ExecutionWeight,
    decimal? ExecutionScore,
    IReadOnlyList<IndicatorScorecard> Indicators,
    decimal? WeightTotal,
    decimal? CompositeScore,
    Grade? Grade,
    string? GradeLabel,
    DeclaredComparison Declared,
    FindingCounts FindingCounts,
    IReadOnlyList<FindingResponse> Findings,
    IReadOnlyDictionary<string, Explanation>? Explanations,
    int Version = 0,
    int EvaluationVersion = 0);

/// <summary>
/// A scorecard as the read model keeps it: every computed figure as the API shows it, and the
/// findings with both languages' messages; who and which year it belongs to are the row's keys.
/// </summary>
public sealed record StoredScorecard(
    BudgetTotals Budget,
    ExpenditureClassTotals ByExpenditureClass,
    FundingSourceTotals ByFundingSource,
    decimal ExecutionWeight,
    decimal? ExecutionScore,
    IReadOnlyList<IndicatorScorecard> Indicators,
    decimal? WeightTotal,
    decimal? CompositeScore,
    Grade? Grade,
    DeclaredComparison Declared,
    FindingCounts FindingCounts,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// How the read model writes and reads a card: the API's names and values, without the nulls (most
    /// declared figures), so a missing figure reads back as null.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonText.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectRequiredConstructorParameters = false,
    };

    /// <summary>The API's scorecard: findings in <paramref name="language"/>, under the department, year and scheme it belongs to.</summary>
    public ScorecardResponse ToResponse(
        MessageLanguage language, string? departmentCode = null, string? departmentName = null, string? region = null,
        int? fiscalYear = null, SchemeReference? scheme = null, IReadOnlyDictionary<string, Explanation>? explanations = null, int version = 0, int evaluationVersion = 0) =>
        new(
            departmentCode,
            departmentName,
            region,
            fiscalYear,
            scheme,
            Budget,
            ByExpenditureClass,
            ByFundingSource,
            ExecutionWeight,
            ExecutionScore,
            Indicators,
            WeightTotal,
            CompositeScore,
            Grade,
            Grade is { } grade ? GradeLabels.Zh(grade) : null,
            Declared,
            FindingCounts,
            [.. Findings.Select(f => new FindingResponse(f.Code, f.Severity, f.Subject, f.Figures, language == MessageLanguage.English ? f.MessageEn : f.MessageZh))],
            explanations,
            version,
            evaluationVersion);
}

/// <summary>Turns the pure rules' scorecard into the shape the read model keeps and the API shows.</summary>
internal static class ScorecardMapping
{
    /// <summary>The scorecard as shown; with <paramref name="explanations"/>, each computed figure's formula is added to it by JSON path.</summary>
    public static StoredScorecard ToStored(this Scorecard card, ScoringSchemeSettings settings, Dictionary<string, Explanation>? explanations = null)
    {
        var shown = Rounding.For(settings);
        Computed Explained(string path, Computed c)
        {
            if (explanations is not null && c.Explanation is { } e)
            {
                explanations[path] = e;
            }
            return c;
        }

        // Money with two decimals; rates, weights and scores at the scheme's decimals (100.00, not 100).
        decimal? V(string path, Computed c) => Explained(path, c).Value is { } v ? shown.Shown(v) : null;
        decimal Money(string path, Computed c) => Rounding.Money(Explained(path, c).Value ?? 0);

        BudgetTotals T(string path, BudgetFigures f) => new(
            Money(path + ".initial", f.Initial),
            Money(path + ".adjustments", f.Adjustments),
            Money(path + ".adjusted", f.Adjusted),
            Money(path + ".executed", f.Executed),
            V(path + ".adjustmentRate", f.AdjustmentRate),
            V(path + ".executionRate", f.ExecutionRate));

        var b = card.Budget;
        var indicators = card.Indicators.Select((i, n) => new IndicatorScorecard(
            i.IndicatorId,
            i.Sequence,
            i.Name,
            i.Kind,
            i.Weight is { } weight ? shown.Shown(weight) : null,
            V($"indicators[{n}].completion", i.Completion),
            V($"indicators[{n}].cappedScore", i.CappedScore),
            i.Deduction,
            V($"indicators[{n}].score", i.Score),
            FlagNames(i.Flags),
            i.DeclaredCompletion,
            i.DeclaredScore)).ToList();

        return new StoredScorecard(
            T("budget", b.Overall),
            new ExpenditureClassTotals(T("byExpenditureClass.personnel", b.Personnel), T("byExpenditureClass.operating", b.Operating), T("byExpenditureClass.basic", b.Basic), T("byExpenditureClass.project", b.Project)),
            new FundingSourceTotals(T("byFundingSource.superior", b.Superior), T("byFundingSource.ownLevel", b.OwnLevel), T("byFundingSource.other", b.Other)),
            shown.Shown(settings.ExecutionWeight),
            V("executionScore", card.ExecutionScore),
            indicators,
            V("weightTotal", card.WeightTotal),
            V("compositeScore", card.CompositeScore),
            card.Grade,
            card.Declared,
            new FindingCounts(
                card.Findings.Count(f => f.Severity == FindingSeverity.Error),
                card.Findings.Count(f => f.Severity == FindingSeverity.Warning),
                card.Findings.Count(f => f.Severity == FindingSeverity.Info)),
            card.Findings);
    }

    /// <summary>The API's scorecard straight from the rules (with explain: every figure's formula, by JSON path).</summary>
    public static ScorecardResponse ToResponse(
        this Scorecard card, ScoringSchemeSettings settings, MessageLanguage language, bool explain,
        string? departmentCode = null, string? departmentName = null, string? region = null, int? fiscalYear = null, SchemeReference? scheme = null,
        int version = 0, int evaluationVersion = 0)
    {
        var explanations = explain ? new Dictionary<string, Explanation>() : null;
        return card.ToStored(settings, explanations).ToResponse(language, departmentCode, departmentName, region, fiscalYear, scheme, explanations, version, evaluationVersion);
    }

    private static readonly (IndicatorFlags Flag, string Name)[] Flags = [.. Enum.GetValues<IndicatorFlags>()
        .Where(f => f != IndicatorFlags.None)
        .Select(f => (f, char.ToLower(f.ToString()[0], CultureInfo.InvariantCulture) + f.ToString()[1..]))];

    private static List<string> FlagNames(IndicatorFlags flags) =>
        flags == IndicatorFlags.None ? [] : [.. Flags.Where(f => flags.HasFlag(f.Flag)).Select(f => f.Name)];
}
