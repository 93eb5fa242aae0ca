using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Adjustments;

/// <summary>
/// One adjustment to append: it names its line by id, or by class + funding source (+ project). A
/// document number (文号) the source does not state is null (unstated), never a made-up one.
/// </summary>
public sealed record AdjustmentItem(
    string DepartmentCode,
    int FiscalYear,
    decimal Amount,
    string? DocumentNumber,
    string Reason,
    DateOnly EffectiveDate,
    string SourceSystem,
    string SourceItemId,
    long? LineId = null,
    ExpenditureClass? ExpenditureClass = null,
    FundingSource? FundingSource = null,
    long? ProjectId = null,
    long? ReversesId = null);

/// <summary>A line's totals right after the batch: the new adjusted amount it produced.</summary>
public sealed record AdjustedLine(long LineId, string DepartmentCode, int FiscalYear, decimal InitialAmount, decimal AdjustmentTotal, decimal AdjustedAmount, decimal ExecutedAmount);

/// <summary>Every adjustment the batch created, and the new totals of every line it moved.</summary>
public sealed record PushedAdjustments(IReadOnlyList<BudgetAdjustmentResponse> Adjustments, IReadOnlyList<AdjustedLine> Lines);

/// <summary>A push as the audit log records it: how many adjustments, their net amount, the ledger ids they got, the lines they moved.</summary>
public sealed record PushAudit(int Adjustments, decimal NetAmount, long FirstId, long LastId, IReadOnlyList<string> SourceSystems, IReadOnlyList<long> Lines, DateTimeOffset RecordedAt);

/// <summary>
/// A pushed batch and its JSON, serialized once, as UTF-8: the text stored with the idempotency key
/// is the text sent, so the first answer and every replay are the same bytes. A 10,000-item answer
/// is about 3 MB; it never becomes a 6 MB string, nor is it converted again to be stored or sent.
/// </summary>
public sealed record PushedBatch(PushedAdjustments Result, byte[] Utf8Json)
{
    /// <summary>The created adjustments' JSON (about 3 MB for 10,000), in a pooled buffer: it is copied into the answer.</summary>
    internal static PooledBuffer Serialize(IReadOnlyList<BudgetAdjustmentResponse> adjustments)
    {
        var buffer = new PooledBuffer(adjustments.Count * 320);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonText.Options.Encoder }))
        {
            JsonSerializer.Serialize(writer, adjustments, JsonText.Options);
        }

        return buffer;
    }

    /// <summary>
    /// The JSON of a <see cref="PushedAdjustments"/> from its adjustments already serialized and its
    /// lines: the same bytes as serializing the whole at once.
    /// </summary>
    internal static byte[] Utf8JsonOf(ReadOnlySpan<byte> adjustmentsJson, IReadOnlyList<AdjustedLine> lines)
    {
        var naming = JsonText.Options.PropertyNamingPolicy!;
        var start = Encoding.UTF8.GetBytes($"{{\"{naming.ConvertName(nameof(PushedAdjustments.Adjustments))}\":");
        var middle = Encoding.UTF8.GetBytes($",\"{naming.ConvertName(nameof(PushedAdjustments.Lines))}\":");
        var linesJson = JsonSerializer.SerializeToUtf8Bytes(lines, JsonText.Options);
        var json = new byte[start.Length + adjustmentsJson.Length + middle.Length + linesJson.Length + 1];
        var rest = json.AsSpan();
        start.CopyTo(rest);
        adjustmentsJson.CopyTo(rest = rest[start.Length..]);
        middle.CopyTo(rest = rest[adjustmentsJson.Length..]);
        linesJson.CopyTo(rest = rest[middle.Length..]);
        rest[linesJson.Length] = (byte)'}';
        return json;
    }
}

