using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Evaluations;

/// <summary>
/// The evaluation's own fields: the report's declared figures, its narrative and filing date, and the
/// facts its report printed with different values (each a finding on the scorecard).
/// </summary>
/// <param name="DepartmentCode"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></param>
/// <param name="FiscalYear"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.FiscalYear"/></param>
/// <param name="Declared">The report's own (declared) figures, as written; each is checked against the computed one.</param>
/// <param name="Problems">存在的问题 problems found, as the report states them; at most 20,000 characters.</param>
/// <param name="Causes">原因分析 causes, at most 20,000 characters.</param>
/// <param name="ImprovementMeasures">改进措施 improvement measures, at most 20,000 characters.</param>
/// <param name="Suggestions">有关建议 suggestions, at most 20,000 characters.</param>
/// <param name="FiledOn">填报日期 filing date of the report (2000-01-01 … 2101-12-31); null when not filed.</param>
/// <param name="Version"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.Version"/></param>
/// <param name="UpdatedAt"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.UpdatedAt"/></param>
/// <param name="ConflictingFacts">Facts the report printed twice with different values (e.g. two staffing totals), each with both values; null when there are none. Each is a REPORT_FACTS_CONFLICTING finding.</param>
public sealed record EvaluationResponse(
    string DepartmentCode,
    int FiscalYear,
    DeclaredFigures Declared,
    string? Problems,
    string? Causes,
    string? ImprovementMeasures,
    string? Suggestions,
    DateOnly? FiledOn,
    int Version,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string>? ConflictingFacts = null) : IVersioned;

