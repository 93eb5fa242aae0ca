using PerfEval.Application.ReportImports;

namespace PerfEval.Api.Security;

/// <summary>
/// Response hardening on every response (nosniff, no caching of authenticated data, no referrer)
/// and the request body limit: 413 before a large body is read, a larger limit for the batch push.
/// </summary>
internal sealed class HardeningMiddleware(RequestDelegate next, SecurityOptions security, ReportImportLimits reports)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["X-Request-Id"] = context.TraceIdentifier; // the audit log's requestId

            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });

        var metadata = context.GetEndpoint()?.Metadata;
        var limit = metadata?.GetMetadata<BatchBodyLimit>() is not null ? security.MaxBatchBodyBytes
            : metadata?.GetMetadata<ReportFileBodyLimit>() is not null ? ReportFileBodyLimit.Of(reports)
            : security.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}

/// <summary>Endpoint metadata: this endpoint takes the larger batch body limit.</summary>
internal sealed class BatchBodyLimit;

/// <summary>Endpoint metadata: this endpoint takes a report file, as large as the report readers accept (ReportImports:MaxBytes).</summary>
internal sealed class ReportFileBodyLimit
{
    /// <summary>Room for a multipart envelope around the file (boundaries, part headers).</summary>
    private const long EnvelopeBytes = 64 * 1024;

    public static long Of(ReportImportLimits limits) => limits.MaxBytes + EnvelopeBytes;
}
