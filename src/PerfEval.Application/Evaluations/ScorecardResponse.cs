using System.Globalization;
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

public sealed record SchemeReference(long Id, string Code, int Version, string Name);

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
    DeclaredComparison Declared,
    FindingCounts FindingCounts,
    IReadOnlyList<FindingResponse> Findings,
    IReadOnlyDictionary<string, Explanation>? Explanations);

/// <summary>Turns the pure rules' scorecard into the API's shape.</summary>
internal static class ScorecardMapping
{
    public static ScorecardResponse ToResponse(
        this Scorecard card, ScoringSchemeSettings settings, MessageLanguage language, bool explain,
        string? departmentCode = null, string? departmentName = null, string? region = null, int? fiscalYear = null, SchemeReference? scheme = null)
    {
        var explanations = explain ? new Dictionary<string, Explanation>() : null;
        var shownScale = new decimal(0, 0, 0, false, (byte)settings.DisplayDecimals);
        decimal? V(string path, Computed c)
        {
            if (explanations is not null && c.Explanation is { } e)
            {
                explanations[path] = e;
            }

            // Every computed figure is shown with the scheme's decimals: 100.00, not 100.
            return c.Value + shownScale;
        }

        BudgetTotals T(string path, BudgetFigures f) => new(
            V(path + ".initial", f.Initial) ?? 0,
            V(path + ".adjustments", f.Adjustments) ?? 0,
            V(path + ".adjusted", f.Adjusted) ?? 0,
            V(path + ".executed", f.Executed) ?? 0,
            V(path + ".adjustmentRate", f.AdjustmentRate),
            V(path + ".executionRate", f.ExecutionRate));

        var b = card.Budget;
        var indicators = card.Indicators.Select((i, n) => new IndicatorScorecard(
            i.IndicatorId,
            i.Sequence,
            i.Name,
            i.Kind,
            i.Weight,
            V($"indicators[{n}].completion", i.Completion),
            V($"indicators[{n}].cappedScore", i.CappedScore),
            i.Deduction,
            V($"indicators[{n}].score", i.Score),
            FlagNames(i.Flags),
            i.DeclaredCompletion,
            i.DeclaredScore)).ToList();
        var findings = card.Findings
            .Select(f => new FindingResponse(f.Code, f.Severity, f.Subject, f.Figures, language == MessageLanguage.English ? f.MessageEn : f.MessageZh))
            .ToList();

        return new ScorecardResponse(
            departmentCode,
            departmentName,
            region,
            fiscalYear,
            scheme,
            T("budget", b.Overall),
            new ExpenditureClassTotals(T("byExpenditureClass.personnel", b.Personnel), T("byExpenditureClass.operating", b.Operating), T("byExpenditureClass.basic", b.Basic), T("byExpenditureClass.project", b.Project)),
            new FundingSourceTotals(T("byFundingSource.superior", b.Superior), T("byFundingSource.ownLevel", b.OwnLevel), T("byFundingSource.other", b.Other)),
            settings.ExecutionWeight,
            V("executionScore", card.ExecutionScore),
            indicators,
            V("weightTotal", card.WeightTotal),
            V("compositeScore", card.CompositeScore),
            card.Grade,
            card.Declared,
            new FindingCounts(
                findings.Count(f => f.Severity == FindingSeverity.Error),
                findings.Count(f => f.Severity == FindingSeverity.Warning),
                findings.Count(f => f.Severity == FindingSeverity.Info)),
            findings,
            explanations);
    }

    private static List<string> FlagNames(IndicatorFlags flags) =>
        Enum.GetValues<IndicatorFlags>()
            .Where(f => f != IndicatorFlags.None && flags.HasFlag(f))
            .Select(f => char.ToLower(f.ToString()[0], CultureInfo.InvariantCulture) + f.ToString()[1..])
            .ToList();
}
