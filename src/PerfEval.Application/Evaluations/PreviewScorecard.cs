using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Indicators;
using PerfEval.Application.ScoringSchemes;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Evaluations;

public sealed record PreviewLine(ExpenditureClass ExpenditureClass, FundingSource FundingSource, decimal InitialAmount, decimal ExecutedAmount, decimal AdjustmentTotal = 0);

public sealed record PreviewIndicator(
    string Name,
    IndicatorKind Kind,
    decimal? Weight,
    int? Sequence = null,
    ComparisonOperator? Operator = null,
    decimal? Target = null,
    decimal? MidYearValue = null,
    decimal? FinalValue = null,
    QualitativeTier? QualitativeTier = null,
    decimal? QualitativeScore = null,
    decimal? ReviewerDeduction = null,
    string? DeductionReason = null,
    string? DeviationReason = null,
    decimal? DeclaredCompletion = null,
    decimal? DeclaredScore = null);

/// <summary>
/// What-if: the scorecard for a payload that is not stored ("what would this unit score if…").
/// Scored by a stored scheme (<see cref="SchemeId"/>), else by the default scheme.
/// </summary>
public sealed record PreviewScorecard(
    IReadOnlyList<PreviewLine> Lines,
    IReadOnlyList<PreviewIndicator> Indicators,
    DeclaredFigures? Declared = null,
    long? SchemeId = null) : IQuery<ScorecardResponse>
{
    public const int MaxLines = 1_000;
    public const int MaxIndicators = 200;

    [RouteValue]
    public bool Explain { get; init; }

    [RouteValue]
    public MessageLanguage Language { get; init; }

    internal sealed class Validator : AbstractValidator<PreviewScorecard>
    {
        public Validator()
        {
            RuleFor(x => x.Lines).Must(l => l.Count <= MaxLines).WithMessage(_ => Messages.AtMostLines.Format(MaxLines));
            RuleFor(x => x.Indicators).Must(i => i.Count <= MaxIndicators).WithMessage(_ => Messages.AtMostIndicators.Format(MaxIndicators));
            RuleForEach(x => x.Lines).ChildRules(line =>
            {
                line.RuleFor(l => l.ExpenditureClass).IsInEnum();
                line.RuleFor(l => l.FundingSource).IsInEnum();
                line.RuleFor(l => l.InitialAmount).NonNegativeYuan();
                line.RuleFor(l => l.ExecutedAmount).NonNegativeYuan();
                line.RuleFor(l => l.AdjustmentTotal).Yuan();
            });
            RuleForEach(x => x.Indicators).ChildRules(indicator =>
            {
                indicator.RuleFor(i => i.Name).NotEmpty().MaximumLength(200);
                indicator.RuleFor(i => i.Kind).IsInEnum();
                indicator.RuleFor(i => i.Operator).IsInEnum();
                indicator.RuleFor(i => i.QualitativeTier).IsInEnum();
                indicator.RuleFor(i => i.Weight).Measure();
                indicator.RuleFor(i => i.Target).Measure();
                indicator.RuleFor(i => i.MidYearValue).Measure();
                indicator.RuleFor(i => i.FinalValue).Measure();
                indicator.RuleFor(i => i.QualitativeScore).Measure();
                indicator.RuleFor(i => i.ReviewerDeduction).Measure();
            });
        }
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<PreviewScorecard, ScorecardResponse>
    {
        public async Task<ScorecardResponse> Handle(PreviewScorecard request, CancellationToken ct)
        {
            var scheme = request.SchemeId is { } id
                ? await GetScoringScheme.LoadAsync(db, id, ct)
                : await GetScoringScheme.LoadDefaultAsync(db, ct);
            var input = new ScorecardInput(
                [.. request.Lines.Select(l => new BudgetLineInput(l.ExpenditureClass, l.FundingSource, l.InitialAmount, l.AdjustmentTotal, l.ExecutedAmount, null))],
                [.. request.Indicators.Select((i, n) => new IndicatorInput(
                    i.Sequence ?? n + 1, i.Name, i.Kind, i.Operator, i.Target, i.Weight, i.MidYearValue, i.FinalValue, i.QualitativeTier,
                    i.QualitativeScore, i.ReviewerDeduction, i.DeductionReason, i.DeviationReason, i.DeclaredCompletion, i.DeclaredScore, null))],
                request.Declared ?? DeclaredFigures.None,
                DataChangedAfterClose: false);
            return ScorecardCalculator.Calculate(input, scheme.Settings, request.Explain)
                .ToResponse(scheme.Settings, request.Language, request.Explain, scheme: new SchemeReference(scheme.Id, scheme.Code, scheme.Version, scheme.Name));
        }
    }
}
