using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.YearViews;

/// <summary>
/// A year scored (what the ranking, the summary and the findings read: compact rows, each
/// department-year's input for the full scorecard a findings page needs), kept with the change
/// feed's newest position: any write anywhere moves it, so a kept year is used only while nothing at
/// all has changed since it was scored. Keyed by the client's view (its region and department limits).
/// </summary>
public sealed class YearCache
{
    private const int Capacity = 8;

    private const string StampSql = "SELECT COALESCE(MAX(position), 0) FROM changes";

    private const string StampSqlServerSql = "SELECT COALESCE(CAST(MAX(position) AS BIGINT), 0) FROM changes";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Stamp, IReadOnlyList<ScoredDepartment> Year)> _entries = [];

    /// <summary>Every department of the year the client may see, scored from the current data.</summary>
    internal async Task<IReadOnlyList<ScoredDepartment>> ScoreAsync(DbSession db, IRequestContext context, int year, CancellationToken ct)
    {
        // The stamp is read first: the data read after it can only be as new or newer.
        var stamp = await db.ExecuteScalarAsync<long>(db.Dialect.Name == "SqlServer" ? StampSqlServerSql : StampSql, null, ct);
        var key = $"{year}\u0001{string.Join(',', context.Regions.Order(StringComparer.Ordinal))}\u0001{string.Join(',', context.Departments.Order(StringComparer.Ordinal))}";
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var kept) && kept.Stamp == stamp)
            {
                return kept.Year;
            }
        }

        var scheme = await YearScheme.LoadAsync(db, year, ct);
        var scored = new List<ScoredDepartment>();
        await foreach (var department in YearScoring.ScoreAsync(db, context, year, scheme, region: null, ct))
        {
            scored.Add(department);
        }

        lock (_gate)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[key] = (stamp, scored);
        }

        return scored;
    }
}
