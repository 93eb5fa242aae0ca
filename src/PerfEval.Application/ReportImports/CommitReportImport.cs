using System.Text.Json;
using MediatR;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Audit;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// Commits a reviewed draft: its department (the existing one of that name, or a new one with the
/// draft's confirmed code and region), the fiscal year when missing, budget lines and adjustment,
/// indicators and the evaluation's declared figures, all sent as the ordinary commands inside this
/// one transaction, so each is validated and guarded as from the API and all of it commits or none.
/// Answers the department-year's scorecard. A committed draft records what it committed; committing
/// it again answers the scorecard again and creates nothing.
/// </summary>
/// <param name="Id">The import's id.</param>
public sealed record CommitReportImport(long Id) : ICommand<ScorecardResponse>, IAddressedById, ISummarizedInAudit<ScorecardResponse>
{
    string IAddressedById.Resource => GetReportImport.Resource;

    string IAddressedById.DepartmentOfSql => "SELECT department_code FROM report_imports WHERE id = @Id";

    /// <summary>From <c>?replace=true</c>: replace the department-year's existing data; without it, existing data is 409.</summary>
    [RouteValue]
    public bool Replace { get; init; }

    /// <summary>The language of the scorecard's findings (Accept-Language).</summary>
    [RouteValue]
    public MessageLanguage Language { get; init; }

    object ISummarizedInAudit<ScorecardResponse>.AuditSummary(ScorecardResponse card) => new
    {
        ImportId = Id,
        Replace,
        card.DepartmentCode,
        card.FiscalYear,
        card.CompositeScore,
        card.Grade,
        card.FindingCounts,
    };

    /// <summary>What a committed draft records: where it went and the rows it created.</summary>
    internal sealed record Committed(string DepartmentCode, int FiscalYear, bool FiscalYearCreated, bool Replaced, DepartmentYearWritten Written);

