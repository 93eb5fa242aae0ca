using System.Globalization;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Exports;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Reports;

/// <summary>
/// The one way a rendered report or form writes a number: amounts in 万元 with 2 decimals (as the
/// reports print them), rates and scores as the scorecard computed them (2 decimals), and an
/// indicator's own values (targets, final values, weights) as they were written.
/// </summary>
internal static class ReportFigures
{
    private const decimal YuanPerWan = 10_000m;

    /// <summary>Yuan → 万元, rounded half away from zero to 2 decimals.</summary>
    public static decimal Wan(decimal yuan) => Math.Round(yuan / YuanPerWan, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static string Money(decimal yuan) => Wan(yuan).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Rate(decimal? percent) => percent is { } p ? Fixed(p) + "%" : "—";

    public static string Points(decimal? points) => points is { } p ? Fixed(p) : "—";

    /// <summary>A figure the scorecard computed, shown with 2 decimals.</summary>
    public static string Fixed(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A value as written: 35000, 5.01, 244.62 (no padding, no trailing zeros).</summary>
    public static string Stated(decimal? value) => value is { } v ? v.ToString("0.############", CultureInfo.InvariantCulture) : "—";

    /// <summary>A count as written.</summary>
    public static string Count(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "—";

    /// <summary>"3 项", "5%", "35000 万元".</summary>
    public static string WithUnit(decimal? value, string? unit) =>
        string.IsNullOrEmpty(unit) ? Stated(value) : unit is "%" or "％" ? Stated(value) + "%" : $"{Stated(value)} {unit}";

    /// <summary>The operator as the reports phrase it: 大于等于, 小于等于, 等于.</summary>
    public static string Phrase(ComparisonOperator? op) => op switch
    {
        ComparisonOperator.AtLeast => "大于等于",
        ComparisonOperator.AtMost => "小于等于",
        ComparisonOperator.Equal => "等于",
        _ => "",
    };

    /// <summary>The operator as a form's cell shows it: ≥3项.</summary>
    public static string Symbol(ComparisonOperator? op) => op switch
    {
        ComparisonOperator.AtLeast => "≥",
        ComparisonOperator.AtMost => "≤",
        ComparisonOperator.Equal => "＝",
        _ => "",
    };

    /// <summary>The Chinese names are the exports' (<see cref="ExportLabels"/>): one vocabulary for every file.</summary>
    public static string Grade(Grade? grade) => ExportLabels.Of(grade) ?? "—";

    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture) : "";

    public static string Category(IndicatorCategory category) => ExportLabels.Of(category)!;

    public static string Subcategory(IndicatorSubcategory subcategory) => ExportLabels.Of(subcategory)!;

    public static string Tier(QualitativeTier? tier) => ExportLabels.Of(tier) ?? "—";

    /// <summary>达到 / 超出 / 未达到预期效益, from the computed completion.</summary>
    public static string Outcome(decimal? completion) => completion switch
    {
        null => "未评价",
        > 100m => "超出预期效益",
        100m => "达到预期效益",
        _ => "未达到预期效益",
    };

    /// <summary>一, 二, … 十九 for the indicator headings.</summary>
    public static string Chinese(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>偏差原因分析及改进措施: the deviation reason and the improvement measure as written.</summary>
    public static string Deviation(IndicatorResponse indicator) =>
        string.Join("；", new[] { indicator.DeviationReason, indicator.ImprovementMeasure }.Where(t => !string.IsNullOrWhiteSpace(t)));
}
