using System.Globalization;
using System.Text.RegularExpressions;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// The building blocks every phrase pattern shares, written against normalised text (half-width, no
/// spaces): numbers, money units, the operator words and an indicator value's unit.
/// </summary>
internal static class ReportPhrases
{
    /// <summary>A number: "3661.55", "3,661.55", "36142" (spaces are gone after normalising); never part of a longer number.</summary>
    public const string Number = @"(?<![\d.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])";

    /// <summary>An amount: a number and 万元, 亿元 or 元 (an amount printed without its unit is not read).</summary>
    public const string Amount = "(?<amount>" + Number + ")(?<money>万元|亿元|元)";

    /// <summary>Words joining a label to its figure: 为, 是, :, 共, 共计, 达, 合计 (any of them, or none).</summary>
    public const string Joiner = "(?:为|是|:|共计|共|达到|达|合计)*";

    /// <summary>The operator words, strict comparisons included so that they are seen and flagged, not skipped.</summary>
    public const string Operator = "(?<op>大于或等于|大于等于|不低于|不少于|不小于|至少|≥|>=|小于或等于|小于等于|不高于|不超过|不多于|不大于|至多|≤|<=|等于|=|大于|高于|多于|超过|>|小于|低于|少于|<)";

    /// <summary>An indicator value's unit as printed, up to the punctuation or word that ends it.</summary>
    public const string Unit = @"(?<unit>%|‰|个百分点|[\u4e00-\u9fa5A-Za-z²³/]{0,5}?)(?<bound>以上|以下|及以上|及以下)?(?=[,;。:()""、\n]|$|年中|本次|实际|完成|根据|偏差|权重|分值|得分)";

    public static decimal ParseNumber(string text) =>
        decimal.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>An amount match in yuan: 万元 × 10,000, 亿元 × 100,000,000, exactly.</summary>
    public static decimal Yuan(Match match) => ParseNumber(match.Groups["amount"].Value) * match.Groups["money"].Value switch
    {
        "万元" => 10_000m,
        "亿元" => 100_000_000m,
        _ => 1m,
    };

    /// <summary>The operator a phrase states; strict comparisons (大于, >) are none of ≥ ≤ =, so null with <paramref name="strict"/> set.</summary>
    public static ComparisonOperator? OperatorOf(string words, out bool strict)
    {
        strict = false;
        switch (words)
        {
            case "大于或等于" or "大于等于" or "不低于" or "不少于" or "不小于" or "至少" or "≥" or ">=":
                return ComparisonOperator.AtLeast;
            case "小于或等于" or "小于等于" or "不高于" or "不超过" or "不多于" or "不大于" or "至多" or "≤" or "<=":
                return ComparisonOperator.AtMost;
            case "等于" or "=":
                return ComparisonOperator.Equal;
            case "":
                return null;
            default:
                strict = true;
                return null;
        }
    }

    /// <summary>"以上" after a value means at least, "以下" at most.</summary>
    public static ComparisonOperator? OperatorOfBound(string bound) => bound switch
    {
        "以上" or "及以上" => ComparisonOperator.AtLeast,
        "以下" or "及以下" => ComparisonOperator.AtMost,
        _ => null,
    };

    /// <summary>
    /// Every pattern is bounded (no unbounded lazy scans) so matching is linear; the timeout is a
    /// backstop against a pattern that is not, turned into a refusal rather than a stuck request.
    /// </summary>
    public static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline, TimeSpan.FromSeconds(2));
}
