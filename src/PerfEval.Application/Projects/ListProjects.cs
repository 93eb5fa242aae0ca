using FluentValidation;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;

namespace PerfEval.Application.Projects;

/// <summary>A department's projects in id order, keyset-paged, filtered by year, funding source and platform flag.</summary>
public sealed record ListProjects(
    string DepartmentCode,
    int? Year = null,
    FundingSource? FundingSource = null,
    bool? OnPlatform = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null,
    DateTimeOffset? UpdatedSince = null) : IQuery<Page<ProjectResponse>>, IDepartmentRequest
{
    internal sealed class Validator : AbstractValidator<ListProjects>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<ListProjects, Page<ProjectResponse>>
    {
        private const string ListSql = $"""
            SELECT {ProjectResponse.Columns} FROM projects
            WHERE department_code = @DepartmentCode
              AND (@After IS NULL OR id > @After)
              AND (@Year IS NULL OR fiscal_year = @Year)
              AND (@FundingSource IS NULL OR funding_source = @FundingSource)
              AND (@OnPlatform IS NULL OR on_platform = @OnPlatform)
              AND (@UpdatedSince IS NULL OR updated_at > @UpdatedSince)
            ORDER BY id
            LIMIT @Take
            """;

        public async Task<Page<ProjectResponse>> Handle(ListProjects request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var rows = await db.QueryAsync<ProjectResponse>(ListSql, new
            {
                request.DepartmentCode,
                After = Paging.DecodeId(request.Cursor),
                request.Year,
                FundingSource = Sql.Name(request.FundingSource),
                request.OnPlatform,
                request.UpdatedSince,
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(rows, request.Limit, p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
