using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.ReadModel;

/// <summary>What a rebuild did: the years it scored again and how many scorecards changed.</summary>
public sealed record ReadModelRebuilt(IReadOnlyList<int> Years, int Changed, bool Skipped);

/// <summary>
/// Scores every department-year of every fiscal year again from the base tables and brings the read
/// model to it, in one transaction, then records the rules version it was built with. With
/// <see cref="OnlyWhenStale"/> (at start-up) nothing happens when the read model was already built
/// by these rules. Rows equal to the recomputation are left as they are. The monitoring cards of every
/// year are brought to the monitoring rules the same way.
/// </summary>
public sealed record RebuildReadModel(bool OnlyWhenStale = false) : ICommand<ReadModelRebuilt>, IBookkeeping
{
    internal sealed class Handler(DbSession db, ScorecardReadModel readModel, Monitoring.MonitoringReadModel monitoring, TimeProvider clock) : IRequestHandler<RebuildReadModel, ReadModelRebuilt>
    {
        private const string RulesVersionSql = "SELECT rules_version FROM read_model_state WHERE id = 1";

        private const string YearsSql = "SELECT year FROM fiscal_years ORDER BY year";

        private const string ForgetSql = "DELETE FROM read_model_state";

        private const string RecordSql = "INSERT INTO read_model_state (id, rules_version, rebuilt_at) VALUES (1, @RulesVersion, @Now)";

        public async Task<ReadModelRebuilt> Handle(RebuildReadModel request, CancellationToken ct)
        {
            if (request.OnlyWhenStale && await db.QuerySingleOrDefaultAsync<int?>(RulesVersionSql, null, ct) == ScorecardReadModel.RulesVersion)
            {
                return new ReadModelRebuilt([], 0, Skipped: true);
            }

            var years = (await db.QueryAsync<int>(YearsSql, null, ct)).ToList();
            var changed = 0;
            foreach (var year in years)
            {
                changed += await readModel.RefreshYearAsync(year, ct);
                changed += await monitoring.RefreshYearAsync(year, ct);
            }

            await db.ExecuteAsync(ForgetSql, null, ct);
            await db.ExecuteAsync(RecordSql, new { ScorecardReadModel.RulesVersion, Now = clock.GetUtcNow() }, ct);
            return new ReadModelRebuilt(years, changed, Skipped: false);
        }
    }
}
