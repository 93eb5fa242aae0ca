using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Common;

namespace PerfEval.Api.Endpoints;

internal static class AdjustmentEndpoints
{
    public static RouteGroupBuilder MapAdjustments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/budget-adjustments").WithTags("Budget adjustments");

        group.MapPost("/", Push)
            .Accepts<PushBudgetAdjustments>("application/json")
            .WithName("pushBudgetAdjustments").WithSummary("Push a batch of budget adjustments (年中调增/调减), all or nothing, idempotently")
            .WithMetadata(new BatchBodyLimit())
            .RequireScope(Scopes.AdjustmentsWrite);

        group.MapGet("/", (IMediator mediator, [AsParameters] ListBudgetAdjustments query, CancellationToken ct) => mediator.Send(query, ct))
            .WithName("listBudgetAdjustments").WithSummary("The adjustment ledger, in append order")
            .RequireScope(Scopes.Read);

        group.MapGet("/{id:long}", (IMediator mediator, long id, CancellationToken ct) => mediator.Send(new GetBudgetAdjustment(id), ct))
            .WithName("getBudgetAdjustment").WithSummary("One adjustment of the ledger")
            .RequireScope(Scopes.Read);

        return api;
    }

    /// <summary>
    /// Binds the batch and its Idempotency-Key and sends one command; the idempotency behavior claims
    /// the key, replays a stored answer or stores this one. The answer is written as it is stored.
    /// </summary>
    private static async Task<IResult> Push(HttpContext http, IMediator mediator, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var batch = await ReadBatchAsync(http.Request, json.Value.SerializerOptions, ct);
        var key = IdempotencyKeyHeader.Parse(http.Request.Headers["Idempotency-Key"]);
        var answer = await mediator.Send(batch with { Idempotency = IdempotencyKey.For(key, batch) }, ct);
        if (answer.Result is { } recorded)
        {
            Telemetry.PushedAdjustments.Add(recorded.Adjustments.Count);
        }

        return new StoredAnswer(answer);
    }

    /// <summary>
    /// The batch is received whole (into a pooled buffer) and then bound in one pass: bound while it
    /// arrived, a 10,000-item body (2.4 MB) took about twice as long. Refused as the binder refuses a
    /// body: 415 for another media type, 400 for no body or JSON that does not fit the request.
    /// </summary>
    private static async Task<PushBudgetAdjustments> ReadBatchAsync(HttpRequest request, JsonSerializerOptions json, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Expected a JSON body.", StatusCodes.Status415UnsupportedMediaType);
        }

        using var received = new PooledBuffer(request.ContentLength is { } length and <= int.MaxValue ? (int)length : 0);
        int read;
        while ((read = await request.Body.ReadAsync(received.GetMemory(), ct)) > 0)
        {
            received.Advance(read);
        }

        if (received.Written.IsEmpty)
        {
            throw new BadHttpRequestException("The request body is empty.");
        }

        try
        {
            return JsonSerializer.Deserialize<PushBudgetAdjustments>(received.Written, json)
                ?? throw new BadHttpRequestException("The request body is null.");
        }
        catch (JsonException invalid)
        {
            throw new BadHttpRequestException("The request body is not valid JSON for this request.", invalid);
        }
    }

    /// <summary>
    /// An answer as it is stored with its key, written as it is: the same status, headers and bytes
    /// the first time and on every replay (which also says <c>Idempotent-Replayed: true</c>).
    /// </summary>
    private sealed class StoredAnswer(PushedBatch answer) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = answer.Status;
            http.Response.ContentType = answer.Status < 400 ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8";
            if (answer.Replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            http.Response.ContentLength = answer.Utf8Json.Length;
            return http.Response.Body.WriteAsync(answer.Utf8Json).AsTask();
        }
    }
}
