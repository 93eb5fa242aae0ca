using System.Text.RegularExpressions;
using static PerfEval.Application.ReportImports.ReportPhrases;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// Reads the budget as stated: totals anywhere outside the sections about basic expenditure and
/// projects and outside clauses about a part ("其中:上级资金…", "财政资金预算部分…"); the parts from
/// their own sections. Every printing of a total is a reading, so a report that repeats a total with
/// another figure leaves it conflicting.
/// </summary>
internal static class BudgetReading
{
    private static readonly string[] Parts = ["财政资金", "上级资金", "本级资金", "本级财力", "其他资金", "基本支出", "项目", "人员经费", "公用经费"];
    private static readonly string[] PartSections = ["基本支出", "项目", "资金使用"];

    private static readonly Regex Initial = Pattern("年初(?:批复|安排)?(?:预算|预算数|预算金额)(?:数|金额)?" + Joiner + Amount);
    private static readonly Regex Adjustment = Pattern("(?:年中|年度中|预算)?(?<word>调增|调减|追加|调整)(?:预算)?(?:数|金额|资金)?" + Joiner + Amount);
    private static readonly Regex Adjusted = Pattern(@"(?:调整后(?:全年)?(?:预算|预算数|预算金额)|预算(?:数|金额)?\(调整后\)|预算调整后(?:数|金额)?|全年预算(?:数|金额))" + Joiner + Amount);
    private static readonly Regex Executed = Pattern("(?:执行(?:数|金额)|实际支出(?:资金|金额|数)?|实际执行(?:数|金额)?)" + Joiner + Amount);
    private static readonly Regex InitialBySource = Pattern("(?<source>上级资金|本级资金|本级财力|其他资金)(?:安排)?年初预算(?:数|金额)?" + Joiner + Amount);
    private static readonly Regex UseTotal = Pattern("全年预算支出(?:金额|总额)?" + Joiner + Amount);
    private static readonly Regex BasicAmount = Pattern("基本支出" + Joiner + Amount);
    private static readonly Regex ProjectAmount = Pattern("项目支出" + Joiner + Amount);
    private static readonly Regex BasicBudget = Pattern("基本支出(?:全年)?预算(?:总额|数|金额)?" + Joiner + Amount);
    private static readonly Regex Personnel = Pattern("人员经费" + Joiner + Amount);
    private static readonly Regex Operating = Pattern("公用经费" + Joiner + Amount);
    private static readonly Regex ProjectCount = Pattern(@"共有个?(?<n>\d+)个?项目");
    private static readonly Regex OnPlatform = Pattern(@"线上(?<n>\d+)个项目|(?<n>\d+)个线上项目");
    private static readonly Regex OffPlatform = Pattern(@"线下(?<n>\d+)个项目|(?<n>\d+)个线下项目");
    private static readonly Regex ProjectTotals = Pattern("项目总(?:金额|预算金额|预算)" + Joiner + Amount + "[,;]?(?:执行金额|实际支出|执行数)" + Joiner
        + "(?<executed>" + Number + ")(?<money2>万元|亿元|元)");
    private static readonly Regex ProjectGroup = Pattern(@"(?<source>上级资金|本级资金|本级财力|其他资金)?(?:资金)?(?:项目)?共计(?<n>\d+)个项目[^。\n]{0,80}?预算金额" + Joiner + Amount
        + "[^。\n]{0,40}?执行金额" + Joiner + "(?<executed>" + Number + ")(?<money2>万元|亿元|元)");

    public static DraftBudget Read(ReadingContext context, BudgetTableReadings forms)
    {
        bool Total(Match m) => !context.InSection(m, PartSections) && !context.QualifiedBy(m, Parts);

        var initial = context.Resolve("budget.initial", context.Matches(Initial, Total).Select(m => context.Reading(Yuan(m), m)).Concat(forms.Initial));
        var adjustments = context.Resolve("budget.adjustments", context.Matches(Adjustment, m => Total(m) && !m.Value.Contains("调整后", StringComparison.Ordinal))
            .Select(m => context.Reading(m.Groups["word"].Value == "调减" ? -Yuan(m) : Yuan(m), m)));
        var adjusted = context.Resolve("budget.adjusted", context.Matches(Adjusted, Total).Select(m => context.Reading(Yuan(m), m)).Concat(forms.Adjusted));
        var executed = context.Resolve("budget.executed", context.Matches(Executed, Total).Select(m => context.Reading(Yuan(m), m)).Concat(forms.Executed));

        (adjusted, adjustments) = Infer(context, initial, adjustments, adjusted);

        return new DraftBudget(
            initial,
            adjustments,
            adjusted,
            executed,
            ReadInitialBySource(context),
            ReadUseOfFunds(context),
            ReadBasic(context),
            ReadProjects(context));
    }

