using System.Text;

namespace PerfEval.FunctionalTests.Security;

/// <summary>Every response, success or error, API or health: nosniff, no Server header; under /api also Cache-Control: no-store.</summary>
public sealed class HardeningHeaderTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private readonly HttpClient _admin = factory.CreateClient();

    [Fact]
    public async Task Responses_WhenSuccessOrError_CarryTheHardeningHeaders()
    {
        var world = await World.CreateAsync(_admin);
        var reader = factory.CreateClient("test-reader-key");
        var anonymous = factory.CreateClient(apiKey: null);
        var wrong = factory.CreateClient("wrong-key");
        var cases = new List<(string What, string Path, Func<Task<HttpResponseMessage>> Send)>
        {
            ("200 read", world.DepartmentUrl, () => reader.GetAsync(world.DepartmentUrl)),
            ("200 list", "/api/v1/departments", () => reader.GetAsync("/api/v1/departments")),
            ("201 create", "/api/v1/departments", () => _admin.PostJsonAsync("/api/v1/departments", TestData.Department(TestData.NewCode("HDR")))),
            ("204 delete", world.IndicatorUrl, () => _admin.DeleteAsync(world.IndicatorUrl)),
            ("401 anonymous", world.DepartmentUrl, () => anonymous.GetAsync(world.DepartmentUrl)),
            ("401 wrong key", world.DepartmentUrl, () => wrong.GetAsync(world.DepartmentUrl)),
            ("403 scope", "/api/v1/audit-events", () => reader.GetAsync("/api/v1/audit-events")),
            ("404 missing", "/api/v1/departments/NO-SUCH", () => reader.GetAsync("/api/v1/departments/NO-SUCH")),
            ("404 unknown route", "/api/v1/nothing-here", () => reader.GetAsync("/api/v1/nothing-here")),
            ("400 bad body", "/api/v1/departments", () => _admin.PostAsync("/api/v1/departments", SecurityAssert.Text("{"))),
            ("400 bad query", "/api/v1/departments?limit=0", () => reader.GetAsync("/api/v1/departments?limit=0")),
            ("409 conflict", "/api/v1/departments", () => _admin.PostJsonAsync("/api/v1/departments", TestData.Department(world.Code))),
            ("413 too large", "/api/v1/departments", () => _admin.PostAsync("/api/v1/departments", SecurityAssert.Text(new string(' ', 1_100_000) + "{}"))),
            ("415 media type", "/api/v1/departments", () => _admin.PostAsync("/api/v1/departments", new StringContent("x", Encoding.UTF8, "text/plain"))),
            ("405 method", world.DepartmentUrl, () => _admin.DeleteAsync(world.DepartmentUrl)),
            ("health live", "/health/live", () => anonymous.GetAsync("/health/live")),
            ("health ready", "/health/ready", () => anonymous.GetAsync("/health/ready")),
            ("swagger", "/swagger/v1/swagger.json", () => anonymous.GetAsync("/swagger/v1/swagger.json")),
            ("root", "/", () => anonymous.GetAsync("/")),
        };

        var failures = new List<string>();
        foreach (var (what, path, send) in cases)
        {
            var response = await send();
            if (SecurityAssert.HardeningFailure(response, path) is { } failure)
            {
                failures.Add($"{what}: {failure}");
            }

            if ((int)response.StatusCode >= 400 && path.StartsWith("/api", StringComparison.Ordinal)
                && await SecurityAssert.ProblemFailureAsync(response, context: $"{what} {path}") is { } problem)
            {
                failures.Add($"{what}: {problem}");
            }
        }

        SecurityAssert.NoFailures(failures, "responses without the hardening headers or proper problem details");
    }

    [Fact]
    public async Task HealthLive_WhenAnonymous_Returns200WithNosniffAndNoServerHeader()
    {
        var response = await factory.CreateClient(apiKey: null).GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SecurityAssert.Hardened(response, "/health/live");
    }

    [Fact]
    public async Task ApiResponse_WhenSuccessful_HasNoStoreAndNoReferrer()
    {
        var response = await factory.CreateClient("test-reader-key").GetAsync("/api/v1/fiscal-years");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(["no-referrer"], SecurityAssert.Header(response, "Referrer-Policy"));
        Assert.Equal(["nosniff"], SecurityAssert.Header(response, "X-Content-Type-Options"));
        Assert.Empty(SecurityAssert.Header(response, "Server"));
        Assert.Empty(SecurityAssert.Header(response, "X-Powered-By"));
    }

    [Fact]
    public async Task Unauthorized_WhenAnonymous_SaysHowToAuthenticateAndNothingElse()
    {
        var response = await factory.CreateClient(apiKey: null).GetAsync("/api/v1/departments");

        var problem = await SecurityAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(problem.TryGetProperty("traceId", out var traceId) && !string.IsNullOrEmpty(traceId.GetString()), $"No traceId in {problem}");
        Assert.DoesNotContain("test-", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
