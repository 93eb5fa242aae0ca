using PerfEval.FunctionalTests.Adjustments;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>The data generator (tools/PerfEval.DataGenerator) as a user runs it: the built tool with its options.</summary>
public sealed class DataGeneratorToolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "perfeval-tests", Guid.NewGuid().ToString("N"));

    private string DataFolder => Path.Combine(_root, "data");

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task DataGenerator_WithHelp_PrintsTheOptionsAndExitsZero_WithoutTouchingAnyDatabase(string help)
    {
        var (exitCode, output) = await RunAsync(TimeSpan.FromSeconds(60), help);

        Assert.True(exitCode == 0, $"exited {exitCode}:\n{output}");
        foreach (var option in new[] { "--departments", "--year", "--seed", "--Database:DataFolder", "--Database:ConnectionString", "--help", "default 10000", "default 2025", "Example:" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(DataFolder), "--help created the data folder");
    }

    [Fact]
    public async Task DataGenerator_IntoAYearThatExists_SaysSoInOneLineAndExitsOne()
    {
        string[] arguments = ["--departments", "3", "--year", "2031"];
        var first = await RunAsync(TimeSpan.FromSeconds(120), arguments);
        Assert.True(first.ExitCode == 0, $"the first run exited {first.ExitCode}:\n{first.Output}");
        Assert.Contains("Generated 2031: 3 departments", first.Output, StringComparison.Ordinal);
        Assert.Contains("Read model rebuilt for years 2031: 3 scorecards changed", first.Output, StringComparison.Ordinal);

        var (exitCode, output) = await RunAsync(TimeSpan.FromSeconds(120), arguments);

        Assert.True(exitCode == 1, $"exited {exitCode}:\n{output}");
        var reasons = output.Split('\n').Where(l => l.Contains("fiscal year 2031 already exists", StringComparison.Ordinal)).ToList();
        Assert.True(reasons.Count == 1, $"one clear line expected:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--departments", "many", "take whole numbers")]
    [InlineData("--department", "5", "unknown option --department")]
    public async Task DataGenerator_WithAnOptionItCannotUse_SaysSoInOneLineAndWritesNothing(string option, string value, string reason)
    {
        var (exitCode, output) = await RunAsync(TimeSpan.FromSeconds(60), option, value);

        Assert.True(exitCode == 1, $"exited {exitCode}:\n{output}");
        Assert.Single(output.Split('\n'), l => l.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataFolder), "a refused run created the data folder");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "PerfEval.DataGenerator.dll");
        Assert.True(File.Exists(tool), $"{tool} was not built beside the tests");
        return ServiceProcess.RunDllUntilExitAsync(tool, [.. arguments, $"--Database:DataFolder={DataFolder}"], timeout);
    }
}
