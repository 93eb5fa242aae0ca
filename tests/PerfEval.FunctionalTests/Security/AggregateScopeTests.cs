namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// The views across departments (rankings, summaries, findings, exports, the change feed) honour a
/// client's region limit exactly as the single-department endpoints do: nothing of another region
/// shows, not even its code.
/// </summary>
public sealed class AggregateScopeTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private const string RegionalKey = "test-regional-key";

    private readonly HttpClient _admin = factory.CreateClient();
    private readonly HttpClient _regional = factory.CreateClient(RegionalKey);

    private async Task<(World Inside, World Outside)> WorldsAsync()
    {
        var inside = await World.CreateAsync(_admin, region: PerfEvalFactory.RestrictedRegion);
        var outside = await World.CreateAsync(_admin, region: World.OtherRegion);
        return (inside, outside);
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode} {SecurityAssert.Shorten(body)}");
        return body;
    }

    public static TheoryData<string> DepartmentViews => new()
    {
        "/api/v1/fiscal-years/{year}/scorecards?limit=500",
        "/api/v1/fiscal-years/{year}/export?dataset=scorecards&format=csv",
        "/api/v1/fiscal-years/{year}/export?dataset=indicators&format=csv",
        "/api/v1/fiscal-years/{year}/export?dataset=budget-lines&format=csv",
        "/api/v1/fiscal-years/{year}/export?dataset=adjustments&format=csv",
        "/api/v1/fiscal-years/{year}/export?dataset=budget-lines&format=ndjson",
    };

    [Theory]
    [MemberData(nameof(DepartmentViews))]
    public async Task YearView_WhenClientIsRegional_ShowsItsRegionAndNothingElse(string template)
    {
        var (inside, outside) = await WorldsAsync();
        var url = template.Replace("{year}", outside.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var asAdmin = await BodyAsync(await _admin.GetAsync(url), $"admin GET {url}");
        var asRegional = await BodyAsync(await _regional.GetAsync(url), $"regional GET {url}");

        Assert.Contains(outside.Code, asAdmin, StringComparison.Ordinal);
        Assert.Contains(inside.Code, asRegional, StringComparison.Ordinal);
        Assert.False(asRegional.Contains(outside.Code, StringComparison.Ordinal), $"regional GET {url} shows {outside.Code} of {World.OtherRegion}:\n{SecurityAssert.Shorten(asRegional)}");
    }

    [Fact]
    public async Task YearScorecards_WhenRegionalClientFiltersByAnotherRegion_IsEmpty()
    {
        var (_, outside) = await WorldsAsync();

        var response = await _regional.GetAsync($"/api/v1/fiscal-years/{outside.Year}/scorecards?limit=500&includeTotal=true&region={Uri.EscapeDataString(World.OtherRegion)}");

        var page = JsonDocument.Parse(await BodyAsync(response, "scorecards of another region")).RootElement;
        Assert.Empty(page.GetProperty("items").EnumerateArray());
        if (page.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number)
        {
            Assert.Equal(0, total.GetInt32());
        }
    }

    [Fact]
    public async Task YearSummary_WhenClientIsRegional_CountsOnlyItsRegion()
    {
        var (_, outside) = await WorldsAsync();
        var url = $"/api/v1/fiscal-years/{outside.Year}/summary";

        var asAdmin = await BodyAsync(await _admin.GetAsync(url), "admin summary");
        var asRegional = await BodyAsync(await _regional.GetAsync(url), "regional summary");

        Assert.Contains(World.OtherRegion, asAdmin, StringComparison.Ordinal);
        Assert.False(asRegional.Contains(World.OtherRegion, StringComparison.Ordinal), $"The regional summary shows {World.OtherRegion}: {asRegional}");
        var regions = JsonDocument.Parse(asRegional).RootElement.GetProperty("byRegion").EnumerateArray().Select(r => r.GetProperty("region").GetString());
        Assert.All(regions, r => Assert.Equal(PerfEvalFactory.RestrictedRegion, r));
    }

    [Fact]
    public async Task YearFindings_WhenClientIsRegional_ShowsNoOtherRegionsFindings()
    {
        var (_, outside) = await WorldsAsync();
        var url = $"/api/v1/fiscal-years/{outside.Year}/findings?limit=500";

        var all = await BodyAsync(await _regional.GetAsync(url), "regional findings");
        var byCode = await _regional.GetAsync($"{url}&code={outside.Code}");

        Assert.False(all.Contains(outside.Code, StringComparison.Ordinal), $"Regional findings show {outside.Code}: {SecurityAssert.Shorten(all)}");
        Assert.True((int)byCode.StatusCode is 200 or 404, $"findings?code=outside: {(int)byCode.StatusCode}");
        if (byCode.StatusCode == HttpStatusCode.OK)
        {
            Assert.Empty(JsonDocument.Parse(await byCode.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray());
        }
        else
        {
            await SecurityAssert.ProblemAsync(byCode, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task DepartmentEvaluations_WhenOutsideTheClientsRegion_Returns404()
    {
        var (inside, outside) = await WorldsAsync();

        var own = await _regional.GetAsync($"/api/v1/departments/{inside.Code}/evaluations");
        var other = await _regional.GetAsync($"/api/v1/departments/{outside.Code}/evaluations");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await SecurityAssert.ProblemAsync(other, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangeFeed_WhenClientIsRegional_ShowsNoChangeOfAnotherRegion()
    {
        var (inside, outside) = await WorldsAsync();

        var asAdmin = await FeedAsync(_admin);
        var asRegional = await FeedAsync(_regional);

        Assert.Contains(asAdmin, c => c.DepartmentCode == outside.Code);
        Assert.Contains(asRegional, c => c.DepartmentCode == inside.Code);
        Assert.DoesNotContain(asRegional, c => c.DepartmentCode == outside.Code || c.EntityKey.Contains(outside.Code, StringComparison.Ordinal));
    }

    private sealed record Change(string? DepartmentCode, string EntityKey);

    private static async Task<List<Change>> FeedAsync(HttpClient client)
    {
        var changes = new List<Change>();
        string? after = null;
        for (var pages = 0; pages < 200; pages++)
        {
            var page = JsonDocument.Parse(await BodyAsync(await client.GetAsync("/api/v1/changes?limit=500" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after))), "change feed")).RootElement;
            changes.AddRange(page.GetProperty("items").EnumerateArray().Select(c => new Change(
                c.GetProperty("departmentCode").GetString(), c.GetProperty("entityKey").GetString() ?? "")));
            after = page.GetProperty("nextCursor").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return changes;
            }
        }

        throw new InvalidOperationException("The change feed never ended.");
    }
}
