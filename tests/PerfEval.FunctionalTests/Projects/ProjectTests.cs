namespace PerfEval.FunctionalTests.Projects;

public sealed class ProjectTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DepartmentInOpenYearAsync()
    {
        await _client.CreateYearAsync(Year);
        return await _client.CreateDepartmentAsync();
    }

    [Fact]
    public async Task CreateProject_WhenValid_Returns201WithLocationAndReadsBack()
    {
        var code = await DepartmentInOpenYearAsync();

        var response = await _client.PostJsonAsync(
            MoreTestData.ProjectsUrl(code, Year),
            MoreTestData.Project(name: "高新区(新市区)220KV米宫线(高科路北侧)电力改造项目", budget: 19_000_000.00m, executed: 17_000_000.00m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/projects/{id}", response.Headers.Location?.OriginalString);
        var raw = await (await _client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("高新区(新市区)220KV米宫线(高科路北侧)电力改造项目", raw);
        Assert.DoesNotContain("\\u", raw);
        var fetched = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(code, fetched.GetProperty("departmentCode").GetString());
        Assert.Equal(Year, fetched.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("ownLevel", fetched.GetProperty("fundingSource").GetString());
        Assert.True(fetched.GetProperty("onPlatform").GetBoolean());
        Assert.Equal(19_000_000.00m, fetched.GetProperty("budget").GetDecimal());
        Assert.Equal(17_000_000.00m, fetched.GetProperty("executed").GetDecimal());
        Assert.Equal(89.47m, fetched.GetProperty("executionRate").GetDecimal());
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdateProject_WhenValid_ReplacesFieldsAndBumpsVersion()
    {
        var code = await DepartmentInOpenYearAsync();
        var id = (await _client.CreateProjectAsync(code, Year)).GetProperty("id").GetInt64();

        var response = await _client.PutJsonAsync($"/api/v1/projects/{id}", MoreTestData.Project(name: "人员经费", fundingSource: "superior", onPlatform: false, budget: 953_500.00m, executed: 953_500.00m));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("version").GetInt32());
        var fetched = await (await _client.GetAsync($"/api/v1/projects/{id}")).JsonAsync();
        Assert.Equal("人员经费", fetched.GetProperty("name").GetString());
        Assert.Equal("superior", fetched.GetProperty("fundingSource").GetString());
        Assert.False(fetched.GetProperty("onPlatform").GetBoolean());
        Assert.Equal(953_500.00m, fetched.GetProperty("budget").GetDecimal());
        Assert.Equal(100.00m, fetched.GetProperty("executionRate").GetDecimal());
        Assert.Equal(Year, fetched.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(code, fetched.GetProperty("departmentCode").GetString());
        Assert.Equal(2, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateProject_WhenInvalid_Returns400WithEveryFieldError()
    {
        var code = await DepartmentInOpenYearAsync();

        var response = await _client.PostJsonAsync(MoreTestData.ProjectsUrl(code, Year), MoreTestData.Project(name: "", budget: -1m, executed: 0.001m));

        await response.AssertValidationErrorsAsync("name", "budget", "executed");
        Assert.Empty(await _client.WalkPagesAsync($"/api/v1/departments/{code}/projects", limit: 10));
    }

    [Fact]
    public async Task UpdateProject_WhenInvalid_Returns400AndKeepsTheProject()
    {
        var code = await DepartmentInOpenYearAsync();
        var id = (await _client.CreateProjectAsync(code, Year)).GetProperty("id").GetInt64();

        var response = await _client.PutJsonAsync($"/api/v1/projects/{id}", MoreTestData.Project(name: new string('长', 201), budget: 1.999m));

        await response.AssertValidationErrorsAsync("name", "budget");
        Assert.Equal(1, (await (await _client.GetAsync($"/api/v1/projects/{id}")).JsonAsync()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GetProject_WhenMissing_Returns404ProblemDetails()
    {
        await (await _client.GetAsync("/api/v1/projects/987654321")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutJsonAsync("/api/v1/projects/987654321", MoreTestData.Project())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/api/v1/departments/NOPE-404/projects")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostJsonAsync(MoreTestData.ProjectsUrl("NOPE-404", Year), MoreTestData.Project())).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateProject_WhenYearMissing_Returns404AndAddsNothing()
    {
        var code = await DepartmentInOpenYearAsync();

        var response = await _client.PostJsonAsync(MoreTestData.ProjectsUrl(code, 2096), MoreTestData.Project());

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await _client.WalkPagesAsync($"/api/v1/departments/{code}/projects", limit: 10));
    }

    [Fact]
    public async Task ListProjects_WhenWalkedByCursor_ReturnsEveryProjectOnceInIdOrder()
    {
        var code = await DepartmentInOpenYearAsync();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await _client.CreateProjectAsync(code, Year, MoreTestData.Project(name: $"项目{i}"))).GetProperty("id").GetInt64());
        }

        foreach (var limit in new[] { 1, 2, 3, 7, 8 })
        {
            var seen = (await _client.WalkPagesAsync($"/api/v1/departments/{code}/projects?year={Year}", limit)).Select(p => p.GetProperty("id").GetInt64());
            Assert.Equal(ids, seen);
        }
    }

    [Fact]
    public async Task ListProjects_WhenFiltered_ReturnsOnlyMatchingProjects()
    {
        var code = await DepartmentInOpenYearAsync();
        await _client.CreateYearAsync(2032);
        await _client.CreateProjectAsync(code, Year, MoreTestData.Project(name: "A", fundingSource: "ownLevel", onPlatform: true));
        await _client.CreateProjectAsync(code, Year, MoreTestData.Project(name: "B", fundingSource: "superior", onPlatform: false));
        await _client.CreateProjectAsync(code, Year, MoreTestData.Project(name: "C", fundingSource: "ownLevel", onPlatform: false));
        await _client.CreateProjectAsync(code, 2032, MoreTestData.Project(name: "D", fundingSource: "ownLevel", onPlatform: true));
        await _client.CreateProjectAsync(await _client.CreateDepartmentAsync(), Year, MoreTestData.Project(name: "E"));

        async Task<IEnumerable<string?>> NamesAsync(string query) =>
            (await _client.WalkPagesAsync($"/api/v1/departments/{code}/projects" + (query.Length == 0 ? "" : "?" + query), limit: 1)).Select(p => p.GetProperty("name").GetString());

        Assert.Equal(["A", "B", "C", "D"], await NamesAsync(""));
        Assert.Equal(["A", "B", "C"], await NamesAsync($"year={Year}"));
        Assert.Equal(["D"], await NamesAsync("year=2032"));
        Assert.Equal(["A", "C", "D"], await NamesAsync("fundingSource=ownLevel"));
        Assert.Equal(["B", "C"], await NamesAsync("onPlatform=false"));
        Assert.Equal(["C"], await NamesAsync($"year={Year}&fundingSource=ownLevel&onPlatform=false"));
    }

    [Fact]
    public async Task WriteProject_WhenYearClosed_Returns409AndNothingChanges()
    {
        const int closedYear = 2091;
        await _client.CreateYearAsync(closedYear, "evaluation");
        var code = await _client.CreateDepartmentAsync();
        var id = (await _client.CreateProjectAsync(code, closedYear)).GetProperty("id").GetInt64();
        await _client.MoveYearAsync(closedYear, "closed");
        var before = await (await _client.GetAsync($"/api/v1/projects/{id}")).Content.ReadAsStringAsync();

        await (await _client.PostJsonAsync(MoreTestData.ProjectsUrl(code, closedYear), MoreTestData.Project(name: "新项目")))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PutJsonAsync($"/api/v1/projects/{id}", MoreTestData.Project(name: "改名", budget: 1m, executed: 1m)))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await (await _client.GetAsync($"/api/v1/projects/{id}")).Content.ReadAsStringAsync());
        Assert.Single(await _client.WalkPagesAsync($"/api/v1/departments/{code}/projects?year={closedYear}", limit: 10));
    }
}
