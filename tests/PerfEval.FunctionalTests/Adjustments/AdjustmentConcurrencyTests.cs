using System.Collections.Concurrent;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using Xunit.Abstractions;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>
/// "Concurrent pushers must never lose an update": 16 clients push 2,000 adjustments in small batches
/// at once, some requests sent twice (a lost response, or a retry racing the original), a few batches
/// refused; afterwards the stored totals moved by exactly the accepted amounts and the ledger holds
/// exactly the accepted items.
/// </summary>
public sealed class AdjustmentConcurrencyTests(PerfEvalFactory factory, ITestOutputHelper output) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2032;
    private const int Pushers = 16;
    private const int ItemsPerPusher = 125;
    private const decimal Initial = 1_000_000_000.00m;

    private readonly HttpClient _admin = factory.CreateClient(PerfEvalFactory.AdminKey);

    private enum Send
    {
        Once,
        LostResponse,
        RacingRetry,
    }

    private sealed record Line(string Code, long Id);

    private sealed record Outcome(string Key, int Status, List<AdjustmentItem> Items);

    [Fact]
    public async Task PushAdjustments_WhenSixteenClientsPushConcurrentlyWithRetries_TotalsMatchTheAcceptedItemsExactly()
    {
        await _admin.CreateYearAsync(Year);
        var lines = new List<Line>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var code = await _admin.CreateDepartmentAsync();
            foreach (var (cls, source) in new[] { ("personnel", "ownLevel"), ("operating", "ownLevel"), ("operating", "superior"), ("project", "other") })
            {
                lines.Add(new Line(code, (await _admin.CreateBudgetLineAsync(code, Year, cls, source, Initial, 0m)).GetProperty("id").GetInt64()));
            }
        }

        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var statuses = new ConcurrentBag<(int Status, string Body)>();
        var outcomes = new ConcurrentBag<Outcome>();
        var clients = Enumerable.Range(0, Pushers).Select(_ => factory.CreateClient("test-pusher-key")).ToList();

        await Task.WhenAll(clients.Select((client, p) => Task.Run(() => PusherAsync(client, new Random(seed + p), p, lines, statuses, outcomes))));

        var fivexx = statuses.Where(s => s.Status >= 500).ToList();
        Assert.True(fivexx.Count == 0, $"{fivexx.Count} responses were 5xx, e.g. {fivexx.FirstOrDefault().Body}");
        Assert.Equal(Pushers * ItemsPerPusher, outcomes.Sum(o => o.Items.Count));
        var accepted = outcomes.Where(o => o.Status == 201).SelectMany(o => o.Items).ToList();
        var refused = outcomes.Where(o => o.Status != 201).ToList();
        Assert.All(refused, o => Assert.Equal(422, o.Status));
        output.WriteLine($"{statuses.Count} responses ({string.Join(", ", statuses.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}); {accepted.Count} items accepted, {refused.Count} batches refused");
        Assert.True(accepted.Count > 1_500, $"Only {accepted.Count} items were accepted.");

        foreach (var line in lines)
        {
            var expected = accepted.Where(a => a.LineId == line.Id).Sum(a => a.Amount);
            var stored = await _admin.LineAsync(line.Code, Year, line.Id);
            Assert.Equal(expected, stored.GetProperty("adjustmentTotal").GetDecimal());
            Assert.Equal(Initial + expected, stored.GetProperty("adjustedAmount").GetDecimal());
            Assert.Equal(Initial, stored.GetProperty("initialAmount").GetDecimal());
        }

        foreach (var code in lines.Select(l => l.Code).Distinct())
        {
            var mine = accepted.Where(a => a.DepartmentCode == code).ToList();
            var total = await _admin.SummaryTotalAsync(code, Year);
            Assert.Equal(mine.Sum(a => a.Amount), total.GetProperty("adjustments").GetDecimal());
            Assert.Equal(4 * Initial + mine.Sum(a => a.Amount), total.GetProperty("adjusted").GetDecimal());

            var ledger = await _admin.LedgerAsync(code);
            Assert.Equal(mine.Count, ledger.Count);
            var recorded = ledger.ToDictionary(a => a.GetProperty("sourceItemId").GetString()!, a => (Line: a.GetProperty("lineId").GetInt64(), Amount: a.GetProperty("amount").GetDecimal()));
            Assert.Equal(mine.Count, recorded.Count);
            foreach (var item in mine)
            {
                Assert.True(recorded.TryGetValue(item.SourceItemId, out var row), $"Accepted item {item.SourceItemId} is missing from the ledger.");
                Assert.Equal((item.LineId!.Value, item.Amount), row);
            }

            Assert.All(ledger, a => Assert.Equal("test-pusher", a.GetProperty("clientName").GetString()));
        }
    }

    private static async Task PusherAsync(HttpClient client, Random random, int pusher, List<Line> lines, ConcurrentBag<(int, string)> statuses, ConcurrentBag<Outcome> outcomes)
    {
        var left = ItemsPerPusher;
        var batchNo = 0;
        while (left > 0)
        {
            var size = Math.Min(left, random.Next(1, 26));
            left -= size;
            var items = new List<AdjustmentItem>(size);
            for (var i = 0; i < size; i++)
            {
                var line = lines[random.Next(lines.Count)];
                var amount = random.Next(1, 5_000_001) / 100m * (random.Next(2) == 0 ? -1 : 1);
                items.Add(MoreTestData.Adjustment(line.Code, Year, line.Id, amount, $"p{pusher}-b{batchNo}-i{i}-{Guid.NewGuid():N}"));
            }

            // About one batch in twenty carries an unknown line: it must be refused whole.
            var bad = random.Next(20) == 0;
            if (bad)
            {
                var at = random.Next(items.Count);
                items[at] = items[at] with { LineId = 987_654_321 };
            }

            var mode = random.Next(100) switch { < 60 => Send.Once, < 85 => Send.LostResponse, _ => Send.RacingRetry };
            var key = $"p{pusher}-b{batchNo}-{Guid.NewGuid():N}";
            var body = AdjustmentApi.Body(items);
            var status = await SendAsync(client, body, key, mode, statuses);
            outcomes.Add(new Outcome(key, status, items));
            batchNo++;
        }
    }

    /// <summary>Sends the request as the mode says and returns its final status; checks every replay against the original response.</summary>
    private static async Task<int> SendAsync(HttpClient client, string body, string key, Send mode, ConcurrentBag<(int, string)> statuses)
    {
        async Task<(int Status, bool Replay, string Body)> Once()
        {
            var response = await client.PushAsync(body, key);
            var result = ((int)response.StatusCode, response.IsReplay(), await response.Content.ReadAsStringAsync());
            statuses.Add((result.Item1, result.Item3));
            return result;
        }

        switch (mode)
        {
            case Send.Once:
            {
                var only = await Once();
                Assert.False(only.Replay);
                return only.Status;
            }

            case Send.LostResponse:
            {
                var lost = await Once();
                var again = await Once();
                Assert.True(again.Replay, $"The resend of {key} was not a replay: {again.Status} {again.Body}");
                Assert.Equal(lost.Status, again.Status);
                Assert.Equal(lost.Body, again.Body);
                return again.Status;
            }

            default:
            {
                var both = await Task.WhenAll(Once(), Once());
                Assert.True(both.Count(r => !r.Replay && r.Status != 409) == 1, $"Racing retries of {key}: {string.Join(", ", both.Select(r => $"{r.Status} {r.Body}"))}");
                var original = both.Single(r => !r.Replay && r.Status != 409);
                foreach (var other in both.Where(r => r != original))
                {
                    var retry = other;
                    for (var attempt = 0; retry.Status == 409 && !retry.Replay; attempt++)
                    {
                        Assert.True(attempt < 100, $"{key} stayed in flight.");
                        await Task.Delay(20);
                        retry = await Once();
                    }

                    Assert.True(retry.Replay);
                    Assert.Equal(original.Status, retry.Status);
                    Assert.Equal(original.Body, retry.Body);
                }

                return original.Status;
            }
        }
    }
}
