using System.Globalization;
using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.Adjustments;

/// <summary>One adjustment to append: it names its line by id, or by class + funding source (+ project).</summary>
public sealed record AdjustmentItem(
    string DepartmentCode,
    int FiscalYear,
    decimal Amount,
    string DocumentNumber,
    string Reason,
    DateOnly EffectiveDate,
    string SourceSystem,
    string SourceItemId,
    long? LineId = null,
    ExpenditureClass? ExpenditureClass = null,
    FundingSource? FundingSource = null,
    long? ProjectId = null,
    long? ReversesId = null);

/// <summary>The adjustment as stored, and the line's adjusted amount right after it.</summary>
public sealed record RecordedAdjustment(BudgetAdjustmentResponse Adjustment, decimal LineAdjustedAmount);

/// <summary>
/// Appends a batch of adjustments all-or-nothing: every bad item is reported by index (422) and
/// nothing is written. Line totals move by <c>SET total = total + delta</c> in the same transaction.
/// </summary>
public sealed record RecordBudgetAdjustments(IReadOnlyList<AdjustmentItem> Adjustments, string ClientName)
    : ICommand<IReadOnlyList<RecordedAdjustment>>
{
    public const int MaxBatch = 10_000;

    /// <summary>A single adjustment is bounded well inside DECIMAL(19,2).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    internal sealed class Validator : AbstractValidator<RecordBudgetAdjustments>
    {
        public Validator()
        {
            RuleFor(x => x.Adjustments).NotEmpty().Must(a => a.Count <= MaxBatch).WithMessage($"A batch holds 1 to {MaxBatch} adjustments.");
            RuleFor(x => x.ClientName).NotEmpty().MaximumLength(100);
            RuleForEach(x => x.Adjustments).ChildRules(item =>
            {
                item.RuleFor(a => a.DepartmentCode).DepartmentCode();
                item.RuleFor(a => a.FiscalYear).FiscalYear();
                item.RuleFor(a => a.Amount).NotEqual(0).Yuan().InclusiveBetween(-MaxAmount, MaxAmount);
                item.RuleFor(a => a.DocumentNumber).NotEmpty().MaximumLength(100);
                item.RuleFor(a => a.Reason).NotEmpty().MaximumLength(1000);
                item.RuleFor(a => a.SourceSystem).NotEmpty().MaximumLength(64);
                item.RuleFor(a => a.SourceItemId).NotEmpty().MaximumLength(128);
                item.RuleFor(a => a.ExpenditureClass).NotNull().IsInEnum().When(a => a.LineId is null)
                    .WithMessage("Name the line by lineId, or by expenditureClass and fundingSource.");
                item.RuleFor(a => a.FundingSource).NotNull().IsInEnum().When(a => a.LineId is null)
                    .WithMessage("Name the line by lineId, or by expenditureClass and fundingSource.");
            });
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<RecordBudgetAdjustments, IReadOnlyList<RecordedAdjustment>>
    {
        private const string LineByIdSql = $"""
            SELECT {BudgetLineResponse.Columns} FROM budget_lines
            WHERE id = @LineId AND department_code = @DepartmentCode AND fiscal_year = @FiscalYear
            """;

        private const string LineByIdentitySql = $"""
            SELECT {BudgetLineResponse.Columns} FROM budget_lines
            WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear AND expenditure_class = @ExpenditureClass
              AND funding_source = @FundingSource AND project_key = @ProjectKey
            """;

        private const string SourceItemExistsSql = "SELECT COUNT(*) FROM budget_adjustments WHERE source_system = @SourceSystem AND source_item_id = @SourceItemId";

        private const string ReversedSql = "SELECT line_id AS LineId, amount AS Amount FROM budget_adjustments WHERE id = @Id";

        private const string InsertSql = """
            INSERT INTO budget_adjustments (line_id, department_code, fiscal_year, amount, document_number, reason,
                effective_date, source_system, source_item_id, reverses_id, client_name, created_at)
            VALUES (@LineId, @DepartmentCode, @FiscalYear, @Amount, @DocumentNumber, @Reason,
                @EffectiveDate, @SourceSystem, @SourceItemId, @ReversesId, @ClientName, @Now)
            RETURNING id
            """;

        /// <summary>Atomic in the database: no total is read, changed and written back in C#.</summary>
        private const string ApplySql = """
            UPDATE budget_lines SET adjustment_total = dec_add(adjustment_total, @Amount), row_version = row_version + 1, updated_at = @Now
            WHERE id = @LineId
            """;

        private const string SelectInsertedSql = $"SELECT {BudgetAdjustmentResponse.Columns} FROM budget_adjustments WHERE id = @Id";

        public async Task<IReadOnlyList<RecordedAdjustment>> Handle(RecordBudgetAdjustments request, CancellationToken ct)
        {
            var errors = new Dictionary<string, string[]>();
            var lines = new BudgetLineResponse?[request.Adjustments.Count];
            var adjustedAfter = new Dictionary<long, decimal>();
            var years = new Dictionary<int, FiscalYearStatus?>();
            var sourceItems = new HashSet<(string, string)>();
            for (var i = 0; i < request.Adjustments.Count; i++)
            {
                var item = request.Adjustments[i];
                var problems = new List<string>();
                if (!years.TryGetValue(item.FiscalYear, out var status))
                {
                    years[item.FiscalYear] = status = await db.StatusOfYearAsync(item.FiscalYear, ct);
                }

                if (status is null)
                {
                    problems.Add($"Fiscal year {item.FiscalYear} does not exist.");
                }
                else if (status == FiscalYearStatus.Closed)
                {
                    problems.Add($"Fiscal year {item.FiscalYear} is closed.");
                }

                var line = lines[i] = item.LineId is { } lineId
                    ? await db.QuerySingleOrDefaultAsync<BudgetLineResponse>(LineByIdSql, new { LineId = lineId, item.DepartmentCode, item.FiscalYear }, ct)
                    : await db.QuerySingleOrDefaultAsync<BudgetLineResponse>(LineByIdentitySql, new
                    {
                        item.DepartmentCode,
                        item.FiscalYear,
                        ExpenditureClass = Sql.Name(item.ExpenditureClass),
                        FundingSource = Sql.Name(item.FundingSource),
                        ProjectKey = item.ProjectId ?? 0,
                    }, ct);
                if (line is null)
                {
                    problems.Add($"{item.DepartmentCode} has no such budget line in {item.FiscalYear}.");
                }
                else
                {
                    var adjusted = adjustedAfter.GetValueOrDefault(line.Id, line.AdjustedAmount) + item.Amount;
                    adjustedAfter[line.Id] = adjusted;
                    if (adjusted < line.ExecutedAmount)
                    {
                        problems.Add($"The line's adjusted amount would be {adjusted.ToString(CultureInfo.InvariantCulture)}, below the {line.ExecutedAmount.ToString(CultureInfo.InvariantCulture)} already executed.");
                    }
                }

                if (!sourceItems.Add((item.SourceSystem, item.SourceItemId))
                    || await db.ExecuteScalarAsync<int>(SourceItemExistsSql, new { item.SourceSystem, item.SourceItemId }, ct) > 0)
                {
                    problems.Add($"{item.SourceSystem} item '{item.SourceItemId}' was already recorded.");
                }

                if (item.ReversesId is { } reversesId)
                {
                    var reversed = await db.QuerySingleOrDefaultAsync<(long LineId, decimal Amount)?>(ReversedSql, new { Id = reversesId }, ct);
                    if (reversed is null || line is null || reversed.Value.LineId != line.Id || reversed.Value.Amount != -item.Amount)
                    {
                        problems.Add($"A reversal must be the exact opposite of adjustment {reversesId} on the same line.");
                    }
                }

                if (problems.Count > 0)
                {
                    errors[$"adjustments[{i}]"] = [.. problems];
                }
            }

            if (errors.Count > 0)
            {
                throw new BusinessRuleException($"{errors.Count} of {request.Adjustments.Count} adjustments cannot be applied; nothing was recorded.", errors);
            }

            var now = clock.GetUtcNow();
            var recorded = new List<RecordedAdjustment>(request.Adjustments.Count);
            for (var i = 0; i < request.Adjustments.Count; i++)
            {
                var item = request.Adjustments[i];
                var line = lines[i]!;
                var id = await db.ExecuteScalarAsync<long>(InsertSql, new
                {
                    LineId = line.Id,
                    item.DepartmentCode,
                    item.FiscalYear,
                    item.Amount,
                    item.DocumentNumber,
                    item.Reason,
                    item.EffectiveDate,
                    item.SourceSystem,
                    item.SourceItemId,
                    item.ReversesId,
                    request.ClientName,
                    Now = now,
                }, ct);
                await db.ExecuteAsync(ApplySql, new { LineId = line.Id, item.Amount, Now = now }, ct);
                var stored = await db.QuerySingleOrDefaultAsync<BudgetAdjustmentResponse>(SelectInsertedSql, new { Id = id }, ct);
                var lineAfter = await db.QuerySingleOrDefaultAsync<BudgetLineResponse>(LineByIdSql, new { LineId = line.Id, item.DepartmentCode, item.FiscalYear }, ct);
                recorded.Add(new RecordedAdjustment(stored!, lineAfter!.AdjustedAmount));
            }

            return recorded;
        }
    }
}
