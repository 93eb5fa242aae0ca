using Microsoft.IdentityModel.Tokens;

namespace PerfEval.FunctionalTests.Security;

/// <summary>Bearer tokens from the organisation's identity provider: scopes and roles become the same scopes API keys carry.</summary>
public sealed class JwtTests(JwtFactory factory) : IClassFixture<JwtFactory>
{
    private readonly HttpClient _admin = factory.CreateClient();

    private static Dictionary<string, object> Scope(string scope) => new() { ["scope"] = scope };

    private async Task<(World World, string ReadUrl)> WorldAsync()
    {
        var world = await World.CreateAsync(_admin);
        return (world, world.DepartmentUrl);
    }

    private static object Line() => MoreTestData.BudgetLine("operating", "ownLevel", 10m, 0m);

    [Fact]
    public async Task Read_WhenTokenIsValidWithReadScope_Returns200()
    {
        var (world, url) = await WorldAsync();
        var client = factory.CreateBearerClient(JwtFactory.Token("perf.read"));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(world.Code, (await response.JsonAsync()).GetProperty("code").GetString());
        SecurityAssert.Hardened(response, url);
    }

    [Fact]
    public async Task Write_WhenTokenHasOnlyReadScope_Returns403ProblemDetails()
    {
        var (world, _) = await WorldAsync();
        var client = factory.CreateBearerClient(JwtFactory.Token("perf.read"));
        var url = MoreTestData.LinesUrl(world.Code, world.Year);

        var response = await client.PostJsonAsync(url, Line());

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Single(await _admin.WalkPagesAsync(url, limit: 10));
    }

    [Fact]
    public async Task Write_WhenTokenHasDataWriteInRoles_Returns201AndAuditsTheSubject()
    {
        var (world, _) = await WorldAsync();
        var token = JwtFactory.Token(new Dictionary<string, object> { ["roles"] = new[] { "data.write", "perf.read" } }, subject: "jwt-writer-42");
        var client = factory.CreateBearerClient(token);

        var response = await client.PostJsonAsync(MoreTestData.LinesUrl(world.Code, world.Year), Line());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var audit = await (await _admin.GetAsync("/api/v1/audit-events?clientName=jwt-writer-42")).JsonAsync();
        var events = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Single(events);
        Assert.Equal("CreateBudgetLine", events[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Write_WhenScopeClaimIsSpaceSeparated_GrantsEveryListedScope()
    {
        var (world, _) = await WorldAsync();
        var client = factory.CreateBearerClient(JwtFactory.Token(Scope("openid perf.read data.write")));

        var response = await client.PostJsonAsync(MoreTestData.LinesUrl(world.Code, world.Year), Line());
        var admin = await client.GetAsync("/api/v1/audit-events");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await SecurityAssert.ProblemAsync(admin, HttpStatusCode.Forbidden, "a token without admin reading the audit log");
    }

    [Fact]
    public async Task Read_WhenTokenNamesScopesThatLookLikeOurs_Returns403()
    {
        var (_, url) = await WorldAsync();
        var client = factory.CreateBearerClient(JwtFactory.Token(new Dictionary<string, object>
        {
            ["scope"] = "perf.read.extra PERF.READ admin. perf",
            ["roles"] = new[] { "Admin", "data.write " },
        }));

        var response = await client.GetAsync(url);

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// The service's own claim types (perfeval_scope, perfeval_region, perfeval_department) are what its
    /// policies check: a token must not be able to carry them directly, past the configured scope claims.
    /// </summary>
    [Theory]
    [InlineData("perfeval_scope", "perf.read")]
    [InlineData("perfeval_scope", "admin")]
    public async Task Request_WhenTokenCarriesTheServicesInternalScopeClaim_IsNotGrantedThatScope(string claim, string value)
    {
        var (_, url) = await WorldAsync();
        var client = factory.CreateBearerClient(JwtFactory.Token(new Dictionary<string, object> { [claim] = value }));

        var read = await client.GetAsync(url);
        var audit = await client.GetAsync("/api/v1/audit-events");

        await SecurityAssert.ProblemAsync(read, HttpStatusCode.Forbidden, $"a token with {claim}={value} reading a department");
        await SecurityAssert.ProblemAsync(audit, HttpStatusCode.Forbidden, $"a token with {claim}={value} reading the audit log");
    }

    [Fact]
    public async Task Read_WhenRegionLimitedTokenAlsoCarriesTheInternalRegionClaim_IsNotWidened()
    {
        var inside = await World.CreateAsync(_admin, region: PerfEvalFactory.RestrictedRegion);
        var outside = await World.CreateAsync(_admin);
        var client = factory.CreateBearerClient(JwtFactory.Token(new Dictionary<string, object>
        {
            ["scope"] = "perf.read",
            ["perfeval_regions"] = PerfEvalFactory.RestrictedRegion,
            ["perfeval_region"] = outside.Region,
        }));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(inside.DepartmentUrl)).StatusCode);
        await SecurityAssert.ProblemAsync(await client.GetAsync(outside.DepartmentUrl), HttpStatusCode.NotFound, "a region-limited token naming another region in perfeval_region");
    }

    [Fact]
    public async Task Read_WhenTokenCarriesARegionLimit_HidesOtherRegions()
    {
        var inside = await World.CreateAsync(_admin, region: PerfEvalFactory.RestrictedRegion);
        var outside = await World.CreateAsync(_admin);
        var client = factory.CreateBearerClient(JwtFactory.Token(new Dictionary<string, object>
        {
            ["scope"] = "perf.read",
            ["perfeval_regions"] = PerfEvalFactory.RestrictedRegion,
        }));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(inside.DepartmentUrl)).StatusCode);
        await SecurityAssert.ProblemAsync(await client.GetAsync(outside.DepartmentUrl), HttpStatusCode.NotFound);
        await SecurityAssert.ProblemAsync(await client.GetAsync(outside.ProjectUrl), HttpStatusCode.NotFound);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "forged: signed with another key under the same key id",
        "expired ten minutes ago",
        "not valid for another hour",
        "wrong audience",
        "wrong issuer",
        "unsigned (alg none)",
        "signature stripped",
        "payload altered after signing",
        "HS256 signed with the provider's public key",
        "no expiry",
        "garbage",
        "empty",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Request_WhenTokenIsInvalid_Returns401ProblemDetails(string why)
    {
        var (world, url) = await WorldAsync();
        var admin = Scope("perf.read data.write admin");
        var now = DateTime.UtcNow;
        var valid = JwtFactory.Token(admin);
        var token = why switch
        {
            "forged: signed with another key under the same key id" =>
                JwtFactory.Token(admin, credentials: new SigningCredentials(JwtFactory.ForgerKey, SecurityAlgorithms.RsaSha256)),
            "expired ten minutes ago" => JwtFactory.Token(admin, notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-10)),
            "not valid for another hour" => JwtFactory.Token(admin, notBefore: now.AddHours(1), expires: now.AddHours(2)),
            "wrong audience" => JwtFactory.Token(admin, audience: "some-other-api"),
            "wrong issuer" => JwtFactory.Token(admin, issuer: "https://evil.example.test/"),
            "unsigned (alg none)" => JwtFactory.Token(admin, unsigned: true),
            "signature stripped" => valid[..(valid.LastIndexOf('.') + 1)],
            "payload altered after signing" => AlterPayload(valid),
            "HS256 signed with the provider's public key" => JwtFactory.Token(admin, credentials: new SigningCredentials(
                new SymmetricSecurityKey(JwtFactory.SigningKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = JwtFactory.SigningKey.KeyId },
                SecurityAlgorithms.HmacSha256)),
            "no expiry" => NoExpiry(admin),
            "garbage" => "not.a.token",
            "empty" => "",
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };
        var client = factory.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);

