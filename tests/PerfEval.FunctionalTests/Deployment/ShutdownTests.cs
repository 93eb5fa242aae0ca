using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PerfEval.FunctionalTests.Deployment;

/// <summary>How long a stopping replica lets in-flight requests finish comes from <c>Shutdown:TimeoutSeconds</c>.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public void ShutdownTimeout_ByDefault_Is30Seconds()
    {
        using var factory = new PerfEvalFactory();

        Assert.Equal(TimeSpan.FromSeconds(30), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void ShutdownTimeout_WhenConfigured_IsTaken()
    {
        using var factory = new ConfiguredShutdownFactory();

        Assert.Equal(TimeSpan.FromSeconds(7), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    private sealed class ConfiguredShutdownFactory : PerfEvalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Shutdown:TimeoutSeconds", "7");
        }
    }
}
