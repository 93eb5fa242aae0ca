using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// The standard test service plus two more keys the security tests need: a client holding only
/// adjustments.write (so some client lacks perf.read), and one limited to a single department code.
/// </summary>
public class SecurityFactory : PerfEvalFactory
{
    public const string PushOnlyKey = "sec-push-only-key";
    public const string PushOnlyClient = "sec-push-only";
    public const string DepartmentOnlyKey = "sec-dept-only-key";
    public const string DepartmentOnlyClient = "sec-dept-only";

    /// <summary>The one department the department-limited client may see (created by the tests that need it).</summary>
    public const string OwnDepartment = "SEC-OWN-DEPT";

    /// <summary>Every key the service knows: the shared test clients, then this factory's own.</summary>
    public static readonly IReadOnlyList<TestClient> AllClients =
    [
        .. Clients.Select(c => new TestClient(c.Client, c.Key, c.Scopes, c.Region is not null)),
        new TestClient(PushOnlyClient, PushOnlyKey, ["adjustments.write"], false),
        new TestClient(DepartmentOnlyClient, DepartmentOnlyKey, ["perf.read", "data.write"], true),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var i = Clients.Length;
        AddKey(builder, i++, PushOnlyClient, PushOnlyKey, ["adjustments.write"]);
        AddKey(builder, i, DepartmentOnlyClient, DepartmentOnlyKey, ["perf.read", "data.write"]);
        builder.UseSetting($"Security:ApiKeys:{i}:Departments:0", OwnDepartment);
    }

    private static void AddKey(IWebHostBuilder builder, int index, string client, string key, string[] scopes)
    {
        builder.UseSetting($"Security:ApiKeys:{index}:Client", client);
        builder.UseSetting($"Security:ApiKeys:{index}:KeySha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
        for (var s = 0; s < scopes.Length; s++)
        {
            builder.UseSetting($"Security:ApiKeys:{index}:Scopes:{s}", scopes[s]);
        }
    }
}

/// <summary>A configured client: its name, key, scopes, and whether it is limited to some regions or departments.</summary>
public sealed record TestClient(string Name, string Key, IReadOnlyList<string> Scopes, bool Restricted)
{
    public override string ToString() => Name;
}

/// <summary>Five requests per client per minute.</summary>
public sealed class RateLimitedFactory : SecurityFactory
{
    public const int Limit = 5;

    protected override int RequestsPerMinute => Limit;
}

/// <summary>
/// Bearer tokens from a (fake) identity provider: the service is configured with an authority and
/// audience, and its JWT options are given the provider's configuration and signing key up front,
/// so no metadata is ever fetched.
/// </summary>
public sealed class JwtFactory : SecurityFactory
{
    public const string Authority = "https://idp.example.test/";
    public const string Audience = "perfeval-api";

    public static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "perfeval-test-key" };

    /// <summary>Another key with the same key id: what a forger holds.</summary>
    public static readonly RsaSecurityKey ForgerKey = new(RSA.Create(2048)) { KeyId = "perfeval-test-key" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Jwt:Authority", Authority);
        builder.UseSetting("Security:Jwt:Audience", Audience);
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
            configuration.SigningKeys.Add(SigningKey);
            o.Configuration = configuration;

            // The framework's own post-configuration already built a manager that would fetch metadata from the authority.
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        }));
    }

    /// <summary>A client that sends this bearer token and no API key.</summary>
    public HttpClient CreateBearerClient(string token)
    {
        var client = CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Mints a token. Defaults: valid now for 10 minutes, right issuer and audience, signed RS256 with the
    /// provider's key; <paramref name="unsigned"/> gives an <c>alg: none</c> token.
    /// </summary>
    public static string Token(
        IDictionary<string, object> claims,
        string subject = "jwt-user",
        string issuer = Authority,
        string audience = Audience,
        SigningCredentials? credentials = null,
        bool unsigned = false,
        DateTime? expires = null,
        DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        var all = new Dictionary<string, object>(claims) { ["sub"] = subject };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            Claims = all,
            SigningCredentials = unsigned ? null : credentials ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static string Token(string scope, string subject = "jwt-user") =>
        Token(new Dictionary<string, object> { ["scope"] = scope }, subject);
}
