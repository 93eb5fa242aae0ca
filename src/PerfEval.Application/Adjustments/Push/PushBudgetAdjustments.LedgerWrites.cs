using PerfEval.Application.Budgets;
using PerfEval.Application.Common;

namespace PerfEval.Application.Adjustments.Push;

public sealed partial record PushBudgetAdjustments
{
    // The batch written: its rows appended to the ledger (one prepared insert), recorded in the change
    // feed, and the lines' totals moved inside the database.
    internal sealed partial class Handler
    {
        internal const string InsertSql = """
            INSERT INTO budget_adjustments (line_id, department_code, fiscal_year, amount, document_number, reason,
                effective_date, source_system, source_item_id, reverses_id, client_name, created_at)
            VALUES (@LineId, @DepartmentCode, @FiscalYear, @Amount, @DocumentNumber, @Reason,
                @EffectiveDate, @SourceSystem, @SourceItemId, @ReversesId, @ClientName, @Now)
            """;

        internal const string ApplySql = """
            UPDATE budget_lines SET adjustment_total = dec_add(adjustment_total, @Delta), row_version = row_version + 1, updated_at = @Now
            WHERE id = @LineId
            """;

        internal const string LastIdSql = "SELECT COALESCE(MAX(id), 0) FROM budget_adjustments";

        private const string LinesAfterSql = $"SELECT {BudgetLineResponse.Columns} FROM budget_lines WHERE id IN @Ids";

        private const string InsertedSql = $"""
            SELECT {BudgetAdjustmentResponse.Columns} FROM budget_adjustments
            WHERE source_system = @SourceSystem AND source_item_id IN @SourceItemIds
            """;

        private static (AdjustmentItem Item, long LineId)[] Rows(IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines) =>
            [.. items.Select((item, i) => (item, lines[i]!.Id))];

        /// <summary><see cref="InsertSql"/>'s parameters for each item and the id of the line it adjusts.</summary>
        internal static (string, Func<(AdjustmentItem Item, long LineId), object?>)[] InsertParameters(string clientName, DateTimeOffset now) =>
        [
            ("LineId", r => r.LineId),
            ("DepartmentCode", r => r.Item.DepartmentCode),
            ("FiscalYear", r => r.Item.FiscalYear),
            ("Amount", r => r.Item.Amount),
            ("DocumentNumber", r => r.Item.DocumentNumber),
            ("Reason", r => r.Item.Reason),
            ("EffectiveDate", r => r.Item.EffectiveDate),
            ("SourceSystem", r => r.Item.SourceSystem),
            ("SourceItemId", r => r.Item.SourceItemId),
            ("ReversesId", r => r.Item.ReversesId),
            ("ClientName", _ => clientName),
            ("Now", _ => now),
        ];

        /// <summary>Each line moves once, by the sum of its items, inside the database (one prepared statement for all lines).</summary>
        private async Task<List<AdjustedLine>> ApplyToLinesAsync(IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines, DateTimeOffset now, CancellationToken ct)
        {
            var deltas = items.Select((a, i) => (lines[i]!.Id, a.Amount)).GroupBy(x => x.Id, x => x.Amount).Select(g => (LineId: g.Key, Delta: g.Sum())).ToList();
            await db.ExecuteForEachAsync(ApplySql, deltas, ApplyParameters(now), ct);

            var adjusted = new List<AdjustedLine>(deltas.Count);
            var lowered = deltas.Where(d => d.Delta < 0).Select(d => d.LineId).ToHashSet();
            foreach (var chunk in deltas.Select(d => d.LineId).Chunk(Chunk))
            {
                foreach (var after in await db.QueryAsync<BudgetLineResponse>(LinesAfterSql, new { Ids = chunk }, ct))
                {
                    // Re-checked after the atomic update, under its row lock: a concurrent batch that
                    // moved the same line first cannot make this one push it below the executed amount.
                    if (lowered.Contains(after.Id) && after.AdjustedAmount < after.ExecutedAmount)
                    {
                        throw new BusinessRuleException("lines", Messages.LineBelowExecutedNow.Format(after.Id, Text(after.AdjustedAmount), Text(after.ExecutedAmount)));
                    }

                    adjusted.Add(new AdjustedLine(after.Id, after.DepartmentCode, after.FiscalYear, after.InitialAmount, after.AdjustmentTotal, after.AdjustedAmount, after.ExecutedAmount));
                }
            }

            return [.. adjusted.OrderBy(l => l.LineId)];
        }

        /// <summary><see cref="ApplySql"/>'s parameters: a line and the sum of the batch's items on it.</summary>
        internal static (string, Func<(long LineId, decimal Delta), object?>)[] ApplyParameters(DateTimeOffset now) =>
            [("LineId", d => d.LineId), ("Delta", d => d.Delta), ("Now", _ => now)];

        /// <summary>
        /// The rows just written, in the batch's order: known without reading them back where the
        /// database assigns ids in insert order, else read back by their unique source items.
        /// </summary>
        private async Task<List<BudgetAdjustmentResponse>> CreatedAsync(
            IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines, long lastIdBefore, DateTimeOffset now, CancellationToken ct)
        {
            if (db.Dialect.AssignsIdsInInsertOrder)
            {
                var lastId = await db.ExecuteScalarAsync<long>(LastIdSql, null, ct);
                if (lastId != lastIdBefore + items.Count)
                {
                    throw new InvalidOperationException($"The ledger's ids moved from {lastIdBefore} to {lastId} while {items.Count} adjustments were written in one transaction.");
                }

                return [.. items.Select((a, i) => new BudgetAdjustmentResponse
                {
                    Id = lastIdBefore + 1 + i,
                    LineId = lines[i]!.Id,
                    DepartmentCode = a.DepartmentCode,
                    FiscalYear = a.FiscalYear,
                    Amount = a.Amount,
                    DocumentNumber = a.DocumentNumber,
                    Reason = a.Reason,
                    EffectiveDate = a.EffectiveDate,
                    SourceSystem = a.SourceSystem,
                    SourceItemId = a.SourceItemId,
                    ReversesId = a.ReversesId,
                    ClientName = context.ClientName,
                    CreatedAt = now,
                })];
            }

            var created = new List<BudgetAdjustmentResponse>(items.Count);
            foreach (var (system, ids) in items.GroupBy(a => a.SourceSystem, a => a.SourceItemId).Select(g => (g.Key, g.ToList())))
            {
                foreach (var chunk in ids.Chunk(Chunk))
                {
                    created.AddRange(await db.QueryAsync<BudgetAdjustmentResponse>(InsertedSql, new { SourceSystem = system, SourceItemIds = chunk }, ct));
                }
            }

            var order = items.Select((a, i) => (a.SourceSystem, a.SourceItemId, i)).ToDictionary(x => (x.SourceSystem, x.SourceItemId), x => x.i);
            return [.. created.OrderBy(c => order[(c.SourceSystem, c.SourceItemId)])];
        }

        /// <summary>
        /// The rows' change-feed entries, with one statement, unless a trigger has recorded them already.
        /// </summary>
        private async Task RecordInFeedAsync(long lastIdBefore, CancellationToken ct)
        {
            if (!db.Dialect.RecordsLedgerAppendsByTrigger)
            {
                await db.ExecuteAsync(BudgetAdjustmentResponse.RecordAppendedInFeedSql, new { After = lastIdBefore }, ct);
            }
        }
    }
}
