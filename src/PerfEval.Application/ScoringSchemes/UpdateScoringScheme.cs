using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Scoring;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.ScoringSchemes;

/// <summary>A scoring scheme's name, description and settings.</summary>
/// <param name="Name"><inheritdoc cref="PerfEval.Application.ScoringSchemes.ScoringSchemeResponse.Name"/></param>
/// <param name="Settings"><inheritdoc cref="PerfEval.Application.ScoringSchemes.ScoringSchemeResponse.Settings"/></param>
/// <param name="Description"><inheritdoc cref="PerfEval.Application.ScoringSchemes.ScoringSchemeResponse.Description"/></param>
public sealed record UpdateScoringScheme(string Name, ScoringSchemeSettings Settings, string? Description = null) : ICommand<ScoringSchemeResponse>, IConditional, IChangesScorecards<ScoringSchemeResponse>
{
    /// <summary>Every year that uses the scheme is scored again, in bulk.</summary>
    ScorecardsAffected IChangesScorecards<ScoringSchemeResponse>.Affected(ScoringSchemeResponse scheme) => ScorecardsAffected.Scheme(scheme.Id);

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public long Id { get; init; }

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Validator : AbstractValidator<UpdateScoringScheme>
    {
        public Validator() => this.AddSchemeRules(x => x.Name, x => x.Description, x => x.Settings);
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<UpdateScoringScheme, ScoringSchemeResponse>
    {
        private const string UpdateSql = """
            UPDATE scoring_schemes SET name = @Name, description = @Description, settings = @Settings,
                row_version = row_version + 1, updated_at = @Now
            WHERE id = @Id AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        public async Task<ScoringSchemeResponse> Handle(UpdateScoringScheme request, CancellationToken ct)
        {
            var current = await GetScoringScheme.LoadAsync(db, request.Id, ct);
            if (current.Locked)
            {
                throw new ConflictException(Messages.SchemeLocked.Format(current.Code, current.Version, current.Version + 1));
            }

            request.EnsureApplied(await db.ExecuteAsync(UpdateSql, new
            {
                request.Id,
                request.ExpectedVersion,
                request.Name,
                request.Description,
                Settings = SchemeSettingsJson.Write(request.Settings),
                Now = clock.GetUtcNow(),
            }, ct), "Scoring scheme", request.Id);
            return await GetScoringScheme.LoadAsync(db, request.Id, ct);
        }
    }
}
