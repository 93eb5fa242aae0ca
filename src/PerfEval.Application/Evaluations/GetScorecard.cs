using System.Text.Json;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Evaluations;

/// <summary>
/// The scorecard of a department-year, as the read model keeps it: one indexed row, current as of the
/// last write's commit. With explain, it is computed from the base data on demand, each figure with
/// its formula. A department-year with nothing stored has the scorecard of no data (version 0).
/// </summary>
public sealed record GetScorecard(string DepartmentCode, int FiscalYear, bool Explain = false, MessageLanguage Language = MessageLanguage.Chinese)
    : IQuery<ScorecardResponse>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<GetScorecard, ScorecardResponse>
    {
        private const string KeptSql = """
            SELECT s.card AS Card, s.version AS Version, COALESCE(e.row_version, 0) AS EvaluationVersion, d.name AS DepartmentName,
                d.region AS Region, m.id AS SchemeId, m.code AS SchemeCode, m.version AS SchemeVersion, m.name AS SchemeName
            FROM scorecards s
            JOIN departments d ON d.code = s.department_code
            JOIN scoring_schemes m ON m.id = s.scheme_id
            LEFT JOIN evaluations e ON e.department_code = s.department_code AND e.fiscal_year = s.fiscal_year
            WHERE s.department_code = @DepartmentCode AND s.fiscal_year = @FiscalYear
            """;

        private const string VersionsSql = """
            SELECT COALESCE((SELECT version FROM scorecards WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear), 0) AS Version,
                COALESCE((SELECT row_version FROM evaluations WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear), 0) AS EvaluationVersion
            """;

        public async Task<ScorecardResponse> Handle(GetScorecard request, CancellationToken ct)
        {
            if (!request.Explain && await db.QuerySingleOrDefaultAsync<KeptRow>(KeptSql, new { request.DepartmentCode, request.FiscalYear }, ct) is { } kept)
            {
                return JsonSerializer.Deserialize<StoredScorecard>(kept.Card, StoredScorecard.Json)!.ToResponse(
                    request.Language,
                    request.DepartmentCode,
                    kept.DepartmentName,
                    kept.Region,
                    request.FiscalYear,
                    new SchemeReference(kept.SchemeId, kept.SchemeCode, kept.SchemeVersion, kept.SchemeName),
                    version: kept.Version,
                    evaluationVersion: kept.EvaluationVersion);
            }

            var department = await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var scheme = await YearScheme.LoadAsync(db, request.FiscalYear, ct);
            var card = await ScoreAsync(db, request.DepartmentCode, request.FiscalYear, scheme, request.Explain, ct);
            var versions = (await db.QuerySingleOrDefaultAsync<Versions>(VersionsSql, new { request.DepartmentCode, request.FiscalYear }, ct))!;
            return card.ToResponse(
                scheme.Settings,
                request.Language,
                request.Explain,
                department.Code,
                department.Name,
                department.Region,
                request.FiscalYear,
                new SchemeReference(scheme.SchemeId, scheme.Code, scheme.Version, scheme.Name),
                versions.Version,
                versions.EvaluationVersion);
        }

        /// <summary>One department-year scored from its current lines, indicators and declared figures, as the read model scores it.</summary>
        private static async Task<Scorecard> ScoreAsync(DbSession db, string departmentCode, int year, YearScheme scheme, bool explain, CancellationToken ct)
        {
            var inputs = await ScorecardReadModel.InputsAsync(db, year, [departmentCode], ct);
            var input = inputs.GetValueOrDefault(departmentCode) ?? new ScorecardInput([], [], DeclaredFigures.None, DataChangedAfterClose: false);
            return ScorecardCalculator.Calculate(input, scheme.Settings, explain);
        }

        private sealed record Versions
        {
            public int Version { get; init; }
            public int EvaluationVersion { get; init; }
        }

        private sealed record KeptRow
        {
            public required string Card { get; init; }
            public int Version { get; init; }
            public int EvaluationVersion { get; init; }
            public required string DepartmentName { get; init; }
            public required string Region { get; init; }
            public long SchemeId { get; init; }
            public required string SchemeCode { get; init; }
            public int SchemeVersion { get; init; }
            public required string SchemeName { get; init; }
        }
    }
}
