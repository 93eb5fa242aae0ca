using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Adjustments;
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
    /// The IETF Idempotency-Key flow: claim the key (its own transaction), then do the work and store
    /// the response in the work's transaction. A replay with the same payload gets the stored status
    /// and body byte for byte; a different payload 422; a retry while the first runs 409.
    /// </summary>
    private static async Task<IResult> Push(HttpContext http, IMediator mediator, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var body = await ReadBatchAsync(http.Request, json.Value.SerializerOptions, ct);
        var key = IdempotencyKey.Parse(http.Request.Headers["Idempotency-Key"]);
        var fingerprint = IdempotencyKey.Fingerprint(body);
        var claim = await mediator.Send(new ClaimIdempotencyKey(key, fingerprint), ct);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Replay:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Stored(claim.Status!.Value, claim.Body!);
            case ClaimOutcome.InFlight:
                throw new ConflictException(Messages.KeyInFlight.Format(key), retryAfterSeconds: 1);
            case ClaimOutcome.KeyReused:
                throw new BusinessRuleException("Idempotency-Key", Messages.KeyReused.Format(key));
        }

        try
        {
            var pushed = await mediator.Send(body with { Idempotency = claim.Claim }, ct);
            Telemetry.PushedAdjustments.Add(pushed.Result.Adjustments.Count);
            return new StoredUtf8(StatusCodes.Status201Created, pushed.Utf8Json);
        }
        catch (Exception ex) when (ex is ValidationException or BusinessRuleException or ConflictException or ForbiddenException)
        {
            // A final answer for this payload: stored, so a replay gets the same one.
            var problem = ProblemDetailsMapping.Map(ex, http);
            problem.Instance = http.Request.Path;
            problem.Extensions["traceId"] = http.TraceIdentifier;
            var problemBody = JsonSerializer.Serialize(problem, problem.GetType(), JsonText.Options);
            await mediator.Send(new SettleIdempotencyKey(claim.Claim, problem.Status, problemBody), CancellationToken.None);
            return Stored(problem.Status!.Value, problemBody);
        }
        catch
        {
            // Not a final answer (a fault, the database unavailable): free the key for the retry.
            try
            {
                await mediator.Send(new SettleIdempotencyKey(claim.Claim, null, null), CancellationToken.None);
            }
            catch (Exception releaseFailure) when (releaseFailure is not OperationCanceledException)
            {
                // The claim's lease runs out on its own.
            }

            throw;
        }
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

    private const string JsonContentType = "application/json; charset=utf-8";

    private static IResult Stored(int status, string body) =>
        Results.Text(body, status < 400 ? JsonContentType : "application/problem+json; charset=utf-8", statusCode: status);

    /// <summary>A response already serialized as UTF-8, written as it is (as <see cref="Stored"/> writes its text: same headers, same bytes).</summary>
    private sealed class StoredUtf8(int status, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = JsonContentType;
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
