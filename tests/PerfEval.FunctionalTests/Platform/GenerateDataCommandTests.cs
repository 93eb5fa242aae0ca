using PerfEval.FunctionalTests.Adjustments;

namespace PerfEval.FunctionalTests.Platform;

/// <summary><c>generate-data</c> as a user runs it: the built service with the command and its options.</summary>
public sealed class GenerateDataCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "perfeval-tests", Guid.NewGuid().ToString("N"));

    private string DataFolder => Path.Combine(_root, "data");

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task GenerateData_WithHelp_PrintsTheOptionsAndExitsZero_WithoutTouchingAnyDatabase(string help)
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(DataFolder, TimeSpan.FromSeconds(60), ["generate-data", help]);

        Assert.True(exitCode == 0, $"exited {exitCode}:\n{output}");
        foreach (var option in new[] { "--departments", "--year", "--seed", "--help", "default 10000", "default 2025", "Example:" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(DataFolder), "--help created the data folder");
    }

    [Fact]
    public async Task GenerateData_IntoAYearThatExists_SaysSoInOneLineAndExitsOne()
    {
        string[] arguments = ["generate-data", "--departments", "3", "--year", "2031"];
        var first = await ServiceProcess.RunUntilExitAsync(DataFolder, TimeSpan.FromSeconds(120), arguments);
        Assert.True(first.ExitCode == 0, $"the first run exited {first.ExitCode}:\n{first.Output}");

        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(DataFolder, TimeSpan.FromSeconds(120), arguments);

        Assert.True(exitCode == 1, $"exited {exitCode}:\n{output}");
        var reasons = output.Split('\n').Where(l => l.Contains("fiscal year 2031 already exists", StringComparison.Ordinal)).ToList();
        Assert.True(reasons.Count == 1, $"one clear line expected:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
