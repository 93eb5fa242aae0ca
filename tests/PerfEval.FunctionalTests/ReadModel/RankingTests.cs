namespace PerfEval.FunctionalTests.ReadModel;

/// <summary>The ranking as the read model pages it in SQL, on the three seed reports. Search ignores the case of Latin letters.</summary>
public sealed class RankingTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    [Theory]
    [InlineData("商务局", new[] { "GXQ-SWJ" })]
    [InlineData("gxq-c", new[] { "GXQ-CYFWZX" })]
    [InlineData("GXQ-C", new[] { "GXQ-CYFWZX" })]
    [InlineData("管理办公室", new[] { "GXQ-GYYQ" })]
    [InlineData("100%", new string[0])]
    public async Task Ranking_WithSearch_HoldsTheDepartmentsWhoseNameOrCodeContainsIt(string search, string[] expected)
    {
        var page = await (await _client.GetAsync($"/api/v1/fiscal-years/2024/scorecards?search={Uri.EscapeDataString(search)}")).JsonAsync();

        Assert.Equal(expected, page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("scorecard").GetProperty("departmentCode").GetString()));
    }

    [Theory]
    [InlineData("", new[] { "GXQ-CYFWZX", "GXQ-GYYQ", "GXQ-SWJ" })]
    [InlineData("&order=asc", new[] { "GXQ-SWJ", "GXQ-GYYQ", "GXQ-CYFWZX" })]
    [InlineData("&sort=executionRate", new[] { "GXQ-SWJ", "GXQ-CYFWZX", "GXQ-GYYQ" })]
    [InlineData("&sort=name&order=desc", new[] { "GXQ-GYYQ", "GXQ-SWJ", "GXQ-CYFWZX" })]
    public async Task Ranking_PagedOneRowAtATime_IsTheWholeSortedListWithRanksInOrder(string sort, string[] expected)
    {
        var rows = await _client.WalkPagesAsync($"/api/v1/fiscal-years/2024/scorecards?includeTotal=true{sort}", 1);

        Assert.Equal(expected, rows.Select(r => r.GetProperty("scorecard").GetProperty("departmentCode").GetString()));
        Assert.Equal([1, 2, 3], rows.Select(r => r.GetProperty("rank").GetInt32()));
    }
}
