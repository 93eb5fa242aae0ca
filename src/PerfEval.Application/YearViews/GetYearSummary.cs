using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

/// <summary>How many departments got each grade.</summary>
/// <param name="Excellent">优 excellent.</param>
/// <param name="Good">良 good.</param>
/// <param name="Fair">中 fair.</param>
/// <param name="Poor">差 poor.</param>
/// <param name="NoGrade">No composite, so no grade (a weight or figure missing).</param>
public sealed record GradeDistribution(int Excellent, int Good, int Fair, int Poor, int NoGrade);

/// <summary>Count, average and quartiles (QUARTILE.INC), 2 decimals half away from zero; null with no values.</summary>
/// <param name="Count">Number of values (departments with a value).</param>
/// <param name="Average">Mean, 2 decimals half away from zero; null with no values.</param>
/// <param name="Min">Smallest value; null with no values.</param>
/// <param name="Q1">First quartile (QUARTILE.INC: linear interpolation), 2 decimals; null with no values.</param>
/// <param name="Median">Median, 2 decimals; null with no values.</param>
/// <param name="Q3">Third quartile (QUARTILE.INC), 2 decimals; null with no values.</param>
/// <param name="Max">Largest value; null with no values.</param>
public sealed record Distribution(int Count, decimal? Average, decimal? Min, decimal? Q1, decimal? Median, decimal? Q3, decimal? Max);

/// <summary>Grade distribution, composite and execution-rate distributions, units with errors.</summary>
/// <param name="DepartmentCount">Departments with budget lines or indicators in the year.</param>
/// <param name="Grades">How many departments got each grade.</param>
/// <param name="CompositeScore">Distribution of the composite scores (points).</param>
/// <param name="ExecutionRate">Distribution of the execution rates (percent).</param>
/// <param name="UnitsWithErrors">Departments with at least one finding of severity error.</param>
public sealed record SummaryFigures(int DepartmentCount, GradeDistribution Grades, Distribution CompositeScore, Distribution ExecutionRate, int UnitsWithErrors);

/// <summary>One region's figures.</summary>
/// <param name="Region"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Region"/></param>
/// <param name="Figures">The region's figures.</param>
public sealed record RegionSummary(string Region, SummaryFigures Figures);

/// <summary>A year at a glance, overall and by region.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="Overall">Every department of the year the client may see.</param>
/// <param name="ByRegion">The same figures per region, by region name.</param>
public sealed record YearSummaryResponse(int Year, SummaryFigures Overall, IReadOnlyList<RegionSummary> ByRegion);

/// <summary>A year at a glance.</summary>
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
