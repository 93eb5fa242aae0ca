using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PerfEval.Api.Hosting;

/// <summary>
/// The console: one readable line per event in Development (a person is reading it), JSON elsewhere
/// (a log collector is). In Development the start-up stays short: the demo data set's writes go
/// through the request pipeline, which logs every request it handles, so those lines are held back
/// until the service has started and the loader's own summary line stands for them.
/// </summary>
internal static class ConsoleLogging
{
    /// <summary>The pipeline's "{Request} handled in … ms" lines (<c>LoggingBehavior&lt;,&gt;</c>).</summary>
    private const string RequestHandledCategory = "PerfEval.Application.Common.LoggingBehavior";

    public static ILoggingBuilder AddPerfEvalConsole(this ILoggingBuilder logging, IHostEnvironment environment, StartupLogging startup)
    {
        if (!environment.IsDevelopment())
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                // Log lines are not HTML: Chinese text and '+' stay as they are instead of \uXXXX escapes.
                o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
            return logging;
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.IncludeScopes = false;
        });
        logging.AddFilter(RequestHandledCategory, level => level >= (startup.HasStarted ? LogLevel.Information : LogLevel.Warning));
        return logging;
    }
}

/// <summary>Whether the service has started (the start-up filter above), and the line that says where to open it.</summary>
internal sealed class StartupLogging
{
    private volatile bool _started;

    public bool HasStarted => _started;

    /// <summary>Once Kestrel listens: the dashboard's and Swagger UI's addresses, one line per address.</summary>
    public void AnnounceWhenReady(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        _started = true;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PerfEval.Api");
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var root = Browsable(address);
            logger.LogInformation("仪表板 Dashboard: {Dashboard}  ·  接口文档 Swagger: {Swagger}", root + "/", root + "/swagger");
        }
    });

    /// <summary>A listening address as a browser can open it: a wildcard host (<c>+</c>, <c>*</c>, <c>[::]</c>, <c>0.0.0.0</c>) becomes localhost.</summary>
    public static string Browsable(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "[::]" or "::" or "0.0.0.0" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
    }
}
