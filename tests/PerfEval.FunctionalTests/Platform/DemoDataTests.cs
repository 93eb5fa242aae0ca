namespace PerfEval.FunctionalTests.Platform;

/// <summary>The demo data set a fresh install loads: the three seed reports of 2024, with the totals the reports print (万元 × 10,000).</summary>
public sealed class DemoDataTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("GXQ-GYYQ", "23733500.00", "38615500.00", "36615500.00", "62.70", "94.82")]
    [InlineData("GXQ-SWJ", "31425500.00", "31425500.00", "31425500.00", "0", "100")]
    [InlineData("GXQ-CYFWZX", "2523900.00", "2523900.00", "2474400.00", "0", "98.04")]
    public async Task GetBudgetSummary_WhenDemoLoaded_MatchesTheSeedReport(
        string code, string initial, string adjusted, string executed, string adjustmentRate, string executionRate)
    {
        var response = await _client.GetAsync(MoreTestData.SummaryUrl(code, 2024));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var total = (await response.JsonAsync()).GetProperty("total");
        Assert.Equal(Parse(initial), total.GetProperty("initial").GetDecimal());
        Assert.Equal(Parse(adjusted), total.GetProperty("adjusted").GetDecimal());
        Assert.Equal(Parse(executed), total.GetProperty("executed").GetDecimal());
        Assert.Equal(Parse(adjusted) - Parse(initial), total.GetProperty("adjustments").GetDecimal());
        Assert.Equal(Parse(adjustmentRate), total.GetProperty("adjustmentRate").GetDecimal());
        Assert.Equal(Parse(executionRate), total.GetProperty("executionRate").GetDecimal());
    }

    [Theory]
    [InlineData("GXQ-GYYQ", 4)]
    [InlineData("GXQ-SWJ", 5)]
    [InlineData("GXQ-CYFWZX", 5)]
    public async Task GetDepartment_WhenDemoLoaded_ExistsWithItsIndicators(string code, int indicators)
    {
        var department = await _client.GetAsync($"/api/v1/departments/{code}");

        Assert.Equal(HttpStatusCode.OK, department.StatusCode);
        Assert.Equal(code, (await department.JsonAsync()).GetProperty("code").GetString());
        var listed = await _client.WalkPagesAsync(MoreTestData.IndicatorsUrl(code, 2024), limit: 2);
        Assert.Equal(indicators, listed.Count);
        Assert.Equal(Enumerable.Range(1, indicators), listed.Select(i => i.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task ListDepartments_WhenDemoLoaded_HoldsTheThreeSeedUnits()
    {
        var codes = (await _client.WalkPagesAsync("/api/v1/departments", limit: 1)).Select(d => d.GetProperty("code").GetString()).ToList();

        Assert.Equal(["GXQ-CYFWZX", "GXQ-GYYQ", "GXQ-SWJ"], codes.Where(c => c!.StartsWith("GXQ-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetFiscalYear_WhenDemoLoaded_2024IsInEvaluation()
    {
        var year = await (await _client.GetAsync("/api/v1/fiscal-years/2024")).JsonAsync();

        Assert.Equal("evaluation", year.GetProperty("status").GetString());
        Assert.Equal("default", year.GetProperty("scoringSchemeCode").GetString());
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
