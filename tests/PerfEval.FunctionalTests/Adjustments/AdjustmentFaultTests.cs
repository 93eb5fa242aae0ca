using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>A 1 s database timeout, one retry and a short lease, so faults and their recovery fit in a test.</summary>
public sealed class FaultFactory : PerfEvalFactory
{
    /// <summary>Longer than the ~3 s a locked database takes to answer 503 (two 1 s busy waits, then a failed 1 s release), so its claim is still in flight after.</summary>
    public const int LeaseSeconds = 6;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:CommandTimeoutSeconds", "1");
        builder.UseSetting("Database:MaxRetryAttempts", "1");
        builder.UseSetting("Idempotency:LeaseSeconds", LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Faults in the middle of a push (the database failing an insert half-way, the database locked after
/// the key was claimed): nothing is left behind, the answer is not stored as final, and the retry with
/// the same key applies the batch exactly once.
/// </summary>
public sealed class AdjustmentFaultTests(FaultFactory factory, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FaultFactory>
{
    private const int Year = 2031;

    private readonly HttpClient _admin = factory.CreateClient(PerfEvalFactory.AdminKey);
    private readonly HttpClient _pusher = factory.CreateClient("test-pusher-key");

    private string Database => Path.Combine(factory.DataFolder, "perfeval.db");

    [Fact]
    public async Task PushAdjustments_WhenTheDatabaseFailsHalfWayThroughTheInserts_LeavesNothingAndTheRetryAppliesOnce()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return; // The fault is a trigger put into the test's SQLite file.
        }

        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000_000m, executed: 0m);
        var items = Enumerable.Range(0, 2_000).Select(i => MoreTestData.Adjustment(code, Year, lineId, 1m) with { Reason = $"追加-{i}" }).ToList();
        var body = AdjustmentApi.Body(items);
        var key = AdjustmentApi.NewKey();
        await ExecuteAsync("CREATE TRIGGER tr_test_fault BEFORE INSERT ON budget_adjustments WHEN NEW.reason = '追加-1500' BEGIN SELECT RAISE(ABORT, 'injected fault'); END");

        HttpResponseMessage failed;
        try
        {
            failed = await _pusher.PushAsync(body, key);
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER tr_test_fault");
        }

        var raw = await failed.Content.ReadAsStringAsync();
        Assert.True(failed.StatusCode == HttpStatusCode.InternalServerError, $"An unexpected database fault: expected 500, got {(int)failed.StatusCode}: {raw}");
        MoreTestData.AssertNoLeaks(raw);
        Assert.Empty(await _admin.LedgerAsync(code));
        Assert.Equal(0m, await _admin.AdjustmentTotalAsync(code, Year, lineId));

        var retry = await _pusher.PushAsync(body, key);

        Assert.True(retry.StatusCode == HttpStatusCode.Created, $"The retry after a fault runs anew: expected 201, got {(int)retry.StatusCode}: {await retry.Content.ReadAsStringAsync()}");
        Assert.False(retry.IsReplay(), "A fault is not a final answer: it is not stored for the key.");
        Assert.Equal(2_000, (await _admin.LedgerAsync(code)).Count);
        Assert.Equal(2_000m, await _admin.AdjustmentTotalAsync(code, Year, lineId));
    }

    [Fact]
    public async Task PushAdjustments_WhenTheDatabaseIsLockedAfterTheKeyIsClaimed_Returns503LeavesNothingAndTheRetryAppliesOnce()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return; // The lock is taken on the test's SQLite file.
        }

        // Push; as soon as the key is claimed (its own committed transaction), take the write lock, so
        // the work's transaction cannot start; hold it until the service has answered. The window
        // (while the batch is validated) is short: when the lock lands too late the push simply
        // succeeds, and the attempt is made again with a new batch.
        for (var attempt = 1; ; attempt++)
        {
            var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000_000m, executed: 0m);
            var items = Enumerable.Range(0, PushBudgetAdjustments.MaxBatch).Select(i => MoreTestData.Adjustment(code, Year, lineId, 0.01m)).ToList();
            var body = AdjustmentApi.Body(items);
            var key = AdjustmentApi.NewKey();
            HttpResponseMessage answer;
            await using (var locker = await OpenAsync())
            {
                var push = _pusher.PushAsync(body, key);
                var clock = Stopwatch.StartNew();
                while (await ScalarAsync(locker, "SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = $key", key) == 0)
                {
                    Assert.False(push.IsCompleted, "The push ended before its key was seen.");
                    Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "The key was never claimed.");
                }

                await using var transaction = locker.BeginTransaction(deferred: false);
                answer = await push;
                await transaction.RollbackAsync();
            }

            var raw = await answer.Content.ReadAsStringAsync();
            if (answer.StatusCode == HttpStatusCode.Created && attempt < 5)
            {
                output.WriteLine($"attempt {attempt}: the lock came after the work's transaction began; the push completed");
                Assert.Equal(PushBudgetAdjustments.MaxBatch, (await _admin.LedgerAsync(code)).Count);
                continue;
            }

            output.WriteLine($"attempt {attempt}: {(int)answer.StatusCode}");
            Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)answer.StatusCode}: {raw[..Math.Min(raw.Length, 300)]}");
            Assert.NotNull(answer.Headers.RetryAfter);
            MoreTestData.AssertNoLeaks(raw);
            Assert.Empty(await _admin.LedgerAsync(code));
            Assert.Equal(0m, await _admin.AdjustmentTotalAsync(code, Year, lineId));

            // The key could not be released while the database was locked: the retry sees it in flight
            // (409) until its lease runs out, then takes it over.
            var (retry, inFlight) = await PushUntilNot409Async(body, key);
            output.WriteLine($"{inFlight.Count} × 409 before the lease ran out");

            Assert.True(retry.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)retry.StatusCode}");
            Assert.False(retry.IsReplay());
            Assert.Equal(PushBudgetAdjustments.MaxBatch, (await _admin.LedgerAsync(code)).Count);
            Assert.Equal(100m, await _admin.AdjustmentTotalAsync(code, Year, lineId));
            Assert.All(inFlight, conflict => Assert.True(
                conflict.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero,
                "A 409 for a key in flight should say when to retry: the endpoint sets Retry-After: 1, but the answer has none."));
            return;
        }
    }

    private async Task<(HttpResponseMessage Last, List<HttpResponseMessage> Conflicts)> PushUntilNot409Async(string body, string key)
    {
        var conflicts = new List<HttpResponseMessage>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await _pusher.PushAsync(body, key);
            if (response.StatusCode != HttpStatusCode.Conflict || clock.Elapsed > TimeSpan.FromSeconds(FaultFactory.LeaseSeconds + 10))
            {
                return (response, conflicts);
            }

            Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            conflicts.Add(response);
            await Task.Delay(250);
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false, DefaultTimeout = 10 }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, string key)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
