using System.Collections.Concurrent;
using PerfEval.Application.Common;

namespace PerfEval.Application.Evaluations;

/// <summary>
/// Scorecards computed before, each kept with the change-feed positions it was computed at: the
/// newest change of its department, and the newest change without a department (years, schemes).
/// Every write appends to the feed in its own transaction, so a read that finds both positions
/// unchanged knows nothing it depends on changed: the cache can never serve a stale scorecard, and
/// checking it costs one indexed query (<see cref="IScorecardStamps"/>) instead of five queries and the scoring.
/// </summary>
public sealed class ScorecardCache
{
    /// <summary>Entries kept at most; past it the cache starts afresh (a cheap, safe bound).</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<(string, int, bool, MessageLanguage), (Stamp Stamp, ScorecardResponse Card)> _entries = new();

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

    /// <summary>The newest change-feed position of the department, and of the changes without a department.</summary>
    public sealed record Stamp
    {
        public long Department { get; init; }
        public long Shared { get; init; }
    }
}

/// <summary>Reads a department's <see cref="ScorecardCache.Stamp"/> from the database, as committed now.</summary>
public interface IScorecardStamps
{
    ValueTask<ScorecardCache.Stamp> ReadAsync(DbSession db, string departmentCode, CancellationToken cancellationToken);
}
