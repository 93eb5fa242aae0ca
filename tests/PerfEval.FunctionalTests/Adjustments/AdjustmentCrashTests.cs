using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
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

            // Three kill points: 10–50 ms after sending (the body still on its way, or being read);
            // the moment the batch's rows become visible (just after the commit, before or while the
            // answer is written); and inside the work's transaction (after the claim, at 70 % of the
            // claim-to-commit time the second cycle measured).
            var claimToCommit = TimeSpan.Zero;
            foreach (var point in new[] { KillPoint.Early, KillPoint.AtCommit, KillPoint.InsideTransaction })
            {
                var (code, lineId) = await SetUpLineAsync(service);
                var items = Enumerable.Range(0, BatchSize)
                    .Select(i => MoreTestData.Adjustment(code, Year, lineId, ((i % 97) + 1) / 100m, $"crash-{code}-{i}"))
                    .ToList();
                var batchTotal = items.Sum(i => i.Amount);
                var body = AdjustmentApi.Body(items);
                var key = AdjustmentApi.NewKey();

                // 1. Push, and kill the service while it runs.
                string what;
                using (var pusher = service.CreateClient(ServiceProcess.PusherKey, TimeSpan.FromSeconds(60)))
                {
                    var sent = Stopwatch.StartNew();
                    var push = pusher.PushAsync(body, key);
                    var claimedAt = TimeSpan.Zero;
                    switch (point)
                    {
                        case KillPoint.Early:
                            await Task.Delay(Random.Shared.Next(10, 51));
                            break;
                        case KillPoint.AtCommit:
                            claimedAt = await WaitForAsync(() => ReadKey(key).State is not null, push, sent);
                            var committedAt = await WaitForAsync(() => CountRows(code) > 0, push, sent);
                            claimToCommit = committedAt - claimedAt;
                            break;
                        default:
                            claimedAt = await WaitForAsync(() => ReadKey(key).State is not null, push, sent);
                            await Task.Delay(claimToCommit * 0.7);
                            break;
                    }

                    var killedAt = sent.ElapsedMilliseconds;
                    service.Kill();
                    what = $"{point}: killed at {killedAt} ms{(claimedAt > TimeSpan.Zero ? $" (claim seen at {claimedAt.TotalMilliseconds:0} ms)" : "")}";
                    try
                    {
                        using var response = await push;
                        what += $", answered {(int)response.StatusCode} before the kill";
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                    {
                        what += ", no answer";
                    }
                }

                // 2. Restart on the same data: all or nothing, and the stored response goes with the work.
                service.Dispose();
                service = await ServiceProcess.StartAsync(_folder, Settings);
                var (keyState, keyStatus) = ReadKey(key);
                using var admin = service.CreateClient(ServiceProcess.AdminKey);
                var ledger = await admin.LedgerAsync(code);
                var total = await admin.AdjustmentTotalAsync(code, Year, lineId);
                output.WriteLine($"{what}; after restart {ledger.Count} rows, total {total}, key {keyState ?? "absent"} {keyStatus}");
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

                if (point == KillPoint.AtCommit)
                {
                    Assert.Equal(BatchSize, ledger.Count);
                }

                // 3. Replay the same request (retrying while the dead request's lease runs): it completes exactly once.
                using var pusherAgain = service.CreateClient(ServiceProcess.PusherKey, TimeSpan.FromSeconds(60));
                var replayClock = Stopwatch.StartNew();
                var (status, replayed, replayBody) = await PushUntilSettledAsync(pusherAgain, body, key);
                Assert.True(status == HttpStatusCode.Created, $"The replay ended {(int)status}: {replayBody}");
                Assert.Equal(ledger.Count == BatchSize, replayed);
                Assert.Equal(BatchSize, (await admin.LedgerAsync(code)).Count);
                Assert.Equal(batchTotal, await admin.AdjustmentTotalAsync(code, Year, lineId));
                using var again = await pusherAgain.PushAsync(body, key);
                Assert.True(again.IsReplay());
                Assert.Equal(replayBody, await again.Content.ReadAsStringAsync());
                output.WriteLine($"  replay {(replayed ? "returned the stored 201" : "applied the batch")} after {replayClock.ElapsedMilliseconds} ms; {clock.ElapsedMilliseconds} ms so far");
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

    private enum KillPoint
    {
        Early,
        AtCommit,
        InsideTransaction,
    }

    /// <summary>Polls the database file until the condition holds; returns when, measured from the send.</summary>
    private static async Task<TimeSpan> WaitForAsync(Func<bool> condition, Task<HttpResponseMessage> push, Stopwatch sent)
    {
        while (!condition())
        {
            Assert.True(sent.Elapsed < TimeSpan.FromSeconds(30), "The push never reached the awaited point.");
            Assert.False(push.IsCompleted && !condition(), "The push ended before the awaited point.");
            await Task.Delay(5);
        }

        return sent.Elapsed;
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

    /// <summary>The key's row as the service sees it (a read-only look at the file).</summary>
    private (string? State, int? Status) ReadKey(string key)
    {
        using var connection = OpenReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, response_status FROM idempotency_keys WHERE idempotency_key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1)) : (null, null);
    }

    /// <summary>Committed ledger rows of the department (a read-only look at the file).</summary>
    private long CountRows(string code)
    {
        using var connection = OpenReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM budget_adjustments WHERE department_code = $code";
        command.Parameters.AddWithValue("$code", code);
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection OpenReadOnly()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "perfeval.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        connection.Open();
        return connection;
    }
}
