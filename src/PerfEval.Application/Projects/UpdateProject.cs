using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.Projects;

/// <summary>A project's fields; its department and year do not change.</summary>
/// <param name="Name">Project name (项目名称), 1–200 characters.</param>
/// <param name="FundingSource"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.FundingSource"/></param>
/// <param name="OnPlatform"><inheritdoc cref="PerfEval.Application.Projects.ProjectResponse.OnPlatform"/></param>
/// <param name="Budget">Project budget (项目预算), ≥ 0. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="Executed">Executed amount (执行数), ≥ 0. Yuan (元), exact decimal shown with 2 decimals.</param>
public sealed record UpdateProject(
    string Name,
    FundingSource FundingSource,
    bool OnPlatform,
    decimal Budget,
    decimal Executed) : ICommand<ProjectResponse>, IConditional, IProjectFields, IAddressedById
{
    string IAddressedById.Resource => "Project";

    string IAddressedById.DepartmentOfSql => GetProject.DepartmentSql;

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public long Id { get; init; }

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Validator : AbstractValidator<UpdateProject>
    {
        public Validator() => this.AddProjectFieldRules();
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<UpdateProject, ProjectResponse>
    {
        private const string UpdateSql = """
            UPDATE projects SET name = @Name, funding_source = @FundingSource, on_platform = @OnPlatform,
                budget = @Budget, executed = @Executed, row_version = row_version + 1, updated_at = @Now
            WHERE id = @Id AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        public async Task<ProjectResponse> Handle(UpdateProject request, CancellationToken ct)
        {
            var current = await GetProject.LoadAsync(db, request.Id, ct);
            await db.EnsureWritableAsync(current.FiscalYear, ct);
            request.EnsureApplied(await db.ExecuteAsync(UpdateSql, new
            {
                request.Id,
                request.ExpectedVersion,
                request.Name,
                FundingSource = request.FundingSource.ToString(),
                request.OnPlatform,
                request.Budget,
                request.Executed,
                Now = clock.GetUtcNow(),
            }, ct), "Project", request.Id);
            return await GetProject.LoadAsync(db, request.Id, ct);
        }
    }
}
