using System.Text;

namespace PerfEval.FunctionalTests.Security;

/// <summary>The service on a real Kestrel socket (the in-memory test server adds no Server header and enforces no body size limit of its own).</summary>
public sealed class KestrelFactory : SecurityFactory
{
    public KestrelFactory() => UseKestrel(0);
}

/// <summary>What only a real HTTP server shows: its headers, and the body limit on a body sent without Content-Length.</summary>
public sealed class RealHttpTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    private const string Departments = "/api/v1/departments";

    private readonly HttpClient _admin = factory.CreateClient();

    private static StreamContent Chunked(string body)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string DepartmentPadded(string code, int padding) =>
        JsonSerializer.Serialize(TestData.Department(code), PerfEvalFactory.Json)[..^1] + new string(' ', padding) + "}";

    [Fact]
    public async Task Responses_WhenServedByKestrel_HaveNoServerHeaderAndAreHardened()
    {
        Assert.True(_admin.BaseAddress is { IsLoopback: true, IsDefaultPort: false }, $"Not a Kestrel socket: {_admin.BaseAddress}");
        var failures = new List<string>();
        foreach (var (client, path) in new[]
        {
            (_admin, Departments),
            (factory.CreateClient(apiKey: null), Departments),
            (factory.CreateClient("test-reader-key"), "/api/v1/audit-events"),
            (factory.CreateClient(apiKey: null), "/health/live"),
            (_admin, "/api/v1/departments/NO-SUCH"),
        })
        {
            var response = await client.GetAsync(path);
            if (SecurityAssert.HardeningFailure(response, path) is { } failure)
            {
                failures.Add(failure);
            }
        }

        SecurityAssert.NoFailures(failures, "real HTTP responses without the hardening headers");
    }

    [Fact]
    public async Task PostDepartment_WhenChunkedBodyIsOverTheLimit_Returns413ProblemDetailsAndCreatesNothing()
    {
        var code = TestData.NewCode("CHK");
        var request = new HttpRequestMessage(HttpMethod.Post, Departments) { Content = Chunked(DepartmentPadded(code, 2 * 1_048_576)) };
        request.Headers.TransferEncodingChunked = true;

        var response = await _admin.SendAsync(request);

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "a 2 MiB chunked body without Content-Length");
        await SecurityAssert.ProblemAsync(await _admin.GetAsync($"{Departments}/{code}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostDepartment_WhenContentLengthIsOverTheLimit_Returns413ProblemDetails()
    {
        var code = TestData.NewCode("CL");

        var response = await _admin.PostAsync(Departments, SecurityAssert.Text(DepartmentPadded(code, 2 * 1_048_576)));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await SecurityAssert.ProblemAsync(await _admin.GetAsync($"{Departments}/{code}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostDepartment_WhenChunkedBodyIsUnderTheLimit_Returns201()
    {
        var code = TestData.NewCode("CHK");
        var request = new HttpRequestMessage(HttpMethod.Post, Departments) { Content = Chunked(DepartmentPadded(code, 100_000)) };
        request.Headers.TransferEncodingChunked = true;

        var response = await _admin.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
