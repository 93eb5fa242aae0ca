using System.Globalization;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;

namespace PerfEval.Application.Adjustments.Push;

public sealed partial record PushBudgetAdjustments
{
    /// <summary>
    /// The batch in three steps: every item checked against the data (its line, the ledger's rules),
    /// every bad one reported by index with nothing written; then the rows appended and the lines'
    /// totals moved; then the answer serialized once. Its parts, one job each: ItemLines, ItemRules,
    /// LedgerWrites.
    /// </summary>
    internal sealed partial class Handler(DbSession db, IRequestContext context, TimeProvider clock) : IRequestHandler<PushBudgetAdjustments, PushedBatch>
    {
        /// <summary>Lists are sent in chunks that stay under both providers' parameter limits.</summary>
        private const int Chunk = 500;

        public async Task<PushedBatch> Handle(PushBudgetAdjustments request, CancellationToken ct)
        {
            var items = request.Adjustments;
            var lines = new BudgetLineResponse?[items.Count];
            var errors = new Dictionary<string, List<string>>();
            void Fail(int i, string message) => (errors.TryGetValue($"adjustments[{i}]", out var list) ? list : errors[$"adjustments[{i}]"] = []).Add(message);

            await ResolveLinesAsync(items, lines, Fail, ct);
            CheckAdjustedStaysAboveExecuted(items, lines, Fail);
            await CheckReversalsAsync(items, lines, Fail, ct);
            if (errors.Count > 0)
            {
                throw new BusinessRuleException(
                    Messages.ItemsRefused.Format(errors.Count, items.Count),
                    errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
            }

            var repeated = RepeatedInBatch(items);
            if (repeated.Count > 0)
            {
                throw AlreadyRecorded(items, repeated);
            }

            var now = clock.GetUtcNow();
            var lastIdBefore = await db.ExecuteScalarAsync<long>(LastIdSql, null, ct);
            try
            {
                await db.ExecuteForEachAsync(InsertSql, Rows(items, lines), InsertParameters(context.ClientName, now), ct);
            }
            catch (System.Data.Common.DbException ex) when (db.Dialect.IsUniqueViolation(ex))
            {
                // The ledger's unique source items (or single reversals) guard the happy path; which
                // items clashed is worked out only now, and the whole batch is rolled back.
                var recorded = await RecordedSourceItemsAsync(items, now, ct);
                throw recorded.Count > 0
                    ? AlreadyRecorded(items, recorded)
                    : new ConflictException(Messages.ReversedMeanwhile.Current);
            }

            var created = await CreatedAsync(items, lines, lastIdBefore, now, ct);

            // The answer lists every created adjustment (about 3 MB for 10,000): serialized on another
            // core while the database records the feed and moves the lines' totals.
            var createdJson = Task.Run(() => PushedBatch.Serialize(created), CancellationToken.None);
            await RecordInFeedAsync(lastIdBefore, ct);
            var adjusted = await ApplyToLinesAsync(items, lines, now, ct);
            using var adjustmentsJson = await createdJson;
            return PushedBatch.Created(new PushedAdjustments(created, adjusted), PushedBatch.Utf8JsonOf(adjustmentsJson.Written, adjusted));
        }

        private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
