using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

/// <summary>Departments in code order, keyset-paged, filtered by region, unit type and name.</summary>
public sealed record ListDepartments(
    string? Region = null,
    string? UnitType = null,
    string? NameContains = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null,
    DateTimeOffset? UpdatedSince = null) : IQuery<Page<DepartmentResponse>>
{
    internal sealed class Validator : AbstractValidator<ListDepartments>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidLimit();
            RuleFor(x => x.NameContains).MaximumLength(100);
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListDepartments, Page<DepartmentResponse>>
    {
        private const string ListSql = $"""
            SELECT {DepartmentRow.Columns} FROM departments
            WHERE (@After IS NULL OR code > @After)
              AND (@Region IS NULL OR region = @Region)
              AND (@UnitType IS NULL OR unit_type = @UnitType)
              AND (@Unrestricted = 1 OR region IN @Regions OR code IN @Departments)
              AND (@NamePattern IS NULL OR name LIKE @NamePattern ESCAPE '\')
              AND (@UpdatedSince IS NULL OR updated_at > @UpdatedSince)
            ORDER BY code
            LIMIT @Take
            """;

        public async Task<Page<DepartmentResponse>> Handle(ListDepartments request, CancellationToken ct)
        {
            var rows = await db.QueryAsync<DepartmentRow>(ListSql, new
            {
                After = Paging.Decode(request.Cursor),
                request.Region,
                request.UnitType,
                NamePattern = Sql.ContainsPattern(request.NameContains),
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
                request.UpdatedSince,
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(rows.Select(r => r.ToResponse()), request.Limit, d => d.Code);
        }
    }
}