/// <summary>
/// Appends a batch of 1 to 10,000 adjustments all-or-nothing, in one transaction. Every bad item is
/// reported by index and nothing is written (422; a source item already recorded: 409). Line totals
/// move inside the database (<c>SET total = total + Σdelta</c>); no total is read, changed and
/// written back in C#. With an idempotency claim, the response is stored with the adjustments.
/// </summary>
public sealed record PushBudgetAdjustments(IReadOnlyList<AdjustmentItem> Adjustments) : ICommand<PushedBatch>, Audit.ISummarizedInAudit<PushedBatch>, IChangesScorecards<PushedBatch>
{
    ScorecardsAffected IChangesScorecards<PushedBatch>.Affected(PushedBatch batch) =>
        ScorecardsAffected.Of(batch.Result.Lines.Select(l => new DepartmentYear(l.DepartmentCode, l.FiscalYear)));

    public const int MaxBatch = 10_000;

    /// <summary>A single adjustment is bounded well inside DECIMAL(19,2): one trillion yuan.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public const int MaxDocumentNumber = 100;
    public const int MaxReason = 1000;
    public const int MaxSourceSystem = 64;
    public const int MaxSourceItemId = 128;

    /// <summary>
    /// The audit record of a push names what it recorded instead of repeating up to 10,000 items
    /// (about 3 MB): each of them is a ledger row with this client and time.
    /// </summary>
    public object AuditSummary(PushedBatch response) => new PushAudit(
        response.Result.Adjustments.Count,
        response.Result.Adjustments.Sum(a => a.Amount),
        response.Result.Adjustments.Min(a => a.Id),
        response.Result.Adjustments.Max(a => a.Id),
        [.. response.Result.Adjustments.Select(a => a.SourceSystem).Distinct().Order(StringComparer.Ordinal)],
        [.. response.Result.Lines.Select(l => l.LineId)],
        response.Result.Adjustments[0].CreatedAt);

    /// <summary>Set by the API from the Idempotency-Key header once the key is claimed.</summary>
    [RouteValue]
    public IdempotencyClaim? Idempotency { get; init; }

    /// <summary>
    /// Checks every item in one pass: a child validator per item cost more than writing the whole
    /// batch. Failures are named as FluentValidation names them (<c>Adjustments[3].Amount</c>).
    /// </summary>
    internal sealed class Validator : AbstractValidator<PushBudgetAdjustments>
    {
        private static readonly DateOnly EarliestDate = new(2000, 1, 1);
        private static readonly DateOnly LatestDate = new(2101, 12, 31);

        public Validator()
        {
            RuleFor(x => x.Adjustments).NotEmpty().Must(a => a.Count <= MaxBatch).WithMessage(_ => Messages.BatchSize.Format(MaxBatch));
            RuleFor(x => x.Adjustments).Custom((items, context) =>
            {
                for (var i = 0; i < items.Count && i < MaxBatch; i++)
                {
                    foreach (var (property, message) in Failures(items[i]))
                    {
                        context.AddFailure($"Adjustments[{i}].{property}", message);
                    }
                }
            });
        }

        private static IEnumerable<(string Property, string Message)> Failures(AdjustmentItem item)
        {
            if (!DomainRules.IsDepartmentCode(item.DepartmentCode))
            {
                yield return (nameof(item.DepartmentCode), DomainRules.DepartmentCodeMessage);
            }

            if (item.FiscalYear is < DomainRules.FirstYear or > DomainRules.LastYear)
            {
                yield return (nameof(item.FiscalYear), Messages.BetweenBounds.Format("fiscalYear", DomainRules.FirstYear, DomainRules.LastYear));
            }

            if (item.Amount == 0)
            {
                yield return (nameof(item.Amount), Messages.AmountNotZero.Current);
            }
            else if (decimal.Round(item.Amount, 2) != item.Amount)
            {
                yield return (nameof(item.Amount), Messages.AmountDecimals.Current);
            }
            else if (Math.Abs(item.Amount) > MaxAmount)
            {
                yield return (nameof(item.Amount), Messages.BetweenBounds.Format("amount", $"-{MaxAmount:0}", $"{MaxAmount:0}"));
            }

            if (item.DocumentNumber is { } documentNumber && string.IsNullOrWhiteSpace(documentNumber))
            {
                yield return (nameof(item.DocumentNumber), Messages.NotEmpty.Format("documentNumber"));
            }
            else if (item.DocumentNumber is { Length: > MaxDocumentNumber })
            {
                yield return (nameof(item.DocumentNumber), Messages.AtMostCharacters.Format("documentNumber", MaxDocumentNumber));
            }

            foreach (var (property, value, maxLength) in new[]
            {
                (nameof(item.Reason), item.Reason, MaxReason),
                (nameof(item.SourceSystem), item.SourceSystem, MaxSourceSystem),
                (nameof(item.SourceItemId), item.SourceItemId, MaxSourceItemId),
            })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return (property, Messages.NotEmpty.Format(JsonNamingPolicy.CamelCase.ConvertName(property)));
                }
                else if (value.Length > maxLength)
                {
                    yield return (property, Messages.AtMostCharacters.Format(JsonNamingPolicy.CamelCase.ConvertName(property), maxLength));
                }
            }