/// <summary>The evaluation's own fields to store: the report's declared figures (as written), its narrative and filing date.</summary>
/// <param name="Declared"><inheritdoc cref="PerfEval.Application.Evaluations.EvaluationResponse.Declared"/></param>
/// <param name="Problems"><inheritdoc cref="PerfEval.Application.Evaluations.EvaluationResponse.Problems"/></param>
/// <param name="Causes"><inheritdoc cref="PerfEval.Application.Evaluations.EvaluationResponse.Causes"/></param>
/// <param name="ImprovementMeasures"><inheritdoc cref="PerfEval.Application.Evaluations.EvaluationResponse.ImprovementMeasures"/></param>
/// <param name="Suggestions"><inheritdoc cref="PerfEval.Application.Evaluations.EvaluationResponse.Suggestions"/></param>
/// <param name="FiledOn"><inheritdoc cref="PerfEval.Application.Evaluations.EvaluationResponse.FiledOn"/></param>
/// <param name="ConflictingFacts"><inheritdoc cref="PerfEval.Application.Evaluations.EvaluationResponse.ConflictingFacts"/></param>
public sealed record SaveEvaluation(
    DeclaredFigures? Declared = null,
    string? Problems = null,
    string? Causes = null,
    string? ImprovementMeasures = null,
    string? Suggestions = null,
    DateOnly? FiledOn = null,
    IReadOnlyList<string>? ConflictingFacts = null) : ICommand<EvaluationResponse>, IDepartmentRequest, IConditional, IChangesScorecards<EvaluationResponse>
{
    ScorecardsAffected IChangesScorecards<EvaluationResponse>.Affected(EvaluationResponse evaluation) => ScorecardsAffected.Of(evaluation.DepartmentCode, evaluation.FiscalYear);

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public int FiscalYear { get; init; }

    /// <summary>From If-Match: the version the client last read (none when creating).</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    /// <summary>From If-None-Match: *: create only; an evaluation that already exists is 412.</summary>
    [RouteValue]
    public bool CreateOnly { get; init; }

    /// <summary>From If-Match: *: change whatever version exists; none existing is 412.</summary>
    [RouteValue]
    public bool MustExist { get; init; }

    internal sealed class Validator : AbstractValidator<SaveEvaluation>
    {
        public Validator()
        {
            RuleFor(x => x.Problems).MaximumLength(20_000);
            RuleFor(x => x.Causes).MaximumLength(20_000);
            RuleFor(x => x.ImprovementMeasures).MaximumLength(20_000);
            RuleFor(x => x.Suggestions).MaximumLength(20_000);
            RuleFor(x => x.FiledOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2101, 12, 31));
            RuleFor(x => x.ConflictingFacts).Must(f => f is null || f.Count <= 100).WithMessage(_ => Messages.OutOfRange.Current);
            RuleForEach(x => x.ConflictingFacts).NotEmpty().MaximumLength(1000);
            When(x => x.Declared is not null, () =>
            {
                RuleFor(x => x.Declared!.InitialBudget).Yuan().OverridePropertyName("declared.initialBudget");
                RuleFor(x => x.Declared!.Adjustments).Yuan().OverridePropertyName("declared.adjustments");
                RuleFor(x => x.Declared!.AdjustedBudget).Yuan().OverridePropertyName("declared.adjustedBudget");
                RuleFor(x => x.Declared!.Executed).Yuan().OverridePropertyName("declared.executed");
                RuleFor(x => x.Declared!.ExpenditureTotal).Yuan().OverridePropertyName("declared.expenditureTotal");
                RuleFor(x => x.Declared!.BasicExpenditure).Yuan().OverridePropertyName("declared.basicExpenditure");
                RuleFor(x => x.Declared!.ProjectExpenditure).Yuan().OverridePropertyName("declared.projectExpenditure");
                RuleFor(x => x.Declared!.InitialSuperior).Yuan().OverridePropertyName("declared.initialSuperior");
                RuleFor(x => x.Declared!.InitialOwnLevel).Yuan().OverridePropertyName("declared.initialOwnLevel");
                RuleFor(x => x.Declared!.InitialOther).Yuan().OverridePropertyName("declared.initialOther");
                RuleFor(x => x.Declared!.AdjustmentRate).Measure().OverridePropertyName("declared.adjustmentRate");
                RuleFor(x => x.Declared!.ExecutionRate).Measure().OverridePropertyName("declared.executionRate");
                RuleFor(x => x.Declared!.ExecutionScore).Measure().OverridePropertyName("declared.executionScore");
                RuleFor(x => x.Declared!.CompositeScore).Measure().OverridePropertyName("declared.compositeScore");
                RuleFor(x => x.Declared!.Grade).IsInEnum().OverridePropertyName("declared.grade");
                RuleFor(x => x.Declared!.ProjectBudget).Yuan().OverridePropertyName("declared.projectBudget");
                RuleFor(x => x.Declared!.ProjectExecuted).Yuan().OverridePropertyName("declared.projectExecuted");
                RuleFor(x => x.Declared!.Personnel).Yuan().OverridePropertyName("declared.personnel");
                RuleFor(x => x.Declared!.Operating).Yuan().OverridePropertyName("declared.operating");
            });
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<SaveEvaluation, EvaluationResponse>
    {
        private const string UpdateSql = """
            UPDATE evaluations SET declared_initial_budget = @InitialBudget, declared_adjustments = @Adjustments,
                declared_adjusted_budget = @AdjustedBudget, declared_executed = @Executed,
                declared_expenditure_total = @ExpenditureTotal, declared_basic_expenditure = @BasicExpenditure,
                declared_project_expenditure = @ProjectExpenditure, declared_initial_superior = @InitialSuperior,
                declared_initial_own_level = @InitialOwnLevel, declared_initial_other = @InitialOther,
                declared_adjustment_rate = @AdjustmentRate, declared_execution_rate = @ExecutionRate,
                declared_execution_score = @ExecutionScore, declared_composite_score = @CompositeScore,
                declared_grade = @Grade, problems = @Problems, causes = @Causes,
                improvement_measures = @ImprovementMeasures, suggestions = @Suggestions, filed_on = @FiledOn,
                conflicting_facts = @ConflictingFacts, declared_project_budget = @ProjectBudget,
                declared_project_executed = @ProjectExecuted, declared_personnel = @Personnel,
                declared_operating = @Operating, row_version = row_version + 1, updated_at = @Now
            WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear
              AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        internal const string InsertSql = """
            INSERT INTO evaluations (department_code, fiscal_year, declared_initial_budget, declared_adjustments,
                declared_adjusted_budget, declared_executed, declared_expenditure_total, declared_basic_expenditure,
                declared_project_expenditure, declared_initial_superior, declared_initial_own_level, declared_initial_other,
                declared_adjustment_rate, declared_execution_rate, declared_execution_score, declared_composite_score,
                declared_grade, problems, causes, improvement_measures, suggestions, filed_on, conflicting_facts,
                declared_project_budget, declared_project_executed, declared_personnel, declared_operating, created_at, updated_at)
            VALUES (@DepartmentCode, @FiscalYear, @InitialBudget, @Adjustments, @AdjustedBudget, @Executed,
                @ExpenditureTotal, @BasicExpenditure, @ProjectExpenditure, @InitialSuperior, @InitialOwnLevel, @InitialOther,
                @AdjustmentRate, @ExecutionRate, @ExecutionScore, @CompositeScore, @Grade, @Problems, @Causes,
                @ImprovementMeasures, @Suggestions, @FiledOn, @ConflictingFacts,
                @ProjectBudget, @ProjectExecuted, @Personnel, @Operating, @Now, @Now)
            """;

        public async Task<EvaluationResponse> Handle(SaveEvaluation request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            var parameters = Parameters(request, clock.GetUtcNow());
            var key = $"{request.DepartmentCode}/{request.FiscalYear}";
            var exists = await EvaluationRow.LoadAsync(db, request.DepartmentCode, request.FiscalYear, ct) is not null;
            if (exists)
            {
                if (request.CreateOnly)
                {
                    throw new PreconditionFailedException("Evaluation", key, expected: null);
                }

                request.EnsureApplied(await db.ExecuteAsync(UpdateSql, parameters, ct), "Evaluation", key);
            }
            else if (request.ExpectedVersion is not null || request.MustExist)
            {
                // If-Match names a version of an evaluation that does not exist.
                throw new PreconditionFailedException("Evaluation", key, request.ExpectedVersion ?? 0);
            }
            else
            {
                await db.ExecuteAsync(InsertSql, parameters, ct);
            }

            return (await EvaluationRow.LoadAsync(db, request.DepartmentCode, request.FiscalYear, ct))!.ToResponse();
        }

        /// <summary><see cref="InsertSql"/>'s and <see cref="UpdateSql"/>'s parameters: the declared figures as written.</summary>
        internal static object Parameters(SaveEvaluation request, DateTimeOffset now)
        {
            var d = request.Declared ?? DeclaredFigures.None;
            return new
            {
                request.DepartmentCode,
                request.FiscalYear,
                InitialBudget = Sql.AsWritten(d.InitialBudget),
                Adjustments = Sql.AsWritten(d.Adjustments),
                AdjustedBudget = Sql.AsWritten(d.AdjustedBudget),
                Executed = Sql.AsWritten(d.Executed),
                ExpenditureTotal = Sql.AsWritten(d.ExpenditureTotal),
                BasicExpenditure = Sql.AsWritten(d.BasicExpenditure),
                ProjectExpenditure = Sql.AsWritten(d.ProjectExpenditure),
                InitialSuperior = Sql.AsWritten(d.InitialSuperior),
                InitialOwnLevel = Sql.AsWritten(d.InitialOwnLevel),
                InitialOther = Sql.AsWritten(d.InitialOther),
                AdjustmentRate = Sql.AsWritten(d.AdjustmentRate),
                ExecutionRate = Sql.AsWritten(d.ExecutionRate),
                ExecutionScore = Sql.AsWritten(d.ExecutionScore),
                CompositeScore = Sql.AsWritten(d.CompositeScore),
                Grade = Sql.Name(d.Grade),
                ProjectBudget = Sql.AsWritten(d.ProjectBudget),
                ProjectExecuted = Sql.AsWritten(d.ProjectExecuted),
                Personnel = Sql.AsWritten(d.Personnel),
                Operating = Sql.AsWritten(d.Operating),
                request.Problems,
                request.Causes,
                request.ImprovementMeasures,
                request.Suggestions,
                request.FiledOn,
                ConflictingFacts = ConflictingFactsJson.Write(request.ConflictingFacts),
                request.ExpectedVersion,
                Now = now,
            };
        }
    }
}

/// <summary>The evaluations table's columns as Dapper reads them.</summary>
internal sealed record EvaluationRow
{
    public const string Columns = """
        department_code AS DepartmentCode, fiscal_year AS FiscalYear,
            declared_initial_budget AS InitialBudget, declared_adjustments AS Adjustments,
            declared_adjusted_budget AS AdjustedBudget, declared_executed AS Executed,
            declared_expenditure_total AS ExpenditureTotal, declared_basic_expenditure AS BasicExpenditure,
            declared_project_expenditure AS ProjectExpenditure, declared_initial_superior AS InitialSuperior,
            declared_initial_own_level AS InitialOwnLevel, declared_initial_other AS InitialOther,
            declared_adjustment_rate AS AdjustmentRate, declared_execution_rate AS ExecutionRate,
            declared_execution_score AS ExecutionScore, declared_composite_score AS CompositeScore,
            declared_grade AS Grade, problems AS Problems, causes AS Causes,
            improvement_measures AS ImprovementMeasures, suggestions AS Suggestions, filed_on AS FiledOn,
            row_version AS Version, updated_at AS UpdatedAt, conflicting_facts AS ConflictingFacts,
            declared_project_budget AS ProjectBudget, declared_project_executed AS ProjectExecuted,
            declared_personnel AS Personnel, declared_operating AS Operating
        """;

    private const string SelectSql = $"SELECT {Columns} FROM evaluations WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear";

    public required string DepartmentCode { get; init; }
    public int FiscalYear { get; init; }
    public decimal? InitialBudget { get; init; }
    public decimal? Adjustments { get; init; }
    public decimal? AdjustedBudget { get; init; }
    public decimal? Executed { get; init; }
    public decimal? ExpenditureTotal { get; init; }
    public decimal? BasicExpenditure { get; init; }
    public decimal? ProjectExpenditure { get; init; }
    public decimal? InitialSuperior { get; init; }
    public decimal? InitialOwnLevel { get; init; }
    public decimal? InitialOther { get; init; }
    public decimal? AdjustmentRate { get; init; }
    public decimal? ExecutionRate { get; init; }
    public decimal? ExecutionScore { get; init; }
    public decimal? CompositeScore { get; init; }
    public Grade? Grade { get; init; }
    public string? Problems { get; init; }
    public string? Causes { get; init; }
    public string? ImprovementMeasures { get; init; }
    public string? Suggestions { get; init; }
    public DateOnly? FiledOn { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? ConflictingFacts { get; init; }
    public decimal? ProjectBudget { get; init; }
    public decimal? ProjectExecuted { get; init; }
    public decimal? Personnel { get; init; }
    public decimal? Operating { get; init; }

    public DeclaredFigures Declared => new(
        InitialBudget, Adjustments, AdjustedBudget, Executed, ExpenditureTotal, BasicExpenditure, ProjectExpenditure,
        InitialSuperior, InitialOwnLevel, InitialOther, AdjustmentRate, ExecutionRate, ExecutionScore, CompositeScore, Grade,
        ProjectBudget, ProjectExecuted, Personnel, Operating);

    public static Task<EvaluationRow?> LoadAsync(DbSession db, string departmentCode, int fiscalYear, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<EvaluationRow>(SelectSql, new { DepartmentCode = departmentCode, FiscalYear = fiscalYear }, ct);

    public EvaluationResponse ToResponse() => new(
        DepartmentCode, FiscalYear, Declared, Problems, Causes, ImprovementMeasures, Suggestions, FiledOn, Version, UpdatedAt,
        ConflictingFactsJson.Read(ConflictingFacts));
}

/// <summary>The report's conflicting facts as stored: a JSON array of texts; none stored as NULL.</summary>
internal static class ConflictingFactsJson
{
    public static string? Write(IReadOnlyList<string>? facts) =>
        facts is { Count: > 0 } ? System.Text.Json.JsonSerializer.Serialize(facts, JsonText.Options) : null;

    public static IReadOnlyList<string>? Read(string? json) =>
        json is null ? null : System.Text.Json.JsonSerializer.Deserialize<List<string>>(json, JsonText.Options);
}
