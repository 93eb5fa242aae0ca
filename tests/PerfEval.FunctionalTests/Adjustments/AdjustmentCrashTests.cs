using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PerfEval.Application.Adjustments;
using Xunit.Abstractions;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>
/// A crash in the middle of a 10,000-item push: the service runs as a child process and is killed
/// with SIGKILL at several moments of the request; after a restart on the same database the batch is
/// wholly present or wholly absent, and a replay with the same key completes it exactly once.
/// </summary>
public sealed class AdjustmentCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Year = 2031;
    private const int BatchSize = PushBudgetAdjustments.MaxBatch;
    private const decimal Initial = 1_000_000_000.00m;

    /// <summary>A short lease, so a claim the killed process left behind can be taken over within the test.</summary>
    private static readonly Dictionary<string, string> Settings = new() { ["Idempotency__LeaseSeconds"] = "2" };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "perfeval-crash-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task PushAdjustments_WhenServiceIsKilledMidBatch_BatchIsWhollyPresentOrAbsentAndTheReplayAppliesItOnce()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return; // The child process runs on the embedded database.
        }

        var clock = Stopwatch.StartNew();
        ServiceProcess? service = null;
        try
        {
            service = await ServiceProcess.StartAsync(_folder, Settings);
            output.WriteLine($"started in {clock.ElapsedMilliseconds} ms");

            // Kill points: while the body is still on its way / being read, and (from the measured
            // duration of the first replay) inside the work's transaction and around its commit.
            var killAfter = new List<int> { 10, 50 };
            var pushDuration = 0L;
            for (var cycle = 0; cycle < killAfter.Count; cycle++)
            {
                var (code, lineId) = await SetUpLineAsync(service);
                var items = Enumerable.Range(0, BatchSize)
                    .Select(i => MoreTestData.Adjustment(code, Year, lineId, ((i % 97) + 1) / 100m, $"crash-{code}-{i}"))
                    .ToList();
                var batchTotal = items.Sum(i => i.Amount);
                var body = AdjustmentApi.Body(items);
                var key = AdjustmentApi.NewKey();

                // 1. Push and kill the service while it runs.
                string answered;
                using (var pusher = service.CreateClient(ServiceProcess.PusherKey))
                {
                    var sent = Stopwatch.StartNew();
                    var push = pusher.PushAsync(body, key);
                    await Task.Delay(killAfter[cycle]);
                    service.Kill();
                    var killedAt = sent.ElapsedMilliseconds;
                    try
                    {
                        var response = await push;
                        answered = $"answered {(int)response.StatusCode} before the kill";
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        answered = "no answer";
                    }

                    answered += $", killed at {killedAt} ms";
                }

                // 2. Restart on the same data: all or nothing, and the stored response goes with the work.
                service.Dispose();
                service = await ServiceProcess.StartAsync(_folder, Settings);
                var (keyState, keyStatus) = ReadKey(key);
                using var admin = service.CreateClient(ServiceProcess.AdminKey);
                var ledger = await admin.LedgerAsync(code);
                var total = await admin.AdjustmentTotalAsync(code, Year, lineId);
                output.WriteLine($"cycle {cycle}: kill after {killAfter[cycle]} ms, {answered}; after restart {ledger.Count} rows, total {total}, key {keyState ?? "absent"} {keyStatus}");
                Assert.True(ledger.Count is 0 or BatchSize, $"A partial batch survived the crash: {ledger.Count} rows.");
                Assert.Equal(ledger.Count == 0 ? 0m : batchTotal, total);
                if (ledger.Count == BatchSize)
                {
                    Assert.Equal(("Completed", 201), (keyState, keyStatus));
                    Assert.Equal(items.Select(i => i.SourceItemId).Order(), ledger.Select(a => a.GetProperty("sourceItemId").GetString()!).Order());
                }
                else
                {
                    Assert.NotEqual("Completed", keyState);
                }

                // 3. Replay the same request (once its lease has run out): it completes exactly once.
                using var pusherAgain = service.CreateClient(ServiceProcess.PusherKey);
                var replayClock = Stopwatch.StartNew();
                var (status, replayed, replayBody) = await PushUntilSettledAsync(pusherAgain, body, key);
                pushDuration = replayed ? pushDuration : replayClock.ElapsedMilliseconds;
                Assert.True(status == HttpStatusCode.Created, $"The replay ended {(int)status}: {replayBody}");
                Assert.Equal(ledger.Count == BatchSize, replayed);
                Assert.Equal(BatchSize, (await admin.LedgerAsync(code)).Count);
                Assert.Equal(batchTotal, await admin.AdjustmentTotalAsync(code, Year, lineId));
                var again = await pusherAgain.PushAsync(body, key);
                Assert.True(again.IsReplay());
                Assert.Equal(replayBody, await again.Content.ReadAsStringAsync());
                Assert.Equal(BatchSize, (await admin.LedgerAsync(code)).Count);
                output.WriteLine($"cycle {cycle}: replay {(replayed ? "returned the stored 201" : "applied the batch")} in {replayClock.ElapsedMilliseconds} ms; {clock.ElapsedMilliseconds} ms so far");

                if (cycle == 1 && pushDuration > 0)
                {
                    // Inside the transaction, and close to its end.
                    killAfter.Add((int)(pushDuration * 0.6));
                    killAfter.Add((int)(pushDuration * 0.95));
                }
            }
        }
        finally
        {
            service?.Dispose();
            output.WriteLine($"{clock.ElapsedMilliseconds} ms in all");
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leaked temp folder only.
        }
    }

    /// <summary>Sends until the answer is not 409 (the killed request's claim is in flight until its lease runs out).</summary>
    private static async Task<(HttpStatusCode Status, bool Replayed, string Body)> PushUntilSettledAsync(HttpClient client, string body, string key)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.PushAsync(body, key);
            var raw = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Conflict || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                return (response.StatusCode, response.IsReplay(), raw);
            }

            Assert.Contains("Idempotency-Key", raw, StringComparison.Ordinal);
            await Task.Delay(250);
        }
    }

    private async Task<(string Code, long LineId)> SetUpLineAsync(ServiceProcess service)
    {
        using var admin = service.CreateClient(ServiceProcess.AdminKey);
        await admin.CreateYearAsync(Year);
        var code = await admin.CreateDepartmentAsync();
        var line = await admin.CreateBudgetLineAsync(code, Year, "project", "ownLevel", Initial, 0m);
        return (code, line.GetProperty("id").GetInt64());
    }

    /// <summary>The key's row as the restarted service sees it (a read-only look at the file).</summary>
    private (string? State, int? Status) ReadKey(string key)
    {
        var database = Path.Combine(_folder, "perfeval.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, response_status FROM idempotency_keys WHERE idempotency_key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1)) : (null, null);
    }
}
