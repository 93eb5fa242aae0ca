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
    Chinese,
    English,
}

/// <summary>The scheme a scorecard was computed with: its code and which of its versions.</summary>
public sealed record SchemeReference(long Id, string Code, int SchemeVersion, string Name);

/// <summary>One indicator as scored: completion (%, uncapped), the rules' capped score, the reviewer's deduction and the final score.</summary>
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

public sealed record FindingResponse(string Code, FindingSeverity Severity, string Subject, IReadOnlyDictionary<string, decimal?> Figures, string Message);

public sealed record FindingCounts(int Error, int Warning, int Info);

/// <summary>
/// A department-year computed by rule. Rates in %, scores in points, both rounded to the scheme's
/// decimals half away from zero; the composite is the sum of the rounded components. With
/// explain, <see cref="Explanations"/> maps each computed number's JSON path to its formula and inputs.
/// <see cref="Version"/> counts the scorecard's changes (the change feed's version of entity
/// <c>scorecard</c>); 0 for a department-year with nothing stored yet. <see cref="EvaluationVersion"/>
/// is the version of the stored evaluation (declared figures and narrative) that a PUT of the same
/// URL names in If-Match; 0 while there is none (create it with If-None-Match: *).
/// </summary>
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
