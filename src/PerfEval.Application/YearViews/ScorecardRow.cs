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
        var score = scored.Score;
        return new ScorecardRow(
            scored.Department.Code,
            scored.Department.Name,
            scored.Department.Region,
            year,
            Shown(score.CompositeScore),
            score.Grade,
            Shown(score.ExecutionRate),
            Shown(score.ExecutionScore),
            score.InitialBudget + 0.00m,
            score.AdjustedBudget + 0.00m,
            score.Executed + 0.00m,
            score.FindingCounts);
    }

    private static decimal? Shown(decimal? value) => value + 0.00m;
}
