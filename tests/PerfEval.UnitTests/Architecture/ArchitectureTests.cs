using System.Reflection;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.UnitTests.Architecture;

public sealed class ArchitectureTests
{
    private static readonly Assembly Application = typeof(PerfEval.Application.DependencyInjection).Assembly;

    [Fact]
    public void Application_ReferencesNeitherInfrastructureNorAspNetCore()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("PerfEval.Infrastructure", StringComparison.Ordinal) || r.StartsWith("PerfEval.Api", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Data.", StringComparison.Ordinal) || r.StartsWith("Polly", StringComparison.Ordinal));
    }

    [Fact]
    public void Handlers_AreNotPublicApi()
    {
        var handlers = Application.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))).ToList();

        Assert.NotEmpty(handlers);
        Assert.All(handlers, h => Assert.False(h.IsVisible, $"{h.FullName} is public"));
    }

    [Fact]
    public void Requests_AreImmutableCommandsOrQueries()
    {
        var requests = Application.GetTypes().Where(t => !t.IsInterface && typeof(IBaseRequest).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            Assert.True(r.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>))), $"{r.Name} is neither a command nor a query");
            var setters = r.GetProperties().Where(p => p.SetMethod is { IsPublic: true } set
                && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));
            Assert.Empty(setters);
        });
    }

    [Fact]
    public void EveryRequest_HasAHandler()
    {
        var handled = Application.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        var requests = Application.GetTypes().Where(t => !t.IsInterface && !t.IsAbstract && typeof(IBaseRequest).IsAssignableFrom(t));

        Assert.All(requests, r => Assert.Contains(r, handled));
    }

    /// <summary>
    /// The data generator is a tool beside the service (tools/PerfEval.DataGenerator): no production
    /// assembly carries its code or refers to it.
    /// </summary>
    [Fact]
    public void ProductionAssemblies_DoNotCarryTheDataGenerator()
    {
        var tool = typeof(PerfEval.DataGenerator.YearGenerator).Assembly;
        Assembly[] production = [Application, typeof(PerfEval.Infrastructure.DependencyInjection).Assembly, typeof(Program).Assembly];
        string[] generatorTypes = [.. tool.GetExportedTypes().Select(t => t.Name)];

        Assert.DoesNotContain(tool, production);
        Assert.Contains(nameof(PerfEval.DataGenerator.YearGenerator), generatorTypes);
        Assert.All(production, assembly =>
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), r => r.Name == tool.GetName().Name);
            Assert.Empty(assembly.GetTypes().Where(t => generatorTypes.Contains(t.Name)).Select(t => t.FullName));
        });
    }

    /// <summary>
    /// Provider differences are named capabilities of the SQL dialect: Application never asks which
    /// database it runs on (read from the source, where such a question would be written).
    /// </summary>
    [Fact]
    public void Application_NeverAsksWhichDatabaseItRunsOn()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PerfEval.sln")))
        {
            root = root.Parent;
        }

        var sources = Directory.EnumerateFiles(Path.Combine(root!.FullName, "src", "PerfEval.Application"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var asking = new System.Text.RegularExpressions.Regex(@"Dialect\.Name\s*[!=]=|Provider\s*[!=]=|""(Sqlite|SqlServer|sqlite|microsoft\.sql_server)""");

        Assert.NotEmpty(sources);
        Assert.Empty(sources.SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line))).Where(x => asking.IsMatch(x.line)).Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}"));
    }
}
