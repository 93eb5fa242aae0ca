using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using PerfEval.Api.Security;

namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// What a client may do is read from its claims once, when its principal is built; a principal some
/// other component built is read the same way, so no authenticated client loses or gains a right.
/// </summary>
public class ClientPrincipalTests
{
    private static ClaimsIdentity Identity(string? authenticationType, params (string Type, string Value)[] claims) =>
        new(claims.Select(c => new Claim(c.Type, c.Value)).Prepend(new Claim(ClaimTypes.Name, "budget-system")), authenticationType);

    [Fact]
    public void Reads_scopes_regions_and_departments_once()
    {
        var client = new ClientPrincipal(Identity("ApiKey",
            (Scopes.ScopeClaim, Scopes.Read), (Scopes.ScopeClaim, Scopes.AdjustmentsWrite),
            (Scopes.RegionClaim, "高新区"), (Scopes.DepartmentClaim, "GXQ-SWJ")));

        Assert.Equal([Scopes.AdjustmentsWrite, Scopes.Read], client.Scopes.Order(StringComparer.Ordinal));
        Assert.Equal(["高新区"], client.Regions);
        Assert.Equal(["GXQ-SWJ"], client.Departments);
    }

    [Fact]
    public void A_principal_built_elsewhere_is_read_from_its_claims()
    {
        var other = new ClaimsPrincipal(Identity("Bearer", (Scopes.ScopeClaim, Scopes.Read), (Scopes.RegionClaim, "高新区")));

        var client = ClientPrincipal.Of(other);

        Assert.NotNull(client);
        Assert.Equal("budget-system", client.Identity!.Name);
        Assert.Equal([Scopes.Read], client.Scopes);
        Assert.Equal(["高新区"], client.Regions);
        Assert.Empty(client.Departments);
    }

    [Fact]
    public void An_unauthenticated_principal_is_no_client()
    {
        Assert.Null(ClientPrincipal.Of(new ClaimsPrincipal(Identity(authenticationType: null, (Scopes.ScopeClaim, Scopes.Admin)))));
        Assert.Null(ClientPrincipal.Of(null));
    }

    [Theory]
    [InlineData("ApiKey", Scopes.Read, true)]
    [InlineData("ApiKey", Scopes.Admin, false)]
    [InlineData(null, Scopes.Read, false)]
    public async Task A_scope_is_met_only_by_an_authenticated_client_holding_it(string? authenticationType, string required, bool met)
    {
        var requirement = new ScopeRequirement(required);
        var user = new ClaimsPrincipal(Identity(authenticationType, (Scopes.ScopeClaim, Scopes.Read)));
        var context = new AuthorizationHandlerContext([requirement], user, resource: null);

        await requirement.HandleAsync(context);

        Assert.Equal(met, context.HasSucceeded);
    }
}
