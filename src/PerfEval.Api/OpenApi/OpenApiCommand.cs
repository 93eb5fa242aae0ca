using System.Globalization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// <c>dotnet run --project src/PerfEval.Api -- openapi</c>: writes the service's OpenAPI document (the
/// one Swagger UI shows) as YAML to openapi.yaml at the repository root and exits, touching no
/// database. <c>openapi &lt;file&gt;</c> writes that file instead (relative to the current directory,
/// which <c>dotnet run</c> sets to the project's folder), <c>openapi -</c> writes to standard output.
/// </summary>
internal static class OpenApiCommand
{
    public const string Argument = "openapi";

    /// <summary>The document as YAML, OpenAPI 3.0, with "\n" line ends.</summary>
    public static string RenderYaml(IServiceProvider services)
    {
        var document = services.GetRequiredService<ISwaggerProvider>().GetSwagger(OpenApiSetup.DocumentName);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiYamlWriter(text) { UseLiteralStyle = true });
        return text.ToString().ReplaceLineEndings("\n");
    }

    public static async Task RunAsync(WebApplication app, string[] args)
    {
        // Without a running host, API Explorer sees the mapped endpoints once UseEndpoints has
        // registered the application's endpoint data sources; no request ever reaches this pipeline.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var yaml = RenderYaml(app.Services);
        var at = Array.IndexOf(args, Argument);
        var path = at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : DefaultPath();
        if (path == "-")
        {
            await Console.Out.WriteAsync(yaml);
            return;
        }

        await File.WriteAllTextAsync(path, yaml);
        await Console.Error.WriteLineAsync($"Wrote the OpenAPI document to {Path.GetFullPath(path)}.");
    }

    /// <summary>openapi.yaml beside PerfEval.sln, above the current directory (dotnet run: the project's folder).</summary>
    private static string DefaultPath()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PerfEval.sln")))
            {
                return Path.Combine(directory.FullName, "openapi.yaml");
            }
        }

        throw new InvalidOperationException("No PerfEval.sln above the current directory: name the file, e.g. `openapi openapi.yaml`, or `openapi -` for standard output.");
    }
}
