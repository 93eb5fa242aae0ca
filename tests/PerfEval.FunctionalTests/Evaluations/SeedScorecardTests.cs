namespace PerfEval.FunctionalTests.Evaluations;

/// <summary>The three seed reports, as the demo data loads them, score exactly as DOMAIN.md's worked examples.</summary>
public sealed class SeedScorecardTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    public static TheoryData<string, decimal, decimal, decimal, decimal, string, decimal[], decimal[]> Seeds => new()
    {
        { "GXQ-GYYQ", 62.70m, 94.82m, 9.48m, 99.48m, "excellent", [100.00m, 103.26m, 100.00m, 100.20m], [20.00m, 25.00m, 20.00m, 25.00m] },
        { "GXQ-SWJ", 0.00m, 100.00m, 10.00m, 85.00m, "good", [100.00m, 100.00m, 0.00m, 102.86m, 101.50m], [10.00m, 20.00m, 0.00m, 30.00m, 15.00m] },
        { "GXQ-CYFWZX", 0.00m, 98.04m, 9.80m, 99.80m, "excellent", [125.00m, 150.00m, 104.00m, 120.00m, 110.50m], [10.00m, 20.00m, 30.00m, 15.00m, 15.00m] },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task GetScorecard_ForASeedReport_GivesTheWorkedExamplesFigures(
        string code, decimal adjustmentRate, decimal executionRate, decimal executionScore, decimal composite, string grade, decimal[] completions, decimal[] scores)
    {
        var card = await (await _client.GetAsync($"/api/v1/departments/{code}/evaluations/2024")).JsonAsync();

        Assert.Equal(adjustmentRate, card.GetProperty("budget").GetProperty("adjustmentRate").GetDecimal());
        Assert.Equal(executionRate, card.GetProperty("budget").GetProperty("executionRate").GetDecimal());
        Assert.Equal(executionScore, card.GetProperty("executionScore").GetDecimal());
        Assert.Equal(composite, card.GetProperty("compositeScore").GetDecimal());
        Assert.Equal(grade, card.GetProperty("grade").GetString());
        var indicators = card.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(completions, indicators.Select(i => i.GetProperty("completion").GetDecimal()));
        Assert.Equal(scores, indicators.Select(i => i.GetProperty("score").GetDecimal()));
    }

    [Fact]
    public async Task GetScorecard_ForCommerceBureau_CatchesTheDeclaredAdjustmentRateOf100()
    {
        var card = await (await _client.GetAsync("/api/v1/departments/GXQ-SWJ/evaluations/2024")).JsonAsync();

        var finding = card.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "DECLARED_ADJUSTMENT_RATE_MISMATCH");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains("100", finding.GetProperty("message").GetString());
        Assert.Contains("0.00", finding.GetProperty("message").GetString());
        Assert.False(card.GetProperty("declared").GetProperty("adjustmentRate").GetProperty("consistent").GetBoolean());
    }

    [Fact]
    public async Task GetScorecard_ForIndustrialParkOffice_CatchesTheBasicPlusProjectSplit()
    {
        var card = await (await _client.GetAsync("/api/v1/departments/GXQ-GYYQ/evaluations/2024")).JsonAsync();

        var split = card.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "BUDGET_CLASS_SPLIT");
        Assert.Equal(3_368_000m, split.GetProperty("figures").GetProperty("basicExpenditure").GetDecimal());
        Assert.Equal(33_247_500m, split.GetProperty("figures").GetProperty("projectExpenditure").GetDecimal());
        Assert.Equal(38_615_500m, split.GetProperty("figures").GetProperty("expenditureTotal").GetDecimal());
    }

    [Fact]
    public async Task GetScorecard_ForStartupCentre_FlagsThe150PercentIndicatorAsATargetLikelyTooLow()
    {
        var card = await (await _client.GetAsync("/api/v1/departments/GXQ-CYFWZX/evaluations/2024")).JsonAsync();

        var finding = card.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "TARGET_LIKELY_TOO_LOW");
        Assert.Equal("indicator 2", finding.GetProperty("subject").GetString());
        Assert.Contains("targetLikelyTooLow", card.GetProperty("indicators")[1].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task GetScorecard_WithAcceptLanguageEnglish_WritesFindingsInEnglish_AndChineseByDefault()
    {
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/departments/GXQ-SWJ/evaluations/2024");
        english.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9,zh;q=0.5");
        var inEnglish = await (await _client.SendAsync(english)).JsonAsync();
        var inChinese = await (await _client.GetAsync("/api/v1/departments/GXQ-SWJ/evaluations/2024")).JsonAsync();

        Assert.StartsWith("Declared adjustment rate", inEnglish.GetProperty("findings")[0].GetProperty("message").GetString());
        Assert.StartsWith("申报", inChinese.GetProperty("findings")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task GetScorecard_WithExplain_GivesEachComputedNumberItsFormulaAndInputs()
    {
        var card = await (await _client.GetAsync("/api/v1/departments/GXQ-GYYQ/evaluations/2024?explain=true")).JsonAsync();

        var explanations = card.GetProperty("explanations");
        var rate = explanations.GetProperty("budget.executionRate");
        Assert.Contains("36615500", rate.GetProperty("formula").GetString());
        Assert.Equal(38_615_500m, rate.GetProperty("inputs").GetProperty("adjusted").GetDecimal());
        Assert.True(explanations.TryGetProperty("compositeScore", out _));
        Assert.True(explanations.TryGetProperty("indicators[1].completion", out _));
        Assert.Equal(JsonValueKind.Null, (await (await _client.GetAsync("/api/v1/departments/GXQ-GYYQ/evaluations/2024")).JsonAsync()).GetProperty("explanations").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/departments/GXQ-SWJ/evaluations/2024")]
    [InlineData("/api/v1/departments/GXQ-GYYQ/evaluations/2024")]
    [InlineData("/api/v1/fiscal-years/2024/scorecards")]
    [InlineData("/api/v1/fiscal-years/2024/summary")]
    [InlineData("/api/v1/departments/GXQ-CYFWZX/evaluations")]
    public async Task Responses_WriteEveryComputedNumberOneWay(string path)
    {
        var response = await _client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        // Money with two decimals; rates, weights and scores at the scheme's two: only a report's own
        // declared figures (and counts, ids, versions) keep their own form.
        var uneven = Numbers(json, "$").Where(n => n.Path.Split('.')[^1] is not ("declared" or "id" or "version" or "evaluationVersion" or "sequence" or "fiscalYear" or "year" or "rank" or "count" or "departmentCount" or "unitsWithErrors" or "error" or "warning" or "info" or "excellent" or "good" or "fair" or "poor" or "noGrade" or "lineCount" or "threshold" or "target" or "finalValue" or "midYearValue" or "deduction" or "qualitativeScore")
            && !n.Path.Contains(".scheme.", StringComparison.Ordinal) && !n.Path.Contains(".staffing.", StringComparison.Ordinal) && !n.Path.Contains(".figures.declared", StringComparison.Ordinal))
            .Where(n => Scale(n.Text) != 2)
            .ToList();
        Assert.True(uneven.Count == 0, "Numbers not written with two decimals: " + string.Join(", ", uneven.Select(n => $"{n.Path}={n.Text}")));
    }

    [Fact]
    public async Task GetScorecard_GivesTheGradesChineseLabelBesideItsCode()
    {
        var card = await (await _client.GetAsync("/api/v1/departments/GXQ-SWJ/evaluations/2024")).JsonAsync();

        Assert.Equal("good", card.GetProperty("grade").GetString());
        Assert.Equal("良", card.GetProperty("gradeLabel").GetString());
    }

    private static IEnumerable<(string Path, string Text)> Numbers(System.Text.Json.Nodes.JsonNode? node, string path) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => Numbers(p.Value, path + "." + p.Key)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany((item, i) => Numbers(item, path + "[" + i + "]")),
        System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => [(path, v.ToJsonString())],
        _ => [],
    };

    private static int Scale(string number) => number.IndexOf('.') is var dot and >= 0 ? number.Length - dot - 1 : 0;
}
