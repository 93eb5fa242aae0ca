namespace PerfEval.FunctionalTests.Evaluations;

public sealed class ScoringSchemeTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task DefaultScheme_ShipsWithDomainSettings()
    {
        var schemes = await (await _client.GetAsync("/api/v1/scoring-schemes?code=default")).JsonAsync();

        var scheme = schemes.GetProperty("items")[0];
        Assert.Equal(1, scheme.GetProperty("schemeVersion").GetInt32());
        var settings = scheme.GetProperty("settings");
        Assert.Equal(10m, settings.GetProperty("executionWeight").GetDecimal());
        Assert.Equal(150m, settings.GetProperty("targetTooLowThreshold").GetDecimal());
        Assert.Equal(90m, settings.GetProperty("excellentFrom").GetDecimal());
    }

    [Fact]
    public async Task CreateScheme_WithTheSameCode_CreatesTheNextVersion()
    {
        var code = "prov-" + Guid.NewGuid().ToString("N")[..8];

        var first = await (await _client.PostJsonAsync("/api/v1/scoring-schemes", new { code, name = "省级方案", settings = new { executionWeight = 15m } })).JsonAsync();
        var second = await _client.PostJsonAsync("/api/v1/scoring-schemes", new { code, name = "省级方案（修订）", settings = new { executionWeight = 20m } });

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var created = await second.JsonAsync();
        Assert.Equal(first.GetProperty("schemeVersion").GetInt32() + 1, created.GetProperty("schemeVersion").GetInt32());
        Assert.Equal(20m, created.GetProperty("settings").GetProperty("executionWeight").GetDecimal());
        Assert.Equal(80m, created.GetProperty("settings").GetProperty("goodFrom").GetDecimal());
    }

    [Fact]
    public async Task CreateScheme_WithBandsOutOfOrder_Returns400NamingTheSetting()
    {
        var response = await _client.PostJsonAsync("/api/v1/scoring-schemes", new
        {
            code = "bad-" + Guid.NewGuid().ToString("N")[..8],
            name = "错误方案",
            settings = new { excellentFrom = 70m, goodFrom = 80m },
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("settings.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateScheme_WhenAClosedYearUsesIt_Returns409AndKeepsIt_ButAnOpenYearsSchemeChanges()
    {
        var year = 2095;
        var code = "lock-" + Guid.NewGuid().ToString("N")[..8];
        var scheme = await (await _client.PostJsonAsync("/api/v1/scoring-schemes", new { code, name = "锁定测试", settings = new { executionWeight = 10m } })).JsonAsync();
        var url = $"/api/v1/scoring-schemes/{scheme.GetProperty("id").GetInt64()}";
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/fiscal-years", new { year, scoringSchemeId = scheme.GetProperty("id").GetInt64() })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync(url, new { name = "锁定测试（未关闭时可改）", settings = new { executionWeight = 12m } })).StatusCode);

        await _client.CloseYearAsync(year);
        var refused = await _client.PutJsonAsync(url, new { name = "关闭后修改", settings = new { executionWeight = 30m } });

        await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        var kept = await (await _client.GetAsync(url)).JsonAsync();
        Assert.Equal(12m, kept.GetProperty("settings").GetProperty("executionWeight").GetDecimal());
        Assert.True(kept.GetProperty("locked").GetBoolean());
        Assert.Equal([year], kept.GetProperty("usedByYears").EnumerateArray().Select(y => y.GetInt32()));
    }

    [Fact]
    public async Task GetScheme_WhenMissing_Returns404()
    {
        await (await _client.GetAsync("/api/v1/scoring-schemes/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Preview_ScoresAPayloadWithoutStoringIt()
    {
        var before = await (await _client.GetAsync("/api/v1/changes?limit=1000")).JsonAsync();

        var response = await _client.PostJsonAsync("/api/v1/scoring/preview?explain=true", new
        {
            lines = new[]
            {
                new { expenditureClass = "personnel", fundingSource = "ownLevel", initialAmount = 2_523_900.00m, executedAmount = 2_474_400.00m },
            },
            indicators = new object[]
            {
                new { name = "引进中介服务机构数量", kind = "quantitative", weight = 90m, @operator = "atLeast", target = 8m, finalValue = 12m },
            },
            declared = new { compositeScore = 99.8m },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = await response.JsonAsync();
        Assert.Equal(98.04m, card.GetProperty("budget").GetProperty("executionRate").GetDecimal());
        Assert.Equal(9.80m, card.GetProperty("executionScore").GetDecimal());
        Assert.Equal(150.00m, card.GetProperty("indicators")[0].GetProperty("completion").GetDecimal());
        Assert.Equal(99.80m, card.GetProperty("compositeScore").GetDecimal());
        Assert.True(card.GetProperty("declared").GetProperty("compositeScore").GetProperty("consistent").GetBoolean());
        Assert.Contains(card.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "TARGET_LIKELY_TOO_LOW");
        Assert.True(card.GetProperty("explanations").TryGetProperty("compositeScore", out _));
        var after = await (await _client.GetAsync($"/api/v1/changes?after={before.GetProperty("nextCursor").GetString()}")).JsonAsync();
        Assert.Empty(after.GetProperty("items").EnumerateArray());
    }
}
