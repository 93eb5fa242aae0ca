using System.Text.Json;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.Exports;

/// <summary>What a year export holds: one row per department, indicator, budget line or ledger entry.</summary>
public enum ExportDataset
{
    Scorecards,
    Indicators,
    BudgetLines,
    Adjustments,

    /// <summary>Each department's latest monitoring round (绩效运行监控): its lights and indicator counts by light.</summary>
    Monitoring,
}

public enum ExportFormat
{
    /// <summary>UTF-8 with BOM, Chinese headers, RFC 4180 quoting: opens in Excel as is.</summary>
    Csv,

    /// <summary>One sheet, a header row, numbers as numeric cells.</summary>
    Xlsx,

    /// <summary>One JSON object per line, as the API writes it.</summary>
    Ndjson,
}

/// <summary>
/// A whole year of one dataset as a file, written into <see cref="Output"/> as it is read: keyset-paged
/// chunks (500 departments, or 1,000 lines or ledger entries), so memory stays flat whatever the year's
/// size. Restricted clients get only the departments they may see.
/// </summary>
public sealed record ExportYear(int Year, ExportDataset Dataset, ExportFormat Format) : IQuery<Unit>
{
    /// <summary>Where the file goes: the response body, set by the API.</summary>
    [RouteValue]
    public required Stream Output { get; init; }

    /// <summary>perfeval-2024-budget-lines.csv: the names the query string uses.</summary>
    public string FileName => $"perfeval-{Year}-{Name(Dataset)}.{Name(Format)}";

    public string ContentType => Format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/x-ndjson",
    };

    /// <summary>The value's name in the query string and the file name (kebab-case: budget-lines).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    internal sealed class Validator : AbstractValidator<ExportYear>
    {
        public Validator()
        {
            RuleFor(x => x.Dataset).IsInEnum();
            RuleFor(x => x.Format).IsInEnum();
            RuleFor(x => x.Output).Must(o => o.CanWrite).WithMessage("The export needs a writable output.");
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ExportYear, Unit>
    {
        public async Task<Unit> Handle(ExportYear request, CancellationToken ct)
        {
            // An unknown year is a 404 before the first byte is written.
            _ = await db.StatusOfYearAsync(request.Year, ct) ?? throw new NotFoundException("Fiscal year", request.Year);
            var (format, output, year) = (request.Format, request.Output, request.Year);
            await (request.Dataset switch
            {
                ExportDataset.Scorecards => ExportTable.WriteAsync(format, output, "综合评分", ScorecardExport.Columns,
                    ScorecardExport.RowsAsync(db, context, year, ct), ct),
                ExportDataset.Indicators => ExportTable.WriteAsync(format, output, "绩效指标", IndicatorExport.Columns,
                    IndicatorExport.RowsAsync(db, context, year, ct), ct),
                ExportDataset.BudgetLines => ExportTable.WriteAsync(format, output, "预算明细", BudgetLineExport.Columns,
                    BudgetLineExport.RowsAsync(db, context, year, ct), ct),
                ExportDataset.Adjustments => ExportTable.WriteAsync(format, output, "预算调整", AdjustmentExport.Columns,
                    AdjustmentExport.RowsAsync(db, context, year, ct), ct),
                ExportDataset.Monitoring => ExportTable.WriteAsync(format, output, "绩效运行监控", MonitoringExport.Columns,
                    MonitoringExport.RowsAsync(db, context, year, ct), ct),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.Dataset, "Unknown dataset."),
            });
            return Unit.Value;
        }
    }
}
