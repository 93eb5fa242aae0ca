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
using PerfEval.Application.Common;

namespace PerfEval.Benchmarks;

/// <summary>
/// Where the time of one 10,000-item push goes, measured from outside the service (it is not
/// changed for this): the whole request over HTTP, the command through MediatR alone (validation,
/// transaction, handler, audit; no HTTP, no JSON, no idempotency key), and the pieces one at a time —
/// validation, the JSON the request goes through (read, fingerprint, audit copy; the result written
/// twice: stored and sent), and the ledger INSERT as the handler issues it (Dapper, one command per item).
/// <code>dotnet run -c Release --project tests/PerfEval.Benchmarks -- --filter *AdjustmentPushPhaseBenchmarks*</code>
/// </summary>
[Config(typeof(AdjustmentPhaseBenchmarkConfig))]
public class AdjustmentPushPhaseBenchmarks
{
    private const int Count = 10_000;

    private const string InsertSql = """
        INSERT INTO budget_adjustments (line_id, department_code, fiscal_year, amount, document_number, reason,
            effective_date, source_system, source_item_id, reverses_id, client_name, created_at)
        VALUES (@LineId, @DepartmentCode, @FiscalYear, @Amount, @DocumentNumber, @Reason,
            @EffectiveDate, @SourceSystem, @SourceItemId, @ReversesId, @ClientName, @Now)
        """;

    private AdjustmentService _service = null!;
    private List<AdjustmentItem> _items = [];
    private string _body = "";
    private PushedAdjustments _result = null!;
    private JsonSerializerOptions _apiJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _service = AdjustmentService.StartAsync().GetAwaiter().GetResult();
        _apiJson = _service.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        using var scope = _service.Services.CreateScope();
        _result = scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PushBudgetAdjustments(_service.NewItems(Count))).GetAwaiter().GetResult();
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
        return result.Adjustments.Count;
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

    [Benchmark(Description = "JSON: read body + fingerprint + audit copy")]
    public int JsonRequest()
    {
        var request = JsonSerializer.Deserialize<PushBudgetAdjustments>(_body, _apiJson)!;
        var fingerprint = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonText.Options));
        var audit = JsonSerializer.Serialize(request, JsonText.Options);
        return fingerprint.Length + audit.Length;
    }

    [Benchmark(Description = "JSON: write result twice")]
    public int JsonResult() => JsonSerializer.Serialize(_result, JsonText.Options).Length + JsonSerializer.Serialize(_result, JsonText.Options).Length;

    [Benchmark(Description = "SQL: 10,000 ledger INSERTs (Dapper, rolled back)")]
    public async Task<int> Insert()
    {
        var path = Path.Combine(_service.DataFolder, "perfeval.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = DateTimeOffset.UtcNow;
        var rows = await connection.ExecuteAsync(InsertSql, _items.Select(a => new
        {
            a.LineId,
            a.DepartmentCode,
            a.FiscalYear,
            a.Amount,
            a.DocumentNumber,
            a.Reason,
            a.EffectiveDate,
            a.SourceSystem,
            a.SourceItemId,
            a.ReversesId,
            ClientName = "bench",
            Now = now,
        }), transaction);
        await transaction.RollbackAsync();
        return rows;
    }
}
