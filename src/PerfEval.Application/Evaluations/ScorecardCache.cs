using System.Collections.Concurrent;
using PerfEval.Application.Common;

namespace PerfEval.Application.Evaluations;

/// <summary>
/// Scorecards computed before, each kept with the change-feed positions it was computed at: the
/// newest change of its department, and the newest change without a department (years, schemes).
/// Every write appends to the feed in its own transaction, so a read that finds both positions
/// unchanged knows nothing it depends on changed: the cache can never serve a stale scorecard, and
/// checking it costs one indexed query instead of five queries and the scoring.
/// </summary>
public sealed class ScorecardCache
{
    /// <summary>Entries kept at most; past it the cache starts afresh (a cheap, safe bound).</summary>
    public const int Capacity = 20_000;

    private const string StampSql = """
        SELECT (SELECT COALESCE(MAX(position), 0) FROM changes WHERE department_code = @DepartmentCode) AS Department,
               (SELECT COALESCE(MAX(position), 0) FROM changes WHERE department_code IS NULL) AS Shared
        """;

    private const string StampSqlServerSql = """
        SELECT (SELECT COALESCE(CAST(MAX(position) AS BIGINT), 0) FROM changes WHERE department_code = @DepartmentCode) AS Department,
               (SELECT COALESCE(CAST(MAX(position) AS BIGINT), 0) FROM changes WHERE department_code IS NULL) AS Shared
        """;

    private readonly ConcurrentDictionary<(string, int, bool, MessageLanguage), (Stamp Stamp, ScorecardResponse Card)> _entries = new();

    public static async Task<Stamp> StampAsync(DbSession db, string departmentCode, CancellationToken ct) =>
        (await db.QuerySingleOrDefaultAsync<Stamp>(db.Dialect.Name == "SqlServer" ? StampSqlServerSql : StampSql, new { DepartmentCode = departmentCode }, ct))!;

    public ScorecardResponse? Find(GetScorecard request, Stamp stamp) =>
        _entries.TryGetValue(Key(request), out var entry) && entry.Stamp == stamp ? entry.Card : null;

    public void Keep(GetScorecard request, Stamp stamp, ScorecardResponse card)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[Key(request)] = (stamp, card);
    }

    private static (string, int, bool, MessageLanguage) Key(GetScorecard r) => (r.DepartmentCode, r.FiscalYear, r.Explain, r.Language);

    public sealed record Stamp
    {
        public long Department { get; init; }
        public long Shared { get; init; }
    }
}
