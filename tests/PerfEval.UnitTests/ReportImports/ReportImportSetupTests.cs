using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Application.ReportImports;
using PerfEval.Infrastructure;

namespace PerfEval.UnitTests.ReportImports;

public sealed class ReportImportSetupTests
{
    [Fact]
    public void AddInfrastructure_WithoutSettings_GivesTheFileReaderTheDefaultLimits()
    {
        using var provider = new ServiceCollection().AddInfrastructure(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IReportFileReader>());
        Assert.Equal(ReportImportLimits.Default, provider.GetRequiredService<ReportImportLimits>());
    }

    [Fact]
    public void AddInfrastructure_WithSettings_UsesTheConfiguredLimits()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReportImports:MaxBytes"] = "1000",
            ["ReportImports:MaxPages"] = "5",
        }).Build();
        using var provider = new ServiceCollection().AddInfrastructure(configuration).BuildServiceProvider();

        var limits = provider.GetRequiredService<ReportImportLimits>();
        Assert.Equal((1000L, 5, ReportImportLimits.Default.MaxInflatedBytes), (limits.MaxBytes, limits.MaxPages, limits.MaxInflatedBytes));
        var refused = Assert.Throws<ReportFileRejectedException>(() => provider.GetRequiredService<IReportFileReader>().Read(new byte[1001], "text/plain"));
        Assert.Equal(ReportFileProblem.TooLarge, refused.Problem);
    }
}
