using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerfEval.Api.Endpoints;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application;
using PerfEval.Infrastructure;
using PerfEval.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Shutdown:TimeoutSeconds", 30)));
builder.AddPerfEvalSecurity();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration);

builder.Services.Configure<JsonOptions>(o => JsonSetup.Configure(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
    ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
});
builder.Services.AddExceptionHandler<ProblemDetailsMapping>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen(o => o.SupportNonNullableReferenceTypes());

var app = builder.Build();

if (args.Contains("migrate"))
{
    var version = await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
    app.Logger.LogInformation("Database is at schema version {Version}", version);
    return;
}

await app.Services.InitializeDatabaseAsync(app.Lifetime.ApplicationStopping);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePerfEvalSecurity();

// The contract and its UI are public documentation (openapi.yaml is published); data needs a key.
app.UseSwagger();
app.UseSwaggerUI(o => o.DocumentTitle = "PerfEval API");

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

app.MapGroup("/api/v1")
    .MapDepartments()
    .MapFiscalYears()
    .MapBudgets()
    .MapProjects()
    .MapIndicators()
    .MapEvaluations()
    .MapScoringSchemes()
    .MapAudit();

await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