    internal sealed class Handler(DbSession db, IMediator mediator, IRequestContext context, TimeProvider clock)
        : IRequestHandler<CommitReportImport, ScorecardResponse>
    {
        private const string SelectSql = $"SELECT {ReportImportRow.Columns} FROM report_imports WHERE id = @Id";

        private const string ExistingDataSql = """
            SELECT (SELECT COUNT(*) FROM budget_lines WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear)
                 + (SELECT COUNT(*) FROM projects WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear)
                 + (SELECT COUNT(*) FROM indicators WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear)
                 + (SELECT COUNT(*) FROM evaluations WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear)
            """;

        private const string LinesSql = $"""
            SELECT {BudgetLineResponse.Columns} FROM budget_lines
            WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear ORDER BY id
            """;

        private const string ProjectsSql = """
            SELECT id AS Id, name AS Name, funding_source AS FundingSource, on_platform AS OnPlatform
            FROM projects WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear ORDER BY id
            """;

        private const string IndicatorIdsSql = "SELECT id FROM indicators WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear ORDER BY id";

        private const string MarkCommittedSql = """
            UPDATE report_imports SET status = @Status, department_code = @DepartmentCode, fiscal_year = @FiscalYear,
                committed_at = @Now, committed_by = @ClientName, commit_result = @Result, version = version + 1, updated_at = @Now
            WHERE id = @Id AND status = @Draft
            """;

        public async Task<ScorecardResponse> Handle(CommitReportImport request, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<ReportImportRow>(SelectSql, new { request.Id }, ct);
            if (row is null || !row.VisibleTo(context))
            {
                throw new NotFoundException(GetReportImport.Resource, request.Id);
            }

            if (row.Status == ReportImportStatus.Committed)
            {
                return await mediator.Send(new GetScorecard(row.DepartmentCode!, row.FiscalYear!.Value, Language: request.Language), ct);
            }

            var draft = ReportDraftJson.Deserialize(row.Draft);
            var existing = await ExistingDepartmentAsync(row, draft, ct);
            var (data, problems) = DraftYearData.From(draft, request.Id, existing);
            if (data is null)
            {
                throw new BusinessRuleException(Messages.ImportNotCommittable.Current, problems);
            }

            var code = data.Department.Code;
            var year = draft.FiscalYear.Value!.Value;
            var status = await db.StatusOfYearAsync(year, ct);
            if (status == FiscalYearStatus.Closed)
            {
                throw new FiscalYearClosedException(year);
            }

            if (status is null)
            {
                await mediator.Send(new CreateFiscalYear(year, FiscalYearStatus.Evaluation), ct);
            }

            var replaced = false;
            if (existing is not null && await db.ExecuteScalarAsync<int>(ExistingDataSql, new { DepartmentCode = code, FiscalYear = year }, ct) > 0)
            {
                if (!request.Replace)
                {
                    throw new ConflictException(Messages.ImportYearHasData.Format(code, year));
                }

                data = await ClearAsync(request.Id, code, year, data, ct);
                replaced = true;
            }

            var written = await DepartmentYearWriter.WriteAsync(mediator, year, data, createDepartment: existing is null, ct);
            var now = clock.GetUtcNow();
            await db.ExecuteAsync(MarkCommittedSql, new
            {
                request.Id,
                Status = ReportImportStatus.Committed,
                Draft = ReportImportStatus.Draft,
                DepartmentCode = code,
                FiscalYear = year,
                Now = now,
                context.ClientName,
                Result = JsonSerializer.Serialize(new Committed(code, year, status is null, replaced, written), JsonText.Options),
            }, ct);
            return await mediator.Send(new GetScorecard(code, year, Language: request.Language), ct);
        }

        /// <summary>The department matched when the report was uploaded, if it still exists; else the one of the draft's name now.</summary>
        private async Task<string?> ExistingDepartmentAsync(ReportImportRow row, ReportDraft draft, CancellationToken ct)
        {
            if (row.DepartmentCode is { } matched && await db.ExecuteScalarAsync<int>(GetDepartment.ExistsSql, new { Code = matched }, ct) > 0)
            {
                return matched;
            }

            return draft.Department is { Status: FieldStatus.Read or FieldStatus.Corrected, Value: { } name }
                ? await UploadReport.Handler.MatchDepartmentAsync(db, context, name, ct)
                : null;
        }

        /// <summary>
        /// Replaces the department-year's data through the ordinary commands. The ledger is append-only
        /// and lines and projects are never deleted, so: a line the report also has takes the report's
        /// amounts, and its adjustments are brought to the report's total by one correcting entry; any
        /// other line and every project go to 0 (their adjustments reversed the same way); indicators
        /// are deleted. The evaluation is overwritten when the data is written. Returns the data left to create.
        /// </summary>
        private async Task<DepartmentYearData> ClearAsync(long importId, string code, int year, DepartmentYearData data, CancellationToken ct)
        {
            var keys = new { DepartmentCode = code, FiscalYear = year };
            var remaining = data.BudgetLines.ToList();
            var corrections = new List<AdjustmentItem>();
            foreach (var line in await db.QueryAsync<BudgetLineResponse>(LinesSql, keys, ct))
            {
                var same = line.ProjectId is null
                    ? remaining.FirstOrDefault(l => l.ProjectKey is null && l.ExpenditureClass == line.ExpenditureClass && l.FundingSource == line.FundingSource)
                    : null;
                remaining.Remove(same!);
                await mediator.Send(new UpdateBudgetLine(line.ExpenditureClass, line.FundingSource, same?.Initial ?? 0m, same?.Executed ?? 0m, line.ProjectId)
                    { DepartmentCode = code, FiscalYear = year, Id = line.Id }, ct);
                var correction = (same?.Adjustments.Sum(a => a.Amount) ?? 0m) - line.AdjustmentTotal;
                if (correction != 0)
                {
                    corrections.Add(new AdjustmentItem(
                        code, year, correction, null, Messages.ImportReplacedReason.Format(importId), new DateOnly(year, 12, 31),
                        DraftYearData.SourceSystem, $"import-{importId}-line-{line.Id}", LineId: line.Id));
                }
            }

            if (corrections.Count > 0)
            {
                await mediator.Send(new PushBudgetAdjustments(corrections), ct);
            }

            foreach (var project in await db.QueryAsync<ProjectRow>(ProjectsSql, keys, ct))
            {
                await mediator.Send(new UpdateProject(project.Name, Enum.Parse<FundingSource>(project.FundingSource), project.OnPlatform, 0m, 0m) { Id = project.Id }, ct);
            }

            foreach (var id in await db.QueryAsync<long>(IndicatorIdsSql, keys, ct))
            {
                await mediator.Send(new DeleteIndicator(code, year, id), ct);
            }

            return data with { BudgetLines = remaining };
        }

        private sealed record ProjectRow
        {
            public long Id { get; init; }
            public string Name { get; init; } = "";
            public string FundingSource { get; init; } = "";
            public bool OnPlatform { get; init; }
        }
    }
}
