using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

public sealed record GradeDistribution(int Excellent, int Good, int Fair, int Poor, int NoGrade);

/// <summary>Average and quartiles (linear interpolation between ranks, as Excel's QUARTILE.INC), at the scheme's display decimals; null with no values.</summary>
public sealed record Distribution(int Count, decimal? Average, decimal? Min, decimal? Q1, decimal? Median, decimal? Q3, decimal? Max);

public sealed record SummaryFigures(int DepartmentCount, GradeDistribution Grades, Distribution CompositeScore, Distribution ExecutionRate, int UnitsWithErrors);

public sealed record RegionSummary(string Region, SummaryFigures Figures);

/// <summary>A year at a glance: grade distribution, averages and quartiles, units with errors; overall and by region.</summary>
public sealed record YearSummaryResponse(int Year, SummaryFigures Overall, IReadOnlyList<RegionSummary> ByRegion);

public sealed record GetYearSummary(int Year) : IQuery<YearSummaryResponse>
{
    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<GetYearSummary, YearSummaryResponse>
    {
        private const string RowsSql = $"""
            SELECT {ScorecardRow.Columns}
            FROM scorecards s JOIN departments d ON d.code = s.department_code
            WHERE s.fiscal_year = @Year AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
            """;

        public async Task<YearSummaryResponse> Handle(GetYearSummary request, CancellationToken ct)
        {
            var shown = Rounding.For((await YearScheme.LoadAsync(db, request.Year, ct)).Settings);
            var rows = (await db.QueryAsync<ScorecardRow.Kept>(RowsSql, new
            {
                request.Year,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
            }, ct)).Select(r => r.ToRow(shown)).ToList();

            return new YearSummaryResponse(
                request.Year,
                Figures(rows, shown),
                [.. rows.GroupBy(r => r.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RegionSummary(g.Key, Figures([.. g], shown)))]);
        }

        private static SummaryFigures Figures(IReadOnlyList<ScorecardRow> rows, Rounding shown) => new(
            rows.Count,
            new GradeDistribution(
                rows.Count(r => r.Grade == Grade.Excellent),
                rows.Count(r => r.Grade == Grade.Good),
                rows.Count(r => r.Grade == Grade.Fair),
                rows.Count(r => r.Grade == Grade.Poor),
                rows.Count(r => r.Grade is null)),
            Describe(rows.Select(r => r.CompositeScore), shown),
            Describe(rows.Select(r => r.ExecutionRate), shown),
            rows.Count(r => r.FindingCounts.Error > 0));

        internal static Distribution Describe(IEnumerable<decimal?> values, Rounding shown)
        {
            var sorted = values.OfType<decimal>().Order().ToList();
            if (sorted.Count == 0)
            {
                return new Distribution(0, null, null, null, null, null, null);
            }

            return new Distribution(
                sorted.Count,
                shown.Shown(sorted.Sum() / sorted.Count),
                shown.Shown(sorted[0]),
                shown.Shown(Quantile(sorted, 0.25m)),
                shown.Shown(Quantile(sorted, 0.5m)),
                shown.Shown(Quantile(sorted, 0.75m)),
                shown.Shown(sorted[^1]));
        }

        /// <summary>QUARTILE.INC: position p × (n − 1) between the sorted values, interpolated.</summary>
        private static decimal Quantile(List<decimal> sorted, decimal p)
        {
            var position = p * (sorted.Count - 1);
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(lower + 1, sorted.Count - 1);
            return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
        }
    }
}
