using System.Text.RegularExpressions;
using PerfEval.Application.Indicators;
using static PerfEval.Application.ReportImports.ReportPhrases;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// Reads indicators written as prose. An indicator starts at a heading naming it ("(一)指标一:") or,
/// in reports without such headings, at a line that states a target value (指标值/目标值), and runs to
/// the next one or the next level-1 heading; inside it the phrases may come in any order.
/// </summary>
internal static class IndicatorReading
{
    private static readonly Regex IndicatorHeading = Pattern(@"指标[一二三四五六七八九十\d]+[:]?(?<name>[^\n]*)$");
    private static readonly Regex Name = Pattern(@"指标名称(?::|为)?(?<name>[^,;。:\n]+)");
    private static readonly Regex LeadingName = Pattern(@"^(?<name>[^,;。:\n\d]{2,40}?)(?:指标)?(?::|,|;|的?(?:预期|年度)?(?:指标值|目标值))");
    private static readonly Regex Target = Pattern(@"(?:预期|年度|计划)?(?:指标值|目标值)(?:设定)?" + Joiner + Operator + "?" + Joiner + "(?<n>" + Number + ")" + Unit);
    private static readonly Regex MidYear = Pattern(@"年中(?:监控)?(?:实际)?(?:完成值|完成情况|完成数|完成)" + Joiner + "(?<n>" + Number + ")" + Unit);
    private static readonly Regex Final = Pattern(@"(?:本次评价(?:实际)?完成值?|全年(?:实际)?完成值?|实际完成值?|评价完成值|完成值)" + Joiner + "(?<n>" + Number + ")" + Unit);
    private static readonly Regex Completion = Pattern(@"完成率" + Joiner + "(?<n>" + Number + ")%");
    private static readonly Regex Weight = Pattern(@"(?:权重分值|标准分值|权重|分值)" + Joiner + "(?<n>" + Number + ")分?");
    private static readonly Regex Score = Pattern(@"(?:自评得分|得分|评分)" + Joiner + "(?<n>" + Number + ")分?");
    private static readonly Regex Level1 = Pattern(@"一级指标(?::|为)?(?<v>[^,;。\n]{2,8}?)(?=[,;。\n]|$|二级)");
    private static readonly Regex Level2 = Pattern(@"二级指标(?::|为)?(?<v>[^,;。\n]{2,12}?)(?=[,;。\n]|$|三级)");
    private static readonly Regex Reason = Pattern(@"偏差原因(?:分析)?(?::|为|是)?");
    private const int MaxReason = 600;

    /// <summary>A department's report has a few dozen indicators; thousands mean the text is not a report.</summary>
    public const int MaxIndicators = 1000;

    private static readonly Regex Measure = Pattern(@"改进措施(?::|为|是)?(?<v>[^。\n]{1,600})");

    public static List<IndicatorParts> Read(ReadingContext context)
    {
        var text = context.Text;
        var segments = Segments(text);
        if (segments.Count > MaxIndicators)
        {
            throw new ReportFileRejectedException(ReportFileProblem.TooMuchText,
                $"The text states {segments.Count} indicators; a report has a few dozen, and at most {MaxIndicators} are read.");
        }

        return segments.Select((s, i) => ReadSegment(context, i + 1, s.Start, s.End, s.HeadingName)).ToList();
    }

    private static List<(int Start, int End, string? HeadingName)> Segments(ReportText text)
    {
        var starts = new List<(int Start, string? Name)>();
        foreach (var line in text.Lines)
        {
            var lineText = text.LineText(line);
            if (line.HeadingLevel > 0 && IndicatorHeading.Match(lineText) is { Success: true } heading && !lineText.Contains("指标值", StringComparison.Ordinal))
            {
                var name = heading.Groups["name"].Value.Trim(':', ' ');
                starts.Add((line.Start, name.Length > 0 ? name : null));
            }
        }

        if (starts.Count == 0)
        {
            starts.AddRange(text.Lines.Where(l => l.HeadingLevel == 0 && Target.IsMatch(text.LineText(l)))
                .Select(l => (l.Start, (string?)null)));
        }

        var segments = new List<(int, int, string?)>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Start : text.Text.Length;
            var level1 = text.LinesIn(starts[i].Start + 1, end).FirstOrDefault(l => l.HeadingLevel == 1);
            segments.Add((starts[i].Start, level1?.Start ?? end, starts[i].Name));
        }

