using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.Projects;

/// <summary>A new project of the department the route names, in the year `?year=` names.</summary>
/// <param name="Name">Project name (项目名称), 1–200 characters.</param>
/// <param name="FundingSource"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.FundingSource"/></param>
/// <param name="OnPlatform"><inheritdoc cref="PerfEval.Application.Projects.ProjectResponse.OnPlatform"/></param>
/// <param name="Budget">Project budget (项目预算), ≥ 0. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="Executed">Executed amount (执行数), ≥ 0. Yuan (元), exact decimal shown with 2 decimals.</param>
public sealed record CreateProject(
    string Name,
    FundingSource FundingSource,
    bool OnPlatform,
    decimal Budget,
    decimal Executed) : ICommand<ProjectResponse>, IProjectFields, IDepartmentRequest
{
    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    /// <summary>From the query string (<c>?year=</c>).</summary>
    [RouteValue]
    public int FiscalYear { get; init; }

    internal sealed class Validator : AbstractValidator<CreateProject>
    {
        public Validator()
        {
            RuleFor(x => x.FiscalYear).FiscalYear();
            this.AddProjectFieldRules();
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<CreateProject, ProjectResponse>
    {
        internal const string InsertSql = """
            INSERT INTO projects (department_code, fiscal_year, name, funding_source, on_platform, budget, executed, created_at, updated_at)
            VALUES (@DepartmentCode, @FiscalYear, @Name, @FundingSource, @OnPlatform, @Budget, @Executed, @Now, @Now)
            RETURNING id
            """;

        public async Task<ProjectResponse> Handle(CreateProject request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            var id = await db.ExecuteScalarAsync<long>(InsertSql, Parameters(request, clock.GetUtcNow()), ct);
            return await GetProject.LoadAsync(db, id, ct);
        }

        /// <summary><see cref="InsertSql"/>'s parameters.</summary>
        internal static object Parameters(CreateProject request, DateTimeOffset now) => new
        {
            request.DepartmentCode,
            request.FiscalYear,
            request.Name,
            FundingSource = request.FundingSource.ToString(),
            request.OnPlatform,
            request.Budget,
            request.Executed,
            Now = now,
        };
    }
}
