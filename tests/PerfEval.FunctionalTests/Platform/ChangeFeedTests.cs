using System.Collections.Concurrent;

namespace PerfEval.FunctionalTests.Platform;

public sealed class ChangeFeedTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ChangeFeed_WhenReplayedFromTheStart_ReproducesTheCurrentState()
    {
        await _client.EnsureYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();
        var update = await _client.PutJsonAsync($"/api/v1/departments/{code}", Fields("改名一次"));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var kept = await _client.PostJsonAsync($"/api/v1/departments/{code}/evaluations/{Year}/indicators", MoreTestData.Indicator(name: "保留的指标"));
        var dropped = await _client.PostJsonAsync($"/api/v1/departments/{code}/evaluations/{Year}/indicators", MoreTestData.Indicator(name: "删除的指标"));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(dropped.Headers.Location)).StatusCode);

        var state = new Dictionary<(string, string), int>();
        var seen = await DrainAsync(null, state, limit: 3);

        Assert.Equal(2, state[("department", code)]);
        Assert.Equal(1, state[("indicator", (await kept.JsonAsync()).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.DoesNotContain(("indicator", (await dropped.JsonAsync()).GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)), state.Keys);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
    }

    [Fact]
    public async Task ChangeFeed_WhenWritesCommitConcurrently_SeesEveryChangeExactlyOnceAndEndsAtTheCurrentState()
    {
        var start = (await (await _client.GetAsync("/api/v1/changes?limit=1000")).JsonAsync()).GetProperty("nextCursor").GetString();
        while ((await (await _client.GetAsync($"/api/v1/changes?after={start}&limit=1000")).JsonAsync()) is var page && page.GetProperty("hasMore").GetBoolean())
        {
            start = page.GetProperty("nextCursor").GetString();
        }

        var state = new Dictionary<(string, string), int>();
        var positions = new List<long>();
        var codes = new ConcurrentBag<string>();
        using var done = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(async w =>
        {
            for (var i = 0; i < 10; i++)
            {
                var code = await _client.CreateDepartmentAsync(TestData.NewCode($"CF{w}"));
                codes.Add(code);
                Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/departments/{code}", Fields($"并发{w}-{i}"))).StatusCode);
            }
        }).ToList();
        var cursor = start;
        var consumer = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                cursor = await PollAsync(cursor, state, positions, limit: 5);
            }
        });

        await Task.WhenAll(writers);
        await done.CancelAsync();
        await consumer;
        while (true)
        {
            var before = positions.Count;
            cursor = await PollAsync(cursor, state, positions, limit: 50);
            if (positions.Count == before)
            {
                break;
            }
        }

        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(positions.Order(), positions);
        foreach (var code in codes)
        {
            var current = await (await _client.GetAsync($"/api/v1/departments/{code}")).JsonAsync();
            Assert.Equal(current.GetProperty("version").GetInt32(), state[("department", code)]);
        }

        Assert.Equal(80, positions.Count); // 40 creates + 40 updates, nothing else wrote meanwhile
    }

    [Fact]
    public async Task ListDepartments_WhenRowsAreInsertedWhilePaging_ReturnsEveryExistingRowExactlyOnce()
    {
        var prefix = "PG" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var existing = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            existing.Add(await _client.CreateDepartmentAsync($"{prefix}-{i * 2:D3}"));
        }

        var inserts = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await _client.CreateDepartmentAsync($"{prefix}-{(i * 2) + 1:D3}");
            }
        });
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _client.GetAsync($"/api/v1/departments?nameContains=&limit=7" + (cursor is null ? string.Empty : $"&cursor={cursor}"))).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).Where(c => c.StartsWith(prefix, StringComparison.Ordinal)));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        await inserts;

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(existing, code => Assert.Contains(code, seen));
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    private async Task<List<long>> DrainAsync(string? after, Dictionary<(string, string), int> state, int limit)
    {
        var positions = new List<long>();
        var cursor = after;
        while (true)
        {
            var before = positions.Count;
            cursor = await PollAsync(cursor, state, positions, limit);
            if (positions.Count == before)
            {
                return positions;
            }
        }
    }

    private async Task<string?> PollAsync(string? cursor, Dictionary<(string, string), int> state, List<long> positions, int limit)
    {
        var page = await (await _client.GetAsync($"/api/v1/changes?limit={limit}" + (cursor is null ? string.Empty : $"&after={cursor}"))).JsonAsync();
        foreach (var change in page.GetProperty("items").EnumerateArray())
        {
            positions.Add(change.GetProperty("position").GetInt64());
            var key = (change.GetProperty("entityType").GetString()!, change.GetProperty("entityKey").GetString()!);
            if (change.GetProperty("operation").GetString() == "deleted")
            {
                state.Remove(key);
            }
            else
            {
                state[key] = change.GetProperty("version").GetInt32();
            }
        }

        return page.GetProperty("nextCursor").GetString();
    }

    private static object Fields(string name) => new { name, region = "高新区（新市区）" };
}
