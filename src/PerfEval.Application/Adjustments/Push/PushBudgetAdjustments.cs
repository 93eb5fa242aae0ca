using FluentValidation;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Adjustments.Push;

/// <summary>
/// One budget adjustment (年中调增/调减) to append; it names its line by id, or by expenditure class and
/// funding source (and project). A document number (文号) the source does not state is null (unstated),
/// never a made-up one.
/// </summary>
/// <param name="DepartmentCode">Department code of the line to adjust, e.g. `GXQ-SWJ`.</param>
/// <param name="FiscalYear">Fiscal year of the line, 2000–2100; it must exist and not be closed.</param>
/// <param name="Amount">Signed amount: positive 调增 increase, negative 调减 decrease; not 0. Yuan (元), exact decimal shown with 2 decimals. A decrease may not take the line's adjusted amount below its executed amount.</param>
/// <param name="DocumentNumber"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DocumentNumber"/></param>
/// <param name="Reason"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.Reason"/></param>
/// <param name="EffectiveDate"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.EffectiveDate"/></param>
/// <param name="SourceSystem"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.SourceSystem"/></param>
/// <param name="SourceItemId"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.SourceItemId"/></param>
/// <param name="LineId">The budget line to adjust, by id; or null and name it by expenditureClass + fundingSource (+ projectId).</param>
/// <param name="ExpenditureClass">With fundingSource (and projectId for a project line): names the line when lineId is null.</param>
/// <param name="FundingSource">With expenditureClass: names the line when lineId is null.</param>
/// <param name="ProjectId">The project of a project line named by class and source; null otherwise.</param>
/// <param name="ReversesId"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.ReversesId"/></param>
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

/// <summary>A batch of budget adjustments, applied in order, all or nothing.</summary>
/// <remarks>
/// Appends a batch of 1 to 10,000 adjustments all-or-nothing, in one transaction. Every bad item is
/// reported by index and nothing is written (422; a source item already recorded: 409). Line totals
/// move inside the database (<c>SET total = total + Σdelta</c>); no total is read, changed and
/// written back in C#. Sent with an Idempotency-Key, its answer is stored with the adjustments.
/// </remarks>
/// <param name="Adjustments">1 to 10,000 adjustments, applied in order, all or nothing.</param>
public sealed partial record PushBudgetAdjustments(IReadOnlyList<AdjustmentItem> Adjustments)
    : ICommand<PushedBatch>, IIdempotent, Audit.ISummarizedInAudit<PushedBatch>, IChangesScorecards<PushedBatch>
{
    /// <summary>At most this many adjustments in one push.</summary>
    public const int MaxBatch = 10_000;

    /// <summary>Longest document number (文号).</summary>
    public const int MaxDocumentNumber = 100;
    /// <summary>Longest reason.</summary>
    public const int MaxReason = 1000;
    /// <summary>Longest source system name.</summary>
    public const int MaxSourceSystem = 64;
    /// <summary>Longest source item id.</summary>
    public const int MaxSourceItemId = 128;

    /// <summary>Set by the API from the Idempotency-Key header, with the fingerprint of this request.</summary>
    [RouteValue]
    public IdempotencyKey? Idempotency { get; init; }

    ScorecardsAffected IChangesScorecards<PushedBatch>.Affected(PushedBatch batch) =>
        ScorecardsAffected.Of(batch.Recorded.Lines.Select(l => new DepartmentYear(l.DepartmentCode, l.FiscalYear)));

    /// <summary>
    /// The audit record of a push names what it recorded instead of repeating up to 10,000 items
    /// (about 3 MB): each of them is a ledger row with this client and time.
    /// </summary>
    public object AuditSummary(PushedBatch response)
    {
        var recorded = response.Recorded;
        return new PushAudit(
            recorded.Adjustments.Count,
            recorded.Adjustments.Sum(a => a.Amount),
            recorded.Adjustments.Min(a => a.Id),
            recorded.Adjustments.Max(a => a.Id),
            [.. recorded.Adjustments.Select(a => a.SourceSystem).Distinct().Order(StringComparer.Ordinal)],
            [.. recorded.Lines.Select(l => l.LineId)],
            recorded.Adjustments[0].CreatedAt);
    }

    /// <summary>
    /// The batch's size first (a batch out of bounds is not checked item by item), then every item by
    /// <see cref="ItemValidator"/>, each failure named by its item and field (<c>Adjustments[3].Amount</c>).
    /// The items go through the one item validator in a plain loop: FluentValidation's RuleForEach
    /// builds a child context and property chain per element, three times the allocations for a
    /// 10,000-item batch, for the same failures.
    /// </summary>
    internal sealed class Validator : AbstractValidator<PushBudgetAdjustments>
    {
        /// <summary>One for all batches: it holds nothing of a request, and its rules are built once.</summary>
        private static readonly ItemValidator Items = new();

        public Validator()
        {
            ClassLevelCascadeMode = CascadeMode.Stop;
            RuleFor(x => x.Adjustments).NotEmpty().Must(a => a.Count <= MaxBatch).WithMessage(_ => Messages.BatchSize.Format(MaxBatch));
            RuleFor(x => x.Adjustments).Custom((items, context) =>
            {
                for (var i = 0; i < items.Count; i++)
                {
                    foreach (var failure in Items.Validate(items[i]).Errors)
                    {
                        context.AddFailure($"{nameof(Adjustments)}[{i}].{failure.PropertyName}", failure.ErrorMessage);
                    }
                }
            });
        }
    }

    /// <summary>
    /// One item: the same rules and limits as every other request's codes, years, amounts and texts;
    /// one failure per field, named as the JSON names it. Its simple rules are also the contract's
    /// bounds of an item (the OpenAPI schema reads them).
    /// </summary>
    internal sealed class ItemValidator : AbstractValidator<AdjustmentItem>
    {
        private static readonly DateOnly EarliestDate = new(DomainRules.FirstYear, 1, 1);
        private static readonly DateOnly LatestDate = new(DomainRules.LastYear + 1, 12, 31);

        public ItemValidator()
        {
            RuleLevelCascadeMode = CascadeMode.Stop;
            RuleFor(a => a.DepartmentCode).JsonNamed().DepartmentCode();
            RuleFor(a => a.FiscalYear).JsonNamed().FiscalYear();
            RuleFor(a => a.Amount).JsonNamed().NotEqual(0m).WithMessage(_ => Messages.AmountNotZero.Current).Yuan();
            // Null: unstated; an empty one names nothing.
            RuleFor(a => a.DocumentNumber).JsonNamed().NotEmpty().MaximumLength(MaxDocumentNumber).When(a => a.DocumentNumber is not null);
            RuleFor(a => a.Reason).JsonNamed().NotEmpty().MaximumLength(MaxReason);
            RuleFor(a => a.SourceSystem).JsonNamed().NotEmpty().MaximumLength(MaxSourceSystem);
            RuleFor(a => a.SourceItemId).JsonNamed().NotEmpty().MaximumLength(MaxSourceItemId);
            RuleFor(a => a.EffectiveDate).JsonNamed().InclusiveBetween(EarliestDate, LatestDate);
            RuleFor(a => a.ExpenditureClass).JsonNamed()
                .NotNull().When(a => a.LineId is null, ApplyConditionTo.CurrentValidator).WithMessage(_ => Messages.NameTheLine.Current)
                .IsInEnum();
            RuleFor(a => a.FundingSource).JsonNamed()
                .NotNull().When(a => a.LineId is null, ApplyConditionTo.CurrentValidator).WithMessage(_ => Messages.NameTheLine.Current)
                .IsInEnum();
        }
    }
}
