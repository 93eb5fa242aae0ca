using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.FiscalYears;

/// <summary>A fiscal year to open.</summary>
/// <param name="Year">The calendar year to open, 2000–2100.</param>
/// <param name="Status">Initial stage: open (default) or evaluation; a year cannot be created closed.</param>
/// <param name="ScoringSchemeId">Id of the scoring scheme to use; null: the newest version of the `default` scheme.</param>
public sealed record CreateFiscalYear(int Year, FiscalYearStatus? Status = null, long? ScoringSchemeId = null) : ICommand<FiscalYearResponse>
{
    internal sealed class Validator : AbstractValidator<CreateFiscalYear>
    {
        public Validator()
        {
            RuleFor(x => x.Year).FiscalYear();
            RuleFor(x => x.Status).IsInEnum().NotEqual(FiscalYearStatus.Closed).WithMessage(_ => Messages.YearNotClosedAtCreation.Current);
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<CreateFiscalYear, FiscalYearResponse>
    {
        private const string ExistsSql = "SELECT COUNT(*) FROM fiscal_years WHERE year = @Year";

        private const string DefaultSchemeSql = """
            SELECT id FROM scoring_schemes WHERE code = 'default' ORDER BY version DESC LIMIT @One
            """;

        private const string InsertSql = """
            INSERT INTO fiscal_years (year, status, scoring_scheme_id, created_at, updated_at)
            VALUES (@Year, @Status, @SchemeId, @Now, @Now)
            """;

        public async Task<FiscalYearResponse> Handle(CreateFiscalYear request, CancellationToken ct)
        {
            if (await db.ExecuteScalarAsync<int>(ExistsSql, new { request.Year }, ct) > 0)
            {
                throw new ConflictException(Messages.YearExists.Format(request.Year));
            }

            var schemeId = request.ScoringSchemeId ?? await db.ExecuteScalarAsync<long>(DefaultSchemeSql, new { One = 1 }, ct);
            await db.EnsureSchemeExistsAsync(schemeId, ct);
            await db.ExecuteAsync(InsertSql, new
            {
                request.Year,
                Status = (request.Status ?? FiscalYearStatus.Open).ToString(),
                SchemeId = schemeId,
                Now = clock.GetUtcNow(),
            }, ct);
            return await GetFiscalYear.LoadAsync(db, request.Year, ct);
        }
    }
}
