using System.Globalization;
using System.Text.Json;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

/// <summary>A finding of one department's scorecard.</summary>
/// <param name="DepartmentCode"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></param>
/// <param name="DepartmentName"><inheritdoc cref="PerfEval.Application.YearViews.ScorecardRow.DepartmentName"/></param>
/// <param name="Region"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Region"/></param>
/// <param name="Code">Stable finding code (see FindingResponse.code).</param>
/// <param name="Severity"><inheritdoc cref="PerfEval.Application.Evaluations.FindingResponse.Severity"/></param>
/// <param name="Subject"><inheritdoc cref="PerfEval.Application.Evaluations.FindingResponse.Subject"/></param>
/// <param name="Figures"><inheritdoc cref="PerfEval.Application.Evaluations.FindingResponse.Figures"/></param>
/// <param name="Message"><inheritdoc cref="PerfEval.Application.Evaluations.FindingResponse.Message"/></param>
public sealed record YearFinding(
    string DepartmentCode,
    string DepartmentName,
    string Region,
    string Code,
    FindingSeverity Severity,
    string Subject,
    IReadOnlyDictionary<string, decimal?> Figures,
    string Message);

/// <summary>Every finding of the year, by department code and then as the scorecard lists them, filterable and keyset-paged.</summary>
public sealed record ListYearFindings(
    int Year,
    string? Code = null,
    FindingSeverity? Severity = null,
    string? Region = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null,
    MessageLanguage Language = MessageLanguage.Chinese) : IQuery<Page<YearFinding>>
{
    internal sealed class Validator : AbstractValidator<ListYearFindings>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidLimit();
            RuleFor(x => x.Severity).IsInEnum();
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListYearFindings, Page<YearFinding>>
    {
        /// <summary>
        /// The department-years with a finding of the code asked for (any, without one), from the one
        /// after the cursor's on, a few more than a page at most: each has at least one finding.
        /// </summary>
        private const string CardsSql = """
            SELECT s.department_code AS DepartmentCode, d.name AS DepartmentName, d.region AS Region, s.card AS Card
            FROM scorecards s JOIN departments d ON d.code = s.department_code
            WHERE s.fiscal_year = @Year
              AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
              AND (@Region IS NULL OR d.region = @Region)
              AND s.error_count + s.warning_count + s.info_count > 0
              AND (@Code IS NULL OR s.finding_codes LIKE @CodePattern)
              AND (@Severity IS NULL OR (@Severity = 'Error' AND s.error_count > 0) OR (@Severity = 'Warning' AND s.warning_count > 0) OR (@Severity = 'Info' AND s.info_count > 0))
              AND (@After IS NULL OR s.department_code >= @After)
            ORDER BY s.department_code
            LIMIT @Take
            """;

        public async Task<Page<YearFinding>> Handle(ListYearFindings request, CancellationToken ct)
        {
            _ = await db.StatusOfYearAsync(request.Year, ct) ?? throw new NotFoundException("Fiscal year", request.Year);
            var (afterDepartment, afterIndex) = ParseCursor(request.Cursor);
            var items = new List<(YearFinding Finding, int Index)>();
            while (items.Count <= request.Limit)
            {
                var cards = (await db.QueryAsync<KeptCard>(CardsSql, new
                {
                    request.Year,
                    Unrestricted = context.IsRestricted() ? 0 : 1,
                    context.Regions,
                    context.Departments,
                    request.Region,
                    request.Code,
                    CodePattern = $"%,{request.Code},%",
                    Severity = request.Severity?.ToString(),
                    After = afterDepartment,
                    Take = request.Limit + 1,
                }, ct)).ToList();
                foreach (var kept in cards)
                {
                    var findings = JsonSerializer.Deserialize<StoredScorecard>(kept.Card, StoredScorecard.Json)!.Findings;
                    var resuming = kept.DepartmentCode == afterDepartment;
                    for (var i = resuming ? afterIndex + 1 : 0; i < findings.Count && items.Count <= request.Limit; i++)
                    {
                        var f = findings[i];
                        if ((request.Code is null || f.Code == request.Code) && (request.Severity is null || f.Severity == request.Severity))
                        {
                            items.Add((new YearFinding(kept.DepartmentCode, kept.DepartmentName, kept.Region, f.Code, f.Severity, f.Subject, f.Figures,
                                request.Language == MessageLanguage.English ? f.MessageEn : f.MessageZh), i));
                        }
                    }
                }

                if (cards.Count <= request.Limit || items.Count > request.Limit)
                {
                    break;
                }

                // Every card read was used up without filling the page: go on after the last one.
                (afterDepartment, afterIndex) = (cards[^1].DepartmentCode, int.MaxValue - 1);
            }

            var page = Paging.ToPage(items, request.Limit, x => $"{x.Finding.DepartmentCode}\u0001{x.Index.ToString(CultureInfo.InvariantCulture)}");
            return new Page<YearFinding>([.. page.Items.Select(x => x.Finding)], page.NextCursor);
        }

        private static (string? Department, int Index) ParseCursor(string? cursor)
        {
            var key = Paging.Decode(cursor);
            if (key is null)
            {
                return (null, -1);
            }

            var parts = key.Split('\u0001');
            return parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var index)
                ? (parts[0], index)
                : throw Paging.InvalidCursor();
        }

        private sealed record KeptCard
        {
            public required string DepartmentCode { get; init; }
            public required string DepartmentName { get; init; }
            public required string Region { get; init; }
            public required string Card { get; init; }
        }
    }
}
