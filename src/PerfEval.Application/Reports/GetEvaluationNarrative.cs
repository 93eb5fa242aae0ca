using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;

namespace PerfEval.Application.Reports;

/// <summary>The report's own words for a department-year: problems, causes, improvement measures, suggestions and the filing date (null before any evaluation is stored).</summary>
public sealed record EvaluationNarrative(string? Problems, string? Causes, string? ImprovementMeasures, string? Suggestions, DateOnly? FiledOn);

/// <summary>Reads the narrative the evaluation PUT stored; the department must exist.</summary>
public sealed record GetEvaluationNarrative(string DepartmentCode, int FiscalYear) : IQuery<EvaluationNarrative?>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<GetEvaluationNarrative, EvaluationNarrative?>
    {
        public async Task<EvaluationNarrative?> Handle(GetEvaluationNarrative request, CancellationToken ct) =>
            await EvaluationRow.LoadAsync(db, request.DepartmentCode, request.FiscalYear, ct) is { } row
                ? new EvaluationNarrative(row.Problems, row.Causes, row.ImprovementMeasures, row.Suggestions, row.FiledOn)
                : null;
    }
}
