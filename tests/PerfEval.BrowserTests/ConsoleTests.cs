using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PerfEval.BrowserTests;

/// <summary>The console of the service started in Development, as a newcomer running it reads it.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ConsoleTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task Console_InDevelopment_IsOneReadableLinePerEventAndSaysWhereTheDashboardIs()
    {
        var root = dashboard.BaseAddress.ToString().TrimEnd('/');
        var announcement = $"仪表板 Dashboard: {root}/  ·  接口文档 Swagger: {root}/swagger";
        var console = await WaitForLineAsync(announcement, TimeSpan.FromSeconds(10));
        var lines = console.Take(console.ToList().FindIndex(l => l.EndsWith(announcement, StringComparison.Ordinal)) + 1).ToList(); // the start-up

        Assert.Contains(lines, l => l.Contains("Loaded the demo data set: 3 departments", StringComparison.Ordinal));
        // The demo writes go through the request pipeline; before the service has started they are not logged one by one.
        Assert.DoesNotContain(lines, l => l.Contains("CreateDepartment handled in", StringComparison.Ordinal) || l.Contains("CreateProject handled in", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith('{'));
        Assert.DoesNotContain(lines, l => l.Contains("\\u002B", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Press Ctrl+C to shut down", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(Timestamped(), l));
    }

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2} (trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex Timestamped();

    private async Task<IReadOnlyList<string>> WaitForLineAsync(string line, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var lines = dashboard.Server.Console;
            var said = lines.Any(l => l.EndsWith(line, StringComparison.Ordinal));
            if (said || clock.Elapsed > timeout)
            {
                Assert.True(said, $"The console never said '{line}':\n{string.Join('\n', lines)}");
                return lines;
            }

            await Task.Delay(100);
        }
    }
}