            if (item.EffectiveDate < EarliestDate || item.EffectiveDate > LatestDate)
            {
                yield return (nameof(item.EffectiveDate), Messages.BetweenBounds.Format("effectiveDate", $"{EarliestDate:yyyy-MM-dd}", $"{LatestDate:yyyy-MM-dd}"));
            }

            var nameTheLine = Messages.NameTheLine.Current;
            if (item.LineId is null && item.ExpenditureClass is null)
            {
                yield return (nameof(item.ExpenditureClass), nameTheLine);
            }

            if (item.LineId is null && item.FundingSource is null)
            {
                yield return (nameof(item.FundingSource), nameTheLine);
            }

            if (item.ExpenditureClass is { } expenditureClass && !Enum.IsDefined(expenditureClass))
            {
                yield return (nameof(item.ExpenditureClass), Messages.NotAllowedValue.Format("expenditureClass"));
            }

            if (item.FundingSource is { } fundingSource && !Enum.IsDefined(fundingSource))
            {
                yield return (nameof(item.FundingSource), Messages.NotAllowedValue.Format("fundingSource"));
            }
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context, TimeProvider clock) : IRequestHandler<PushBudgetAdjustments, PushedBatch>
    {
        /// <summary>Lists are sent in chunks that stay under both providers' parameter limits.</summary>
        private const int Chunk = 500;

        private const string LinesOfDepartmentsSql = $"""
            SELECT {BudgetLineResponse.Columns} FROM budget_lines
            WHERE fiscal_year = @FiscalYear AND department_code IN @Codes
            """;

        private const string RegionsSql = "SELECT code AS Code, region AS Region FROM departments WHERE code IN @Codes";

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

        private const string InsertSql = """
            INSERT INTO budget_adjustments (line_id, department_code, fiscal_year, amount, document_number, reason,
                effective_date, source_system, source_item_id, reverses_id, client_name, created_at)
            VALUES (@LineId, @DepartmentCode, @FiscalYear, @Amount, @DocumentNumber, @Reason,
                @EffectiveDate, @SourceSystem, @SourceItemId, @ReversesId, @ClientName, @Now)
            """;

        private const string ApplySql = """
            UPDATE budget_lines SET adjustment_total = dec_add(adjustment_total, @Delta), row_version = row_version + 1, updated_at = @Now
            WHERE id = @LineId
            """;

        private const string LastIdSql = "SELECT COALESCE(MAX(id), 0) FROM budget_adjustments";

        private const string LinesAfterSql = $"SELECT {BudgetLineResponse.Columns} FROM budget_lines WHERE id IN @Ids";

        private const string InsertedSql = $"""
            SELECT {BudgetAdjustmentResponse.Columns} FROM budget_adjustments
            WHERE source_system = @SourceSystem AND source_item_id IN @SourceItemIds
            """;

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
            var result = new PushedAdjustments(created, adjusted);
            byte[] json;
            using (var adjustmentsJson = await createdJson)
            {
                json = PushedBatch.Utf8JsonOf(adjustmentsJson.Written, adjusted);
            }
            if (request.Idempotency is { } claim)
            {
                await db.CompleteAsync(claim, 201, json, now, ct);
            }

            return new PushedBatch(result, json);
        }

        private static (AdjustmentItem Item, BudgetLineResponse Line)[] Rows(IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines) =>
            [.. items.Select((item, i) => (item, lines[i]!))];

        private static (string, Func<(AdjustmentItem Item, BudgetLineResponse Line), object?>)[] InsertParameters(string clientName, DateTimeOffset now) =>
        [
            ("LineId", r => r.Line.Id),
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
            await db.ExecuteForEachAsync(ApplySql, deltas, [("LineId", d => d.LineId), ("Delta", d => d.Delta), ("Now", _ => now)], ct);

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

        /// <summary>
        /// Each item's line, its year open and its department visible to the client. Departments and
        /// lines are read a chunk of departments at a time, so a batch spread over thousands of
        /// departments costs a few dozen queries, not thousands.
        /// </summary>
        private async Task ResolveLinesAsync(IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines, Action<int, string> fail, CancellationToken ct)
        {
            var years = new Dictionary<int, FiscalYearStatus?>();
            foreach (var year in items.Select(i => i.FiscalYear).Distinct())
            {
                years[year] = await db.StatusOfYearAsync(year, ct);
            }

            var regions = new Dictionary<string, string>();
            foreach (var chunk in items.Select(i => i.DepartmentCode).Distinct().Chunk(Chunk))
            {
                foreach (var department in await db.QueryAsync<DepartmentRegion>(RegionsSql, new { Codes = chunk }, ct))
                {
                    regions[department.Code] = department.Region;
                }
            }

            var byDepartmentYear = new Dictionary<(string, int), List<BudgetLineResponse>>();
            foreach (var year in items.Where(i => regions.ContainsKey(i.DepartmentCode)).GroupBy(i => i.FiscalYear))
            {
                foreach (var chunk in year.Select(i => i.DepartmentCode).Distinct().Chunk(Chunk))
                {
                    foreach (var line in await db.QueryAsync<BudgetLineResponse>(LinesOfDepartmentsSql, new { FiscalYear = year.Key, Codes = chunk }, ct))
                    {
                        var key = (line.DepartmentCode, line.FiscalYear);
                        (byDepartmentYear.TryGetValue(key, out var list) ? list : byDepartmentYear[key] = []).Add(line);
                    }
                }
            }

            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];

                // A department outside the client's limits is answered as a missing one: the client
                // cannot learn from a push whether it exists.
                var region = regions.GetValueOrDefault(item.DepartmentCode) is { } found && context.MaySee(item.DepartmentCode, found) ? found : null;

                var status = years[item.FiscalYear];
                if (status is null)
                {
                    fail(i, Messages.YearMissing.Format(item.FiscalYear));
                }
                else if (status == FiscalYearStatus.Closed)
                {
                    fail(i, Messages.YearClosedForBudget.Format(item.FiscalYear));
                }

                if (region is null)
                {
                    fail(i, Messages.DepartmentMissing.Format(item.DepartmentCode));
                    continue;
                }

                var candidates = byDepartmentYear.GetValueOrDefault((item.DepartmentCode, item.FiscalYear)) ?? [];
                lines[i] = item.LineId is { } lineId
                    ? candidates.Find(l => l.Id == lineId)
                    : candidates.Find(l => l.ExpenditureClass == item.ExpenditureClass && l.FundingSource == item.FundingSource && l.ProjectId == item.ProjectId);
                if (lines[i] is null)
                {
                    fail(i, item.LineId is { } id
                        ? Messages.LineMissing.Format(item.DepartmentCode, id, item.FiscalYear)
                        : Messages.LineOfKindMissing.Format(item.DepartmentCode, item.ExpenditureClass, item.FundingSource, item.FiscalYear, item.ProjectId is { } p ? Messages.ForProject.Format(p) : string.Empty));
                }
            }
        }

        /// <summary>Items are applied in order: an item that takes a line's adjusted amount below its executed amount is refused.</summary>
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

        private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        private sealed record DepartmentRegion
        {
            public required string Code { get; init; }
            public required string Region { get; init; }
        }

        private sealed record ReversedRow
        {
            public long Id { get; init; }
            public long LineId { get; init; }
            public decimal Amount { get; init; }
            public int ReversedCount { get; init; }
        }
    }
}
