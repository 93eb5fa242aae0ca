using System.Runtime.CompilerServices;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

/// <summary>
/// One department-year scored, as the year-level views and exports see it: the compact score (figures,
/// grade, finding codes and counts, each indicator's completion and score), and the full scorecard,
/// built again from the department-year's input only when a view needs its findings' messages.
/// </summary>
public sealed class ScoredDepartment
{
    private readonly ScorecardInput? _input;
    private readonly ScoringSchemeSettings? _scheme;
    private readonly Scorecard? _card;

    internal ScoredDepartment(DepartmentResponse department, DepartmentYearScore score, ScorecardInput input, ScoringSchemeSettings scheme)
    {
        Department = department;
        Score = score;
        _input = input;
        _scheme = scheme;
    }

    /// <summary>A department-year already scored in full (a single scorecard).</summary>
    internal ScoredDepartment(DepartmentResponse department, Scorecard card)
    {
        Department = department;
        Score = new DepartmentYearScore(card);
        _card = card;
    }

    public DepartmentResponse Department { get; }

    public DepartmentYearScore Score { get; }

    /// <summary>The full scorecard (findings with their messages); computed on each call unless already at hand.</summary>
    public Scorecard FullScorecard() => _card ?? ScorecardCalculator.Calculate(_input!, _scheme!);

    /// <summary>Each indicator's completion and score, by indicator id (indicators without an id are left out).</summary>
    public IEnumerable<(long IndicatorId, BatchIndicatorScore Score)> IndicatorScores()
    {
        var indicators = _input?.Indicators.Select(i => i.IndicatorId) ?? _card!.Indicators.Select(i => i.IndicatorId);
        return indicators
            .Select((id, position) => (id, position))
            .Where(x => x.id is not null)
            .Select(x => (x.id!.Value, Score.Indicator(x.position)));
    }
}

/// <summary>
/// Scores every department of a year from the current data, a chunk of departments at a time (four
/// queries per chunk), so memory stays bounded by the chunk whatever the number of departments.
/// Each chunk is scored in bulk (<see cref="ScoringBatch"/>: the rules of the full scorecard on
/// scaled integers, compact rows). Only departments with budget lines or indicators in the year take part.
/// </summary>
internal static class YearScoring
{
    public const int ChunkSize = 500;

    private const string DepartmentsSql = $"""
        SELECT {DepartmentRow.Columns} FROM departments d
        WHERE (@After IS NULL OR d.code > @After)
          AND (@Region IS NULL OR d.region = @Region)
          AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
          AND (EXISTS (SELECT 1 FROM budget_lines l WHERE l.department_code = d.code AND l.fiscal_year = @Year)
               OR EXISTS (SELECT 1 FROM indicators i WHERE i.department_code = d.code AND i.fiscal_year = @Year))
        ORDER BY d.code
        LIMIT @Take
        """;

    private const string LinesSql = $"""
        SELECT {BudgetLineResponse.Columns} FROM budget_lines
        WHERE fiscal_year = @Year AND department_code IN @Codes
        ORDER BY department_code, id
        """;

    private const string IndicatorsSql = $"""
        SELECT {IndicatorResponse.Columns} FROM indicators
        WHERE fiscal_year = @Year AND department_code IN @Codes
        ORDER BY department_code, sequence
        """;

    private const string EvaluationsSql = $"""
        SELECT {EvaluationRow.Columns} FROM evaluations
        WHERE fiscal_year = @Year AND department_code IN @Codes
        """;

    /// <summary>Departments whose data changed after their year closed.</summary>
    private const string ChangedAfterCloseSql = """
        SELECT l.department_code FROM budget_lines l JOIN fiscal_years y ON y.year = l.fiscal_year
        WHERE l.fiscal_year = @Year AND l.department_code IN @Codes AND y.closed_at IS NOT NULL AND l.updated_at > y.closed_at
        UNION
        SELECT i.department_code FROM indicators i JOIN fiscal_years y ON y.year = i.fiscal_year
        WHERE i.fiscal_year = @Year AND i.department_code IN @Codes AND y.closed_at IS NOT NULL AND i.updated_at > y.closed_at
        UNION
        SELECT e.department_code FROM evaluations e JOIN fiscal_years y ON y.year = e.fiscal_year
        WHERE e.fiscal_year = @Year AND e.department_code IN @Codes AND y.closed_at IS NOT NULL AND e.updated_at > y.closed_at
        UNION
        SELECT a.department_code FROM budget_adjustments a JOIN fiscal_years y ON y.year = a.fiscal_year
        WHERE a.fiscal_year = @Year AND a.department_code IN @Codes AND y.closed_at IS NOT NULL AND a.created_at > y.closed_at
        """;

    public static async IAsyncEnumerable<ScoredDepartment> ScoreAsync(
        DbSession db, IRequestContext context, int year, YearScheme scheme, string? region,
        [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var departments = (await db.QueryAsync<DepartmentRow>(DepartmentsSql, new
            {
                After = after,
                Region = region,
                Year = year,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
                Take = ChunkSize,
            }, ct)).ToList();
            if (departments.Count == 0)
            {
                yield break;
            }

            var key = new { Year = year, Codes = departments.Select(d => d.Code).ToArray() };
            var lines = (await db.QueryAsync<BudgetLineResponse>(LinesSql, key, ct)).ToLookup(l => l.DepartmentCode);
            var indicators = (await db.QueryAsync<IndicatorResponse>(IndicatorsSql, key, ct)).ToLookup(i => i.DepartmentCode);
            var evaluations = (await db.QueryAsync<EvaluationRow>(EvaluationsSql, key, ct)).ToDictionary(e => e.DepartmentCode);
            var changed = (await db.QueryAsync<string>(ChangedAfterCloseSql, key, ct)).ToHashSet();

            var inputs = departments.Select(department => new ScorecardInput(
                [.. lines[department.Code].Select(l => l.ToScoringInput())],
                [.. indicators[department.Code].Select(i => i.ToScoringInput())],
                evaluations.GetValueOrDefault(department.Code)?.Declared ?? DeclaredFigures.None,
                changed.Contains(department.Code))).ToList();
            var scores = ScoringBatch.Create(inputs, scheme.Settings).Score();
            for (var i = 0; i < departments.Count; i++)
            {
                yield return new ScoredDepartment(departments[i].ToResponse(), scores[i], inputs[i], scheme.Settings);
            }

            if (departments.Count < ChunkSize)
            {
                yield break;
            }

            after = departments[^1].Code;
        }
    }
}
