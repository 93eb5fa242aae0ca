using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
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
