using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Net.Http.Headers;
using PerfEval.Api.Security;
using PerfEval.Application.Exports;
using PerfEval.Api.OpenApi;

namespace PerfEval.Api.Endpoints;

internal static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder api)
    {
        // The handler writes the file straight into the response body while its connection is open;
        // headers go first, and an unknown year (404) is found before the first byte.
        api.MapGet("/fiscal-years/{year:int}/export", async (IMediator mediator, HttpResponse response, int year, string? format, string? dataset, CancellationToken ct) =>
            {
                var export = new ExportYear(year, Parse(dataset, ExportDataset.Scorecards, "dataset"), Parse(format, ExportFormat.Csv, "format"))
                {
                    Output = response.Body,
                };
                response.ContentType = export.ContentType;
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(export.FileName);
                response.Headers.ContentDisposition = disposition.ToString();
                await mediator.Send(export, ct);
                return Results.Empty;
            })
            .WithTags("Year views").WithName("exportYear")
            .WithSummary("导出年度数据 Export a year")
            .WithDescription("""
                The whole year as one file, streamed: one row per department (scorecards), indicator, budget line
                ledger entry (adjustments) or monitoring light (monitoring). CSV is UTF-8 with BOM and Chinese headers (opens in Excel as is),
                XLSX one sheet with numeric cells, NDJSON one JSON object per line as the API writes it. The file
                name is perfeval-{year}-{dataset}.{format} (Content-Disposition). A client limited to some
                regions gets only their departments.
                """)
            .WithParameter("format", "File format: `csv` (default), `xlsx` or `ndjson`.", example: "csv", values: ["csv", "xlsx", "ndjson"], @default: "csv")
            .WithParameter("dataset", "What the rows are: `scorecards` (default), `indicators`, `budget-lines`, `adjustments` or `monitoring`.", example: "scorecards", values: ["scorecards", "indicators", "budget-lines", "adjustments", "monitoring"], @default: "scorecards")
            .WithResponseDescription("The file (Content-Disposition: attachment).")
            .ProducesFile("text/csv", "CSV, UTF-8 with BOM, RFC 4180 quoting.", binary: false)
            .ProducesFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX workbook, one sheet.", binary: true)
            .ProducesFile("application/x-ndjson", "One JSON object per line.", binary: false)
            .Produces(StatusCodes.Status200OK, responseType: null, contentType: "text/csv",
                additionalContentTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/x-ndjson"])
            .RequireScope(Scopes.Read);

        return api;
    }

    /// <summary>The query names the value in kebab-case (budget-lines); a missing one takes the default.</summary>
    private static TEnum Parse<TEnum>(string? value, TEnum fallback, string parameter)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(ExportYear.Name(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(ExportYear.Name));
        throw new ValidationException([new ValidationFailure(parameter, Infrastructure.ProblemTexts.NotOneOf.Format(value, allowed))]);
    }
}
