using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Indicators;
using PerfEval.Application.ScoringSchemes;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Evaluations;

/// <summary>A budget line to score.</summary>
/// <param name="ExpenditureClass"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.ExpenditureClass"/></param>
/// <param name="FundingSource"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.FundingSource"/></param>
/// <param name="InitialAmount"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.InitialAmount"/></param>
/// <param name="ExecutedAmount"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.ExecutedAmount"/></param>
/// <param name="AdjustmentTotal">Σ 年中调增/调减 (signed), default 0. Yuan (元), exact decimal shown with 2 decimals.</param>
public sealed record PreviewLine(ExpenditureClass ExpenditureClass, FundingSource FundingSource, decimal InitialAmount, decimal ExecutedAmount, decimal AdjustmentTotal = 0);

/// <summary>An indicator to score.</summary>
/// <param name="Name">Indicator name (指标名称).</param>
/// <param name="Kind"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Kind"/></param>
/// <param name="Weight"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Weight"/></param>
/// <param name="Sequence">Position in the report (序号); null: its position in the list.</param>
/// <param name="Operator"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Operator"/></param>
/// <param name="Target"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Target"/></param>
/// <param name="MidYearValue"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.MidYearValue"/></param>
/// <param name="FinalValue"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.FinalValue"/></param>
/// <param name="QualitativeTier"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.QualitativeTier"/></param>
/// <param name="QualitativeScore"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.QualitativeScore"/></param>
/// <param name="ReviewerDeduction"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.ReviewerDeduction"/></param>
/// <param name="DeductionReason"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeductionReason"/></param>
/// <param name="DeviationReason"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeviationReason"/></param>
/// <param name="DeclaredCompletion"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeclaredCompletion"/></param>
/// <param name="DeclaredScore"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeclaredScore"/></param>
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

/// <summary>A what-if payload: budget lines, indicators and declared figures to score without storing them.</summary>
/// <param name="Lines">Budget lines to score, at most 1,000.</param>
/// <param name="Indicators">Indicators to score, at most 200.</param>
/// <param name="Declared">Declared figures to check; null: none.</param>
/// <param name="SchemeId">Score with this stored scheme; null: the newest version of the `default` scheme.</param>
public sealed record PreviewScorecard(
    IReadOnlyList<PreviewLine> Lines,
    IReadOnlyList<PreviewIndicator> Indicators,
    DeclaredFigures? Declared = null,
    long? SchemeId = null) : IQuery<ScorecardResponse>
{
    /// <summary>At most this many budget lines in a preview.</summary>
    public const int MaxLines = 1_000;
    /// <summary>At most this many indicators in a preview.</summary>
    public const int MaxIndicators = 200;

    /// <summary>From the query (`explain`), not the JSON.</summary>
    [RouteValue]
    public bool Explain { get; init; }

    /// <summary>From Accept-Language, not the JSON.</summary>
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
