using System.Net.Http.Headers;
using PerfEval.FunctionalTests.Platform;

namespace PerfEval.FunctionalTests.Evaluations;

/// <summary>
/// The evaluation PUT under the production default: If-None-Match: * creates, If-Match with the
/// evaluation's own ETag (which every PUT answers with) changes that version only, neither is 428.
/// </summary>
public sealed class EvaluationPreconditionTests(StrictPreconditionsFactory factory) : IClassFixture<StrictPreconditionsFactory>
{
    private const int Year = 2034;
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> UrlAsync()
    {
        await _client.EnsureYearAsync(Year);
        return $"/api/v1/departments/{await _client.CreateDepartmentAsync()}/evaluations/{Year}";
    }

    private static object Body(string problems) => new { problems };

    private Task<HttpResponseMessage> PutAsync(string url, string problems, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = TestData.JsonContent(Body(problems)) };
        headers?.Invoke(request.Headers);
        return _client.SendAsync(request);
    }

    private static Action<HttpRequestHeaders> IfMatch(EntityTagHeaderValue etag) => h => h.IfMatch.Add(etag);

    private static readonly Action<HttpRequestHeaders> CreateOnly = h => h.IfNoneMatch.Add(EntityTagHeaderValue.Any);

    [Fact]
    public async Task PutEvaluation_WithoutAPrecondition_Returns428AndStoresNothing()
    {
        var url = await UrlAsync();

        var response = await PutAsync(url, "无前提条件");

        await response.AssertProblemAsync((HttpStatusCode)428);
        var created = await PutAsync(url, "创建", CreateOnly);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task PutEvaluation_IfNoneMatchStar_CreatesOnce_ThenTheReturnedETagChangesIt_AndAStaleOneIs412()
    {
        var url = await UrlAsync();

        var created = await PutAsync(url, "第一版", CreateOnly);
        var again = await PutAsync(url, "再次创建", CreateOnly);
        var changed = await PutAsync(url, "第二版", IfMatch(created.Headers.ETag!));
        var stale = await PutAsync(url, "基于旧版本", IfMatch(created.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(1, (await created.JsonAsync()).GetProperty("version").GetInt32());
        await again.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag?.ToString());
        Assert.Equal("第二版", (await changed.JsonAsync()).GetProperty("problems").GetString());
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await PutAsync(url, "第三版", IfMatch(changed.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("第三版", (await current.JsonAsync()).GetProperty("problems").GetString());
    }

    [Fact]
    public async Task PutEvaluation_ByAClientThatOnlyReadTheScorecard_SendsItsEvaluationVersionAndChangesIt()
    {
        var url = await UrlAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(url, "另一客户端创建", CreateOnly)).StatusCode);

        var read = await (await _client.GetAsync(url)).JsonAsync();
        var version = read.GetProperty("evaluationVersion").GetInt32();
        var changed = await PutAsync(url, "读取评价结果后修改", IfMatch(new EntityTagHeaderValue($"\"{version}\"")));

        Assert.Equal(1, version);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await (await _client.GetAsync(url)).JsonAsync()).GetProperty("evaluationVersion").GetInt32());
    }

    [Fact]
    public async Task PutEvaluation_WithTheScorecardsETagOrAVersionOfNothing_Returns412NotA400()
    {
        var url = await UrlAsync();
        var scorecardETag = (await _client.GetAsync(url)).Headers.ETag!;

        var withScorecardTag = await PutAsync(url, "评价结果的 ETag", IfMatch(scorecardETag));
        var versionOfNothing = await PutAsync(url, "不存在的版本", IfMatch(new EntityTagHeaderValue("\"3\"")));

        await withScorecardTag.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await versionOfNothing.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(url, "创建", CreateOnly)).StatusCode);
    }

    [Fact]
    public async Task ConcurrentPutEvaluations_WithTheSameIfMatch_ExactlyOneWins()
    {
        const int racers = 20;
        var url = await UrlAsync();
        var etag = (await PutAsync(url, "起点", CreateOnly)).Headers.ETag!;

        var responses = await Task.WhenAll(Enumerable.Range(0, racers).Select(i => PutAsync(url, $"并发修改{i}", IfMatch(etag))));

        Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
        Assert.Equal(racers - 1, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task ConcurrentCreates_WithIfNoneMatchStar_ExactlyOneWins()
    {
        const int racers = 10;
        var url = await UrlAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, racers).Select(i => PutAsync(url, $"并发创建{i}", CreateOnly)));

        Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
    }
}
