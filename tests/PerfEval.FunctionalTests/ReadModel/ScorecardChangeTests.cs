namespace PerfEval.FunctionalTests.ReadModel;

/// <summary>Scorecards as their own entity in the change feed: a platform pulls exactly the scorecards that changed.</summary>
public sealed class ScorecardChangeTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2044;
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    [Fact]
    public async Task Scorecard_WhenAWriteChangesIt_IsReadAtOnceAndAppearsInTheChangeFeedWithItsVersion()
    {
        await _client.EnsureYearAsync(Year, "open");
        var code = await _client.CreateDepartmentAsync();
        var start = await NewestCursorAsync();

        var line = await _client.CreateBudgetLineAsync(code, Year, "personnel", "ownLevel", 1_000_000m, 800_000m);
        var first = await ScorecardAsync(code);
        await _client.PutJsonAsync($"{MoreTestData.LinesUrl(code, Year)}/{line.GetProperty("id").GetInt64()}",
            MoreTestData.BudgetLine("personnel", "ownLevel", 1_000_000m, 900_000m));
        var second = await ScorecardAsync(code);

        Assert.Equal("80.00", first.GetProperty("budget").GetProperty("executionRate").GetRawText());
        Assert.Equal("90.00", second.GetProperty("budget").GetProperty("executionRate").GetRawText());
        Assert.Equal(first.GetProperty("version").GetInt32() + 1, second.GetProperty("version").GetInt32());
        var changes = await ScorecardChangesAsync(start, code);
        Assert.Equal(
            [("created", first.GetProperty("version").GetInt32()), ("updated", second.GetProperty("version").GetInt32())],
            changes);
    }

    [Fact]
    public async Task Scorecard_WhenAWriteLeavesItAsItWas_RecordsNoScorecardChange()
    {
        await _client.EnsureYearAsync(Year, "open");
        var code = await _client.CreateDepartmentAsync();
        await _client.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 500_000m, 400_000m);
        var before = await ScorecardAsync(code);
        var start = await NewestCursorAsync();

        // A project changes nothing a scorecard is computed from; a renamed department shows under its new name.
        await _client.CreateProjectAsync(code, Year);
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/departments/{code}", new { name = "改名后的单位", region = "高新区（新市区）" })).StatusCode);
        var after = await ScorecardAsync(code);

        Assert.Empty(await ScorecardChangesAsync(start, code));
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal("改名后的单位", after.GetProperty("departmentName").GetString());
    }

    [Fact]
    public async Task Scorecard_OfADepartmentYearWithNothingStored_IsTheScorecardOfNoDataAtVersion0()
    {
        await _client.EnsureYearAsync(Year, "open");
        var code = await _client.CreateDepartmentAsync();

        var card = await ScorecardAsync(code);

        Assert.Equal(0, card.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("compositeScore").ValueKind);
    }

    private async Task<JsonElement> ScorecardAsync(string code)
    {
        var response = await _client.GetAsync($"/api/v1/departments/{code}/evaluations/{Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<string?> NewestCursorAsync()
    {
        string? cursor = null;
        while (true)
        {
            var page = await (await _client.GetAsync($"/api/v1/changes?limit=1000{(cursor is null ? string.Empty : $"&after={cursor}")}")).JsonAsync();
            cursor = page.GetProperty("nextCursor").GetString() ?? cursor;
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return cursor;
            }
        }
    }

    private async Task<List<(string Operation, int Version)>> ScorecardChangesAsync(string? after, string code)
    {
        var page = await (await _client.GetAsync($"/api/v1/changes?limit=1000{(after is null ? string.Empty : $"&after={after}")}")).JsonAsync();
        return [.. page.GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("entityType").GetString() == "scorecard" && c.GetProperty("entityKey").GetString() == $"{code}/{Year}")
            .Select(c => (c.GetProperty("operation").GetString()!, c.GetProperty("version").GetInt32()))];
    }
}
