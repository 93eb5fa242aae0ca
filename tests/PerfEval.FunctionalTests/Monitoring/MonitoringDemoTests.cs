namespace PerfEval.FunctionalTests.Monitoring;

/// <summary>The demo's June round (the seed reports' mid-year values as of 2024-06-30) over HTTP: DOMAIN.md's worked example.</summary>
public sealed class MonitoringDemoTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    private static List<string?> Lights(JsonElement monitoring) =>
        [.. monitoring.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("light").GetString())];

    private static List<decimal> Ratios(JsonElement monitoring) =>
        [.. monitoring.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("ratio").GetDecimal())];

    [Fact]
    public async Task Seed000_JuneRound_GoalLightIsRed()
    {
        var monitoring = await (await _client.GetAsync("/api/v1/departments/GXQ-GYYQ/monitoring/2024")).JsonAsync();

        Assert.Equal("2024-06-30", monitoring.GetProperty("asOf").GetString());
        Assert.Equal(50.00m, monitoring.GetProperty("timeProgress").GetDecimal());
        Assert.Equal(["red", "red", "red", "blue"], Lights(monitoring));
        Assert.Equal([0.00m, 36.13m, 40.00m, 204.00m], Ratios(monitoring));
        Assert.Equal("36.13", monitoring.GetProperty("indicators")[1].GetProperty("ratio").GetRawText());
        Assert.Equal("red", monitoring.GetProperty("goalLight").GetString());

        // The reports state no amount executed by mid-year: the budget light is not stated, and the combined light is the goal's.
        var budget = monitoring.GetProperty("budget");
        Assert.Equal(JsonValueKind.Null, budget.GetProperty("light").ValueKind);
        Assert.Equal(JsonValueKind.Null, budget.GetProperty("executedToDate").ValueKind);
        Assert.Equal(38_615_500.00m, budget.GetProperty("adjustedBudget").GetDecimal());
        Assert.Equal("red", monitoring.GetProperty("combinedLight").GetString());
    }

    [Fact]
    public async Task Seed002_JuneRound_ReproducesTheWorkedExampleRatios()
    {
        var monitoring = await (await _client.GetAsync("/api/v1/departments/GXQ-CYFWZX/monitoring/2024")).JsonAsync();

        Assert.Equal([360.00m, 100.00m, 80.00m, 40.00m, 165.00m], Ratios(monitoring));
        Assert.Equal(["blue", "green", "green", "red", "blue"], Lights(monitoring));
        Assert.Equal("red", monitoring.GetProperty("goalLight").GetString());
        Assert.Equal("red", monitoring.GetProperty("combinedLight").GetString());

        // The seeds give no cause, likelihood or expected value for their mid-year shortfalls: the red item is a finding.
        var codes = monitoring.GetProperty("findings").EnumerateArray()
            .Select(f => (Code: f.GetProperty("code").GetString(), Subject: f.GetProperty("subject").GetString())).ToList();
        Assert.Contains(("MONITORING_DEVIATION_UNEXPLAINED", "indicator 4"), codes);
        Assert.Contains(("MONITORING_AHEAD_OF_SCHEDULE", "indicator 1"), codes);
        Assert.DoesNotContain(codes, c => c.Subject == "indicator 3");
    }

    [Fact]
    public async Task Explain_ShowsEachLightsFormulaAndInputs()
    {
        var plain = await (await _client.GetAsync("/api/v1/departments/GXQ-GYYQ/monitoring/2024")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("indicators")[1].GetProperty("explanation").ValueKind);

        var explained = await (await _client.GetAsync("/api/v1/departments/GXQ-GYYQ/monitoring/2024?explain=true")).JsonAsync();

        var indicator = explained.GetProperty("indicators")[1].GetProperty("explanation");
        Assert.Equal("6322 / (35000 × 50.00 / 100) × 100 = 36.13 → red", indicator.GetProperty("formula").GetString());
        Assert.Equal(6322m, indicator.GetProperty("inputs").GetProperty("current").GetDecimal());
        Assert.Equal("6 / 12 × 100 = 50.00", explained.GetProperty("timeProgressExplanation").GetProperty("formula").GetString());
        Assert.StartsWith("worst(", explained.GetProperty("goalExplanation").GetProperty("formula").GetString());
        Assert.Contains("not stated", explained.GetProperty("budget").GetProperty("explanation").GetProperty("formula").GetString());
    }

    [Fact]
    public async Task Findings_FollowAcceptLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/departments/GXQ-CYFWZX/monitoring/2024");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await _client.SendAsync(request)).JsonAsync();
        var chinese = await (await _client.GetAsync("/api/v1/departments/GXQ-CYFWZX/monitoring/2024")).JsonAsync();

        Assert.Contains(english.GetProperty("findings").EnumerateArray(), f => f.GetProperty("message").GetString()!.Contains("red light", StringComparison.Ordinal));
        Assert.Contains(chinese.GetProperty("findings").EnumerateArray(), f => f.GetProperty("message").GetString()!.Contains("红灯", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rebuild_FindsTheKeptLightsCurrent()
    {
        var before = await (await _client.GetAsync("/api/v1/departments/GXQ-SWJ/monitoring/2024")).Content.ReadAsStringAsync();

        var rebuilt = await factory.SendAsync(new PerfEval.Application.ReadModel.RebuildReadModel());

        Assert.Equal(0, rebuilt.Changed);
        Assert.Contains(2024, rebuilt.Years);
        Assert.Equal(before, await (await _client.GetAsync("/api/v1/departments/GXQ-SWJ/monitoring/2024")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Seed001_JuneRound_TwoBlueThreeRed()
    {
        var monitoring = await (await _client.GetAsync("/api/v1/departments/GXQ-SWJ/monitoring/2024")).JsonAsync();

        Assert.Equal(["blue", "blue", "red", "red", "red"], Lights(monitoring));
        Assert.Equal([200.00m, 237.50m, 42.86m, 57.14m, 0.00m], Ratios(monitoring));
    }

    [Fact]
    public async Task YearView_AllThreeSeedsAreRed()
    {
        var year = await (await _client.GetAsync("/api/v1/fiscal-years/2024/monitoring")).JsonAsync();

        var counts = year.GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("red").GetInt32());
        Assert.Equal(0, counts.GetProperty("green").GetInt32());
        var region = Assert.Single(year.GetProperty("byRegion").EnumerateArray());
        Assert.Equal("高新区（新市区）", region.GetProperty("region").GetString());
        Assert.Equal(3, region.GetProperty("counts").GetProperty("red").GetInt32());
        Assert.Equal(["GXQ-CYFWZX", "GXQ-GYYQ", "GXQ-SWJ"], year.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("departmentCode").GetString()));
        var first = year.GetProperty("items")[0];
        Assert.Equal(1, first.GetProperty("redIndicators").GetInt32());
        Assert.Equal(2, first.GetProperty("blueIndicators").GetInt32());
        Assert.Equal(2, first.GetProperty("greenIndicators").GetInt32());
    }
}
