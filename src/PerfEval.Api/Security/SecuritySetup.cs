using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace PerfEval.Api.Security;

internal static class SecuritySetup
{
    private const string PolicyScheme = "ApiKeyOrBearer";

    public static SecurityOptions AddPerfEvalSecurity(this WebApplicationBuilder builder, bool verifyProduction = true)
    {
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (verifyProduction && builder.Environment.IsProduction())
        {
            ProductionChecks.Verify(security);
        }

        builder.Services.AddSingleton(security);
        builder.Services.AddSingleton<ApiKeyClients>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Application.Common.IRequestContext, HttpRequestContext>();

        // Without a token authority there is nothing to choose between: API keys are the scheme itself,
        // not reached through the forwarding scheme on every request.
        var jwtEnabled = !string.IsNullOrWhiteSpace(security.Jwt.Authority);
        var authentication = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = jwtEnabled ? PolicyScheme : ApiKeyAuthentication.SchemeName;
            o.AddScheme<ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, "API key");
        });
        builder.Services.AddTransient<ApiKeyAuthentication>();
        if (jwtEnabled)
        {
            authentication.AddPolicyScheme(PolicyScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                !context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header)
                    && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthentication.SchemeName);
            authentication.AddJwtBearer(o =>
            {
                o.Authority = security.Jwt.Authority;
                o.Audience = security.Jwt.Audience;
                o.RequireHttpsMetadata = security.Jwt.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = security.Jwt.Authority,
                    ValidateAudience = true,
                    ValidAudience = security.Jwt.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    NameClaimType = "sub",
                };
                o.Events = new JwtBearerEvents { OnTokenValidated = context => MapTokenClaims(context, security.Jwt) };
            });
        }

        builder.Services.AddAuthorization(o =>
        {
            foreach (var scope in Scopes.All)
            {
                o.AddPolicy(scope, p => p.AddRequirements(new ScopeRequirement(scope)));
            }

            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        builder.Services.AddRateLimiter(o =>
        {
            // Partitions are keyed by (kind, name), and the window is made once: a request allocates neither.
            var window = new FixedWindowRateLimiterOptions { PermitLimit = security.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
            Func<(string, string?), FixedWindowRateLimiterOptions> windowOf = _ => window;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Kind, string? Name)>(context =>
                context.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter<(string, string?)>(("health", null))
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.IsAuthenticated == true
                            ? ("client", context.User.Identity.Name)
                            : ("ip", context.Connection.RemoteIpAddress?.ToString()),
                        windowOf));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = Infrastructure.ProblemDetailsMapping.TypeOf(StatusCodes.Status429TooManyRequests),
                        Title = Infrastructure.ProblemTexts.TitleOf(StatusCodes.Status429TooManyRequests),
                        Detail = Infrastructure.ProblemTexts.TooManyRequests.Format(security.RequestsPerMinute, retryAfter),
                    },
                });
            };
        });

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            var reports = builder.Configuration.GetSection("ReportImports").Get<Application.ReportImports.ReportImportLimits>() ?? Application.ReportImports.ReportImportLimits.Default;
            k.Limits.MaxRequestBodySize = Math.Max(Math.Max(security.MaxRequestBodyBytes, security.MaxBatchBodyBytes), ReportFileBodyLimit.Of(reports));
        });
        return security;
    }

    /// <summary>Response hardening and body limits: first, so every response has them, documentation included.</summary>
    public static WebApplication UsePerfEvalHardening(this WebApplication app)
    {
        app.UseMiddleware<HardeningMiddleware>();
        return app;
    }

    public static WebApplication UsePerfEvalSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Token scopes ("scope" is space-separated; "roles" one per claim) become the same scope claims
    /// API keys carry. The service's own claim types are dropped from the token first, so a token
    /// cannot grant itself a scope or widen its region limits by carrying them directly.
    /// </summary>
    private static Task MapTokenClaims(TokenValidatedContext context, JwtSettings jwt)
    {
        var token = context.Principal!;
        string[] internalTypes = [Scopes.ScopeClaim, Scopes.RegionClaim, Scopes.DepartmentClaim];
        var claims = token.Claims.Where(c => !internalTypes.Contains(c.Type)).ToList();
        foreach (var type in jwt.ScopeClaims)
        {
            claims.AddRange(token.FindAll(type)
                .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(Scopes.All.Contains)
                .Distinct()
                .Select(s => new Claim(Scopes.ScopeClaim, s)));
        }

        if (token.FindFirst("sub") is null && (token.FindFirst("client_id") ?? token.FindFirst("azp")) is { } client)
        {
            claims.Add(new Claim("sub", client.Value)); // client-credential tokens name the client, not a user
        }

        claims.AddRange(token.FindAll(jwt.RegionClaim).Select(c => new Claim(Scopes.RegionClaim, c.Value)));
        claims.AddRange(token.FindAll(jwt.DepartmentClaim).Select(c => new Claim(Scopes.DepartmentClaim, c.Value)));
        context.Principal = new ClientPrincipal(new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, "sub", "roles"));
        return Task.CompletedTask;
    }
}
