using System.Globalization;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;

namespace PerfEval.Application.YearViews;

public enum ScorecardSort
{
    /// <summary>综合得分, highest first by default.</summary>
    Composite,

    /// <summary>预算执行率, highest first by default.</summary>
    ExecutionRate,

    /// <summary>Department name, A→Z by default.</summary>
    Name,
}

/// <summary>A ranked row: its 1-based place in the whole filtered, sorted list.</summary>
public sealed record RankedScorecard(int Rank, ScorecardRow Scorecard);

public sealed record RankedPage(IReadOnlyList<RankedScorecard> Items, string? NextCursor, int? Total);

/// <summary>
/// The ranking of a year: every department's composite, grade, execution rate and finding counts,
/// computed from the current data, filtered and sorted; ties broken by department code. Units with
/// no composite (a weight or figure missing) sort last.
/// </summary>
public sealed record ListYearScorecards(
    int Year,
    string? Region = null,
    Grade? Grade = null,
    decimal? MinComposite = null,
    decimal? MaxComposite = null,
    bool? HasFindings = null,
    ScorecardSort Sort = ScorecardSort.Composite,
    bool? Descending = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null,
    bool IncludeTotal = false) : IQuery<RankedPage>
{
    internal sealed class Validator : AbstractValidator<ListYearScorecards>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidLimit();
            RuleFor(x => x.Sort).IsInEnum();
            RuleFor(x => x.Grade).IsInEnum();
            RuleFor(x => x.MaxComposite).GreaterThanOrEqualTo(x => x.MinComposite).When(x => x.MinComposite is not null && x.MaxComposite is not null);
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context, YearCache cache) : IRequestHandler<ListYearScorecards, RankedPage>
    {
        public async Task<RankedPage> Handle(ListYearScorecards request, CancellationToken ct)
        {
            var rows = (await cache.ScoreAsync(db, context, request.Year, ct))
                .Where(d => request.Region is null || d.Department.Region == request.Region)
                .Select(d => ScorecardRow.From(d, request.Year))
                .Where(r => Matches(r, request))
                .ToList();

            var order = new RankOrder(request.Sort, request.Descending ?? request.Sort != ScorecardSort.Name);
            rows.Sort(order.Compare);
            var start = 0;
            if (Paging.Decode(request.Cursor) is { } cursor)
            {
                // Resume after the last row shown, by its sort key: stable even if rows came or went.
                var last = RankOrder.Parse(cursor);
                start = rows.FindIndex(r => order.Compare(order.KeyOf(r), last) > 0);
                start = start < 0 ? rows.Count : start;
            }

            var page = rows.Skip(start).Take(request.Limit).Select((r, i) => new RankedScorecard(start + i + 1, r)).ToList();
            var next = start + page.Count < rows.Count ? Paging.Encode(RankOrder.Format(order.KeyOf(page[^1].Scorecard))) : null;
            return new RankedPage(page, next, request.IncludeTotal ? rows.Count : null);
        }

        private static bool Matches(ScorecardRow row, ListYearScorecards filter) =>
            (filter.Grade is null || row.Grade == filter.Grade)
            && (filter.MinComposite is null || row.CompositeScore >= filter.MinComposite)
            && (filter.MaxComposite is null || row.CompositeScore <= filter.MaxComposite)
            && (filter.HasFindings is null || (row.FindingCounts.Error + row.FindingCounts.Warning + row.FindingCounts.Info > 0) == filter.HasFindings);
    }
}

/// <summary>The ranking's order: the sort value (missing values last), then the department code as the unique tie-breaker.</summary>
internal sealed record RankOrder(ScorecardSort Sort, bool Descending)
{
    public readonly record struct Key(decimal? Value, string Name, string Code);

    public Key KeyOf(ScorecardRow row) => new(
        Sort switch
        {
            ScorecardSort.ExecutionRate => row.ExecutionRate,
            ScorecardSort.Composite => row.CompositeScore,
            _ => null,
        },
        Sort == ScorecardSort.Name ? row.DepartmentName : string.Empty,
        row.DepartmentCode);

    public int Compare(ScorecardRow a, ScorecardRow b) => Compare(KeyOf(a), KeyOf(b));

    public int Compare(Key a, Key b)
    {
        var byValue = Sort == ScorecardSort.Name
            ? string.CompareOrdinal(a.Name, b.Name)
            : (a.Value, b.Value) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                var (x, y) => x!.Value.CompareTo(y!.Value),
            };
        if (Descending && Sort == ScorecardSort.Name)
        {
            byValue = -byValue;
        }
        else if (Descending && a.Value is not null && b.Value is not null)
        {
            byValue = -byValue;
        }

        return byValue != 0 ? byValue : string.CompareOrdinal(a.Code, b.Code);
    }

    public static string Format(Key key) =>
        string.Join('\u0001', key.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, key.Name, key.Code);

    public static Key Parse(string cursor)
    {
        var parts = cursor.Split('\u0001');
        if (parts.Length != 3 || (parts[0].Length > 0 && !decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out _)))
        {
            throw Paging.InvalidCursor();
        }

        return new Key(parts[0].Length == 0 ? null : decimal.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2]);
    }
}
