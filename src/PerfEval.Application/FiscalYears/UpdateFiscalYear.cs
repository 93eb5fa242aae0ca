using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.FiscalYears;

/// <summary>What changes about a fiscal year: its stage (forward only), its scoring scheme, or both.</summary>
/// <param name="Status">New stage, forward only (open → evaluation → closed); null keeps the current one. Closing locks the year's data.</param>
/// <param name="ScoringSchemeId">Id of another scoring scheme for the year's scorecards; null keeps the current one.</param>
public sealed record UpdateFiscalYear(FiscalYearStatus? Status = null, long? ScoringSchemeId = null) : ICommand<FiscalYearResponse>, IConditional, IChangesScorecards<FiscalYearResponse>
{
    /// <summary>The year's status (closing) and scheme decide every scorecard of the year.</summary>
    ScorecardsAffected IChangesScorecards<FiscalYearResponse>.Affected(FiscalYearResponse year) => ScorecardsAffected.Year(year.Year);

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public int Year { get; init; }

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Validator : AbstractValidator<UpdateFiscalYear>
    {
        public Validator()
        {
            RuleFor(x => x.Status).IsInEnum();
            RuleFor(x => x).Must(x => x.Status is not null || x.ScoringSchemeId is not null)
                .WithName("body").WithMessage(_ => Messages.StatusOrScheme.Current);
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<UpdateFiscalYear, FiscalYearResponse>
    {
        private const string UpdateSql = """
            UPDATE fiscal_years SET status = @Status, scoring_scheme_id = @SchemeId,
                closed_at = @ClosedAt, row_version = row_version + 1, updated_at = @Now
            WHERE year = @Year AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        public async Task<FiscalYearResponse> Handle(UpdateFiscalYear request, CancellationToken ct)
        {
            var current = await GetFiscalYear.LoadAsync(db, request.Year, ct);
            if (current.Status == FiscalYearStatus.Closed)
            {
                throw new FiscalYearClosedException(request.Year);
            }

            var status = request.Status ?? current.Status;
            if (status < current.Status)
            {
                throw new BusinessRuleException("status", Messages.YearForwardOnly.Format(current.Status, status));
            }

            var schemeId = request.ScoringSchemeId ?? current.ScoringSchemeId;
            await db.EnsureSchemeExistsAsync(schemeId, ct);
            var now = clock.GetUtcNow();
            request.EnsureApplied(await db.ExecuteAsync(UpdateSql, new
            {
                request.Year,
                request.ExpectedVersion,
                Status = status.ToString(),
                SchemeId = schemeId,
                ClosedAt = status == FiscalYearStatus.Closed ? now : (DateTimeOffset?)null,
                Now = now,
            }, ct), "Fiscal year", request.Year);
            return await GetFiscalYear.LoadAsync(db, request.Year, ct);
        }
    }
}
