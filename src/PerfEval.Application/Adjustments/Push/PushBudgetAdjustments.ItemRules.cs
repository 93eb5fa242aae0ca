using PerfEval.Application.Budgets;
using PerfEval.Application.Common;

namespace PerfEval.Application.Adjustments.Push;

public sealed partial record PushBudgetAdjustments
{
    // The rules an item keeps against the ledger: a line stays above its executed amount, a reversal
    // is the exact opposite of one adjustment, a source item is recorded once.
    internal sealed partial class Handler
    {
        private const string RecordedSourceItemsSql = """
            SELECT source_item_id FROM budget_adjustments
            WHERE source_system = @SourceSystem AND source_item_id IN @SourceItemIds
              AND NOT (created_at = @Now AND client_name = @ClientName)
            """;

        private const string ReversedSql = """
            SELECT a.id AS Id, a.line_id AS LineId, a.amount AS Amount,
                (SELECT COUNT(*) FROM budget_adjustments r WHERE r.reverses_id = a.id) AS ReversedCount
            FROM budget_adjustments a WHERE a.id IN @Ids
            """;

        /// <summary>
        /// Items are applied in order: an item that takes a line's adjusted amount below its executed
        /// amount, or beyond the largest amount a line holds, is refused.
        /// </summary>
        private static void CheckAdjustedStaysAboveExecuted(IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines, Action<int, string> fail)
        {
            var running = new Dictionary<long, decimal>();
            for (var i = 0; i < items.Count; i++)
            {
                if (lines[i] is not { } line)
                {
                    continue;
                }

                var adjusted = running[line.Id] = running.GetValueOrDefault(line.Id, line.AdjustedAmount) + items[i].Amount;
                if (items[i].Amount < 0 && adjusted < line.ExecutedAmount)
                {
                    fail(i, Messages.LineBelowExecuted.Format(Text(adjusted), Text(line.ExecutedAmount)));
                }
                else if (Math.Abs(adjusted) > DomainRules.MaxAmount)
                {
                    fail(i, Messages.LineOverMaximum.Format(Text(adjusted), Text(DomainRules.MaxAmount)));
                }
            }
        }

        /// <summary>A reversal is the exact opposite of an earlier adjustment on the same line, and reverses it once.</summary>
        private async Task CheckReversalsAsync(IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines, Action<int, string> fail, CancellationToken ct)
        {
            var reversals = items.Select((a, i) => (a.ReversesId, i)).Where(x => x.ReversesId is not null).ToList();
            if (reversals.Count == 0)
            {
                return;
            }

            var found = new Dictionary<long, ReversedRow>();
            foreach (var chunk in reversals.Select(r => r.ReversesId!.Value).Distinct().Chunk(Chunk))
            {
                foreach (var row in await db.QueryAsync<ReversedRow>(ReversedSql, new { Ids = chunk }, ct))
                {
                    found[row.Id] = row;
                }
            }

            foreach (var group in reversals.GroupBy(r => r.ReversesId!.Value))
            {
                foreach (var (id, i) in group)
                {
                    if (!found.TryGetValue(id!.Value, out var reversed))
                    {
                        fail(i, Messages.AdjustmentMissing.Format(id));
                    }
                    else if (lines[i] is { } line && (reversed.LineId != line.Id || reversed.Amount != -items[i].Amount))
                    {
                        fail(i, Messages.ReversalNotOpposite.Format(Text(-reversed.Amount), id, reversed.LineId));
                    }
                    else if (reversed.ReversedCount > 0 || group.Count() > 1)
                    {
                        fail(i, Messages.AlreadyReversed.Format(id));
                    }
                }
            }
        }

        private static List<int> RepeatedInBatch(IReadOnlyList<AdjustmentItem> items)
        {
            var seen = new HashSet<(string, string)>(items.Count);
            return [.. Enumerable.Range(0, items.Count).Where(i => !seen.Add((items[i].SourceSystem, items[i].SourceItemId)))];
        }

        /// <summary>Source items recorded before this batch (its own rows, already written in this transaction, excluded).</summary>
        private async Task<List<int>> RecordedSourceItemsAsync(IReadOnlyList<AdjustmentItem> items, DateTimeOffset now, CancellationToken ct)
        {
            var recorded = new List<int>();
            foreach (var group in items.Select((a, i) => (a, i)).GroupBy(x => x.a.SourceSystem))
            {
                foreach (var chunk in group.Chunk(Chunk))
                {
                    var found = (await db.QueryAsync<string>(RecordedSourceItemsSql, new { SourceSystem = group.Key, SourceItemIds = chunk.Select(x => x.a.SourceItemId).ToArray(), Now = now, context.ClientName }, ct)).ToHashSet();
                    recorded.AddRange(chunk.Where(x => found.Contains(x.a.SourceItemId)).Select(x => x.i));
                }
            }

            return [.. recorded.Order()];
        }

        private static ConflictException AlreadyRecorded(IReadOnlyList<AdjustmentItem> items, List<int> indexes) => new(
            Messages.SourceItemsRecorded.Format(indexes.Count),
            indexes.ToDictionary(i => $"adjustments[{i}]", i => new[] { Messages.SourceItemRecorded.Format(items[i].SourceSystem, items[i].SourceItemId) }));

        private sealed record ReversedRow
        {
            public long Id { get; init; }
            public long LineId { get; init; }
            public decimal Amount { get; init; }
            public int ReversedCount { get; init; }
        }
    }
}
