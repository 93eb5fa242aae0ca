using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerfEval.Application.Common;
using PerfEval.Api.Endpoints;
using PerfEval.Api.Hosting;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Security;
using PerfEval.Application;
using PerfEval.Infrastructure;
using PerfEval.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

// One-off commands (`migrate`, `rebuild-read-model`, `openapi`) do their work and exit; they serve no
// request, so the production credential checks are for the service itself, not for them.
var command = args.FirstOrDefault(a => a is "migrate" or "rebuild-read-model" or OpenApiCommand.Argument);

var started = new StartupLogging();
builder.Logging.AddPerfEvalConsole(builder.Environment, started);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Shutdown:TimeoutSeconds", 30)));
builder.AddPerfEvalSecurity(verifyProduction: command is null);
builder.AddPerfEvalTelemetry();

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration);

builder.Services.Configure<JsonOptions>(o => JsonText.Configure(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Before AddProblemDetails, so it is the writer chosen: every error is problem+json, whatever Accept says.
builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsMapping>();
builder.Services.AddScoped<PerfEval.Application.Common.IRefusalAnswers, RefusalAnswers>();
builder.Services.Configure<HttpOptions>(builder.Configuration.GetSection(HttpOptions.Section));
builder.Services.AddSingleton<Preconditions>();
builder.Services.AddSingleton<ScorecardJsonWriter>();
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
    o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
    o.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "application/problem+json", "application/x-ndjson", "text/csv"];
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database-answers-a-query", tags: ["ready"]);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddPerfEvalOpenApi(builder.Configuration);

var app = builder.Build();

if (command == "migrate")
{
    if (!await StartupStorage.TryAsync(app, async () =>
        {
            var version = await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
            app.Logger.LogInformation("Database is at schema version {Version}", version);
        }))
    {
        return 1;
    }

    return 0;
}

if (command == "rebuild-read-model")
{
    await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
    await app.Services.RebuildReadModelAsync(CancellationToken.None);
    return 0;
}

// `openapi [file]` writes the contract (after the endpoints are mapped, below) and touches no database.
var openApiOnly = command == OpenApiCommand.Argument;
if (!openApiOnly && !await StartupStorage.TryAsync(app, () => app.Services.InitializeDatabaseAsync(app.Lifetime.ApplicationStopping)))
{
    return 1;
}

app.UseMiddleware<RequestLanguage>();
app.UseResponseCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UsePerfEvalHardening();

// The contract and its UI are public documentation (openapi.yaml is published), and the dashboard
// (wwwroot) is static files that hold no data: both are served before authentication. Every data
// route, the dashboard's calls included, needs a key.
app.UsePerfEvalSwagger();
app.UseDefaultFiles();
app.UseStaticFiles();

app.UsePerfEvalSecurity();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

app.MapGroup("/api/v1")
    .AddEndpointFilter(app.Services.GetRequiredService<Preconditions>())
    .MapDepartments()
    .MapFiscalYears()
    .MapBudgets()
    .MapProjects()
    .MapIndicators()
    .MapEvaluations()
    .MapScoringSchemes()
    .MapAdjustments()
    .MapYearViews()
    .MapMonitoring()
    .MapExports()
    .MapReports()
    .MapReportImports()
    .MapChanges()
    .MapAudit();

if (openApiOnly)
{
    await OpenApiCommand.RunAsync(app, args);
    return 0;
}

started.AnnounceWhenReady(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