        return segments;
    }

    private static IndicatorParts ReadSegment(ReadingContext context, int sequence, int start, int end, string? headingName)
    {
        var text = context.Text;
        var segment = text.Text[start..end];
        IEnumerable<Match> In(Regex pattern) => pattern.Matches(segment).Cast<Match>();
        Evidence Evidence(Group g) => text.EvidenceOf(start + g.Index, start + g.Index + g.Length);
        FieldReading<T> Reading<T>(T value, Group g) => new(value, Evidence(g));

        var names = In(Name).Select(m => m.Groups["name"]).ToList();
        if (names.Count == 0 && headingName is not null)
        {
            var headingLine = text.Lines[text.FirstLineFrom(start)];
            var at = text.LineText(headingLine).LastIndexOf(headingName, StringComparison.Ordinal);
            var evidence = text.EvidenceOf(start + at, start + at + headingName.Length);
            return Build(new FieldReading<string>(headingName, evidence));
        }

        if (names.Count == 0)
        {
            // The first sentence's subject: "重点项目投产数:该指标…", "开展活动数量指标,目标值为…".
            var body = text.LinesIn(start, end).Where(l => l.HeadingLevel == 0).ToList();
            foreach (var line in body)
            {
                var leading = LeadingName.Match(text.LineText(line));
                if (leading.Success)
                {
                    var g = leading.Groups["name"];
                    var value = g.Value.TrimEnd('的');
                    return Build(new FieldReading<string>(value, text.EvidenceOf(line.Start + g.Index, line.Start + g.Index + value.Length)));
                }
            }

            return Build(null);
        }

        return Build(Reading(names[0].Value, names[0]));

        IndicatorParts Build(FieldReading<string>? name)
        {
            var path = $"indicators[{sequence - 1}]";
            var targets = In(Target).ToList();
            var operators = new List<FieldReading<ComparisonOperator>>();
            foreach (var t in targets)
            {
                var op = OperatorOf(t.Groups["op"].Value, out var strict) ?? OperatorOfBound(t.Groups["bound"].Value);
                if (strict)
                {
                    context.Flag("strictOperator", path + ".operator", "The target is stated as a strict comparison (" + t.Groups["op"].Value + "), which is none of ≥, ≤, =: choose one.", Evidence(t.Groups[0]));
                }
                else if (op is { } known)
                {
                    operators.Add(Reading(known, t.Groups[t.Groups["op"].Success ? "op" : "bound"]));
                }
            }

            var finals = In(Final).Where(m => !PrecededBy(segment, m.Index, "年中")).ToList();
            var reasons = ReadReasons(segment);
            return new IndicatorParts(
                sequence,
                name is null ? [] : [name],
                In(Level1).Select(m => Reading(m.Groups["v"].Value, m.Groups["v"])).ToList(),
                In(Level2).Select(m => Reading(m.Groups["v"].Value, m.Groups["v"])).ToList(),
                operators,
                targets.Select(m => Reading(QuantityOf(m), m.Groups[0])).ToList(),
                targets.Count > 0,
                In(MidYear).Select(m => Reading(QuantityOf(m), m.Groups[0])).ToList(),
                finals.Select(m => Reading(QuantityOf(m), m.Groups[0])).ToList(),
                In(Completion).Select(m => Reading(ParseNumber(m.Groups["n"].Value), m.Groups[0])).ToList(),
                In(Weight).Select(m => Reading(ParseNumber(m.Groups["n"].Value), m.Groups[0])).ToList(),
                In(Score).Select(m => Reading(ParseNumber(m.Groups["n"].Value), m.Groups[0])).ToList(),
                reasons.Where(r => !r.MidYear).Select(r => new FieldReading<string>(r.Text, text.EvidenceOf(start + r.Start, start + r.End))).ToList(),
                reasons.Where(r => r.MidYear).Select(r => new FieldReading<string>(r.Text, text.EvidenceOf(start + r.Start, start + r.End))).ToList(),
                In(Measure).Select(m => Reading(m.Groups["v"].Value.TrimEnd(',', ';'), m.Groups["v"])).ToList());
        }
    }

    private static Quantity QuantityOf(Match m) => new(ParseNumber(m.Groups["n"].Value), m.Groups["unit"].Value);

    private static bool PrecededBy(string text, int index, string word) =>
        text[Math.Max(0, index - 6)..index].Contains(word, StringComparison.Ordinal);

    /// <summary>
    /// 偏差原因: up to 改进措施, the sentence end, or, inside brackets, the closing bracket. A reason
    /// introduced as the gap between the mid-year and the final value ("年中监控与本次评价完成值偏差原因")
    /// explains the mid-year value, not the final one.
    /// </summary>
    private static List<(int Start, int End, string Text, bool MidYear)> ReadReasons(string segment)
    {
        var reasons = new List<(int, int, string, bool)>();
        foreach (Match m in Reason.Matches(segment))
        {
            var from = m.Index + m.Length;
            // A reason is a sentence or two: every search is bounded, so a hostile text stays linear.
            var window = Math.Min(MaxReason, segment.Length - from);
            var back = Math.Min(MaxReason, m.Index);
            var opening = m.Index == 0 ? -1 : segment.LastIndexOf('(', m.Index - 1, back);
            var bracketed = opening >= 0 && segment.IndexOf(')', opening, m.Index - opening) < 0;
            var stop = bracketed ? segment.IndexOf(')', from, window) : -1;
            if (stop < 0)
            {
                stop = new[] { segment.IndexOf('。', from, window), segment.IndexOf('\n', from, window), segment.IndexOf("改进措施", from, window, StringComparison.Ordinal) }
                    .Where(i => i >= 0).DefaultIfEmpty(from + window).Min();
            }

            var reason = segment[from..stop].TrimEnd(',', ';');
            if (reason.Length == 0)
            {
                continue;
            }

            var midYear = segment[Math.Max(0, m.Index - 16)..m.Index].Contains("年中", StringComparison.Ordinal);
            reasons.Add((from, from + reason.Length, reason, midYear));
        }

        return reasons;
    }
}

