using System.Text.Json;
using FluentValidation;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Adjustments.Push;

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

/// <summary>
/// Appends a batch of 1 to 10,000 adjustments all-or-nothing, in one transaction. Every bad item is
/// reported by index and nothing is written (422; a source item already recorded: 409). Line totals
/// move inside the database (<c>SET total = total + Σdelta</c>); no total is read, changed and
/// written back in C#. Sent with an Idempotency-Key, its answer is stored with the adjustments.
/// </summary>
public sealed partial record PushBudgetAdjustments(IReadOnlyList<AdjustmentItem> Adjustments)
    : ICommand<PushedBatch>, IIdempotent, Audit.ISummarizedInAudit<PushedBatch>, IChangesScorecards<PushedBatch>
{
    public const int MaxBatch = 10_000;

    /// <summary>A single adjustment is bounded well inside DECIMAL(19,2): one trillion yuan.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public const int MaxDocumentNumber = 100;
    public const int MaxReason = 1000;
    public const int MaxSourceSystem = 64;
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

            foreach (var (property, value, maxLength) in new[]
            {
                (nameof(item.DocumentNumber), item.DocumentNumber, MaxDocumentNumber),
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
}
