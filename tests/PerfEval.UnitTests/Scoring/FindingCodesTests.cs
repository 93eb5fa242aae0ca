using System.Reflection;
using System.Text.RegularExpressions;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

public partial class FindingCodesTests
{
    private static readonly string[] Constants = typeof(FindingCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void All_ListsEveryCodeOnceWithAMeaning()
    {
        Assert.Equal(Constants.Order(), FindingCodes.All.Select(c => c.Code).Order());
        Assert.All(FindingCodes.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Meaning)));
    }

    [Theory]
    [InlineData("DECLARED_ADJUSTMENT_RATE_MISMATCH")]
    [InlineData("WEIGHT_TOTAL_NOT_100")]
    [InlineData("WEIGHT_MISSING")]
    [InlineData("OVER_ACHIEVEMENT_NO_REASON")]
    [InlineData("TARGET_LIKELY_TOO_LOW")]
    [InlineData("UNDER_ACHIEVEMENT_NO_REASON")]
    [InlineData("EQUAL_TARGET_MISSED")]
    [InlineData("FINAL_BELOW_MID_YEAR")]
    [InlineData("BUDGET_ADJUSTED_IDENTITY")]
    [InlineData("BUDGET_CLASS_SPLIT")]
    [InlineData("BUDGET_FUNDING_SPLIT")]
    [InlineData("EXECUTED_OVER_ADJUSTED")]
    [InlineData("QUALITATIVE_SCORE_OUTSIDE_TIER")]
    [InlineData("DEDUCTION_WITHOUT_REASON")]
    [InlineData("CLOSED_YEAR_DATA_CHANGED")]
    public void All_HasEveryFindingDomainMdAsksFor(string code) =>
        Assert.Contains(FindingCodes.All, c => c.Code == code);

    [Fact]
    public void Readme_DocumentsEveryCodeWithItsSeverity()
    {
        var readme = File.ReadAllText(FindReadme());
        var rows = ReadmeRow().Matches(readme).ToDictionary(m => m.Groups["code"].Value, m => m.Groups["severity"].Value);

        Assert.Equal(FindingCodes.All.Select(c => c.Code).Order(), rows.Keys.Order());
        Assert.All(FindingCodes.All, c => Assert.Equal(c.Severity.ToString().ToLowerInvariant(), rows[c.Code]));
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PerfEval.Application", "Scoring", "README.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("src/PerfEval.Application/Scoring/README.md not found above the test output.");
    }

    [GeneratedRegex(@"^\| `(?<code>[A-Z0-9_]+)` \| (?<severity>error|warning|info) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
