using System.Globalization;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;
using PerfEval.Application.Scoring;

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
/// The ranking of a year: every department's composite, grade, execution rate and finding counts, as
/// the read model keeps them, filtered, sorted and keyset-paged in SQL; ties broken by department code.
/// Units with no composite (a weight or figure missing) sort last. A page's ranks continue from the
/// cursor's, so each row's rank is its place in the whole filtered, sorted list.
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
    bool IncludeTotal = false,
    string? Search = null) : IQuery<RankedPage>
{
    internal sealed class Validator : AbstractValidator<ListYearScorecards>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidLimit();
            RuleFor(x => x.Sort).IsInEnum();
            RuleFor(x => x.Grade).IsInEnum();
            RuleFor(x => x.MaxComposite).GreaterThanOrEqualTo(x => x.MinComposite).When(x => x.MinComposite is not null && x.MaxComposite is not null);
            RuleFor(x => x.Search).MaximumLength(100);
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListYearScorecards, RankedPage>
    {
        /// <summary>The filters every ranking applies, in the client's view (its region and department limits).</summary>
        internal const string Filters = """
            FROM scorecards s JOIN departments d ON d.code = s.department_code
            WHERE s.fiscal_year = @Year
              AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
              AND (@Region IS NULL OR d.region = @Region)
              AND (@Grade IS NULL OR s.grade = @Grade)
              AND (@Search IS NULL OR d.name LIKE @SearchPattern ESCAPE '\' OR d.code LIKE @SearchPattern ESCAPE '\')
              AND (@MinKey IS NULL OR s.composite_key >= @MinKey)
              AND (@MaxKey IS NULL OR s.composite_key <= @MaxKey)
              AND (@HasFindings IS NULL
                   OR (@HasFindings = 1 AND s.error_count + s.warning_count + s.info_count > 0)
                   OR (@HasFindings = 0 AND s.error_count + s.warning_count + s.info_count = 0))
            """;

        internal const string CountSql = $"SELECT COUNT(*) {Filters}";

        /// <summary>One statement per sort and direction, each resuming after the cursor's row.</summary>
        internal static readonly IReadOnlyDictionary<(ScorecardSort, bool), string> PageSql = new Dictionary<(ScorecardSort, bool), string>
        {
            [(ScorecardSort.Composite, true)] = ByValue("s.composite_key", descending: true),
            [(ScorecardSort.Composite, false)] = ByValue("s.composite_key", descending: false),
            [(ScorecardSort.ExecutionRate, true)] = ByValue("s.execution_rate_key", descending: true),
            [(ScorecardSort.ExecutionRate, false)] = ByValue("s.execution_rate_key", descending: false),
            [(ScorecardSort.Name, true)] = ByName(descending: true),
            [(ScorecardSort.Name, false)] = ByName(descending: false),
        };

        public async Task<RankedPage> Handle(ListYearScorecards request, CancellationToken ct)
        {
            var shown = Rounding.For((await YearScheme.LoadAsync(db, request.Year, ct)).Settings);
            var descending = request.Descending ?? request.Sort != ScorecardSort.Name;
            var after = Paging.Decode(request.Cursor) is { } cursor ? RankCursor.Parse(cursor) : null;
            var filter = new
            {
                request.Year,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
                request.Region,
                Grade = request.Grade?.ToString(),
                Search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim(),
                SearchPattern = string.IsNullOrWhiteSpace(request.Search) ? null : $"%{EscapeLike(request.Search.Trim())}%",
                MinKey = ScorecardReadModel.SortKey(request.MinComposite),
                MaxKey = ScorecardReadModel.SortKey(request.MaxComposite),
                HasFindings = request.HasFindings switch { null => (int?)null, true => 1, false => 0 },
                AfterCode = after?.Code,
                AfterKey = after?.Key,
                AfterIsNull = after?.Key is null ? 1 : 0,
                AfterName = after?.Name,
                Take = request.Limit + 1,
            };

            var rows = (await db.QueryAsync<ScorecardRow.Kept>(PageSql[(request.Sort, descending)], filter, ct)).Select(r => r.ToRow(shown)).ToList();
            var rank = after?.Rank ?? 0;
            var page = rows.Take(request.Limit).Select(r => new RankedScorecard(++rank, r)).ToList();
            var next = rows.Count > request.Limit ? Paging.Encode(RankCursor.Of(page[^1], request.Sort).Format()) : null;
            int? total = request.IncludeTotal ? await db.ExecuteScalarAsync<int>(CountSql, filter, ct) : null;
            return new RankedPage(page, next, total);
        }

        /// <summary>The search text as itself inside a LIKE pattern: its %, _ and \ match only themselves.</summary>
        private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

        /// <summary>
        /// By a rate or score's sort key. Descending puts missing values last by itself (they sort
        /// lowest) and follows the key's index; ascending must move them last explicitly.
        /// </summary>
        private static string ByValue(string key, bool descending)
        {
            var (direction, beyond) = descending ? ("DESC", "<") : ("ASC", ">");
            var missingLast = descending ? string.Empty : $"CASE WHEN {key} IS NULL THEN 1 ELSE 0 END, ";
            return $"""
                SELECT {ScorecardRow.Columns}
                {Filters}
                  AND (@AfterCode IS NULL
                       OR (@AfterIsNull = 0 AND ({key} IS NULL OR {key} {beyond} @AfterKey OR ({key} = @AfterKey AND s.department_code > @AfterCode)))
                       OR (@AfterIsNull = 1 AND {key} IS NULL AND s.department_code > @AfterCode))
                ORDER BY {missingLast}{key} {direction}, s.department_code
                LIMIT @Take
                """;
        }

        private static string ByName(bool descending)
        {
            var (direction, beyond) = descending ? ("DESC", "<") : ("ASC", ">");
            return $"""
                SELECT {ScorecardRow.Columns}
                {Filters}
                  AND (@AfterCode IS NULL OR d.name {beyond} @AfterName OR (d.name = @AfterName AND s.department_code > @AfterCode))
                ORDER BY d.name {direction}, s.department_code
                LIMIT @Take
                """;
        }
    }
}

/// <summary>Where a ranking page ended: the last row's sort key (value or name, then code) and its rank.</summary>
internal sealed record RankCursor(long? Key, string Name, string Code, int Rank)
{
    public static RankCursor Of(RankedScorecard last, ScorecardSort sort) => new(
        sort switch
        {
            ScorecardSort.Composite => ScorecardReadModel.SortKey(last.Scorecard.CompositeScore),
            ScorecardSort.ExecutionRate => ScorecardReadModel.SortKey(last.Scorecard.ExecutionRate),
            _ => null,
        },
        sort == ScorecardSort.Name ? last.Scorecard.DepartmentName : string.Empty,
        last.Scorecard.DepartmentCode,
        last.Rank);

    public string Format() => string.Join(
        '\u0001', Key?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Name, Code, Rank.ToString(CultureInfo.InvariantCulture));

    public static RankCursor Parse(string cursor)
    {
        var parts = cursor.Split('\u0001');
        long key = 0;
        if (parts.Length != 4 || (parts[0].Length > 0 && !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out key))
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var rank))
        {
            throw Paging.InvalidCursor();
        }

        return new RankCursor(parts[0].Length == 0 ? null : key, parts[1], parts[2], rank);
    }
}
