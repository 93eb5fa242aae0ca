extern alias api;

using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Dapper;
using FluentValidation;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Common;

namespace PerfEval.Benchmarks;

/// <summary>
/// Where the time of one 10,000-item push goes, measured from outside the service (it is not
/// changed for this): the whole request over HTTP, the command through MediatR alone (validation,
/// transaction, handler, audit; no HTTP, no JSON, no idempotency key), and the pieces one at a time —
/// validation, the JSON the request goes through (read, fingerprint; the result written once, stored
/// and sent), and what the push stores beside its rows (the audit summary and the 3 MB response).
/// <code>dotnet run -c Release --project tests/PerfEval.Benchmarks -- --filter *AdjustmentPushPhaseBenchmarks*</code>
/// </summary>
[Config(typeof(AdjustmentPhaseBenchmarkConfig))]
public class AdjustmentPushPhaseBenchmarks
{
    private const int Count = 10_000;

    private AdjustmentService _service = null!;
    private List<AdjustmentItem> _items = [];
    private byte[] _body = [];
    private PushedAdjustments _result = null!;
    private List<AdjustmentItem> _recorded = [];
    private JsonSerializerOptions _apiJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _service = AdjustmentService.StartAsync().GetAwaiter().GetResult();
        _apiJson = _service.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        using var scope = _service.Services.CreateScope();
        _recorded = _service.NewItems(Count);
        _result = scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PushBudgetAdjustments(_recorded)).GetAwaiter().GetResult().Recorded;
    }

    [GlobalCleanup]
    public void Cleanup() => _service.Dispose();

    [IterationSetup]
    public void NewItems()
    {
        _items = _service.NewItems(Count);
        _body = AdjustmentService.Body(_items);
    }

    [Benchmark(Baseline = true, Description = "HTTP: whole request")]
    public Task<int> Http() => _service.PushAsync(_body, Guid.NewGuid().ToString());

    [Benchmark(Description = "MediatR: command only")]
    public async Task<int> Command()
    {
        using var scope = _service.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PushBudgetAdjustments(_items));
        return result.Recorded.Adjustments.Count;
    }

    /// <summary>The handler up to its line checks: the last item names no line, so it stops there (422) and writes nothing.</summary>
    [Benchmark(Description = "MediatR: command refused at the line check (422)")]
    public async Task<int> CommandUpToLineCheck()
    {
        using var scope = _service.Services.CreateScope();
        List<AdjustmentItem> items = [.. _items.SkipLast(1), _items[^1] with { LineId = 987_654_321 }];
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PushBudgetAdjustments(items));
            throw new InvalidOperationException("The batch was accepted.");
        }
        catch (BusinessRuleException refused)
        {
            return refused.Errors.Count;
        }
    }

    /// <summary>The handler up to its duplicate check: every item was recorded in the set-up, so it stops there (409) and writes nothing.</summary>
    [Benchmark(Description = "MediatR: command refused at the duplicate check (409)")]
    public async Task<int> CommandUpToDuplicateCheck()
    {
        using var scope = _service.Services.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PushBudgetAdjustments(_recorded));
            throw new InvalidOperationException("The batch was accepted.");
        }
        catch (ConflictException refused)
        {
            return refused.Errors!.Count;
        }
    }

    [Benchmark(Description = "validation")]
    public async Task<int> Validation()
    {
        using var scope = _service.Services.CreateScope();
        var validators = scope.ServiceProvider.GetServices<IValidator<PushBudgetAdjustments>>();
        var failures = 0;
        foreach (var validator in validators)
        {
            failures += (await validator.ValidateAsync(new PushBudgetAdjustments(_items))).Errors.Count;
        }

        return failures;
    }

    [Benchmark(Description = "JSON: read body + fingerprint")]
    public int JsonRequest()
    {
        var request = JsonSerializer.Deserialize<PushBudgetAdjustments>(_body, _apiJson)!;
        return SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonText.Options)).Length;
    }

    [Benchmark(Description = "JSON: write the result (stored and sent as is)")]
    public int JsonResult() => Answer().Length;

    /// <summary>As the push stores them: the audit record is its summary (<see cref="PushBudgetAdjustments.AuditSummary"/>), the response the whole 3 MB of UTF-8 text.</summary>
    [Benchmark(Description = "SQL: audit summary + stored response (large TEXT, rolled back)")]
    public async Task<int> StoredTexts()
    {
        await using var connection = await OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = DateTimeOffset.UtcNow;
        var response = Answer();
        var summary = new PushBudgetAdjustments(_items).AuditSummary(PushedBatch.Created(_result, response));
        var rows = await connection.ExecuteAsync(
            "INSERT INTO audit_events (occurred_at, client_name, request_id, action, entity_key, changes) VALUES (@Now, 'bench', 'x', 'PushBudgetAdjustments', NULL, @Changes)",
            new { Now = now, Changes = JsonSerializer.Serialize(summary, JsonText.Options) }, transaction);
        rows += await connection.ExecuteAsync(
            "INSERT INTO idempotency_keys (client_name, idempotency_key, fingerprint, state, lease_until, response_status, response_body, created_at, expires_at) VALUES ('bench', @Key, 'f', 'Completed', @Now, 201, CAST(@Body AS TEXT), @Now, @Now)",
            new { Key = Guid.NewGuid().ToString(), Now = now, Body = response }, transaction);
        await transaction.RollbackAsync();
        return rows;
    }

    /// <summary>The answer as the push writes it: the listing of created adjustments into a pooled buffer, then the lines after it.</summary>
    private byte[] Answer()
    {
        using var listing = PushedBatch.Serialize(_result.Adjustments);
        return PushedBatch.Utf8JsonOf(listing.Written, _result.Lines);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_service.DataFolder, "perfeval.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
