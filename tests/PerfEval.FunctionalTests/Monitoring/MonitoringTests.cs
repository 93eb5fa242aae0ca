using System.Net.Http.Headers;

namespace PerfEval.FunctionalTests.Monitoring;

/// <summary>Monitoring with the production default: every change of a round says which version it changes.</summary>
public sealed class MonitoringFactory : PerfEvalFactory
{
    protected override bool RequireIfMatch => true;
}

public sealed class MonitoringTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private const int Year = 2032;

    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    private static string RoundsUrl(string code, int year = Year) => $"/api/v1/departments/{code}/monitoring/{year}/rounds";

    private static string MonitoringUrl(string code, int year = Year) => $"/api/v1/departments/{code}/monitoring/{year}";

    /// <summary>A department with a 1,000,000 yuan project line and a personnel line of 200,000, and two ≥ indicators (targets 100 and 10).</summary>
    private async Task<(string Code, long ProjectLine, long Indicator1, long Indicator2)> DepartmentAsync(int year = Year, HttpClient? client = null)
    {
        client ??= _client;
        await client.CreateYearAsync(year, "open");
        var code = await _client.CreateDepartmentAsync();
        var project = await _client.CreateBudgetLineAsync(code, year, "project", "ownLevel", 1_000_000m, 0m);
        await _client.CreateBudgetLineAsync(code, year, "personnel", "ownLevel", 200_000m, 0m);
        var first = await _client.CreateIndicatorAsync(code, year, MoreTestData.Indicator(name: "引进企业数量", sequence: 1, target: 100m));
        var second = await _client.CreateIndicatorAsync(code, year, MoreTestData.Indicator(name: "开展培训场次", sequence: 2, target: 10m));
        return (code, project.GetProperty("id").GetInt64(), first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
    }

    private static object Round(string asOf, object[]? executed = null, object[]? indicators = null, object? budget = null) =>
        new { asOf, executed, budget, indicators };

    private static object Progress(long indicatorId, decimal? currentValue, object? explanation = null) => explanation is null
        ? new { indicatorId, currentValue }
        : new
        {
            indicatorId,
            currentValue,
            expectedFullYear = 90m,
            likelihood = "possible",
            cause = "funding",
            causeText = "项目资金下达滞后",
            correctiveMeasure = "加快资金拨付",
        };

    private async Task<JsonElement> CreateRoundAsync(string code, object round, int year = Year)
    {
        var response = await _client.PostJsonAsync(RoundsUrl(code, year), round);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private async Task<HttpResponseMessage> PutRoundAsync(string code, long id, object round, string? ifMatch, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{RoundsUrl(code)}/{id}") { Content = TestData.JsonContent(round) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        return await (client ?? _client).SendAsync(request);
    }

    /// <summary>Moves the year on with the If-Match of the version read, as a strict client does.</summary>
    private async Task MoveYearAsync(int year, string status)
    {
        var current = await _client.GetAsync($"/api/v1/fiscal-years/{year}");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/fiscal-years/{year}") { Content = TestData.JsonContent(new { status, scoringSchemeId = (long?)null }) };
        patch.Headers.IfMatch.Add(current.Headers.ETag!);
        var response = await _client.SendAsync(patch);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreateRound_StoresItAndKeepsTheLightsCurrent()
    {
        var (code, projectLine, first, second) = await DepartmentAsync();

        // June: time progress 50. Executed 480,000 of 1,200,000 = 40 %, ratio 80: green.
        var response = await _client.PostJsonAsync(RoundsUrl(code), Round(
            "2032-06-30",
            executed: [new { amount = 400_000.00m, lineId = projectLine }, new { amount = 80_000.00m, expenditureClass = "personnel" }],
            indicators: [Progress(first, 29.99m), Progress(second, 5m)]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"{RoundsUrl(code)}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal("2032-06-30", created.GetProperty("asOf").GetString());
        Assert.Equal(2, created.GetProperty("executed").GetArrayLength());
        Assert.Equal("personnel", created.GetProperty("executed")[1].GetProperty("expenditureClass").GetString());

        var fetched = await _client.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", fetched.Headers.ETag?.ToString());

        var monitoring = await (await _client.GetAsync(MonitoringUrl(code))).JsonAsync();
        Assert.Equal(id, monitoring.GetProperty("roundId").GetInt64());
        Assert.Equal(480_000.00m, monitoring.GetProperty("budget").GetProperty("executedToDate").GetDecimal());
        Assert.Equal(40.00m, monitoring.GetProperty("budget").GetProperty("executionRate").GetDecimal());
        Assert.Equal(80.00m, monitoring.GetProperty("budget").GetProperty("ratio").GetDecimal());
        Assert.Equal("green", monitoring.GetProperty("budget").GetProperty("light").GetString());
        Assert.Equal(59.98m, monitoring.GetProperty("indicators")[0].GetProperty("ratio").GetDecimal());
        Assert.Equal("red", monitoring.GetProperty("indicators")[0].GetProperty("light").GetString());
        Assert.Equal("green", monitoring.GetProperty("indicators")[1].GetProperty("light").GetString());
        Assert.Equal("red", monitoring.GetProperty("goalLight").GetString());
        Assert.Equal("red", monitoring.GetProperty("combinedLight").GetString());
        var finding = Assert.Single(monitoring.GetProperty("findings").EnumerateArray());
        Assert.Equal("MONITORING_DEVIATION_UNEXPLAINED", finding.GetProperty("code").GetString());
        Assert.Equal("indicator 1", finding.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task UpdateRound_NeedsIfMatch_AndItsExplanationClearsTheFinding()
    {
        var (code, _, first, second) = await DepartmentAsync();
        var created = await CreateRoundAsync(code, Round("2032-06-30", indicators: [Progress(first, 20m), Progress(second, 5m)]));
        var id = created.GetProperty("id").GetInt64();
        var explained = Round("2032-06-30", indicators: [Progress(first, 20m, explanation: true), Progress(second, 5m)]);

        var missing = await PutRoundAsync(code, id, explained, ifMatch: null);
        await missing.AssertProblemAsync((HttpStatusCode)428);

        var stale = await PutRoundAsync(code, id, explained, "\"7\"");
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var unchanged = await (await _client.GetAsync(MonitoringUrl(code))).JsonAsync();
        Assert.Single(unchanged.GetProperty("findings").EnumerateArray());

        var updated = await PutRoundAsync(code, id, explained, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var round = await updated.JsonAsync();
        Assert.Equal(2, round.GetProperty("version").GetInt32());
        var progress = round.GetProperty("indicators")[0];
        Assert.Equal("possible", progress.GetProperty("likelihood").GetString());
        Assert.Equal("funding", progress.GetProperty("cause").GetString());
        Assert.Equal("项目资金下达滞后", progress.GetProperty("causeText").GetString());

        var monitoring = await (await _client.GetAsync(MonitoringUrl(code))).JsonAsync();
        Assert.Equal("red", monitoring.GetProperty("indicators")[0].GetProperty("light").GetString());
        Assert.Empty(monitoring.GetProperty("findings").EnumerateArray());
        Assert.Equal(2, monitoring.GetProperty("roundVersion").GetInt32());
        Assert.Equal(2, monitoring.GetProperty("version").GetInt32());

        var again = await PutRoundAsync(code, id, explained, "\"1\"");
        await again.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Rounds_ListByDate_AndTheViewIsTheLatestOrTheLatestByAsOf()
    {
        var (code, _, first, _) = await DepartmentAsync();
        var march = await CreateRoundAsync(code, Round("2032-03-31", indicators: [Progress(first, 25m)]));   // 25 / 25 = 100 green
        var june = await CreateRoundAsync(code, Round("2032-06-30", indicators: [Progress(first, 20m)]));    // 20 / 50 = 40 red

        var latest = await (await _client.GetAsync(MonitoringUrl(code))).JsonAsync();
        Assert.Equal(june.GetProperty("id").GetInt64(), latest.GetProperty("roundId").GetInt64());
        Assert.Equal("red", latest.GetProperty("goalLight").GetString());

        var byMay = await (await _client.GetAsync(MonitoringUrl(code) + "?asOf=2032-05-01")).JsonAsync();
        Assert.Equal(march.GetProperty("id").GetInt64(), byMay.GetProperty("roundId").GetInt64());
        Assert.Equal(25.00m, byMay.GetProperty("timeProgress").GetDecimal());
        Assert.Equal("green", byMay.GetProperty("goalLight").GetString());

        var beforeAny = await _client.GetAsync(MonitoringUrl(code) + "?asOf=2032-01-15");
        var notFound = await beforeAny.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.StartsWith("监控轮次", notFound.GetProperty("detail").GetString());

        var pages = await _client.WalkPagesAsync(RoundsUrl(code), 1);
        Assert.Equal(["2032-03-31", "2032-06-30"], pages.Select(r => r.GetProperty("asOf").GetString()));

        var duplicate = await _client.PostJsonAsync(RoundsUrl(code), Round("2032-06-30"));
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CreateRound_WhenInputIsBad_IsRefusedAndStoresNothing()
    {
        var (code, projectLine, first, _) = await DepartmentAsync();
        var (other, otherLine, otherIndicator, _) = await DepartmentAsync();

        var outsideYear = await _client.PostJsonAsync(RoundsUrl(code), Round("2031-12-31"));
        await outsideYear.AssertValidationErrorsAsync("asOf");

        var bothLineAndClass = await _client.PostJsonAsync(RoundsUrl(code), Round("2032-06-30", executed: [new { amount = 1m, lineId = projectLine, expenditureClass = "project" }]));
        await bothLineAndClass.AssertProblemAsync(HttpStatusCode.BadRequest);

        var tooManyDecimals = await _client.PostJsonAsync(RoundsUrl(code), Round("2032-06-30", executed: [new { amount = 1.001m, lineId = projectLine }]));
        await tooManyDecimals.AssertProblemAsync(HttpStatusCode.BadRequest);

        var foreignLine = await _client.PostJsonAsync(RoundsUrl(code), Round("2032-06-30", executed: [new { amount = 1m, lineId = otherLine }]));
        var problem = await foreignLine.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("executed[0].lineId", out _), problem.ToString());

        var classTwice = await _client.PostJsonAsync(RoundsUrl(code), Round("2032-06-30", executed: [new { amount = 1m, lineId = projectLine }, new { amount = 2m, expenditureClass = "project" }]));
        await classTwice.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var foreignIndicator = await _client.PostJsonAsync(RoundsUrl(code), Round("2032-06-30", indicators: [Progress(otherIndicator, 1m)]));
        await foreignIndicator.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var tierOnQuantitative = await _client.PostJsonAsync(RoundsUrl(code), Round("2032-06-30", indicators: [new { indicatorId = first, currentTier = "achieved" }]));
        await tierOnQuantitative.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var rounds = await (await _client.GetAsync(RoundsUrl(code))).JsonAsync();
        Assert.Empty(rounds.GetProperty("items").EnumerateArray());
        await (await _client.GetAsync(MonitoringUrl(code))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEqual(code, other);
    }

    [Fact]
    public async Task ClosedYear_RefusesRoundWrites_AndChangesNothing()
    {
        const int closedYear = 2033;
        var (code, _, first, _) = await DepartmentAsync(closedYear);
        var round = await CreateRoundAsync(code, Round("2033-06-30", indicators: [Progress(first, 20m)]), closedYear);
        var id = round.GetProperty("id").GetInt64();
        await MoveYearAsync(closedYear, "evaluation");
        await MoveYearAsync(closedYear, "closed");
        var before = await (await _client.GetAsync(MonitoringUrl(code, closedYear))).Content.ReadAsStringAsync();

        var create = await _client.PostJsonAsync(RoundsUrl(code, closedYear), Round("2033-09-30", indicators: [Progress(first, 80m)]));
        await create.AssertProblemAsync(HttpStatusCode.Conflict);

        using var put = new HttpRequestMessage(HttpMethod.Put, $"{RoundsUrl(code, closedYear)}/{id}")
        {
            Content = TestData.JsonContent(Round("2033-06-30", indicators: [Progress(first, 80m)])),
        };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        var update = await _client.SendAsync(put);
        var problem = await update.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2033", problem.GetProperty("detail").GetString());

        var rounds = await (await _client.GetAsync(RoundsUrl(code, closedYear))).JsonAsync();
        var only = Assert.Single(rounds.GetProperty("items").EnumerateArray());
        Assert.Equal(1, only.GetProperty("version").GetInt32());
        Assert.Equal(before, await (await _client.GetAsync(MonitoringUrl(code, closedYear))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Lights_FollowAChangedIndicatorTarget_AndTheFeedSaysSo()
    {
        var (code, projectLine, first, _) = await DepartmentAsync();
        var round = await CreateRoundAsync(code, Round("2032-06-30", executed: [new { amount = 300_000m, lineId = projectLine }], indicators: [Progress(first, 40m)]));
        var before = await (await _client.GetAsync(MonitoringUrl(code))).JsonAsync();
        Assert.Equal("green", before.GetProperty("indicators")[0].GetProperty("light").GetString());   // 40 / (100 × 50 %) = 80
        Assert.Equal("red", before.GetProperty("budget").GetProperty("light").GetString());             // 25 % / 50 % = 50

        using var put = new HttpRequestMessage(HttpMethod.Put, $"{MoreTestData.IndicatorsUrl(code, Year)}/{first}")
        {
            Content = TestData.JsonContent(MoreTestData.Indicator(name: "引进企业数量", sequence: 1, target: 200m)),
        };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(put)).StatusCode);

        var after = await (await _client.GetAsync(MonitoringUrl(code))).JsonAsync();
        Assert.Equal(40.00m, after.GetProperty("indicators")[0].GetProperty("ratio").GetDecimal());
        Assert.Equal("red", after.GetProperty("indicators")[0].GetProperty("light").GetString());
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());

        var roundKey = round.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rounds = await (await _client.GetAsync("/api/v1/changes?entityType=monitoringRound&limit=1000")).JsonAsync();
        Assert.Contains(rounds.GetProperty("items").EnumerateArray(), c => c.GetProperty("entityKey").GetString() == roundKey && c.GetProperty("operation").GetString() == "created");
        var cards = await (await _client.GetAsync("/api/v1/changes?entityType=monitoring&limit=1000")).JsonAsync();
        var mine = cards.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("entityKey").GetString() == $"{code}/{Year}/{roundKey}").ToList();
        Assert.Equal(["created", "updated"], mine.Select(c => c.GetProperty("operation").GetString()));
        Assert.Equal([1, 2], mine.Select(c => c.GetProperty("version").GetInt32()));
    }
}
