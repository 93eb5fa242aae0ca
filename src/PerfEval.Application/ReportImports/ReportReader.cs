using System.Text.RegularExpressions;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using static PerfEval.Application.ReportImports.ReportPhrases;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// Reads a self-evaluation report into a <see cref="ReportDraft"/>. Pure: no I/O, the same document
/// always gives the same draft. Throws <see cref="ReportFileRejectedException"/> (NotAReport) when
/// nothing in the text is recognisable as a report.
/// </summary>
public static class ReportReader
{
    private static readonly Regex AdjustmentRate = Pattern("预算调整率" + Joiner + "(?<n>-?" + Number + ")%");
    private static readonly Regex ExecutionRate = Pattern("(?:预算)?执行率" + Joiner + "(?<n>" + Number + ")%");
    private static readonly Regex ExecutionScore = Pattern("执行率" + Joiner + Number + "%[,;]?(?:得分?|评分)" + Joiner + "(?<n>" + Number + ")分"
        + "|预算执行(?:率)?(?:得分|评分)" + Joiner + "(?<n>" + Number + ")分?");
    private static readonly Regex Composite = Pattern("(?:综合|总)(?:得分|评分|评价得分)" + Joiner + "(?<n>" + Number + ")分?");
    private static readonly Regex GradeWords = Pattern(@"(?:评价结果|评价等级|绩效等级|评定等级|自评等级|等级)" + Joiner + @"[""']?(?<g>优秀|良好|合格|不合格|中等|优|良|中|差)");
    private static readonly string[] Parts = ["财政资金", "上级资金", "本级资金", "本级财力", "其他资金", "基本支出", "项目"];

    public static ReportDraft Read(ReportDocument document)
    {
        try
        {
            return ReadDocument(document);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new ReportFileRejectedException(ReportFileProblem.TooMuchText, "The text took too long to read; it is not shaped like a report.", e);
        }
    }

    private static ReportDraft ReadDocument(ReportDocument document)
    {
        var text = ReportText.Normalise(document);
        var context = new ReadingContext(document, text);

        var department = UnitFactsReading.ReadDepartment(context);
        var year = UnitFactsReading.ReadYear(context);
        var filingDate = UnitFactsReading.ReadFilingDate(context);
        var unit = UnitFactsReading.Read(context);
        var forms = BudgetTableReading.Read(context);
        var budget = BudgetReading.Read(context, forms);
        var indicators = ReadIndicators(context);
        var declared = ReadDeclared(context, forms);
        var narrative = NarrativeReading.Read(context);

        // A report has a title (its year or its department) and figures; a text with neither, or with
        // only one thing that looks like either, is not read as a report.
        var title = year.Value is not null || department.Value is not null;
        var figures = new object?[] { budget.Initial.Value, budget.Adjusted.Value, budget.Executed.Value, declared.AdjustmentRate.Value,
            declared.ExecutionRate.Value, declared.ExecutionScore.Value, declared.CompositeScore.Value, declared.Grade.Value,
            unit.Staffing.Total.Value }.Count(v => v is not null) + indicators.Count;
        if (!(title && figures > 0) && figures < 2)
        {
            throw new ReportFileRejectedException(ReportFileProblem.NotAReport,
                "Nothing in the file reads as a self-evaluation report: no title with a year or department, and no budget, indicator or score.");
        }

        return new ReportDraft(document.Kind, department, year, filingDate, unit, budget, indicators, declared, narrative,
            context.Flags, document.Text, CommitProposals.DepartmentCode(department), CommitProposals.Region(department));
    }

    private static DraftDeclaredResults ReadDeclared(ReadingContext context, BudgetTableReadings forms)
    {
        bool Total(Match m) => !context.QualifiedBy(m, Parts) && !context.InSection(m, "基本支出", "项目");
        DraftField<decimal> Figure(string path, Regex pattern, Func<Match, bool>? keep = null, IEnumerable<FieldReading<decimal>>? fromForms = null) =>
            context.Resolve(path, context.Matches(pattern, keep).Select(m => context.Reading(ParseNumber(m.Groups["n"].Value.TrimStart('-')) * (m.Groups["n"].Value.StartsWith('-') ? -1 : 1), m))
                .Concat(fromForms ?? []));

        return new DraftDeclaredResults(
            Figure("declared.adjustmentRate", AdjustmentRate, Total),
            Figure("declared.executionRate", ExecutionRate, Total, forms.ExecutionRate),
            Figure("declared.executionScore", ExecutionScore, Total, forms.ExecutionScore),
            Figure("declared.compositeScore", Composite),
            context.Resolve("declared.grade", context.Matches(GradeWords).Select(m => context.Reading(GradeOf(m.Groups["g"].Value), m))));
    }

    private static Grade GradeOf(string word) => word switch
    {
        "优" or "优秀" => Grade.Excellent,
        "良" or "良好" => Grade.Good,
        "中" or "中等" or "合格" => Grade.Fair,
        _ => Grade.Poor,
    };

