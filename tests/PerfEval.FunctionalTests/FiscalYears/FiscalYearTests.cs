namespace PerfEval.FunctionalTests.FiscalYears;

/// <summary>Years are shared by the whole database, so every test here uses years of its own.</summary>
public sealed class FiscalYearTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreateFiscalYear_WhenValid_Returns201WithLocationAndReadsBack()
    {
        var response = await _client.PostJsonAsync("/api/v1/fiscal-years", new { year = 2031, status = "open", scoringSchemeId = (long?)null });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/fiscal-years/2031", response.Headers.Location?.OriginalString);
        var created = await response.JsonAsync();
        Assert.Equal(2031, created.GetProperty("year").GetInt32());
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal("default", created.GetProperty("scoringSchemeCode").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("closedAt").ValueKind);

        var fetched = await (await _client.GetAsync("/api/v1/fiscal-years/2031")).JsonAsync();
        Assert.Equal("open", fetched.GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("scoringSchemeId").GetInt64(), fetched.GetProperty("scoringSchemeId").GetInt64());
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateFiscalYear_WhenStatusAndSchemeOmitted_OpensWithDefaultScheme()
    {
        var response = await _client.PostJsonAsync("/api/v1/fiscal-years", new { year = 2032 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal("default", created.GetProperty("scoringSchemeCode").GetString());
    }

    [Fact]
    public async Task CreateFiscalYear_WhenYearExists_Returns409AndKeepsTheYear()
    {
        await _client.CreateYearAsync(2033, "evaluation");

        var again = await _client.PostJsonAsync("/api/v1/fiscal-years", new { year = 2033, status = "open", scoringSchemeId = (long?)null });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var fetched = await (await _client.GetAsync("/api/v1/fiscal-years/2033")).JsonAsync();
        Assert.Equal("evaluation", fetched.GetProperty("status").GetString());
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateFiscalYear_WhenInvalid_Returns400WithEveryFieldError()
    {
        var response = await _client.PostJsonAsync("/api/v1/fiscal-years", new { year = 1999, status = "closed", scoringSchemeId = (long?)null });

        await response.AssertValidationErrorsAsync("year", "status");
        await (await _client.GetAsync("/api/v1/fiscal-years/1999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateFiscalYear_WhenSchemeUnknown_Returns422NamingTheScheme()
    {
        var response = await _client.PostJsonAsync("/api/v1/fiscal-years", new { year = 2034, status = "open", scoringSchemeId = 987654L });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("scoringSchemeId", out _));
        await (await _client.GetAsync("/api/v1/fiscal-years/2034")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetFiscalYear_WhenMissing_Returns404ProblemDetails()
    {
        var response = await _client.GetAsync("/api/v1/fiscal-years/2099");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateFiscalYear_WhenMovedForward_GoesOpenEvaluationClosedAndBumpsVersion()
    {
        await _client.CreateYearAsync(2035, "open");

        var evaluation = await _client.PatchYearAsync(2035, new { status = "evaluation", scoringSchemeId = (long?)null });
        Assert.Equal(HttpStatusCode.OK, evaluation.StatusCode);
        var evaluating = await evaluation.JsonAsync();
        Assert.Equal("evaluation", evaluating.GetProperty("status").GetString());
        Assert.Equal(2, evaluating.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, evaluating.GetProperty("closedAt").ValueKind);

        var closing = await _client.PatchYearAsync(2035, new { status = "closed", scoringSchemeId = (long?)null });
        Assert.Equal(HttpStatusCode.OK, closing.StatusCode);
        var closed = await closing.JsonAsync();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(3, closed.GetProperty("version").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);

        var fetched = await (await _client.GetAsync("/api/v1/fiscal-years/2035")).JsonAsync();
        Assert.Equal("closed", fetched.GetProperty("status").GetString());
        Assert.Equal(3, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdateFiscalYear_WhenBodyHasOnlyStatus_MovesTheYearForward()
    {
        await _client.CreateYearAsync(2036, "open");

        var response = await _client.PatchYearAsync(2036, new { status = "evaluation" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("evaluation", (await response.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdateFiscalYear_WhenMovedBack_Returns422AndKeepsStatus()
    {
        await _client.CreateYearAsync(2037, "evaluation");

        var response = await _client.PatchYearAsync(2037, new { status = "open", scoringSchemeId = (long?)null });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        var fetched = await (await _client.GetAsync("/api/v1/fiscal-years/2037")).JsonAsync();
        Assert.Equal("evaluation", fetched.GetProperty("status").GetString());
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task UpdateFiscalYear_WhenClosed_Returns409ForEveryChangeAndNothingChanges()
    {
        await _client.CreateYearAsync(2038, "open");
        await _client.MoveYearAsync(2038, "closed");
        var before = await (await _client.GetAsync("/api/v1/fiscal-years/2038")).Content.ReadAsStringAsync();
        var schemeId = JsonDocument.Parse(before).RootElement.GetProperty("scoringSchemeId").GetInt64();

        object[] changes =
        [
            new { status = "open", scoringSchemeId = (long?)null },
            new { status = "evaluation", scoringSchemeId = (long?)null },
            new { status = "closed", scoringSchemeId = (long?)null },
            new { status = (string?)null, scoringSchemeId = (long?)schemeId },
        ];
        foreach (var change in changes)
        {
            await (await _client.PatchYearAsync(2038, change)).AssertProblemAsync(HttpStatusCode.Conflict);
        }

        var after = await (await _client.GetAsync("/api/v1/fiscal-years/2038")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task UpdateFiscalYear_WhenMissing_Returns404ProblemDetails()
    {
        var response = await _client.PatchYearAsync(2098, new { status = "evaluation", scoringSchemeId = (long?)null });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateFiscalYear_WhenBodyNamesNothing_Returns400()
    {
        await _client.CreateYearAsync(2039, "open");

        var response = await _client.PatchYearAsync(2039, new { status = (string?)null, scoringSchemeId = (long?)null });

        await response.AssertValidationErrorsAsync("body");
        var fetched = await (await _client.GetAsync("/api/v1/fiscal-years/2039")).JsonAsync();
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ListFiscalYears_WhenWalkedByCursor_ReturnsEveryYearOnceNewestFirst()
    {
        int[] years = [2040, 2041, 2042, 2043, 2044, 2045, 2046];
        foreach (var year in years)
        {
            await _client.CreateYearAsync(year);
        }

        var seen = (await _client.WalkPagesAsync("/api/v1/fiscal-years", limit: 2)).Select(y => y.GetProperty("year").GetInt32()).ToList();

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderDescending(), seen);
        Assert.All(years, year => Assert.Single(seen, year));
    }

    [Fact]
    public async Task ListFiscalYears_WhenFilteredByStatus_ReturnsOnlyThatStatus()
    {
        await _client.CreateYearAsync(2050, "open");
        await _client.CreateYearAsync(2051, "evaluation");

        var evaluating = await _client.WalkPagesAsync("/api/v1/fiscal-years?status=evaluation", limit: 1);
        var open = await _client.WalkPagesAsync("/api/v1/fiscal-years?status=open", limit: 1);

        Assert.All(evaluating, y => Assert.Equal("evaluation", y.GetProperty("status").GetString()));
        Assert.All(open, y => Assert.Equal("open", y.GetProperty("status").GetString()));
        Assert.Contains(evaluating, y => y.GetProperty("year").GetInt32() == 2051);
        Assert.DoesNotContain(evaluating, y => y.GetProperty("year").GetInt32() == 2050);
        Assert.Contains(open, y => y.GetProperty("year").GetInt32() == 2050);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("cursor=bm90LWEtbnVtYmVy", "cursor")]
    public async Task ListFiscalYears_WhenPagingArgumentsInvalid_Returns400(string query, string field)
    {
        var response = await _client.GetAsync($"/api/v1/fiscal-years?{query}");

        await response.AssertValidationErrorsAsync(field);
    }
}
