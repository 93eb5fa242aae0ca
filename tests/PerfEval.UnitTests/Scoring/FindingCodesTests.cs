using System.Reflection;
using System.Text.RegularExpressions;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

public partial class FindingCodesTests
{
    private static readonly FindingKind[] Fields = typeof(FindingCatalogue)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(FindingKind))
        .Select(f => (FindingKind)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void All_ListsEveryKindOnceWithItsMeaningAndMessages()
    {
        Assert.Equal(Fields.Select(k => k.Code).Order(), FindingCatalogue.All.Select(c => c.Code).Order());
        Assert.Equal(FindingCatalogue.All.Count, FindingCatalogue.All.Select(c => c.Code).Distinct().Count());
        Assert.All(FindingCatalogue.All, k =>
        {
            Assert.Matches("^[A-Z][A-Z0-9_]+$", k.Code);
            Assert.False(string.IsNullOrWhiteSpace(k.MeaningZh));
            Assert.False(string.IsNullOrWhiteSpace(k.MeaningEn));
            Assert.False(string.IsNullOrWhiteSpace(k.MessageZh));
            Assert.False(string.IsNullOrWhiteSpace(k.MessageEn));
            Assert.Equal(k.WithoutComputedZh is null, k.WithoutComputedEn is null);
        });
    }

    [Fact]
    public void All_GivesEachKindItsOwnBit()
    {
        var bits = FindingCatalogue.All.Select(k => (ulong)k.Bit).ToArray();

        Assert.All(bits, b => Assert.Equal(1, System.Numerics.BitOperations.PopCount(b)));
        Assert.Equal(bits.Length, bits.Distinct().Count());
    }

    [Fact]
    public void Templates_NameTheSameFiguresInBothLanguages()
    {
        Assert.All(FindingCatalogue.All, k =>
        {
            Assert.Equal(Figures(k.MessageZh), Figures(k.MessageEn));
            Assert.Equal(Figures(k.WithoutComputedZh ?? ""), Figures(k.WithoutComputedEn ?? ""));
        });
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
        Assert.NotNull(FindingCatalogue.Of(code));

    [Fact]
    public void Readme_HoldsTheCataloguesTable()
    {
        var readme = File.ReadAllText(FindReadme()).ReplaceLineEndings("\n");
        var table = FindingCatalogue.MarkdownTable();

        Assert.True(readme.Contains(table, StringComparison.Ordinal),
            "src/PerfEval.Application/Scoring/README.md must hold the finding table made from FindingCatalogue; replace its table with:\n\n" + table);
    }

    /// <summary>The figure placeholders of a template (texts such as a grade differ by language and are left out).</summary>
    private static string[] Figures(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Value).Where(p => !p.EndsWith("Zh}", StringComparison.Ordinal) && !p.EndsWith("En}", StringComparison.Ordinal) && !p.EndsWith("Grade}", StringComparison.Ordinal)).Order()];

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

    [GeneratedRegex(@"\{[A-Za-z]+(:[a-z]+)?\}")]
    private static partial Regex Placeholder();
}
