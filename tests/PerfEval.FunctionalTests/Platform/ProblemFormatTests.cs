using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using PerfEval.FunctionalTests.Security;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>The service as a developer runs it: the Development environment, where a failure once showed a stack trace.</summary>
public sealed class DevelopmentFactory : PerfEvalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>
/// Every error is application/problem+json whatever the client's Accept says, in every environment,
/// and speaks Chinese unless the client prefers English.
/// </summary>
public sealed class ProblemFormatTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    public static TheoryData<string> Accepts => ["application/xml", "text/html", "text/plain", "image/png", "*/*"];

    private static HttpRequestMessage Request(HttpMethod method, string url, string accept, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return request;
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Errors_WhateverTheAcceptHeader_AreProblemJson(string accept)
    {
        var client = factory.CreateClient();
        var anonymous = factory.CreateClient(apiKey: null);
        var reader = factory.CreateClient("test-reader-key");
        var cases = new (string What, HttpClient Client, HttpRequestMessage Request, HttpStatusCode Status)[]
        {
            ("unknown route", client, Request(HttpMethod.Get, "/api/v1/no-such-thing", accept), HttpStatusCode.NotFound),
            ("unknown department", client, Request(HttpMethod.Get, "/api/v1/departments/NO-SUCH-DEPT", accept), HttpStatusCode.NotFound),
            ("no key", anonymous, Request(HttpMethod.Get, "/api/v1/departments", accept), HttpStatusCode.Unauthorized),
            ("scope missing", reader, Request(HttpMethod.Post, "/api/v1/departments", accept, new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.Forbidden),
            ("malformed body", client, Request(HttpMethod.Post, "/api/v1/departments", accept, new StringContent("{", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest),
            ("not JSON", client, Request(HttpMethod.Post, "/api/v1/departments", accept, new StringContent("<a/>", Encoding.UTF8, "application/xml")), HttpStatusCode.UnsupportedMediaType),
            ("wrong method", client, Request(HttpMethod.Delete, "/api/v1/departments", accept), HttpStatusCode.MethodNotAllowed),
        };

        var failures = new List<string>();
        foreach (var (what, http, request, status) in cases)
        {
            var response = await http.SendAsync(request);
            if (await SecurityAssert.ProblemFailureAsync(response, status, $"{what} with Accept: {accept}") is { } failure)
            {
                failures.Add(failure);
            }
        }

        SecurityAssert.NoFailures(failures, "errors under a non-JSON Accept");
    }

    [Fact]
    public async Task Problems_ByDefault_AreChinese_AndWithAcceptLanguageEn_English()
    {
        var client = factory.CreateClient();

        var chinese = await SecurityAssert.ProblemAsync(await client.GetAsync("/api/v1/departments/NO-SUCH-DEPT"), HttpStatusCode.NotFound);
        var english = await SecurityAssert.ProblemAsync(await client.SendAsync(WithLanguage(HttpMethod.Get, "/api/v1/departments/NO-SUCH-DEPT", "en")), HttpStatusCode.NotFound);

        Assert.Equal("未找到", chinese.GetProperty("title").GetString());
        Assert.Equal("部门“NO-SUCH-DEPT”不存在。", chinese.GetProperty("detail").GetString());
        Assert.Equal("Not found", english.GetProperty("title").GetString());
        Assert.Equal("Department 'NO-SUCH-DEPT' was not found.", english.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ValidationMessages_FollowAcceptLanguage_BuiltInAndTheProjectsOwn()
    {
        var client = factory.CreateClient();
        const string body = """{"code":"","name":"","region":"高新区（新市区）"}""";

        var chinese = await SecurityAssert.ProblemAsync(await client.SendAsync(WithLanguage(HttpMethod.Post, "/api/v1/departments", "zh-CN", body)), HttpStatusCode.BadRequest);
        var english = await SecurityAssert.ProblemAsync(await client.SendAsync(WithLanguage(HttpMethod.Post, "/api/v1/departments", "en-US,en;q=0.9", body)), HttpStatusCode.BadRequest);

        var zh = string.Join(" ", chinese.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(m => m.GetString()));
        var en = string.Join(" ", english.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(m => m.GetString()));
        Assert.Equal("请求未通过校验", chinese.GetProperty("title").GetString());
        Assert.Equal("The request is not valid", english.GetProperty("title").GetString());
        Assert.Contains("不能为空", zh, StringComparison.Ordinal);
        Assert.Contains("must not be empty", en, StringComparison.Ordinal);
        Assert.DoesNotContain("must", zh, StringComparison.Ordinal);
    }

    private static HttpRequestMessage WithLanguage(HttpMethod method, string url, string language, string? json = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }
}

/// <summary>In Development too: a non-JSON Accept once turned a 404 into a 500 stack trace page.</summary>
public sealed class DevelopmentProblemFormatTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    public async Task NotFound_InDevelopment_WithNonJsonAccept_IsProblemJsonWithoutStackTrace(string accept)
    {
        var client = factory.CreateClient();
        foreach (var url in new[] { "/api/v1/departments/NO-SUCH-DEPT", "/api/v1/no-such-thing" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd(accept);

            var response = await client.SendAsync(request);

            await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound, $"{url} with Accept: {accept}");
        }
    }
}
