using System.Diagnostics;
using System.Text;
using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// Text shaped to make a careless reader quadratic: a million characters of figures with no full
/// stop, thousands of indicator lines, unclosed brackets. Reading must stay about linear: it ends,
/// with a draft or a refusal, in a time no real report comes near (a seed reads in milliseconds).
/// </summary>
public sealed class HostileTextTests
{
    public static TheoryData<string> Shapes => new() { "one endless sentence", "thousands of indicators", "unclosed brackets", "thousands of headings" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_HostileTextAtTheCharacterLimit_EndsQuickly(string shape)
    {
        var text = new StringBuilder("部门单位整体支出绩效自评报告\n(2024年度)\n");
        var unit = shape switch
        {
            "one endless sentence" => "其中年初预算数为1万元,共计1个项目预算",
            "thousands of indicators" => "指标:目标值为≥1项,偏差原因:(原因\n",
            "unclosed brackets" => "(偏差原因:改进措施",
            _ => "(一)指标一:\n",
        };
        while (text.Length + unit.Length < ReportImportLimits.Default.MaxCharacters)
        {
            text.Append(unit);
        }

        var document = ReportDocument.FromText(text.ToString());
        var clock = Stopwatch.StartNew();
        try
        {
            ReportReader.Read(document);
        }
        catch (ReportFileRejectedException)
        {
            // A refusal is an answer too.
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{shape}: {clock.Elapsed}");
    }
}
