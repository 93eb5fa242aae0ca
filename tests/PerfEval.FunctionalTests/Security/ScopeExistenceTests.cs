using System.Net.Http.Headers;

namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// A limited client cannot tell whether something outside its limits exists: an outside department,
/// project or parent gets the very answer a missing one gets (status, title and detail, but for the
/// name it sent), decided before any precondition.
/// </summary>
public sealed class ScopeExistenceTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private readonly HttpClient _admin = factory.CreateClient();
    private readonly HttpClient _regional = factory.CreateClient("test-regional-key");

    private static async Task<(int Status, string? Title, string? Detail)> AnswerAsync(HttpResponseMessage response, string name)
    {
        var problem = await SecurityAssert.ProblemAsync(response);
        return ((int)response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()?.Replace(name, "?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PushAdjustment_ToAnOutsideDepartment_AnswersAsForAMissingOne()
    {
        var outside = await World.CreateAsync(_admin);
        const string missing = "NO-SUCH-DEPT-EXIST";

        var toOutside = await World.PushAsync(_regional, new { adjustments = new[] { MoreTestData.Adjustment(outside.Code, outside.Year, outside.LineId, 5m) } });
        var toMissing = await World.PushAsync(_regional, new { adjustments = new[] { MoreTestData.Adjustment(missing, outside.Year, outside.LineId, 5m) } });

        Assert.Equal(422, (int)toOutside.StatusCode);
        Assert.Equal(await AnswerAsync(toMissing, missing), await AnswerAsync(toOutside, outside.Code));
        var outsideErrors = (await SecurityAssert.ProblemAsync(toOutside)).GetProperty("errors").GetRawText();
        var missingErrors = (await SecurityAssert.ProblemAsync(toMissing)).GetProperty("errors").GetRawText();
        Assert.Equal(missingErrors.Replace(missing, "?", StringComparison.Ordinal), outsideErrors.Replace(outside.Code, "?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostBudgetLine_ToAnOutsideDepartment_AnswersAsForAMissingOne()
    {
        var outside = await World.CreateAsync(_admin);
        const string missing = "NO-SUCH-DEPT-EXIST";
        var line = MoreTestData.BudgetLine("operating", "ownLevel", 5_000m, 0m);

        var toOutside = await _regional.PostJsonAsync(MoreTestData.LinesUrl(outside.Code, outside.Year), line);
        var toMissing = await _regional.PostJsonAsync(MoreTestData.LinesUrl(missing, outside.Year), line);

        Assert.Equal(404, (int)toOutside.StatusCode);
        Assert.Equal(await AnswerAsync(toMissing, missing), await AnswerAsync(toOutside, outside.Code));
    }

    [Fact]
    public async Task PutProject_OutsideWithAStaleIfMatch_AnswersAsForAMissingProject_NotWith412()
    {
        var outside = await World.CreateAsync(_admin);
        var missingId = outside.ProjectId + 1_000_000;
        var body = MoreTestData.Project(name: "越权项目");

        var toOutside = await PutAsync($"/api/v1/projects/{outside.ProjectId}", body, "\"99\"");
        var toMissing = await PutAsync($"/api/v1/projects/{missingId}", body, "\"99\"");
        var readOutside = await _regional.GetAsync($"/api/v1/projects/{outside.ProjectId}");
        var readMissing = await _regional.GetAsync($"/api/v1/projects/{missingId}");

        Assert.Equal(404, (int)toOutside.StatusCode);
        Assert.Equal(await AnswerAsync(toMissing, missingId.ToString(System.Globalization.CultureInfo.InvariantCulture)), await AnswerAsync(toOutside, outside.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(await AnswerAsync(readMissing, missingId.ToString(System.Globalization.CultureInfo.InvariantCulture)), await AnswerAsync(readOutside, outside.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task PutOwnDepartment_WithAnOutsideParent_IsRefusedAsAMissingParent_AndLinksNothing()
    {
        var inside = await World.CreateAsync(_admin, region: PerfEvalFactory.RestrictedRegion);
        var outside = await World.CreateAsync(_admin);
        const string missing = "NO-SUCH-PARENT";

        var withOutside = await _regional.PutJsonAsync(inside.DepartmentUrl, Fields(outside.Code));
        var withMissing = await _regional.PutJsonAsync(inside.DepartmentUrl, Fields(missing));

        Assert.Equal(422, (int)withOutside.StatusCode);
        Assert.Equal(await AnswerAsync(withMissing, missing), await AnswerAsync(withOutside, outside.Code));
        var stored = await (await _admin.GetAsync(inside.DepartmentUrl)).JsonAsync();
        Assert.NotEqual(outside.Code, stored.GetProperty("parentCode").GetString());
    }

    private static object Fields(string parentCode) => new
    {
        name = "测试单位",
        region = PerfEvalFactory.RestrictedRegion,
        parentCode,
    };

    private Task<HttpResponseMessage> PutAsync(string url, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = TestData.JsonContent(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return _regional.SendAsync(request);
    }
}
