namespace PerfEval.FunctionalTests.Evaluations;

/// <summary>Scores always reflect the current data: every kind of change shows in the very next read.</summary>
public sealed class ScorecardFreshnessTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetScorecard_AfterEachKindOfWrite_ReflectsItAtOnce()
    {
        await _client.EnsureYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();
        var url = $"/api/v1/departments/{code}/evaluations/{Year}";
        var line = await (await _client.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("personnel", "ownLevel", 1_000m, 500m))).JsonAsync();
        var lineUrl = $"{MoreTestData.LinesUrl(code, Year)}/{line.GetProperty("id").GetInt64()}";
        Assert.Equal(50.00m, await ExecutionRateAsync(url));

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(lineUrl, MoreTestData.BudgetLine("personnel", "ownLevel", 1_000m, 800m))).StatusCode);
        Assert.Equal(80.00m, await ExecutionRateAsync(url));

        using var push = new HttpRequestMessage(HttpMethod.Post, "/api/v1/budget-adjustments")
        {
            Content = TestData.JsonContent(new { adjustments = new[] { MoreTestData.Adjustment(code, Year, line.GetProperty("id").GetInt64(), 600m) } }),
        };
        push.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(push)).StatusCode);
        Assert.Equal(50.00m, await ExecutionRateAsync(url));

        var indicator = await _client.PostJsonAsync($"{url}/indicators", MoreTestData.Indicator());
        Assert.Equal(HttpStatusCode.Created, indicator.StatusCode);
        var withIndicator = await (await _client.GetAsync(url)).JsonAsync();
        Assert.Single(withIndicator.GetProperty("indicators").EnumerateArray());

        var evaluation = await _client.PutJsonAsync(url, new { declared = new { executionRate = 99.99m } });
        Assert.Equal(HttpStatusCode.OK, evaluation.StatusCode);
        var declared = await (await _client.GetAsync(url)).JsonAsync();
        Assert.False(declared.GetProperty("declared").GetProperty("executionRate").GetProperty("consistent").GetBoolean());

        var scheme = await (await _client.PostJsonAsync("/api/v1/scoring-schemes", new { code = "fresh-" + Guid.NewGuid().ToString("N")[..8], name = "执行权重20", settings = new { executionWeight = 20m } })).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsync($"/api/v1/fiscal-years/{Year}", TestData.JsonContent(new { scoringSchemeId = scheme.GetProperty("id").GetInt64() }))).StatusCode);
        var rescored = await (await _client.GetAsync(url)).JsonAsync();
        Assert.Equal(20m, rescored.GetProperty("executionWeight").GetDecimal());
        Assert.Equal(10.00m, rescored.GetProperty("executionScore").GetDecimal());
    }

    private async Task<decimal> ExecutionRateAsync(string url) =>
        (await (await _client.GetAsync(url)).JsonAsync()).GetProperty("budget").GetProperty("executionRate").GetDecimal();
}
