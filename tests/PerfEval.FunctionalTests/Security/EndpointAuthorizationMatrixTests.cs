using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Api.Security;

namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// Every endpoint the running service maps (read from its <see cref="EndpointDataSource"/>, so a new
/// endpoint is covered without touching this file), against every kind of caller: nobody, a wrong
/// key, a client without the endpoint's scope, a client with it.
/// </summary>
public sealed partial class EndpointAuthorizationMatrixTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    /// <summary>Write-method endpoints that only compute and store nothing, so perf.read is enough.</summary>
    private static readonly HashSet<string> SideEffectFreeWrites = ["POST /api/v1/scoring/preview"];

    private static int _yearCounter;

    private readonly HttpClient _admin = factory.CreateClient();

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<rest>[^}]*)\}")]
    private static partial Regex RouteParameter();

    internal sealed record ApiEndpoint(string Method, string Pattern, IReadOnlyList<string?> Policies, bool AllowsAnonymous)
    {
        public string Scope => Policies.Count == 1 && Policies[0] is { } p ? p : throw new InvalidOperationException($"{this} has policies [{string.Join(", ", Policies)}], not exactly one scope.");

        /// <summary>The pattern without constraints or the trailing slash of a group's root: "POST /api/v1/departments/{code}/projects".</summary>
        public string Key => $"{Method} {Normalize(Pattern)}";

        public bool IsWrite => Method is not ("GET" or "HEAD" or "OPTIONS");

        public override string ToString() => $"{Method} {Pattern}";
    }

    private static string Normalize(string pattern)
    {
        var path = RouteParameter().Replace(pattern, m => "{" + m.Groups["name"].Value + "}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>Every route endpoint but the health checks and Swagger, once per HTTP method.</summary>
    private List<ApiEndpoint> Endpoints()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var endpoints = new List<ApiEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.StartsWith("/health", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/swagger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            endpoints.AddRange(methods.Select(m => new ApiEndpoint(m, pattern, policies, anonymous)));
        }

        Assert.True(endpoints.Count >= 25, $"Only {endpoints.Count} endpoints found: {string.Join(", ", endpoints)}");
        return endpoints;
    }

    private static string Url(ApiEndpoint endpoint, World world)
    {
        var path = RouteParameter().Replace(endpoint.Pattern, m => Value(endpoint.Pattern, m.Groups["name"].Value, m.Groups["rest"].Value, world));
        path = path.Length > 1 ? path.TrimEnd('/') : path;
        if (Normalize(endpoint.Pattern).EndsWith("{code}/projects", StringComparison.Ordinal))
        {
            path += $"?year={world.Year}";
        }

        return path;
    }

    /// <summary>Route values that exist: chosen by the parameter's name and, for {id}, the route prefix.</summary>
    private static string Value(string pattern, string name, string constraints, World world) => name switch
    {
        "code" => world.Code,
        "year" => world.Year.ToString(CultureInfo.InvariantCulture),
        "lineId" => world.LineId.ToString(CultureInfo.InvariantCulture),
        "id" when pattern.Contains("/indicators/", StringComparison.Ordinal) => world.IndicatorId.ToString(CultureInfo.InvariantCulture),
        "id" when pattern.Contains("/projects/", StringComparison.Ordinal) => world.ProjectId.ToString(CultureInfo.InvariantCulture),
        "id" when pattern.Contains("/scoring-schemes/", StringComparison.Ordinal) => world.SchemeId.ToString(CultureInfo.InvariantCulture),
        "id" when pattern.Contains("/budget-adjustments/", StringComparison.Ordinal) => world.AdjustmentId.ToString(CultureInfo.InvariantCulture),
        "id" when pattern.Contains("/report-imports/", StringComparison.Ordinal) => world.ReportImportId.ToString(CultureInfo.InvariantCulture),
        "id" when pattern.Contains("/monitoring/", StringComparison.Ordinal) => world.MonitoringRoundId.ToString(CultureInfo.InvariantCulture),
        _ when constraints.Contains("guid", StringComparison.OrdinalIgnoreCase) => Guid.Empty.ToString(),
        _ => "1",
    };

    /// <summary>A minimal valid-looking body for each write; "{}" for a write this file does not know yet.</summary>
    private static object? Body(ApiEndpoint endpoint, World world)
    {
        if (!endpoint.IsWrite || endpoint.Method == "DELETE")
        {
            return null;
        }

        return endpoint.Key switch
        {
            "POST /api/v1/departments" => TestData.Department(TestData.NewCode("SECM")),
            "PUT /api/v1/departments/{code}" => new
            {
                name = "矩阵测试单位",
                region = world.Region,
                parentCode = (string?)null,
                unitType = "行政单位",
                level = "科级",
                functions = "承担测试工作。",
                staffing = new { administrative = 5, institutional = 3, logistics = 1, actual = 8 },
                divisions = new[] { "综合科" },
            },
            "POST /api/v1/fiscal-years" => new { year = 2060 + Interlocked.Increment(ref _yearCounter), status = "open", scoringSchemeId = (long?)null },
            "PATCH /api/v1/fiscal-years/{year}" => new { scoringSchemeId = world.SchemeId },
            "POST /api/v1/departments/{code}/budgets/{year}/lines" => MoreTestData.BudgetLine("operating", "superior", 1_000m, 100m),
            "PUT /api/v1/departments/{code}/budgets/{year}/lines/{lineId}" => MoreTestData.BudgetLine("personnel", "ownLevel", 1_000m, 100m),
            "PUT /api/v1/departments/{code}/evaluations/{year}" => new { problems = "无" },
            "POST /api/v1/departments/{code}/monitoring/{year}/rounds" => new { asOf = $"{world.Year}-09-30" },
            "PUT /api/v1/departments/{code}/monitoring/{year}/rounds/{id}" => new { asOf = $"{world.Year}-06-30" },
            "POST /api/v1/scoring/preview" => new { lines = Array.Empty<object>(), indicators = Array.Empty<object>() },
            "POST /api/v1/departments/{code}/evaluations/{year}/indicators" or "PUT /api/v1/departments/{code}/evaluations/{year}/indicators/{id}" =>
                MoreTestData.Indicator(),
            "POST /api/v1/departments/{code}/projects" or "PUT /api/v1/projects/{id}" => MoreTestData.Project(),
            "POST /api/v1/scoring-schemes" => new { code = "sec-matrix-" + Guid.NewGuid().ToString("N")[..8], name = "矩阵方案", settings = world.SchemeSettings },
            "PUT /api/v1/scoring-schemes/{id}" => new { name = "矩阵方案", settings = world.SchemeSettings },
            "POST /api/v1/budget-adjustments" => world.Push(),
            "POST /api/v1/report-imports" => World.ReportText(),
            "PATCH /api/v1/report-imports/{id}" => new { fields = new Dictionary<string, object> { ["region"] = "矩阵测试区" } },
            _ => new { },
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, ApiEndpoint endpoint, World world)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint, world));
        if (Body(endpoint, world) is { } body)
        {
            request.Content = body as HttpContent ?? TestData.JsonContent(body);
        }

        if (endpoint.IsWrite)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public void Endpoints_WhenEnumerated_EveryApiEndpointRequiresExactlyOneKnownScope()
    {
        var endpoints = Endpoints();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (!endpoint.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            {
                failures.Add($"{endpoint}: mapped outside /api (neither health nor Swagger)");
            }

            if (endpoint.AllowsAnonymous)
            {
                failures.Add($"{endpoint}: allows anonymous access");
            }

            if (endpoint.Policies.Count != 1 || endpoint.Policies[0] is not { } scope || !Scopes.All.Contains(scope))
            {
                failures.Add($"{endpoint}: policies [{string.Join(", ", endpoint.Policies.Select(p => p ?? "(default)"))}], not exactly one of {string.Join(", ", Scopes.All)}");
                continue;
            }

            if (endpoint.IsWrite && scope == Scopes.Read && !SideEffectFreeWrites.Contains(endpoint.Key))
            {
                failures.Add($"{endpoint}: a write guarded only by {Scopes.Read}");
            }
        }

        SecurityAssert.NoFailures(failures, "endpoints without a proper scope");
        var used = endpoints.Select(e => e.Policies.Count > 0 ? e.Policies[0] : null).ToHashSet();
        Assert.Contains(Scopes.Read, used);
        Assert.Contains(Scopes.DataWrite, used);
        Assert.Contains(Scopes.Admin, used);
    }

    [Fact]
    public async Task Endpoints_WhenNoCredentials_Return401ProblemDetails()
    {
        var world = await World.CreateAsync(_admin);
        var anonymous = factory.CreateClient(apiKey: null);
        var failures = new List<string>();

        foreach (var endpoint in Endpoints())
        {
            var response = await SendAsync(anonymous, endpoint, world);
            if (await SecurityAssert.ProblemFailureAsync(response, HttpStatusCode.Unauthorized, endpoint.ToString()) is { } failure)
            {
                failures.Add(failure);
            }
        }

        SecurityAssert.NoFailures(failures, "endpoints answered an anonymous request with something other than 401 problem details");
    }

    public static TheoryData<string, string[]> WrongCredentials => new()
    {
        { "unknown key", ["X-Api-Key", "not-a-key"] },
        { "admin key with a trailing space", ["X-Api-Key", "test-admin-key "] },
        { "admin key in upper case", ["X-Api-Key", "TEST-ADMIN-KEY"] },
        { "the admin key's SHA-256 (as configured) instead of the key", ["X-Api-Key", ApiKeyAuthentication.Hash("test-admin-key")] },
        { "a 300-character key", ["X-Api-Key", new string('k', 300)] },
        { "two keys in one request", ["X-Api-Key", "test-reader-key", "X-Api-Key", "test-admin-key"] },
        { "a bearer token while bearer tokens are off", ["Authorization", "Bearer test-admin-key"] },
        { "the admin key as basic auth", ["Authorization", "Basic " + Convert.ToBase64String("test-admin:test-admin-key"u8.ToArray())] },
        { "the admin key in the Authorization header", ["Authorization", "test-admin-key"] },
    };

    [Theory]
    [MemberData(nameof(WrongCredentials))]
    public async Task Endpoints_WhenCredentialsAreWrong_Return401ProblemDetails(string why, string[] headers)
    {
        var world = await World.CreateAsync(_admin);
        var client = factory.CreateClient(apiKey: null);
        for (var i = 0; i < headers.Length; i += 2)
        {
            Assert.True(client.DefaultRequestHeaders.TryAddWithoutValidation(headers[i], headers[i + 1]), why);
        }

        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var response = await SendAsync(client, endpoint, world);
            if (await SecurityAssert.ProblemFailureAsync(response, HttpStatusCode.Unauthorized, $"{why}: {endpoint}") is { } failure)
            {
                failures.Add(failure);
            }
        }

        SecurityAssert.NoFailures(failures, $"endpoints did not answer {why} with 401 problem details");
    }

    [Fact]
    public async Task Endpoints_WhenClientLacksTheScope_Return403ProblemDetails()
    {
        var world = await World.CreateAsync(_admin);
        var failures = new List<string>();
        var checkedPairs = 0;

        foreach (var caller in SecurityFactory.AllClients)
        {
            var client = factory.CreateClient(caller.Key);
            foreach (var endpoint in Endpoints().Where(e => !caller.Scopes.Contains(e.Scope)))
            {
                checkedPairs++;
                var response = await SendAsync(client, endpoint, world);
                if (await SecurityAssert.ProblemFailureAsync(response, HttpStatusCode.Forbidden, $"{caller} ({string.Join(" ", caller.Scopes)}): {endpoint} [{endpoint.Scope}]") is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        SecurityAssert.NoFailures(failures, "requests without the endpoint's scope were not refused with 403 problem details");
        Assert.True(checkedPairs >= 40, $"Only {checkedPairs} client/endpoint pairs lacked a scope.");
    }

    [Fact]
    public async Task Endpoints_WhenClientHasTheScope_AreNeither401Nor403Nor5xx()
    {
        var world = await World.CreateAsync(_admin);
        var failures = new List<string>();
        var endpoints = Endpoints().OrderBy(e => e.Method == "DELETE").ThenBy(e => e.Method == "GET" ? 0 : 1).ToList();

        foreach (var endpoint in endpoints)
        {
            var callers = SecurityFactory.AllClients.Where(c => !c.Restricted && c.Scopes.Contains(endpoint.Scope)).ToList();
            if (callers.Count == 0)
            {
                failures.Add($"{endpoint}: no unrestricted test client holds {endpoint.Scope}");
            }

            foreach (var caller in callers)
            {
                var response = await SendAsync(factory.CreateClient(caller.Key), endpoint, world);
                var status = (int)response.StatusCode;
                if (status is 401 or 403 or >= 500)
                {
                    failures.Add($"{caller} ({string.Join(" ", caller.Scopes)}): {endpoint} [{endpoint.Scope}] → {status}: {SecurityAssert.Shorten(await response.Content.ReadAsStringAsync())}");
                }
                else if (status >= 400 && await SecurityAssert.ProblemFailureAsync(response, context: $"{caller}: {endpoint}") is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        SecurityAssert.NoFailures(failures, "requests with the endpoint's scope were refused or failed");
    }

    [Fact]
    public async Task Endpoints_WhenClientHasTheScope_GetsSuccessOnTheKnownEndpoints()
    {
        var world = await World.CreateAsync(_admin);
        var failures = new List<string>();
        var endpoints = Endpoints().OrderBy(e => e.Method == "DELETE").ToList();

        foreach (var endpoint in endpoints)
        {
            var caller = SecurityFactory.AllClients.Where(c => !c.Restricted && c.Scopes.Contains(endpoint.Scope)).MinBy(c => c.Scopes.Count)!;
            var response = await SendAsync(factory.CreateClient(caller.Key), endpoint, world);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{caller}: {endpoint} → {(int)response.StatusCode}: {SecurityAssert.Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        SecurityAssert.NoFailures(failures, "valid requests by the least-privileged client with the scope did not succeed (is the matrix's body or route value wrong?)");
    }
}