    /// <summary>
    /// adjusted = initial + adjustments, and adjustments = adjusted − initial, only when the one is
    /// not printed and both others are read; the rule is named on the field and flagged.
    /// </summary>
    private static (DraftField<decimal> Adjusted, DraftField<decimal> Adjustments) Infer(
        ReadingContext context, DraftField<decimal> initial, DraftField<decimal> adjustments, DraftField<decimal> adjusted)
    {
        if (adjusted.Status == FieldStatus.Missing && initial.Status == FieldStatus.Read && adjustments.Status == FieldStatus.Read)
        {
            const string rule = "adjusted = initial + adjustments";
            context.Flag("inferred", "budget.adjusted", "The adjusted budget is not printed; inferred by " + rule + ".");
            return (new DraftField<decimal>(FieldStatus.Inferred, initial.Value + adjustments.Value, [], rule), adjustments);
        }

        if (adjustments.Status == FieldStatus.Missing && initial.Status == FieldStatus.Read && adjusted.Status == FieldStatus.Read)
        {
            const string rule = "adjustments = adjusted − initial";
            context.Flag("inferred", "budget.adjustments", "The adjustment total is not printed; inferred by " + rule + ".");
            return (adjusted, new DraftField<decimal>(FieldStatus.Inferred, adjusted.Value - initial.Value, [], rule));
        }

        return (adjusted, adjustments);
    }

    private static DraftFundingSources ReadInitialBySource(ReadingContext context)
    {
        var matches = context.Matches(InitialBySource).ToList();
        DraftField<decimal> Source(string path, params string[] words) => context.Resolve(path,
            matches.Where(m => words.Contains(m.Groups["source"].Value)).Select(m => context.Reading(Yuan(m), m)));

        return new DraftFundingSources(
            Source("budget.initialBySource.superior", "上级资金"),
            Source("budget.initialBySource.ownLevel", "本级资金", "本级财力"),
            Source("budget.initialBySource.other", "其他资金"));
    }

    private static DraftUseOfFunds ReadUseOfFunds(ReadingContext context)
    {
        bool Scope(Match m) => context.InSection(m, "资金使用");

        return new DraftUseOfFunds(
            context.Resolve("budget.useOfFunds.total", context.Matches(UseTotal, Scope).Select(m => context.Reading(Yuan(m), m))),
            context.Resolve("budget.useOfFunds.basic", context.Matches(BasicAmount, Scope).Select(m => context.Reading(Yuan(m), m))),
            context.Resolve("budget.useOfFunds.project", context.Matches(ProjectAmount, Scope).Select(m => context.Reading(Yuan(m), m))));
    }

    private static DraftBasicExpenditure ReadBasic(ReadingContext context)
    {
        bool Scope(Match m) => context.InSection(m, "基本支出");

        return new DraftBasicExpenditure(
            context.Resolve("budget.basicExpenditure.budget", context.Matches(BasicBudget, Scope).Select(m => context.Reading(Yuan(m), m))),
            context.Resolve("budget.basicExpenditure.personnel", context.Matches(Personnel, Scope).Select(m => context.Reading(Yuan(m), m))),
            context.Resolve("budget.basicExpenditure.operating", context.Matches(Operating, Scope).Select(m => context.Reading(Yuan(m), m))),
            context.Resolve("budget.basicExpenditure.executed", context.Matches(Executed, Scope).Select(m => context.Reading(Yuan(m), m))));
    }

    private static DraftProjects ReadProjects(ReadingContext context)
    {
        var totals = context.Matches(ProjectTotals).ToList();
        var groups = context.Matches(ProjectGroup).Select((m, i) =>
        {
            var source = m.Groups["source"].Success ? m.Groups["source"].Value : SourceFromHeading(context, m);
            var path = $"budget.projects.bySource[{i}]";
            return new DraftProjectGroup(
                source ?? "",
                context.Resolve(path + ".count", [context.Reading(int.Parse(m.Groups["n"].Value), m)]),
                context.Resolve(path + ".budget", [context.Reading(Yuan(m), m)]),
                context.Resolve(path + ".executed", [context.Reading(SecondAmount(m), m)]));
        }).ToList();

        return new DraftProjects(
            context.Resolve("budget.projects.count", context.Matches(ProjectCount).Select(m => context.Reading(int.Parse(m.Groups["n"].Value), m))),
            context.Resolve("budget.projects.onPlatform", context.Matches(OnPlatform).Select(m => context.Reading(int.Parse(m.Groups["n"].Value), m))),
            context.Resolve("budget.projects.offPlatform", context.Matches(OffPlatform).Select(m => context.Reading(int.Parse(m.Groups["n"].Value), m))),
            context.Resolve("budget.projects.budget", totals.Select(m => context.Reading(Yuan(m), m))),
            context.Resolve("budget.projects.executed", totals.Select(m => context.Reading(SecondAmount(m), m))),
            groups);
    }

    /// <summary>"(2)本级财力项目" / "共计4个项目…": the funding source is the heading's when the sentence names none.</summary>
    private static string? SourceFromHeading(ReadingContext context, Match match)
    {
        string[] sources = ["上级资金", "本级资金", "本级财力", "其他资金"];
        return context.Text.SectionPath(match.Index)
            .Select(h => context.Text.LineText(h))
            .Reverse()
            .Select(h => sources.FirstOrDefault(s => h.Contains(s, StringComparison.Ordinal)))
            .FirstOrDefault(s => s is not null);
    }

    private static decimal SecondAmount(Match match) => ParseNumber(match.Groups["executed"].Value) * match.Groups["money2"].Value switch
    {
        "万元" => 10_000m,
        "亿元" => 100_000_000m,
        _ => 1m,
    };
}
