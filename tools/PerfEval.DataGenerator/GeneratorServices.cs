using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerfEval.Application;
using PerfEval.Application.Common;
using PerfEval.Infrastructure;

namespace PerfEval.DataGenerator;

/// <summary>The service's application and infrastructure, configured as the service configures them, without its web host.</summary>
public static class GeneratorServices
{
    public static ServiceProvider Create(IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging(logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                }))
            .AddApplication()
            .AddInfrastructure(configuration)
            .AddScoped<IRequestContext, GeneratorClient>()
            .AddTransient<YearGenerator>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The generator as the pipeline's client (for the read-model rebuild): an operator's command, limited to nothing.</summary>
    private sealed class GeneratorClient : IRequestContext
    {
        public string ClientName => YearGenerator.ClientName;

        public string RequestId { get; } = Guid.NewGuid().ToString("N");

        public IReadOnlySet<string> Regions { get; } = new HashSet<string>();

        public IReadOnlySet<string> Departments { get; } = new HashSet<string>();
    }
}
