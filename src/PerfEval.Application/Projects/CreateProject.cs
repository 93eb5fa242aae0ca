using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.Projects;

public sealed record CreateProject(
    string Name,
    FundingSource FundingSource,
    bool OnPlatform,
    decimal Budget,
    decimal Executed) : ICommand<ProjectResponse>, IProjectFields, IDepartmentRequest
{
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
