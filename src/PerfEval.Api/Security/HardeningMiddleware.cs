namespace PerfEval.Api.Security;

/// <summary>
/// Response hardening on every response (nosniff, no caching of authenticated data, no referrer)
/// and the request body limit: 413 before a large body is read, a larger limit for the batch push.
/// </summary>
internal sealed class HardeningMiddleware(RequestDelegate next, SecurityOptions security)
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

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BatchBodyLimit>() is null ? security.MaxRequestBodyBytes : security.MaxBatchBodyBytes;
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
