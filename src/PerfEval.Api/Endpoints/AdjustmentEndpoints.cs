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
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class AdjustmentEndpoints
{
    public static RouteGroupBuilder MapAdjustments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/budget-adjustments").WithTags("Budget adjustments");

        group.MapPost("/", Push)
            .Accepts<PushBudgetAdjustments>("application/json")
            .WithName("pushBudgetAdjustments")
            .WithSummary("推送预算调整 Push budget adjustments")
            .WithDescription("""
                Appends a batch of 1 to 10,000 budget adjustments (年中调增/调减) to the ledger, all or nothing,
                in one transaction, and answers the new totals of every line moved (adjusted = initial + Σ
                adjustments). Each adjustment names its line by id, or by department, year, expenditure class
                and funding source (and project); carries its document number (文号), reason, effective date, and
                its source system and item id (unique per source system: a repeat is 409). A decrease may not
                take a line's adjusted amount below its executed amount; a reversal is the exact opposite of an
                earlier adjustment on the same line. Every bad item is reported by index (`adjustments[3]`) and
                nothing is written (422). The year must exist and not be closed.

                Idempotent: send a unique Idempotency-Key; a retry with the same key and payload gets the stored
                response byte for byte (Idempotent-Replayed: true), including a stored 4xx.

                Trying the examples on the demo data: the first try records the adjustment (201); trying it again
                with the same Idempotency-Key replays that response, and with a new key but the same
                sourceItemId it is 409 (the item is already in the ledger): give a new sourceItemId to record
                another. 演示数据上试用示例：第一次入账（201）；同一 Idempotency-Key 再试返回已存的响应；换了
                Idempotency-Key 而 sourceItemId 不变则为 409（该条已入账），请换一个 sourceItemId。
                """)
            .WithRequestDescription("The batch: 1 to 10,000 adjustments, applied in order.")
            .WithResponseDescription("Created: every adjustment recorded and the new totals of every line moved (or, on a replay, the stored response).")
            .WithExample("byClass", "商务局 2024: +50,000 元 operating, own-level funds", request: BudgetAdjustmentsExamples.PushBudgetAdjustmentsByClassRequest, responseSummary: "Line 10 of 商务局 moves from 164,700.00 to 214,700.00 元", response: BudgetAdjustmentsExamples.PushBudgetAdjustmentsByClass)
            .WithExample("byLine", "商务局 2024: +20,000 元 on line 9 (personnel, own-level funds), by id", request: BudgetAdjustmentsExamples.PushBudgetAdjustmentsByLineRequest)
            .RequiresIdempotencyKey()
            .Produces<PushedAdjustments>(StatusCodes.Status201Created)
            .WithMetadata(new BatchBodyLimit())
            .RequireScope(Scopes.AdjustmentsWrite);

        group.MapGet("/", (IMediator mediator, [AsParameters] ListBudgetAdjustments query, CancellationToken ct) => mediator.Send(query, ct))
            .WithName("listBudgetAdjustments")
            .WithSummary("预算调整台账 List budget adjustments")
            .WithDescription("""
                The adjustment ledger (年中调增/调减) in append order, keyset-paged, filtered by department, year, source system and effective date.
                """)
            .WithParameter("departmentCode", "Only this department's adjustments, e.g. `GXQ-GYYQ`.")
            .WithParameter("fiscalYear", "Only this fiscal year's adjustments, e.g. `2024`.")
            .WithParameter("sourceSystem", "Only adjustments pushed by this source system, e.g. `budget-platform`.")
            .WithParameter("effectiveFrom", "Only adjustments effective on or after this date, e.g. `2024-01-01`.")
            .WithParameter("effectiveTo", "Only adjustments effective on or before this date, e.g. `2024-12-31`.")
            .WithResponseDescription("A page of the ledger.")
            .WithExample("gyyq", "工业园区管理办公室's first 2024 adjustment (+900 万元)", response: BudgetAdjustmentsExamples.ListBudgetAdjustmentsGyyq)
            .RequireScope(Scopes.Read);

        group.MapGet("/{id:long}", (IMediator mediator, long id, CancellationToken ct) => mediator.Send(new GetBudgetAdjustment(id), ct))
            .WithName("getBudgetAdjustment")
            .WithSummary("一笔预算调整 Get a budget adjustment")
            .WithDescription("""
                One entry of the adjustment ledger.
                """)
            .WithParameter("id", "Id of the adjustment.", example: 1)
            .WithResponseDescription("The adjustment.")
            .WithExample("gyyq", "+9,000,000.00 元 to line 6", response: BudgetAdjustmentsExamples.GetBudgetAdjustmentGyyq)
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
