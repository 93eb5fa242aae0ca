using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

/// <summary>A department-year in one line: what rankings, comparisons and exports show.</summary>
public sealed record ScorecardRow(
    string DepartmentCode,
    string DepartmentName,
    string Region,
    int FiscalYear,
    decimal? CompositeScore,
    Grade? Grade,
    decimal? ExecutionRate,
    decimal? ExecutionScore,
    decimal InitialBudget,
    decimal AdjustedBudget,
    decimal Executed,
    FindingCounts FindingCounts)
{
    internal static ScorecardRow From(ScoredDepartment scored, int year)
    {
        var card = scored.Card;
        var overall = card.Budget.Overall;
        return new ScorecardRow(
            scored.Department.Code,
            scored.Department.Name,
            scored.Department.Region,
            year,
            Shown(card.CompositeScore.Value),
            card.Grade,
            Shown(overall.ExecutionRate.Value),
            Shown(card.ExecutionScore.Value),
            Shown(overall.Initial.Value) ?? 0,
            Shown(overall.Adjusted.Value) ?? 0,
            Shown(overall.Executed.Value) ?? 0,
            new FindingCounts(
                card.Findings.Count(f => f.Severity == FindingSeverity.Error),
                card.Findings.Count(f => f.Severity == FindingSeverity.Warning),
                card.Findings.Count(f => f.Severity == FindingSeverity.Info)));
    }

    private static decimal? Shown(decimal? value) => value + 0.00m;
}
