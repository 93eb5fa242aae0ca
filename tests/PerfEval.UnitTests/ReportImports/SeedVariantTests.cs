using System.Text;
using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// Whole seed reports as another writer's editor would have saved them: full-width punctuation and
/// digits, Windows line ends, thousands separators, every paragraph broken in two mid-sentence. The
/// worked examples must read the same, and the evidence must still quote the rewritten text.
/// </summary>
public sealed class SeedVariantTests
{
    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in ReportFixtures.Seeds)
        {
            foreach (var variant in new[] { "full-width", "crlf", "thousands", "broken" })
            {
                data.Add(seed, variant);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ReadText_RewrittenSeed_FindsEveryWorkedExampleFigure(string seed, string variant)
    {
        var text = ReportFixtures.SeedText(seed);
        var rewritten = variant switch
        {
            "full-width" => FullWidth(text),
            "crlf" => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            "thousands" => text.Replace("2373.35", "2,373.35", StringComparison.Ordinal).Replace("3142.55", "3,142.55", StringComparison.Ordinal)
                .Replace("36142", "36 142", StringComparison.Ordinal).Replace("35000", "35,000", StringComparison.Ordinal),
            _ => BreakEveryLongParagraph(text),
        };

        var draft = ReportReader.Read(ReportDocument.FromText(rewritten));

        Assert.Equal(rewritten, draft.Text);
        SeedExpectation.Of(seed).AssertMatches(draft);
    }

    private static string FullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '!' and <= '~' and not '#' and not '-' ? (char)(c + 0xFEE0) : c);
        }

        return builder.ToString();
    }

    /// <summary>Every paragraph longer than 30 characters broken after its 20th, unless that would end a sentence there.</summary>
    private static string BreakEveryLongParagraph(string text) => string.Join("\n", text.Split('\n').Select(line =>
        line.Length > 30 && !"。:;".Contains(line[19], StringComparison.Ordinal) && !char.IsWhiteSpace(line[19]) && !line.StartsWith('-')
            ? line[..20] + "\n\n" + line[20..]
            : line));
}
