using System.Net.Http.Headers;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>The production default: every write says which version it changes.</summary>
public sealed class StrictPreconditionsFactory : PerfEvalFactory
{
    protected override bool RequireIfMatch => true;
}

public sealed class PreconditionTests(StrictPreconditionsFactory factory) : IClassFixture<StrictPreconditionsFactory>
{
    private const int Year = 2031;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetDepartment_ReturnsItsVersionAsETag_AndIfNoneMatchGets304()
    {
        var code = await _client.CreateDepartmentAsync();

        var first = await _client.GetAsync($"/api/v1/departments/{code}");
        Assert.Equal("\"1\"", first.Headers.ETag?.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/departments/{code}");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await _client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PutDepartment_WithoutIfMatch_Returns428AndChangesNothing()
    {
        var code = await _client.CreateDepartmentAsync();

        var response = await _client.PutJsonAsync($"/api/v1/departments/{code}", DepartmentFields(name: "改名"));

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("测试单位", (await (await _client.GetAsync($"/api/v1/departments/{code}")).JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task PutDepartment_WithCurrentETag_Succeeds_AndWithTheStaleOneReturns412()
    {
        var code = await _client.CreateDepartmentAsync();
        var etag = (await _client.GetAsync($"/api/v1/departments/{code}")).Headers.ETag!;

        var first = await PutAsync($"/api/v1/departments/{code}", DepartmentFields(name: "第一次修改"), etag);
        var stale = await PutAsync($"/api/v1/departments/{code}", DepartmentFields(name: "基于旧版本的修改"), etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("第一次修改", (await (await _client.GetAsync($"/api/v1/departments/{code}")).JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ConcurrentPuts_WithTheSameETag_ExactlyOneWins()
    {
        var code = await _client.CreateDepartmentAsync();
        var etag = (await _client.GetAsync($"/api/v1/departments/{code}")).Headers.ETag!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            PutAsync($"/api/v1/departments/{code}", DepartmentFields(name: $"并发修改{i}"), etag)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task DeleteIndicator_WithStaleETag_Returns412_AndWithCurrentOneDeletes()
    {
        await _client.EnsureYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();
        var created = await _client.PostJsonAsync($"/api/v1/departments/{code}/evaluations/{Year}/indicators", MoreTestData.Indicator());
        var url = created.Headers.Location!.OriginalString;
        var stale = created.Headers.ETag!;
        var update = await PutAsync(url, MoreTestData.Indicator(name: "修改后的指标"), stale);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, url);
        staleDelete.Headers.IfMatch.Add(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _client.SendAsync(staleDelete)).StatusCode);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.IfMatch.Add(update.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(delete)).StatusCode);
    }

    [Fact]
    public async Task GetScorecard_HasAContentETag_ThatChangesWhenTheDataChanges()
    {
        await _client.EnsureYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();
        var line = await _client.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("personnel", "ownLevel", 100m, 50m));
        var scorecardUrl = $"/api/v1/departments/{code}/evaluations/{Year}";
        var before = await _client.GetAsync(scorecardUrl);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, scorecardUrl);
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(conditional)).StatusCode);

        var put = await PutAsync(line.Headers.Location!.OriginalString, MoreTestData.BudgetLine("personnel", "ownLevel", 100m, 80m), line.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var again = new HttpRequestMessage(HttpMethod.Get, scorecardUrl);
        again.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(80.00m, (await after.JsonAsync()).GetProperty("budget").GetProperty("executionRate").GetDecimal());
    }

    [Fact]
    public async Task GetScorecard_WhenGzipAccepted_IsTheSameJsonCompressed_WithTheSameETag()
    {
        await _client.EnsureYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();
        await _client.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("personnel", "ownLevel", 100m, 50m));
        var url = $"/api/v1/departments/{code}/evaluations/{Year}";
        var plain = await _client.GetAsync(url);
        var json = await plain.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var compressed = await _client.SendAsync(request);
        await using var gzip = new System.IO.Compression.GZipStream(await compressed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await gzip.CopyToAsync(decompressed);

        Assert.Equal("application/json", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json.Length, plain.Content.Headers.ContentLength);
        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.Equal(json, decompressed.ToArray());
    }

    [Fact]
    public async Task GetDepartments_WhenGzipOrBrotliAccepted_IsCompressed()
    {
        foreach (var encoding in new[] { "gzip", "br" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/departments?limit=500");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var response = await _client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(encoding, response.Content.Headers.ContentEncoding);
        }
    }

    private static object DepartmentFields(string name) => new
    {
        name,
        region = "高新区（新市区）",
        unitType = "行政单位",
        staffing = new { administrative = 5, institutional = 3, logistics = 1, actual = 8 },
        divisions = new[] { "综合科" },
    };

    private Task<HttpResponseMessage> PutAsync(string url, object body, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = TestData.JsonContent(body) };
        request.Headers.IfMatch.Add(etag);
        return _client.SendAsync(request);
    }
}
