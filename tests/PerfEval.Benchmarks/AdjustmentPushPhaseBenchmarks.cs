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
    private List<AdjustmentItem> _recorded = [];
    private JsonSerializerOptions _apiJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        _service = AdjustmentService.StartAsync().GetAwaiter().GetResult();
        _apiJson = _service.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        using var scope = _service.Services.CreateScope();
        _recorded = _service.NewItems(Count);
        _result = scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PushBudgetAdjustments(_recorded)).GetAwaiter().GetResult();
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
        await using var connection = await OpenAsync();
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

    [Benchmark(Description = "SQL: duplicate check + read-back (2 × 20 IN-queries of 500)")]
    public async Task<int> Lookups()
    {
        await using var connection = await OpenAsync();
        var ids = _result.Adjustments.Select(a => a.SourceItemId).ToArray();
        var found = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            found += (await connection.QueryAsync<string>(
                "SELECT source_item_id FROM budget_adjustments WHERE source_system = @System AND source_item_id IN @Ids", new { System = "bench", Ids = chunk })).Count();
        }

        foreach (var chunk in ids.Chunk(500))
        {
            found += (await connection.QueryAsync<BudgetAdjustmentResponse>(
                $"SELECT {BudgetAdjustmentResponse.Columns} FROM budget_adjustments WHERE source_system = @System AND source_item_id IN @Ids", new { System = "bench", Ids = chunk })).Count();
        }

        return found;
    }

    [Benchmark(Description = "SQL: audit record + stored response (large TEXT, rolled back)")]
    public async Task<int> LargeTexts()
    {
        await using var connection = await OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = DateTimeOffset.UtcNow;
        var rows = await connection.ExecuteAsync(
            "INSERT INTO audit_events (occurred_at, client_name, request_id, action, entity_key, changes) VALUES (@Now, 'bench', 'x', 'PushBudgetAdjustments', NULL, @Changes)",
            new { Now = now, Changes = JsonSerializer.Serialize(new PushBudgetAdjustments(_items), JsonText.Options) }, transaction);
        rows += await connection.ExecuteAsync(
            "INSERT INTO idempotency_keys (client_name, idempotency_key, fingerprint, state, lease_until, response_status, response_body, created_at, expires_at) VALUES ('bench', @Key, 'f', 'Completed', @Now, 201, @Body, @Now, @Now)",
            new { Key = Guid.NewGuid().ToString(), Now = now, Body = JsonSerializer.Serialize(_result, JsonText.Options) }, transaction);
        await transaction.RollbackAsync();
        return rows;
    }

    /// <summary>For comparison, not what the handler does: the same lookup as one statement with one parameter (a JSON array read by json_each).</summary>
    [Benchmark(Description = "(compare) duplicate check as 1 query with json_each")]
    public async Task<int> LookupsAsJson()
    {
        await using var connection = await OpenAsync();
        var ids = JsonSerializer.Serialize(_result.Adjustments.Select(a => a.SourceItemId));
        return (await connection.QueryAsync<string>(
            "SELECT source_item_id FROM budget_adjustments WHERE source_system = @System AND source_item_id IN (SELECT value FROM json_each(@Ids))",
            new { System = "bench", Ids = ids })).Count();
    }

    /// <summary>For comparison, not what the handler does: the same 10,000 rows through one prepared command whose parameter values change.</summary>
    [Benchmark(Description = "(compare) 10,000 INSERTs, one prepared command (rolled back)")]
    public async Task<int> InsertPrepared()
    {
        await using var connection = await OpenAsync();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        string[] names = ["LineId", "DepartmentCode", "FiscalYear", "Amount", "DocumentNumber", "Reason", "EffectiveDate", "SourceSystem", "SourceItemId", "ReversesId", "ClientName", "Now"];
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter("@" + n, null))).ToArray();
        command.Prepare();
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var rows = 0;
        foreach (var a in _items)
        {
            object?[] values = [a.LineId, a.DepartmentCode, a.FiscalYear, a.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), a.DocumentNumber, a.Reason,
                a.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.SourceSystem, a.SourceItemId, a.ReversesId, "bench", now];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            rows += await command.ExecuteNonQueryAsync();
        }

        await transaction.RollbackAsync();
        return rows;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_service.DataFolder, "perfeval.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