    /// <summary>Indicators from tables and prose; one named in both is one indicator with every reading of each field.</summary>
    private static List<DraftIndicator> ReadIndicators(ReadingContext context)
    {
        var fromTables = IndicatorTableReading.Read(context, 1);
        var fromProse = IndicatorReading.Read(context);
        var all = new List<IndicatorParts>(fromTables);
        var tableNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fromTables.Count; i++)
        {
            if (fromTables[i].NameValue is { } name)
            {
                tableNames.TryAdd(name, i);
            }
        }

        foreach (var prose in fromProse)
        {
            if (prose.NameValue is { } name && tableNames.TryGetValue(name, out var same))
            {
                all[same] = all[same].Merge(prose);
            }
            else
            {
                all.Add(prose);
            }
        }

        return all.Select((parts, i) => Resolve(context, parts with { Sequence = i + 1 })).ToList();
    }

    private static DraftIndicator Resolve(ReadingContext context, IndicatorParts parts)
    {
        var path = $"indicators[{parts.Sequence - 1}]";
        var name = context.ResolveText(path + ".name", parts.Name);
        var target = ResolveQuantity(context, path + ".target", parts.Target, null);
        var targetUnit = target.Value?.Unit;
        var op = context.Resolve(path + ".operator", parts.Operator);
        if (op.Status == FieldStatus.Missing && parts.TargetStated)
        {
            context.Flag("operatorNotStated", path + ".operator",
                "The target is printed without ≥, ≤ or = (or words for them): the reviewer chooses.", [.. parts.Target.Select(t => t.Evidence)]);
        }

        if (name.Status == FieldStatus.Missing)
        {
            context.Flag("nameNotFound", path + ".name", "An indicator was found but its name was not.", [.. parts.Target.Select(t => t.Evidence)]);
        }

        return new DraftIndicator(
            parts.Sequence,
            name,
            Category(context, path + ".level1", parts.Level1, parts.InferredLevel1),
            Category(context, path + ".level2", parts.Level2, parts.InferredLevel2),
            op,
            target,
            ResolveQuantity(context, path + ".midYear", parts.MidYear, targetUnit),
            ResolveQuantity(context, path + ".final", parts.Final, targetUnit),
            context.Resolve(path + ".declaredCompletion", parts.Completion),
            context.Resolve(path + ".weight", parts.Weight),
            context.Resolve(path + ".declaredScore", parts.Score),
            context.ResolveText(path + ".deviationReason", parts.DeviationReason),
            context.ResolveText(path + ".midYearDeviationReason", parts.MidYearDeviationReason),
            context.ResolveText(path + ".improvementMeasure", parts.ImprovementMeasure));
    }

    private static DraftText Category(ReadingContext context, string path, IReadOnlyList<FieldReading<string>> read, IReadOnlyList<FieldReading<string>>? inferred)
    {
        if (read.Count > 0 || inferred is null || inferred.Count == 0)
        {
            return context.ResolveText(path, read);
        }

        return new DraftText(FieldStatus.Inferred, inferred[0].Value, inferred, "merged cell: the category printed above");
    }

    /// <summary>
    /// A value printed more than once: all the same number → read (a unit other than the target's is
    /// flagged); otherwise, when the statements in the target's unit agree and the others are in another
    /// unit (a restated completion rate, "实际完成值为102.86%" for 72 家), those are read and the others
    /// flagged as set aside; anything else is conflicting.
    /// </summary>
    private static DraftField<Quantity> ResolveQuantity(ReadingContext context, string path, IReadOnlyList<FieldReading<Quantity>> readings, string? targetUnit)
    {
        if (readings.Count == 0 || targetUnit is null)
        {
            return context.Resolve(path, readings);
        }

        if (readings.Select(r => r.Value.Number).Distinct().Count() == 1)
        {
            // One number in several units ("52 项" and later "52 家"): the number is sure, the unit is
            // the target's when one statement uses it; the reviewer is told either way.
            var units = readings.Select(r => r.Value.Unit).Distinct(StringComparer.Ordinal).ToList();
            var chosen = readings.FirstOrDefault(r => r.Value.Unit == targetUnit) ?? readings[0];
            if (units.Count > 1 || (chosen.Value.Unit != targetUnit && chosen.Value.Unit.Length > 0))
            {
                context.Flag("unitDiffersFromTarget", path, $"Printed in {string.Join(" / ", units)}, the target in {targetUnit}: check the unit.",
                    [.. readings.Select(r => r.Evidence)]);
            }

            return new DraftField<Quantity>(FieldStatus.Read, chosen.Value,
                [.. readings.OrderBy(r => r.Value.Unit == targetUnit ? 0 : 1).ThenBy(r => r.Evidence.Start)]);
        }

        var inUnit = readings.Where(r => r.Value.Unit == targetUnit).ToList();
        var others = readings.Where(r => r.Value.Unit != targetUnit).ToList();
        if (inUnit.Count > 0 && others.Count > 0 && inUnit.Select(r => r.Value).Distinct().Count() == 1)
        {
            context.Flag("statementSetAside", path, "Also printed in another unit than the target's, and set aside: "
                + string.Join(" / ", others.Select(o => o.Evidence.Text)), [.. others.Select(o => o.Evidence)]);
            return context.Resolve(path, inUnit);
        }

        return context.Resolve(path, readings);
    }
}