/// <summary>Everything read for one indicator before it is resolved into a <see cref="DraftIndicator"/>; prose and table readings merge here.</summary>
internal sealed record IndicatorParts(
    int Sequence,
    IReadOnlyList<FieldReading<string>> Name,
    IReadOnlyList<FieldReading<string>> Level1,
    IReadOnlyList<FieldReading<string>> Level2,
    IReadOnlyList<FieldReading<ComparisonOperator>> Operator,
    IReadOnlyList<FieldReading<Quantity>> Target,
    bool TargetStated,
    IReadOnlyList<FieldReading<Quantity>> MidYear,
    IReadOnlyList<FieldReading<Quantity>> Final,
    IReadOnlyList<FieldReading<decimal>> Completion,
    IReadOnlyList<FieldReading<decimal>> Weight,
    IReadOnlyList<FieldReading<decimal>> Score,
    IReadOnlyList<FieldReading<string>> DeviationReason,
    IReadOnlyList<FieldReading<string>> MidYearDeviationReason,
    IReadOnlyList<FieldReading<string>> ImprovementMeasure,
    IReadOnlyList<FieldReading<string>>? InferredLevel1 = null,
    IReadOnlyList<FieldReading<string>>? InferredLevel2 = null)
{
    public string? NameValue => Name.Count > 0 ? Name[0].Value : null;

    /// <summary>The same indicator read from prose and from a table: every reading of each field together.</summary>
    public IndicatorParts Merge(IndicatorParts other) => new(
        Sequence,
        [.. Name, .. other.Name],
        [.. Level1, .. other.Level1],
        [.. Level2, .. other.Level2],
        [.. Operator, .. other.Operator],
        [.. Target, .. other.Target],
        TargetStated || other.TargetStated,
        [.. MidYear, .. other.MidYear],
        [.. Final, .. other.Final],
        [.. Completion, .. other.Completion],
        [.. Weight, .. other.Weight],
        [.. Score, .. other.Score],
        [.. DeviationReason, .. other.DeviationReason],
        [.. MidYearDeviationReason, .. other.MidYearDeviationReason],
        [.. ImprovementMeasure, .. other.ImprovementMeasure],
        InferredLevel1 ?? other.InferredLevel1,
        InferredLevel2 ?? other.InferredLevel2);
}
