using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>Normalising for reading, and the map that takes every normalised character back to what was written.</summary>
public sealed class ReportTextTests
{
    [Theory]
    [InlineData("年初预算数为２３７３．３５万元，执行率９４．８２％；", "年初预算数为2373.35万元,执行率94.82%;")]
    [InlineData("（一）指标一：", "(一)指标一:")]
    [InlineData("预算数为 3 661.55 万元", "预算数为3661.55万元")]
    [InlineData("目标值\u3000≥\u300020 场次", "目标值≥20场次")]
    [InlineData("评价结果为“优”", "评价结果为\"优\"")]
    [InlineData("#### 一、基本概况:", "一、基本概况:")]
    [InlineData("- (一) 存在的主要问题", "(一)存在的主要问题")]
    [InlineData("预算执\n\n行率为94.82%。", "预算执行率为94.82%。")]
    [InlineData("预算执\r\n行率为94.82%。", "预算执行率为94.82%。")]
    [InlineData("年初预算数为100万元。\n年中调增数0万元。", "年初预算数为100万元。\n年中调增数0万元。")]
    [InlineData("1.部门主要职能\n贯彻落实", "1.部门主要职能\n贯彻落实")]
    [InlineData("部门单位名称(公章): 某局\n填报时间: 2025年02月14日", "部门单位名称(公章):某局\n填报时间:2025年02月14日")]
    [InlineData("管理服务工作\n(二)部门单位年度重点工作:", "管理服务工作\n(二)部门单位年度重点工作:")]
    [InlineData("完成率为100%,\n1.目前财政较紧张,园区基础配套建设存在资金缺口,特别是国际工业合作产业园电力配套项目急需资金。", "完成率为100%,\n1.目前财政较紧张,园区基础配套建设存在资金缺口,特别是国际工业合作产业园电力配套项目急需资金。")]
    public void Normalise_Text_IsReadableAndJoined(string original, string normalised)
    {
        Assert.Equal(normalised, ReportText.Normalise(ReportDocument.FromText(original)).Text);
    }

    [Theory]
    [InlineData("年初预算数为２３７３．３５万元。", "２３７３．３５万元")]
    [InlineData("我单位2024年部门单位整体年初\n\n预算数为 2373.35 万元, 预算数(调整后)", "年初\n\n预算数为 2373.35 万元")]
    [InlineData("#### (二)预算\n全年预算数为 3 661.55 万元", "全年预算数为 3 661.55 万元")]
    public void EvidenceOf_NormalisedSpan_QuotesTheOriginal(string original, string quoted)
    {
        var text = ReportText.Normalise(ReportDocument.FromText(original));
        var normalisedQuote = ReportText.NormaliseSpan(quoted, 0, quoted.Length, dropListMarkers: false).Text;
        var start = text.Text.IndexOf(normalisedQuote, StringComparison.Ordinal);

        var evidence = text.EvidenceOf(start, start + normalisedQuote.Length);

        Assert.Equal(quoted, evidence.Text);
        Assert.Equal(original.IndexOf(quoted, StringComparison.Ordinal), evidence.Start);
        Assert.Equal(quoted.Length, evidence.Length);
    }

    [Theory]
    [InlineData("一、基本概况:", 1)]
    [InlineData("第二部分 绩效分析", 1)]
    [InlineData("(一)部门单位基本情况:", 2)]
    [InlineData("1.部门主要职能", 3)]
    [InlineData("2、预算调整情况", 3)]
    [InlineData("(1)管理制度健全性", 4)]
    [InlineData("5.01%的增长来自园区", 0)]
    [InlineData("1.推进清欠工作。积极对接财政及清欠部门,争取财政资金,完成全年清欠目标任务,同时与欠款单位开展协商,签订还款协议。", 0)]
    [InlineData("贯彻落实党中央", 0)]
    public void HeadingLevelOf_Line_IsItsDepth(string line, int level)
    {
        Assert.Equal(level, ReportText.HeadingLevelOf(line));
    }
}
