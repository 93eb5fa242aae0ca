using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.YearViews;

public sealed record GradeDistribution(int Excellent, int Good, int Fair, int Poor, int NoGrade);

/// <summary>Average and quartiles (linear interpolation between ranks, as Excel's QUARTILE.INC), 2 decimals; null with no values.</summary>
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
            _ = await db.StatusOfYearAsync(request.Year, ct) ?? throw new NotFoundException("Fiscal year", request.Year);
            var rows = (await db.QueryAsync<ScorecardRow.Kept>(RowsSql, new
            {
                request.Year,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
            }, ct)).Select(r => r.ToRow()).ToList();

            return new YearSummaryResponse(
                request.Year,
                Figures(rows),
                [.. rows.GroupBy(r => r.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RegionSummary(g.Key, Figures([.. g])))]);
        }

        private static SummaryFigures Figures(IReadOnlyList<ScorecardRow> rows) => new(
            rows.Count,
            new GradeDistribution(
                rows.Count(r => r.Grade == Grade.Excellent),
                rows.Count(r => r.Grade == Grade.Good),
                rows.Count(r => r.Grade == Grade.Fair),
                rows.Count(r => r.Grade == Grade.Poor),
                rows.Count(r => r.Grade is null)),
            Describe(rows.Select(r => r.CompositeScore)),
            Describe(rows.Select(r => r.ExecutionRate)),
            rows.Count(r => r.FindingCounts.Error > 0));

        internal static Distribution Describe(IEnumerable<decimal?> values)
        {
            var sorted = values.OfType<decimal>().Order().ToList();
            if (sorted.Count == 0)
            {
                return new Distribution(0, null, null, null, null, null, null);
            }

            return new Distribution(
                sorted.Count,
                Round(sorted.Sum() / sorted.Count),
                Round(sorted[0]),
                Round(Quantile(sorted, 0.25m)),
                Round(Quantile(sorted, 0.5m)),
                Round(Quantile(sorted, 0.75m)),
                Round(sorted[^1]));
        }

        /// <summary>QUARTILE.INC: position p × (n − 1) between the sorted values, interpolated.</summary>
        private static decimal Quantile(List<decimal> sorted, decimal p)
        {
            var position = p * (sorted.Count - 1);
            var lower = (int)Math.Floor(position);
            var upper = Math.Min(lower + 1, sorted.Count - 1);
            return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
        }

        private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
    }
}
