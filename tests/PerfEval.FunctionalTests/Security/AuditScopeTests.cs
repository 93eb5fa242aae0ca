using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace PerfEval.FunctionalTests.Security;

/// <summary>Two admin keys with limits: one to a department, one to a region.</summary>
public sealed class AuditScopeFactory : PerfEvalFactory
{
    public const string DepartmentAdminKey = "audit-dept-admin-key";
    public const string RegionAdminKey = "audit-region-admin-key";
    public const string OwnDepartment = "AUDIT-OWN-DEPT";
    public const string OwnRegion = "审计受限区";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var i = Clients.Length;
        AddAdmin(builder, i, "audit-dept-admin", DepartmentAdminKey);
        builder.UseSetting($"Security:ApiKeys:{i}:Departments:0", OwnDepartment);
        AddAdmin(builder, ++i, "audit-region-admin", RegionAdminKey);
        builder.UseSetting($"Security:ApiKeys:{i}:Regions:0", OwnRegion);
    }

    private static void AddAdmin(IWebHostBuilder builder, int index, string client, string key)
    {
        builder.UseSetting($"Security:ApiKeys:{index}:Client", client);
        builder.UseSetting($"Security:ApiKeys:{index}:KeySha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));
        string[] scopes = ["perf.read", "data.write", "adjustments.write", "admin"];
        for (var s = 0; s < scopes.Length; s++)
        {
            builder.UseSetting($"Security:ApiKeys:{index}:Scopes:{s}", scopes[s]);
        }
    }
}

/// <summary>
/// The audit log keeps a limited admin inside its limits: it sees the events about departments it may
/// see and nothing about other departments, nor events about no single department (years, schemes).
/// </summary>
public sealed class AuditScopeTests(AuditScopeFactory factory) : IClassFixture<AuditScopeFactory>
{
    private const string AuditUrl = "/api/v1/audit-events";
    private const int Year = 2033;

    private readonly HttpClient _admin = factory.CreateClient();

    private async Task<(string Own, string InRegion, string Outside)> WritesAsync()
    {
        await _admin.EnsureYearAsync(Year);
        await _admin.PostJsonAsync("/api/v1/departments", TestData.Department(AuditScopeFactory.OwnDepartment, region: "其他区"));
        var inRegion = TestData.NewCode("AUDR");
        var outside = TestData.NewCode("AUDX");
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostJsonAsync("/api/v1/departments", TestData.Department(inRegion, region: AuditScopeFactory.OwnRegion))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostJsonAsync("/api/v1/departments", TestData.Department(outside, region: "其他区"))).StatusCode);
        foreach (var code in new[] { AuditScopeFactory.OwnDepartment, inRegion, outside })
        {
            var line = await _admin.PostJsonAsync(MoreTestData.LinesUrl(code, Year), MoreTestData.BudgetLine("personnel", "ownLevel", 100m, 0m));
            Assert.True(line.StatusCode is HttpStatusCode.Created || (code == AuditScopeFactory.OwnDepartment && line.StatusCode is HttpStatusCode.Conflict), $"{code}: {(int)line.StatusCode}");
        }

        return (AuditScopeFactory.OwnDepartment, inRegion, outside);
    }

    private static string? KeyOf(JsonElement e) => e.GetProperty("entityKey").GetString();

    private static bool About(JsonElement e, string code) => KeyOf(e) is { } key && (key == code || key.StartsWith(code + "/", StringComparison.Ordinal));

    [Fact]
    public async Task AuditLog_ForADepartmentLimitedAdmin_ShowsOnlyItsDepartmentsEvents()
    {
        var (own, inRegion, outside) = await WritesAsync();
        var limited = factory.CreateClient(AuditScopeFactory.DepartmentAdminKey);

        var events = await limited.WalkPagesAsync(AuditUrl, limit: 500);
        var all = await _admin.WalkPagesAsync(AuditUrl, limit: 500);

        Assert.Contains(all, e => About(e, outside));
        Assert.Contains(all, e => KeyOf(e) == Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(events, e => About(e, own) && e.GetProperty("action").GetString() == "CreateBudgetLine");
        Assert.All(events, e => Assert.True(About(e, own), $"a department-limited admin saw an event about '{KeyOf(e)}' ({e.GetProperty("action").GetString()})"));
        Assert.DoesNotContain(events, e => About(e, inRegion) || About(e, outside));
    }

    [Fact]
    public async Task AuditLog_ForARegionLimitedAdmin_ShowsOnlyItsRegionsEvents()
    {
        var (own, inRegion, outside) = await WritesAsync();
        var limited = factory.CreateClient(AuditScopeFactory.RegionAdminKey);

        var events = await limited.WalkPagesAsync(AuditUrl, limit: 2);

        Assert.Contains(events, e => About(e, inRegion) && e.GetProperty("action").GetString() == "CreateDepartment");
        Assert.Contains(events, e => About(e, inRegion) && e.GetProperty("action").GetString() == "CreateBudgetLine");
        Assert.All(events, e => Assert.True(KeyOf(e) is { } key && key.Split('/')[0].StartsWith("AUDR-", StringComparison.Ordinal),
            $"a region-limited admin saw an event about '{KeyOf(e)}' ({e.GetProperty("action").GetString()})"));
        Assert.DoesNotContain(events, e => About(e, own) || About(e, outside));
    }
}
