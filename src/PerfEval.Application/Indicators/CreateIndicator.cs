using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Indicators;

/// <summary>Adds an indicator; without a sequence it goes after the department-year's last one.</summary>
public sealed record CreateIndicator(
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
    decimal? DeclaredScore = null) : ICommand<IndicatorResponse>, IIndicatorFields, IDepartmentRequest, IChangesScorecards<IndicatorResponse>
{
    ScorecardsAffected IChangesScorecards<IndicatorResponse>.Affected(IndicatorResponse indicator) => ScorecardsAffected.Of(indicator.DepartmentCode, indicator.FiscalYear);

    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    [RouteValue]
    public int FiscalYear { get; init; }

    internal sealed class Validator : AbstractValidator<CreateIndicator>
    {
        public Validator()
        {
            RuleFor(x => x.FiscalYear).FiscalYear();
            this.AddIndicatorFieldRules();
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<CreateIndicator, IndicatorResponse>
    {
        private const string NextSequenceSql = "SELECT COALESCE(MAX(sequence), 0) + 1 FROM indicators WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear";

        internal const string InsertSql = """
            INSERT INTO indicators (department_code, fiscal_year, sequence, name, category, subcategory, kind, operator,
                target_value, unit, weight, mid_year_value, final_value, qualitative_tier, qualitative_score,
                deviation_reason, improvement_measure, evidence, reviewer_deduction, deduction_reason,
                declared_completion, declared_score, created_at, updated_at)
            VALUES (@DepartmentCode, @FiscalYear, @Sequence, @Name, @Category, @Subcategory, @Kind, @Operator,
                @Target, @Unit, @Weight, @MidYearValue, @FinalValue, @QualitativeTier, @QualitativeScore,
                @DeviationReason, @ImprovementMeasure, @Evidence, @ReviewerDeduction, @DeductionReason,
                @DeclaredCompletion, @DeclaredScore, @Now, @Now)
            RETURNING id
            """;

        public async Task<IndicatorResponse> Handle(CreateIndicator request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            var sequence = request.Sequence ?? await db.ExecuteScalarAsync<int>(NextSequenceSql, new { request.DepartmentCode, request.FiscalYear }, ct);
            await db.EnsureSequenceFreeAsync(0, request.DepartmentCode, request.FiscalYear, sequence, ct);
            var id = await db.ExecuteScalarAsync<long>(
                InsertSql,
                IndicatorFieldRules.Parameters(0, request.DepartmentCode, request.FiscalYear, sequence, request, clock.GetUtcNow()),
                ct);
            return await GetIndicator.LoadAsync(db, request.DepartmentCode, request.FiscalYear, id, ct);
        }
    }
}
