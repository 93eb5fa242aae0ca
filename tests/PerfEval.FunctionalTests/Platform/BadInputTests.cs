using System.Text;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>Whatever a client sends, the answer is a problem details document that says what is wrong and nothing of the service's insides.</summary>
public sealed class BadInputTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private const string ValidLine = """{"expenditureClass":"personnel","fundingSource":"ownLevel","projectId":null,"initialAmount":12.5,"executedAmount":0}""";

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> LinesUrlAsync()
    {
        await _client.CreateYearAsync(Year);
        return MoreTestData.LinesUrl(await _client.CreateDepartmentAsync(), Year);
    }

    private Task<HttpResponseMessage> PostRawAsync(string url, string body, string mediaType = "application/json") =>
        _client.PostAsync(url, new StringContent(body, Encoding.UTF8, mediaType));

    [Fact]
    public async Task PostBudgetLine_WhenBodyIsValid_Returns201()
    {
        var url = await LinesUrlAsync();

        var response = await PostRawAsync(url, ValidLine);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("malformed JSON", """{"expenditureClass":"personnel","fundingSource":""")]
    [InlineData("not JSON at all", "budget=12.5")]
    [InlineData("empty body", "")]
    [InlineData("trailing comma", """{"expenditureClass":"personnel","fundingSource":"ownLevel","projectId":null,"initialAmount":12.5,"executedAmount":0,}""")]
    [InlineData("number as string", """{"expenditureClass":"personnel","fundingSource":"ownLevel","projectId":null,"initialAmount":"12.5","executedAmount":0}""")]
    [InlineData("required field missing", """{"expenditureClass":"personnel","projectId":null,"initialAmount":12.5,"executedAmount":0}""")]
    [InlineData("required field null", """{"expenditureClass":"personnel","fundingSource":null,"projectId":null,"initialAmount":12.5,"executedAmount":0}""")]
    [InlineData("unknown field", """{"expenditureClass":"personnel","fundingSource":"ownLevel","projectId":null,"initialAmount":12.5,"executedAmount":0,"initalAmount":1}""")]
    [InlineData("unknown enum value", """{"expenditureClass":"salaries","fundingSource":"ownLevel","projectId":null,"initialAmount":12.5,"executedAmount":0}""")]
    [InlineData("enum as number", """{"expenditureClass":0,"fundingSource":"ownLevel","projectId":null,"initialAmount":12.5,"executedAmount":0}""")]
    [InlineData("array instead of object", """[1,2,3]""")]
    public async Task PostBudgetLine_WhenBodyIsBad_Returns400ProblemDetailsAndAddsNothing(string why, string body)
    {
        var url = await LinesUrlAsync();

        var response = await PostRawAsync(url, body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("title", out _), why);
        Assert.Empty(await _client.WalkPagesAsync(url, limit: 10));
    }

    /// <summary>The department and year come from the route; a body that names them (maybe another department) must not pass silently.</summary>
    [Theory]
    [InlineData("departmentCode", "\"OTHER-DEPT\"")]
    [InlineData("fiscalYear", "2030")]
    [InlineData("id", "1")]
    public async Task PostBudgetLine_WhenBodyNamesARouteField_Returns400AndAddsNothing(string field, string value)
    {
        var url = await LinesUrlAsync();

        var response = await PostRawAsync(url, ValidLine[..^1] + $",\"{field}\":{value}}}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await _client.WalkPagesAsync(url, limit: 10));
    }

    [Fact]
    public async Task PostProject_WhenBudgetSentAsString_Returns400ProblemDetails()
    {
        await _client.CreateYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();

        var response = await PostRawAsync(
            MoreTestData.ProjectsUrl(code, Year),
            """{"name":"项目","fundingSource":"ownLevel","onPlatform":true,"budget":"12.5","executed":0}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("budget", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostProject_WhenFundingSourceAbsent_Returns400ProblemDetails()
    {
        await _client.CreateYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();

        var response = await PostRawAsync(MoreTestData.ProjectsUrl(code, Year), """{"name":"项目","onPlatform":true,"budget":12.5,"executed":0}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostIndicator_WhenEnumValueUnknown_Returns400ProblemDetails()
    {
        await _client.CreateYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();
        var indicator = MoreTestData.Indicator();
        indicator["operator"] = "greaterThan";

        var response = await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, Year), indicator);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostBudgetLine_WhenContentTypeIsTextPlain_Returns415ProblemDetails()
    {
        var url = await LinesUrlAsync();

        var response = await PostRawAsync(url, ValidLine, "text/plain");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await _client.WalkPagesAsync(url, limit: 10));
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("GET", "/api/v2/departments")]
    [InlineData("GET", "/api/v1/fiscal-years/not-a-year")]
    [InlineData("GET", "/api/v1/projects/abc")]
    [InlineData("POST", "/api/v1/no-such-resource")]
    public async Task Request_WhenRouteUnknown_Returns404ProblemDetails(string method, string url)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/departments?limit=0", "limit")]
    [InlineData("/api/v1/departments?limit=abc", null)]
    [InlineData("/api/v1/departments?cursor=%25%25%25", "cursor")]
    [InlineData("/api/v1/fiscal-years?status=archived", null)]
    public async Task List_WhenQueryIsBad_Returns400ProblemDetails(string url, string? field)
    {
        var response = await _client.GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
        }
    }
}
