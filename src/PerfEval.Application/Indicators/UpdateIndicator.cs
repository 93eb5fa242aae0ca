using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Indicators;

/// <summary>Every field of a performance indicator.</summary>
/// <param name="Name">Indicator name (指标名称), 1–200 characters.</param>
/// <param name="Category"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Category"/></param>
/// <param name="Subcategory"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Subcategory"/></param>
/// <param name="Kind"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Kind"/></param>
/// <param name="Sequence">Position in the report (序号), 1–1000; null keeps its place.</param>
/// <param name="Operator"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Operator"/></param>
/// <param name="Target"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Target"/></param>
/// <param name="Unit"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Unit"/></param>
/// <param name="Weight"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Weight"/></param>
/// <param name="MidYearValue"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.MidYearValue"/></param>
/// <param name="FinalValue"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.FinalValue"/></param>
/// <param name="QualitativeTier"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.QualitativeTier"/></param>
/// <param name="QualitativeScore"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.QualitativeScore"/></param>
/// <param name="DeviationReason"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeviationReason"/></param>
/// <param name="ImprovementMeasure"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.ImprovementMeasure"/></param>
/// <param name="Evidence"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Evidence"/></param>
/// <param name="ReviewerDeduction"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.ReviewerDeduction"/></param>
/// <param name="DeductionReason"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeductionReason"/></param>
/// <param name="DeclaredCompletion"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeclaredCompletion"/></param>
/// <param name="DeclaredScore"><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeclaredScore"/></param>
public sealed record UpdateIndicator(
    string Name,
    IndicatorCategory Category,
    IndicatorSubcategory Subcategory,
    IndicatorKind Kind,
    int? Sequence = null,
    ComparisonOperator? Operator = null,
    decimal? Target = null,
    string? Unit = null,
    decimal? Weight = null,
    decimal? MidYearValue = null,
    decimal? FinalValue = null,
    QualitativeTier? QualitativeTier = null,
    decimal? QualitativeScore = null,
    string? DeviationReason = null,
    string? ImprovementMeasure = null,
    string? Evidence = null,
    decimal? ReviewerDeduction = null,
    string? DeductionReason = null,
    decimal? DeclaredCompletion = null,
    decimal? DeclaredScore = null) : ICommand<IndicatorResponse>, IIndicatorFields, IDepartmentRequest, IConditional, IChangesScorecards<IndicatorResponse>
{
    ScorecardsAffected IChangesScorecards<IndicatorResponse>.Affected(IndicatorResponse indicator) => ScorecardsAffected.Of(indicator.DepartmentCode, indicator.FiscalYear);

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public int FiscalYear { get; init; }

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public long Id { get; init; }

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Validator : AbstractValidator<UpdateIndicator>
    {
        public Validator() => this.AddIndicatorFieldRules();
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<UpdateIndicator, IndicatorResponse>
    {
        private const string UpdateSql = """
            UPDATE indicators SET sequence = @Sequence, name = @Name, category = @Category, subcategory = @Subcategory,
                kind = @Kind, operator = @Operator, target_value = @Target, unit = @Unit, weight = @Weight,
                mid_year_value = @MidYearValue, final_value = @FinalValue, qualitative_tier = @QualitativeTier,
                qualitative_score = @QualitativeScore, deviation_reason = @DeviationReason,
                improvement_measure = @ImprovementMeasure, evidence = @Evidence, reviewer_deduction = @ReviewerDeduction,
                deduction_reason = @DeductionReason, declared_completion = @DeclaredCompletion, declared_score = @DeclaredScore,
                row_version = row_version + 1, updated_at = @Now
            WHERE id = @Id AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        public async Task<IndicatorResponse> Handle(UpdateIndicator request, CancellationToken ct)
        {
            var current = await GetIndicator.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            var sequence = request.Sequence ?? current.Sequence;
            await db.EnsureSequenceFreeAsync(request.Id, request.DepartmentCode, request.FiscalYear, sequence, ct);
            request.EnsureApplied(
                await db.ExecuteAsync(
                    UpdateSql,
                    IndicatorFieldRules.Parameters(request.Id, request.DepartmentCode, request.FiscalYear, sequence, request, clock.GetUtcNow(), request.ExpectedVersion),
                    ct),
                "Indicator",
                request.Id);
            return await GetIndicator.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
        }
    }
}
