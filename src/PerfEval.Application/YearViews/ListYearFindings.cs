using System.Globalization;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

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

    internal sealed class Handler(DbSession db, IRequestContext context, YearCache cache) : IRequestHandler<ListYearFindings, Page<YearFinding>>
    {
        public async Task<Page<YearFinding>> Handle(ListYearFindings request, CancellationToken ct)
        {
            var (afterDepartment, afterIndex) = ParseCursor(request.Cursor);
            var items = new List<(YearFinding Finding, int Index)>();
            foreach (var scored in (await cache.ScoreAsync(db, context, request.Year, ct)).Where(d => request.Region is null || d.Department.Region == request.Region))
            {
                var department = scored.Department;
                var comparison = afterDepartment is null ? 1 : string.CompareOrdinal(department.Code, afterDepartment);
                if (comparison < 0)
                {
                    continue;
                }

                // The compact score knows which codes and severities the scorecard has: only a
                // department-year with a matching finding is scored again in full for its messages.
                if (!scored.Score.HasFinding(request.Code, request.Severity))
                {
                    continue;
                }

                var findings = scored.FullScorecard().Findings;
                for (var i = 0; i < findings.Count && items.Count <= request.Limit; i++)
                {
                    var f = findings[i];
                    if ((comparison == 0 && i <= afterIndex)
                        || (request.Code is not null && f.Code != request.Code)
                        || (request.Severity is not null && f.Severity != request.Severity))
                    {
                        continue;
                    }

                    items.Add((new YearFinding(department.Code, department.Name, department.Region, f.Code, f.Severity, f.Subject, f.Figures,
                        request.Language == MessageLanguage.English ? f.MessageEn : f.MessageZh), i));
                }

                if (items.Count > request.Limit)
                {
                    break;
                }
            }

            return Paging.ToPage(items, request.Limit, x => $"{x.Finding.DepartmentCode}\u0001{x.Index.ToString(CultureInfo.InvariantCulture)}") is var page
                ? new Page<YearFinding>([.. page.Items.Select(x => x.Finding)], page.NextCursor)
                : throw new InvalidOperationException();
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
    }
}
