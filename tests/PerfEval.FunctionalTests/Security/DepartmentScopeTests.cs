namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// A client limited to a region (test-regional-key) or a department (sec-dept-only-key): outside its
/// limit reads and writes alike answer 404, as for a department that does not exist (it does not learn
/// the department exists), and change nothing; only placing a department in a region outside is 403.
/// </summary>
public sealed class DepartmentScopeTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private const string RegionalKey = "test-regional-key";

    private readonly HttpClient _admin = factory.CreateClient();
    private readonly HttpClient _regional = factory.CreateClient(RegionalKey);

    private Task<World> InsideAsync() => World.CreateAsync(_admin, region: PerfEvalFactory.RestrictedRegion);

    private Task<World> OutsideAsync() => World.CreateAsync(_admin, region: World.OtherRegion);

    private async Task<string> AsAdminAsync(string url)
    {
        var response = await _admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task GetDepartment_WhenInsideTheClientsRegion_Returns200()
    {
        var inside = await InsideAsync();

        var response = await _regional.GetAsync(inside.DepartmentUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(inside.Code, (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _regional.GetAsync(inside.ProjectUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _regional.GetAsync(inside.LineUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _regional.GetAsync(inside.IndicatorUrl)).StatusCode);
    }

    public static TheoryData<string> OutsideReads => new()
    {
        "{dept}",
        "{project}",
        "{line}",
        "{lines}",
        "{summary}",
        "{indicator}",
        "{indicators}",
        "{projects}",
        "{scorecard}",
    };

    [Theory]
    [MemberData(nameof(OutsideReads))]
    public async Task Read_WhenOutsideTheClientsRegion_Returns404ProblemDetails(string what)
    {
        var outside = await OutsideAsync();
        var url = what switch
        {
            "{dept}" => outside.DepartmentUrl,
            "{project}" => outside.ProjectUrl,
            "{line}" => outside.LineUrl,
            "{lines}" => MoreTestData.LinesUrl(outside.Code, outside.Year),
            "{summary}" => MoreTestData.SummaryUrl(outside.Code, outside.Year),
            "{indicator}" => outside.IndicatorUrl,
            "{indicators}" => MoreTestData.IndicatorsUrl(outside.Code, outside.Year),
            "{projects}" => MoreTestData.ProjectsUrl(outside.Code, outside.Year),
            "{scorecard}" => $"/api/v1/departments/{outside.Code}/evaluations/{outside.Year}",
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync(url)).StatusCode);

        var response = await _regional.GetAsync(url);

        var problem = await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound, $"regional GET {url}");
        var unknown = await _regional.GetAsync("/api/v1/departments/NO-SUCH-DEPT-XYZ");
        var unknownProblem = await SecurityAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        if (what == "{dept}")
        {
            // Indistinguishable from a department that does not exist, but for the code itself.
            Assert.Equal(unknownProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
            Assert.Equal(
                unknownProblem.GetProperty("detail").GetString()!.Replace("NO-SUCH-DEPT-XYZ", "?", StringComparison.Ordinal),
                problem.GetProperty("detail").GetString()!.Replace(outside.Code, "?", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ListDepartments_WhenClientIsRegional_ShowsOnlyItsRegionsDepartments()
    {
        var inside = await InsideAsync();
        var outside = await OutsideAsync();

        var items = await _regional.WalkPagesAsync("/api/v1/departments", limit: 500);
        var filtered = await _regional.WalkPagesAsync($"/api/v1/departments?region={Uri.EscapeDataString(World.OtherRegion)}", limit: 500);

        Assert.Contains(items, d => d.GetProperty("code").GetString() == inside.Code);
        Assert.DoesNotContain(items, d => d.GetProperty("code").GetString() == outside.Code);
        Assert.All(items, d => Assert.Equal(PerfEvalFactory.RestrictedRegion, d.GetProperty("region").GetString()));
        Assert.Empty(filtered);
        Assert.Contains(await _admin.WalkPagesAsync("/api/v1/departments", limit: 500), d => d.GetProperty("code").GetString() == outside.Code);
        var byName = await _regional.WalkPagesAsync("/api/v1/departments?nameContains=" + Uri.EscapeDataString("测试"), limit: 500);
        Assert.Contains(byName, d => d.GetProperty("code").GetString() == inside.Code);
        Assert.All(byName, d => Assert.Equal(PerfEvalFactory.RestrictedRegion, d.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task PutDepartment_WhenOutsideTheClientsRegion_Returns404AndChangesNothing()
    {
        var outside = await OutsideAsync();
        var before = await AsAdminAsync(outside.DepartmentUrl);

        var response = await _regional.PutJsonAsync(outside.DepartmentUrl, DepartmentFields("被篡改的单位", PerfEvalFactory.RestrictedRegion));
        var sameRegion = await _regional.PutJsonAsync(outside.DepartmentUrl, DepartmentFields("被篡改的单位", World.OtherRegion));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound, "moving an outside department into the client's region");
        await SecurityAssert.ProblemAsync(sameRegion, HttpStatusCode.Forbidden, "renaming an outside department");
        Assert.Equal(before, await AsAdminAsync(outside.DepartmentUrl));
    }

    [Fact]
    public async Task PutDepartment_WhenMovingItsOwnDepartmentToAnotherRegion_Returns403AndChangesNothing()
    {
        var inside = await InsideAsync();
        var before = await AsAdminAsync(inside.DepartmentUrl);

        var response = await _regional.PutJsonAsync(inside.DepartmentUrl, DepartmentFields("测试单位", World.OtherRegion));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await AsAdminAsync(inside.DepartmentUrl));
    }

    [Fact]
    public async Task PutDepartment_WhenInsideAndStayingInTheRegion_Returns200()
    {
        var inside = await InsideAsync();

        var response = await _regional.PutJsonAsync(inside.DepartmentUrl, DepartmentFields("改名后的单位", PerfEvalFactory.RestrictedRegion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("改名后的单位", await AsAdminAsync(inside.DepartmentUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDepartment_WhenInAnotherRegion_Returns403AndCreatesNothing()
    {
        var code = TestData.NewCode("SECR");

        var response = await _regional.PostJsonAsync("/api/v1/departments", TestData.Department(code, region: World.OtherRegion));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        await SecurityAssert.ProblemAsync(await _admin.GetAsync($"/api/v1/departments/{code}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostBudgetLine_WhenOutsideTheClientsRegion_Returns404AndAddsNothing()
    {
        var outside = await OutsideAsync();
        var url = MoreTestData.LinesUrl(outside.Code, outside.Year);
        var before = await AsAdminAsync(url);

        var response = await _regional.PostJsonAsync(url, MoreTestData.BudgetLine("operating", "ownLevel", 5_000m, 0m));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await AsAdminAsync(url));
    }

    [Fact]
    public async Task PutBudgetLine_WhenOutsideTheClientsRegion_Returns404AndChangesNothing()
    {
        var outside = await OutsideAsync();
        var before = await AsAdminAsync(outside.LineUrl);

        var response = await _regional.PutJsonAsync(outside.LineUrl, MoreTestData.BudgetLine("operating", "ownLevel", 5_000m, 0m));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await AsAdminAsync(outside.LineUrl));
    }

    [Fact]
    public async Task PutProject_WhenOutsideTheClientsRegion_Returns404AndChangesNothing()
    {
        var outside = await OutsideAsync();
        var before = await AsAdminAsync(outside.ProjectUrl);

        var response = await _regional.PutJsonAsync(outside.ProjectUrl, MoreTestData.Project(name: "被篡改的项目", budget: 1m, executed: 1m));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await AsAdminAsync(outside.ProjectUrl));
    }

    [Fact]
    public async Task PostProject_WhenOutsideTheClientsRegion_Returns404AndAddsNothing()
    {
        var outside = await OutsideAsync();
        var url = MoreTestData.ProjectsUrl(outside.Code, outside.Year);
        var before = await AsAdminAsync(url);

        var response = await _regional.PostJsonAsync(url, MoreTestData.Project(name: "越权项目"));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await AsAdminAsync(url));
    }

    [Fact]
    public async Task IndicatorWrites_WhenOutsideTheClientsRegion_Return404AndChangeNothing()
    {
        var outside = await OutsideAsync();
        var list = MoreTestData.IndicatorsUrl(outside.Code, outside.Year);
        var before = await AsAdminAsync(list);

        var post = await _regional.PostJsonAsync(list, MoreTestData.Indicator(name: "越权指标"));
        var put = await _regional.PutJsonAsync(outside.IndicatorUrl, MoreTestData.Indicator(name: "越权指标"));
        var delete = await _regional.DeleteAsync(outside.IndicatorUrl);

        await SecurityAssert.ProblemAsync(post, HttpStatusCode.NotFound, "POST indicator");
        await SecurityAssert.ProblemAsync(put, HttpStatusCode.NotFound, "PUT indicator");
        await SecurityAssert.ProblemAsync(delete, HttpStatusCode.NotFound, "DELETE indicator");
        Assert.Equal(before, await AsAdminAsync(list));
    }

    [Fact]
    public async Task SaveEvaluation_WhenOutsideTheClientsRegion_Returns404AndStoresNothing()
    {
        var outside = await OutsideAsync();
        var url = $"/api/v1/departments/{outside.Code}/evaluations/{outside.Year}";
        var before = await AsAdminAsync(url);

        var response = await _regional.PutJsonAsync(url, new { problems = "越权写入" });

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(before, await AsAdminAsync(url));
    }

    [Fact]
    public async Task PutBudgetLine_WhenRouteIsOwnDepartmentButLineIsAnothers_ChangesNothing()
    {
        var inside = await InsideAsync();
        var outside = await OutsideAsync();
        var before = await AsAdminAsync(outside.LineUrl);

        var response = await _regional.PutJsonAsync(
            $"{MoreTestData.LinesUrl(inside.Code, inside.Year)}/{outside.LineId}",
            MoreTestData.BudgetLine("operating", "ownLevel", 5_000m, 0m));

        Assert.True((int)response.StatusCode is 403 or 404, $"Got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await SecurityAssert.ProblemAsync(response);
        Assert.Equal(before, await AsAdminAsync(outside.LineUrl));
    }

    [Fact]
    public async Task DepartmentLimitedClient_WhenReadingAndWriting_SeesOnlyItsDepartment()
    {
        var own = await World.CreateAsync(_admin, region: World.OtherRegion, code: SecurityFactory.OwnDepartment);
        var other = await OutsideAsync();
        var client = factory.CreateClient(SecurityFactory.DepartmentOnlyKey);
        var before = await AsAdminAsync(other.ProjectUrl);

        var ownRead = await client.GetAsync(own.DepartmentUrl);
        var otherRead = await client.GetAsync(other.DepartmentUrl);
        var otherProject = await client.GetAsync(other.ProjectUrl);
        var list = await client.WalkPagesAsync("/api/v1/departments", limit: 500);
        var otherWrite = await client.PutJsonAsync(other.ProjectUrl, MoreTestData.Project(name: "越权项目"));

        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        await SecurityAssert.ProblemAsync(otherRead, HttpStatusCode.NotFound);
        await SecurityAssert.ProblemAsync(otherProject, HttpStatusCode.NotFound);
        Assert.Equal([SecurityFactory.OwnDepartment], list.Select(d => d.GetProperty("code").GetString()));
        await SecurityAssert.ProblemAsync(otherWrite, HttpStatusCode.NotFound);
        Assert.Equal(before, await AsAdminAsync(other.ProjectUrl));
    }

    [Fact]
    public async Task PushAdjustments_WhenOutsideTheClientsRegion_Returns422AsForAMissingDepartmentAndChangesNothing()
    {
        var outside = await OutsideAsync();
        var before = await AsAdminAsync(outside.LineUrl);

        var response = await World.PushAsync(_regional, outside.Push(amount: 1_000_000m));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await AsAdminAsync(outside.LineUrl));
    }

    [Fact]
    public async Task PushAdjustments_WhenOneItemOfTheBatchIsOutside_Returns422AndAppliesNothing()
    {
        var inside = await InsideAsync();
        var outside = await OutsideAsync();
        var insideBefore = await AsAdminAsync(inside.LineUrl);
        var outsideBefore = await AsAdminAsync(outside.LineUrl);
        var batch = new
        {
            adjustments = new[]
            {
                MoreTestData.Adjustment(inside.Code, inside.Year, inside.LineId, 5m),
                MoreTestData.Adjustment(outside.Code, outside.Year, outside.LineId, 5m),
            },
        };

        var response = await World.PushAsync(_regional, batch);

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(insideBefore, await AsAdminAsync(inside.LineUrl));
        Assert.Equal(outsideBefore, await AsAdminAsync(outside.LineUrl));
    }

    [Fact]
    public async Task PushAdjustments_WhenItemNamesOwnDepartmentButAnotherDepartmentsLine_ChangesNothing()
    {
        var inside = await InsideAsync();
        var outside = await OutsideAsync();
        var before = await AsAdminAsync(outside.LineUrl);

        var response = await World.PushAsync(_regional, inside.Push(amount: 1_000_000m, lineId: outside.LineId));

        await SecurityAssert.ClientErrorAsync(response, "an own-department item naming another department's line");
        Assert.Equal(before, await AsAdminAsync(outside.LineUrl));
    }

    [Fact]
    public async Task PushAdjustments_WhenInsideTheClientsRegion_Returns201()
    {
        var inside = await InsideAsync();

        var response = await World.PushAsync(_regional, inside.Push(amount: 5m));

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task PushAdjustments_WhenAnotherClientReusesAnIdempotencyKey_DoesNotReplayTheFirstClientsAnswer()
    {
        var outside = await OutsideAsync();
        var key = Guid.NewGuid().ToString();
        var push = outside.Push(amount: 7m);
        var pusher = factory.CreateClient("test-pusher-key");
        var first = await World.PushAsync(pusher, push, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await AsAdminAsync(outside.LineUrl);

        var replayBySameClient = await World.PushAsync(pusher, push, key);
        var replayByRegional = await World.PushAsync(_regional, push, key);

        Assert.Equal(HttpStatusCode.Created, replayBySameClient.StatusCode);
        Assert.Equal(["true"], SecurityAssert.Header(replayBySameClient, "Idempotent-Replayed"));
        await SecurityAssert.ProblemAsync(replayByRegional, HttpStatusCode.UnprocessableEntity, "the regional client replaying the pusher's key and payload");
        Assert.Empty(SecurityAssert.Header(replayByRegional, "Idempotent-Replayed"));
        Assert.Equal(before, await AsAdminAsync(outside.LineUrl));
    }

    [Fact]
    public async Task ReadAdjustments_WhenOutsideTheClientsRegion_AreHidden()
    {
        var inside = await InsideAsync();
        var outside = await OutsideAsync();

        var own = await _regional.GetAsync(inside.AdjustmentUrl);
        var other = await _regional.GetAsync(outside.AdjustmentUrl);
        var list = await _regional.WalkPagesAsync(World.AdjustmentsUrl, limit: 500);
        var filtered = await _regional.WalkPagesAsync($"{World.AdjustmentsUrl}?departmentCode={outside.Code}", limit: 500);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await SecurityAssert.ProblemAsync(other, HttpStatusCode.NotFound);
        Assert.Contains(list, a => a.GetProperty("id").GetInt64() == inside.AdjustmentId);
        Assert.All(list, a => Assert.NotEqual(outside.Code, a.GetProperty("departmentCode").GetString()));
        Assert.Empty(filtered);
    }

    private static object DepartmentFields(string name, string region) => new
    {
        name,
        region,
        parentCode = (string?)null,
        unitType = "行政单位",
        level = "科级",
        functions = "承担测试工作。",
        staffing = new { administrative = 5, institutional = 3, logistics = 1, actual = 8 },
        divisions = new[] { "综合科", "业务科" },
    };
}
