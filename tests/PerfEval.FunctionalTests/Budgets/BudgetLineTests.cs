namespace PerfEval.FunctionalTests.Budgets;

public sealed class BudgetLineTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    /// <summary>Never closed in this class; tests that close a year use one of their own.</summary>
    private const int Year = 2031;

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DepartmentInOpenYearAsync()
    {
        await _client.CreateYearAsync(Year);
        return await _client.CreateDepartmentAsync();
    }

    [Fact]
    public async Task CreateBudgetLine_WhenValid_Returns201WithLocationAndReadsBack()
    {
        var code = await DepartmentInOpenYearAsync();

        var response = await _client.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("personnel", "ownLevel", 3_133_700.00m, 3_000_000.50m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/departments/{code}/budgets/{Year}/lines/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, created.GetProperty("version").GetInt32());

        var fetched = await (await _client.GetAsync(response.Headers.Location)).JsonAsync();
        Assert.Equal(code, fetched.GetProperty("departmentCode").GetString());
        Assert.Equal(Year, fetched.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("personnel", fetched.GetProperty("expenditureClass").GetString());
        Assert.Equal("ownLevel", fetched.GetProperty("fundingSource").GetString());
        Assert.Equal(JsonValueKind.Null, fetched.GetProperty("projectId").ValueKind);
        Assert.Equal(3_133_700.00m, fetched.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(0m, fetched.GetProperty("adjustmentTotal").GetDecimal());
        Assert.Equal(3_133_700.00m, fetched.GetProperty("adjustedAmount").GetDecimal());
        Assert.Equal(3_000_000.50m, fetched.GetProperty("executedAmount").GetDecimal());
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("12345678901.23")]
    [InlineData("0.01")]
    [InlineData("999999999999999.99")]
    public async Task CreateBudgetLine_WhenAmountIsLarge_RoundTripsExactly(string amountText)
    {
        var amount = decimal.Parse(amountText, System.Globalization.CultureInfo.InvariantCulture);
        var code = await DepartmentInOpenYearAsync();

        var created = await _client.CreateBudgetLineAsync(code, Year, "project", "superior", amount, amount);

        var response = await _client.GetAsync($"{MoreTestData.LinesUrl(code, Year)}/{created.GetProperty("id").GetInt64()}");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"initialAmount\":{amountText}", raw);
        var fetched = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(amount, fetched.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(amount, fetched.GetProperty("executedAmount").GetDecimal());
        Assert.Equal(amount, fetched.GetProperty("adjustedAmount").GetDecimal());

        var summary = await (await _client.GetAsync(MoreTestData.SummaryUrl(code, Year))).JsonAsync();
        Assert.Equal(amount, summary.GetProperty("total").GetProperty("initial").GetDecimal());
        Assert.Equal(100.00m, summary.GetProperty("total").GetProperty("executionRate").GetDecimal());
    }

    [Fact]
    public async Task UpdateBudgetLine_WhenValid_ReplacesAmountsAndBumpsVersion()
    {
        var code = await DepartmentInOpenYearAsync();
        var line = await _client.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 181_800.00m, 0m);
        var url = $"{MoreTestData.LinesUrl(code, Year)}/{line.GetProperty("id").GetInt64()}";

        var response = await _client.PutJsonAsync(url, MoreTestData.BudgetLine("operating", "other", 200_000.00m, 181_800.00m));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.JsonAsync();
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("other", updated.GetProperty("fundingSource").GetString());
        var fetched = await (await _client.GetAsync(url)).JsonAsync();
        Assert.Equal(200_000.00m, fetched.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(181_800.00m, fetched.GetProperty("executedAmount").GetDecimal());
        Assert.Equal(2, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateBudgetLine_WhenSameClassAndSourceExists_Returns409AndAddsNothing()
    {
        var code = await DepartmentInOpenYearAsync();
        await _client.CreateBudgetLineAsync(code, Year, "personnel", "superior", 53_500.00m, 53_500.00m);

        var again = await _client.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("personnel", "superior", 1m, 0m));

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year), limit: 10));
    }

    [Fact]
    public async Task CreateBudgetLine_WhenInvalid_Returns400WithEveryFieldError()
    {
        var code = await DepartmentInOpenYearAsync();

        var response = await _client.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("personnel", "ownLevel", -1.00m, 0.001m, projectId: 1));

        await response.AssertValidationErrorsAsync("initialAmount", "executedAmount", "projectId");
        Assert.Empty(await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year), limit: 10));
    }

    [Fact]
    public async Task UpdateBudgetLine_WhenInvalid_Returns400AndKeepsTheLine()
    {
        var code = await DepartmentInOpenYearAsync();
        var line = await _client.CreateBudgetLineAsync(code, Year, "personnel", "ownLevel", 10m, 5m);
        var url = $"{MoreTestData.LinesUrl(code, Year)}/{line.GetProperty("id").GetInt64()}";

        var response = await _client.PutJsonAsync(url, MoreTestData.BudgetLine("personnel", "ownLevel", 10.123m, -5m));

        await response.AssertValidationErrorsAsync("initialAmount", "executedAmount");
        var fetched = await (await _client.GetAsync(url)).JsonAsync();
        Assert.Equal(10m, fetched.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GetBudgetLine_WhenMissing_Returns404ProblemDetails()
    {
        var code = await DepartmentInOpenYearAsync();
        var other = await _client.CreateDepartmentAsync();
        var line = await _client.CreateBudgetLineAsync(other, Year, "personnel", "ownLevel", 1m, 1m);

        await (await _client.GetAsync($"{MoreTestData.LinesUrl(code, Year)}/987654321")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"{MoreTestData.LinesUrl(code, Year)}/{line.GetProperty("id").GetInt64()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutJsonAsync($"{MoreTestData.LinesUrl(code, Year)}/987654321", MoreTestData.BudgetLine("personnel", "ownLevel", 1m, 1m)))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateBudgetLine_WhenDepartmentOrYearMissing_Returns404()
    {
        var code = await DepartmentInOpenYearAsync();
        var line = MoreTestData.BudgetLine("personnel", "ownLevel", 1m, 1m);

        await (await _client.PostJsonAsync(MoreTestData.LinesUrl("NOPE-404", Year), line)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostJsonAsync(MoreTestData.LinesUrl(code, 2097), line)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync(MoreTestData.LinesUrl("NOPE-404", Year))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync(MoreTestData.SummaryUrl("NOPE-404", Year))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync(MoreTestData.SummaryUrl(code, 2097))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListBudgetLines_WhenWalkedByCursor_ReturnsEveryLineOnceInIdOrder()
    {
        var code = await DepartmentInOpenYearAsync();
        var ids = new List<long>();
        foreach (var cls in new[] { "personnel", "operating", "project" })
        {
            foreach (var source in new[] { "superior", "ownLevel", "other" })
            {
                ids.Add((await _client.CreateBudgetLineAsync(code, Year, cls, source, 100m, 50m)).GetProperty("id").GetInt64());
            }
        }

        foreach (var limit in new[] { 1, 2, 4, 9, 10 })
        {
            var seen = (await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year), limit)).Select(l => l.GetProperty("id").GetInt64());
            Assert.Equal(ids.Order(), seen);
        }
    }

    [Fact]
    public async Task ListBudgetLines_WhenFiltered_ReturnsOnlyMatchingLines()
    {
        var code = await DepartmentInOpenYearAsync();
        await _client.CreateBudgetLineAsync(code, Year, "personnel", "superior", 1m, 1m);
        await _client.CreateBudgetLineAsync(code, Year, "personnel", "ownLevel", 2m, 1m);
        await _client.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 3m, 1m);
        await _client.CreateBudgetLineAsync(code, Year, "project", "other", 4m, 1m);
        var otherDepartment = await _client.CreateDepartmentAsync();
        await _client.CreateBudgetLineAsync(otherDepartment, Year, "personnel", "ownLevel", 5m, 1m);

        var personnel = await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year) + "?expenditureClass=personnel", limit: 1);
        var ownLevel = await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year) + "?fundingSource=ownLevel", limit: 1);
        var both = await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year) + "?expenditureClass=personnel&fundingSource=ownLevel", limit: 1);

        Assert.Equal([1m, 2m], personnel.Select(l => l.GetProperty("initialAmount").GetDecimal()));
        Assert.Equal([2m, 3m], ownLevel.Select(l => l.GetProperty("initialAmount").GetDecimal()));
        Assert.Equal([2m], both.Select(l => l.GetProperty("initialAmount").GetDecimal()));
    }

    [Fact]
    public async Task ListBudgetLines_WhenFilteredByProject_ReturnsThatProjectsLines()
    {
        var code = await DepartmentInOpenYearAsync();
        var first = (await _client.CreateProjectAsync(code, Year)).GetProperty("id").GetInt64();
        var second = (await _client.CreateProjectAsync(code, Year, MoreTestData.Project(name: "中集车辆资产转让款"))).GetProperty("id").GetInt64();
        var firstLine = await _client.CreateBudgetLineAsync(code, Year, "project", "ownLevel", 10m, 5m, first);
        await _client.CreateBudgetLineAsync(code, Year, "project", "ownLevel", 20m, 5m, second);
        await _client.CreateBudgetLineAsync(code, Year, "project", "ownLevel", 30m, 5m);

        var lines = await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year) + $"?projectId={first}", limit: 5);

        var line = Assert.Single(lines);
        Assert.Equal(firstLine.GetProperty("id").GetInt64(), line.GetProperty("id").GetInt64());
        Assert.Equal(first, line.GetProperty("projectId").GetInt64());
    }

    [Fact]
    public async Task CreateBudgetLine_WhenProjectBelongsToAnotherDepartment_Returns422()
    {
        var code = await DepartmentInOpenYearAsync();
        var other = await _client.CreateDepartmentAsync();
        var project = (await _client.CreateProjectAsync(other, Year)).GetProperty("id").GetInt64();

        var response = await _client.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("project", "ownLevel", 1m, 1m, project));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("projectId", out _));
    }

    [Fact]
    public async Task WriteBudgetLine_WhenYearClosed_Returns409AndNothingChanges()
    {
        const int closedYear = 2090;
        await _client.CreateYearAsync(closedYear, "evaluation");
        var code = await _client.CreateDepartmentAsync();
        var line = await _client.CreateBudgetLineAsync(code, closedYear, "personnel", "ownLevel", 100m, 90m);
        var url = $"{MoreTestData.LinesUrl(code, closedYear)}/{line.GetProperty("id").GetInt64()}";
        await _client.MoveYearAsync(closedYear, "closed");
        var before = await (await _client.GetAsync(url)).Content.ReadAsStringAsync();

        await (await _client.PostJsonAsync(MoreTestData.LinesUrl(code, closedYear), MoreTestData.BudgetLine("operating", "ownLevel", 1m, 1m)))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PutJsonAsync(url, MoreTestData.BudgetLine("personnel", "ownLevel", 200m, 90m)))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var adjustment = await Assert.ThrowsAsync<PerfEval.Application.Common.BusinessRuleException>(() =>
            factory.SendAsync(new PerfEval.Application.Adjustments.Push.PushBudgetAdjustments([MoreTestData.Adjustment(code, closedYear, line.GetProperty("id").GetInt64(), 10m)])));
        Assert.Contains("adjustments[0]", adjustment.Errors.Keys);

        Assert.Equal(before, await (await _client.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Single(await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, closedYear), limit: 10));
    }
}
