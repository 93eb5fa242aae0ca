using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.Net.Http.Headers;
using PerfEval.Api.Security;
using PerfEval.Application.Exports;

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
            .WithSummary("The whole year as a file: format csv|xlsx|ndjson, dataset scorecards|indicators|budget-lines|adjustments|monitoring")
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
