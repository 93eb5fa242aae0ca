using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.ScoringSchemes;

/// <summary>A new scoring scheme, or the next version of an existing code.</summary>
/// <param name="Code">Scheme code: lower-case ASCII letters, digits and '-'. An existing code gets its next version.</param>
/// <param name="Name"><inheritdoc cref="PerfEval.Application.ScoringSchemes.ScoringSchemeResponse.Name"/></param>
/// <param name="Settings"><inheritdoc cref="PerfEval.Application.ScoringSchemes.ScoringSchemeResponse.Settings"/></param>
/// <param name="Description"><inheritdoc cref="PerfEval.Application.ScoringSchemes.ScoringSchemeResponse.Description"/></param>
public sealed record CreateScoringScheme(string Code, string Name, ScoringSchemeSettings Settings, string? Description = null) : ICommand<ScoringSchemeResponse>
{
    internal sealed class Validator : AbstractValidator<CreateScoringScheme>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(64).Matches("^[a-z0-9][a-z0-9-]*$").WithMessage(_ => Messages.SchemeCode.Current);
            this.AddSchemeRules(x => x.Name, x => x.Description, x => x.Settings);
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<CreateScoringScheme, ScoringSchemeResponse>
    {
        private const string NextVersionSql = "SELECT COALESCE(MAX(version), 0) + 1 FROM scoring_schemes WHERE code = @Code";

        private const string InsertSql = """
            INSERT INTO scoring_schemes (code, version, name, description, settings, created_at, updated_at)
            VALUES (@Code, @Version, @Name, @Description, @Settings, @Now, @Now)
            RETURNING id
            """;

        public async Task<ScoringSchemeResponse> Handle(CreateScoringScheme request, CancellationToken ct)
        {
            var version = await db.ExecuteScalarAsync<int>(NextVersionSql, new { request.Code }, ct);
            var id = await db.ExecuteScalarAsync<long>(InsertSql, new
            {
                request.Code,
                Version = version,
                request.Name,
                request.Description,
                Settings = SchemeSettingsJson.Write(request.Settings),
                Now = clock.GetUtcNow(),
            }, ct);
            return await GetScoringScheme.LoadAsync(db, id, ct);
        }
    }
}