        var read = await client.GetAsync(url);
        var write = await client.PostJsonAsync(MoreTestData.LinesUrl(world.Code, world.Year), Line());
        var audit = await client.GetAsync("/api/v1/audit-events");

        await SecurityAssert.ProblemAsync(read, HttpStatusCode.Unauthorized, $"{why}: read");
        await SecurityAssert.ProblemAsync(write, HttpStatusCode.Unauthorized, $"{why}: write");
        await SecurityAssert.ProblemAsync(audit, HttpStatusCode.Unauthorized, $"{why}: audit log");
        Assert.Single(await _admin.WalkPagesAsync(MoreTestData.LinesUrl(world.Code, world.Year), limit: 10));
    }

    [Fact]
    public async Task Request_WhenTokenIsValid_IsAccepted()
    {
        // The control for the invalid-token theory: the same token, untampered, is accepted.
        var (_, url) = await WorldAsync();
        var client = factory.CreateBearerClient(JwtFactory.Token(Scope("perf.read data.write admin")));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/audit-events")).StatusCode);
    }

    [Fact]
    public async Task Request_WhenApiKeyAndBearerTokenBothSent_UsesTheKeyOnly()
    {
        var (_, url) = await WorldAsync();
        var client = factory.CreateClient("test-reader-key");
        client.DefaultRequestHeaders.Authorization = new("Bearer", JwtFactory.Token(Scope("perf.read admin")));

        var read = await client.GetAsync(url);
        var audit = await client.GetAsync("/api/v1/audit-events");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await SecurityAssert.ProblemAsync(audit, HttpStatusCode.Forbidden, "a reader key with an admin token alongside");
    }

    [Fact]
    public async Task Request_WhenApiKeysStillWorkWithJwtOn_Returns200()
    {
        var (_, url) = await WorldAsync();

        var response = await factory.CreateClient("test-reader-key").GetAsync(url);
        var anonymous = await factory.CreateClient(apiKey: null).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SecurityAssert.ProblemAsync(anonymous, HttpStatusCode.Unauthorized);
    }

    private static string AlterPayload(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var altered = payload.ToDictionary(p => p.Key, p => (object)p.Value);
        altered["sub"] = "someone-else";
        parts[1] = Base64UrlEncoder.Encode(JsonSerializer.Serialize(altered));
        return string.Join('.', parts);
    }

    private static string NoExpiry(Dictionary<string, object> claims)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = JwtFactory.Authority,
            Audience = JwtFactory.Audience,
            Claims = new Dictionary<string, object>(claims) { ["sub"] = "jwt-user" },
            SigningCredentials = new SigningCredentials(JwtFactory.SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
