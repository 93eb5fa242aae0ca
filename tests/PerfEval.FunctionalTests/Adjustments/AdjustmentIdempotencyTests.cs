using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>
/// "A retried request must never count twice": the Idempotency-Key flow of POST /budget-adjustments
/// over HTTP — replay, key reuse, malformed keys, per-client scope, and a burst of the same request.
/// </summary>
public sealed class AdjustmentIdempotencyTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private readonly HttpClient _admin = factory.CreateClient(PerfEvalFactory.AdminKey);
    private readonly HttpClient _pusher = factory.CreateClient("test-pusher-key");

    private static List<AdjustmentItem> Items(string code, long lineId, params decimal[] amounts) =>
        [.. amounts.Select(a => MoreTestData.Adjustment(code, Year, lineId, a))];

    [Fact]
    public async Task PushAdjustments_WhenKeyReplayed_ReturnsStoredResponse()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var body = AdjustmentApi.Body(Items(code, lineId, 100.10m, -20.05m, 3m));
        var key = AdjustmentApi.NewKey();

        var first = await _pusher.PushAsync(body, key);
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        Assert.True(first.StatusCode == HttpStatusCode.Created, System.Text.Encoding.UTF8.GetString(firstBytes));
        Assert.False(first.IsReplay());
        var lineAfterFirst = await _admin.LineRawAsync(code, Year, lineId);
        var summaryAfterFirst = await _admin.SummaryTotalAsync(code, Year);

        var replay = await _pusher.PushAsync(body, key);
        var replayBytes = await replay.Content.ReadAsByteArrayAsync();

        // Byte for byte (the items' document numbers and reasons are Chinese: UTF-8 beyond ASCII).
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(firstBytes, replayBytes);
        Assert.True(replay.IsReplay(), "The replay carries Idempotent-Replayed: true.");
        Assert.Equal(first.ContentType(), replay.ContentType());
        Assert.Equal(firstBytes.Length, first.Content.Headers.ContentLength);
        Assert.Equal(first.Content.Headers.ContentLength, replay.Content.Headers.ContentLength);
        Assert.Equal(3, (await _admin.LedgerAsync(code)).Count);
        Assert.Equal(lineAfterFirst, await _admin.LineRawAsync(code, Year, lineId));
        Assert.Equal(83.05m, await _admin.AdjustmentTotalAsync(code, Year, lineId));
        Assert.Equal(summaryAfterFirst.ToString(), (await _admin.SummaryTotalAsync(code, Year)).ToString());
    }

    [Fact]
    public async Task PushAdjustments_WhenRetriedWithAmountsSpeltDifferently_IsAReplayNotAnotherPayload()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var key = AdjustmentApi.NewKey();
        var first = AdjustmentApi.Body(Items(code, lineId, 100.10m, -20.50m, 3m));
        var retry = first.Replace("100.10", "100.1", StringComparison.Ordinal).Replace("-20.50", "-20.500", StringComparison.Ordinal).Replace(":3,", ":3.00,", StringComparison.Ordinal);
        Assert.NotEqual(first, retry);

        var created = await _pusher.PushAsync(first, key);
        var replay = await _pusher.PushAsync(retry, key);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(replay.StatusCode == HttpStatusCode.Created, $"The same amounts spelt differently are the same request: {(int)replay.StatusCode} {await replay.Content.ReadAsStringAsync()}");
        Assert.True(replay.IsReplay());
        Assert.Equal(3, (await _admin.LedgerAsync(code)).Count);
        var changed = first.Replace("100.10", "100.11", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _pusher.PushAsync(changed, key)).StatusCode);
    }

    [Fact]
    public async Task PushAdjustments_EchoesAmountsAsReadsShowThem()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var body = AdjustmentApi.Body(Items(code, lineId, 100m, 7.5m)).Replace(":100,", ":100.00000,", StringComparison.Ordinal);
        Assert.Contains("100.00000", body, StringComparison.Ordinal);

        var created = await _pusher.PushAsync(body, AdjustmentApi.NewKey());
        var raw = await created.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var echoed = JsonDocument.Parse(raw).RootElement.GetProperty("adjustments").EnumerateArray().Select(a => a.GetProperty("amount").GetRawText()).ToList();
        Assert.Equal(["100.00", "7.50"], echoed);
        var read = await _admin.GetAsync($"{AdjustmentApi.Url}/{JsonDocument.Parse(raw).RootElement.GetProperty("adjustments")[0].GetProperty("id").GetInt64()}");
        Assert.Equal("100.00", (await read.JsonAsync()).GetProperty("amount").GetRawText());
    }

    [Fact]
    public async Task PushAdjustments_WhenKeyReplayedWithOtherFormatting_ReturnsStoredResponse()
    {
        // The fingerprint is of the request, not its bytes: indentation and a quoted key (the IETF structured-field form) are the same request.
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var items = Items(code, lineId, 7m);
        var key = AdjustmentApi.NewKey();
        var first = await _pusher.PushAsync(AdjustmentApi.Body(items), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var indented = JsonSerializer.Serialize(new { adjustments = items }, new JsonSerializerOptions(PerfEvalFactory.Json) { WriteIndented = true });
        var replay = await _pusher.PushAsync(indented, $"\"{key}\"");

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(replay.IsReplay());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Single(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenKeyReusedWithDifferentBody_Returns422AndAppliesNothing()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var key = AdjustmentApi.NewKey();
        Assert.Equal(HttpStatusCode.Created, (await _pusher.PushAsync(Items(code, lineId, 10m), key)).StatusCode);
        var lineBefore = await _admin.LineRawAsync(code, Year, lineId);

        var reused = await _pusher.PushAsync(Items(code, lineId, 20m), key);

        var problem = await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.ErrorKeys());
        Assert.False(reused.IsReplay());
        Assert.Single(await _admin.LedgerAsync(code));
        Assert.Equal(lineBefore, await _admin.LineRawAsync(code, Year, lineId));
    }

    [Fact]
    public async Task PushAdjustments_WhenKeyMissing_Returns400AndAppliesNothing()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);

        var response = await _pusher.PushAsync(AdjustmentApi.Body(Items(code, lineId, 10m)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Idempotency-Key"], problem.ErrorKeys());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    public static TheoryData<string, string[]> MalformedKeys => new()
    {
        { "too long (256)", [new string('k', 256)] },
        { "a space inside", ["abc def"] },
        { "empty", [""] },
        { "blank", ["   "] },
        { "non-ASCII", ["键-1"] },
        { "a slash", ["a/b"] },
        { "only quotes", ["\"\""] },
        { "two headers", [Guid.NewGuid().ToString(), Guid.NewGuid().ToString()] },
        { "two equal headers", ["same-key-twice", "same-key-twice"] },
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task PushAdjustments_WhenKeyMalformed_Returns400AndAppliesNothing(string what, string[] keys)
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);

        var response = await _pusher.PushAsync(AdjustmentApi.Body(Items(code, lineId, 10m)), keys);

        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: expected 400, got {(int)response.StatusCode}: {raw}");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", problem.ErrorKeys());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenKeyIs255Characters_IsAccepted()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var key = Guid.NewGuid().ToString("N") + new string('k', 255 - 32);

        var response = await _pusher.PushAsync(AdjustmentApi.Body(Items(code, lineId, 10m)), key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenTwoClientsUseTheSameKey_PushesIndependently()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var key = AdjustmentApi.NewKey();

        var adminItems = Items(code, lineId, 100m);
        var byAdmin = await _admin.PushAsync(adminItems, key);
        var byPusher = await _pusher.PushAsync(Items(code, lineId, 1m, 2m), key);

        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byPusher.StatusCode);
        Assert.False(byPusher.IsReplay(), "Another client's key is not this client's: no replay, no 422.");
        var ledger = await _admin.LedgerAsync(code);
        Assert.Equal(3, ledger.Count);
        Assert.Equal(["test-admin", "test-pusher", "test-pusher"], ledger.Select(a => a.GetProperty("clientName").GetString()));
        Assert.Equal(103m, await _admin.AdjustmentTotalAsync(code, Year, lineId));

        // Each client's own replay returns its own stored response.
        var adminReplay = await _admin.PushAsync(adminItems, key);
        Assert.True(adminReplay.IsReplay());
        Assert.Equal(await byAdmin.Content.ReadAsStringAsync(), await adminReplay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PushAdjustments_WhenSecondClientSendsTheSamePayloadUnderTheSameKey_GetsItsOwnAnswerNotTheReplay()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);
        var body = AdjustmentApi.Body(Items(code, lineId, 5m));
        var key = AdjustmentApi.NewKey();
        Assert.Equal(HttpStatusCode.Created, (await _admin.PushAsync(body, key)).StatusCode);

        var byPusher = await _pusher.PushAsync(body, key);

        // The pusher's request is processed on its own: its source item is already recorded (409), not replayed from the admin's key.
        var problem = await byPusher.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(byPusher.IsReplay());
        Assert.Equal(["adjustments[0]"], problem.ErrorKeys());
        Assert.Single(await _admin.LedgerAsync(code));
        Assert.Equal(5m, await _admin.AdjustmentTotalAsync(code, Year, lineId));
    }

    [Fact]
    public async Task PushAdjustments_WhenSameKeySentEightTimesAtOnce_AppliesOnce()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000_000m, executed: 0m);
        var items = Enumerable.Range(0, 2_000).Select(i => MoreTestData.Adjustment(code, Year, lineId, 0.01m * (i % 7 + 1))).ToList();
        var expectedTotal = items.Sum(i => i.Amount);
        var body = AdjustmentApi.Body(items);
        var key = AdjustmentApi.NewKey();
        var clients = Enumerable.Range(0, 8).Select(_ => factory.CreateClient("test-pusher-key")).ToList();
        using var start = new Barrier(clients.Count);

        var responses = await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            start.SignalAndWait();
            var response = await client.PushAsync(body, key);
            return (response.StatusCode, Replay: response.IsReplay(), Body: await response.Content.ReadAsStringAsync());
        })));

        var summary = string.Join(", ", responses.Select(r => $"{(int)r.StatusCode}{(r.Replay ? " replay" : "")}"));
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"A 5xx among the responses: {summary}; {r.Body}"));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Unexpected status: {summary}; {r.Body}"));
        var applied = responses.Where(r => r.StatusCode == HttpStatusCode.Created && !r.Replay).ToList();
        Assert.True(applied.Count == 1, $"Exactly one request is applied: {summary}");
        Assert.All(responses.Where(r => r.Replay), r => Assert.Equal(applied[0].Body, r.Body));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.Contains("Idempotency-Key", r.Body, StringComparison.Ordinal));

        Assert.Equal(2_000, (await _admin.LedgerAsync(code)).Count);
        Assert.Equal(expectedTotal, await _admin.AdjustmentTotalAsync(code, Year, lineId));

        // Once it completed, every further retry is the replay.
        var late = await clients[0].PushAsync(body, key);
        Assert.True(late.IsReplay());
        Assert.Equal(applied[0].Body, await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PushAdjustments_WhenRetriedWhileTheFirstIsRunning_NeverAppliesTwice()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return; // The claim is watched for in the test's SQLite file.
        }

        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000_000m, executed: 0m);
        var items = Enumerable.Range(0, PushBudgetAdjustments.MaxBatch).Select(_ => MoreTestData.Adjustment(code, Year, lineId, 0.01m)).ToList();
        var body = AdjustmentApi.Body(items);
        var key = AdjustmentApi.NewKey();
        var first = _pusher.PushAsync(body, key);
        await WaitUntilClaimedAsync(key, first);

        // Sent while the first is validated or written: 409 (in flight), or, on SQLite, where the claim
        // waits for the running write transaction, the replay of the first's answer.
        var retry = _pusher.PushAsync(body, key);
        var other = _pusher.PushAsync(Items(code, lineId, 1m), key);

        var created = await first;
        var firstBody = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var retried = await retry;
        var retriedBody = await retried.Content.ReadAsStringAsync();
        if (retried.StatusCode == HttpStatusCode.Conflict)
        {
            Assert.Contains("Idempotency-Key", retriedBody, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
            Assert.True(retried.IsReplay());
            Assert.Equal(firstBody, retriedBody);
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await other).StatusCode);
        Assert.Equal(PushBudgetAdjustments.MaxBatch, (await _admin.LedgerAsync(code)).Count);
        Assert.Equal(100m, await _admin.AdjustmentTotalAsync(code, Year, lineId));
    }

    /// <summary>Watches the test's database file until the key's claim is committed.</summary>
    private async Task WaitUntilClaimedAsync(string key, Task<HttpResponseMessage> push)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(factory.DataFolder, "perfeval.db"),
            Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = $key";
        command.Parameters.AddWithValue("$key", key);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            Assert.False(push.IsCompleted, "The push ended before its key was seen.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "The key was never claimed.");
            await Task.Delay(1);
        }
    }
}
