using System.Globalization;
using System.Text.RegularExpressions;
using static PerfEval.Application.ReportImports.ReportPhrases;

namespace PerfEval.Application.ReportImports;

/// <summary>The title block (department, year, filing date) and the unit's facts from 基本概况.</summary>
internal static class UnitFactsReading
{
    private static readonly Regex Department = Pattern(@"(?:部门)?单位名称(?:\((?:公章|盖章)\))?[:]?(?<name>[^\n]+?)(?:\((?:公章|盖章)\))?$");
    private static readonly Regex Year = Pattern(@"\((?<year>\d{4})年度?\)|(?<year>\d{4})年度(?:部门|单位|整体)");
    private static readonly Regex FilingDate = Pattern(@"填报(?:时间|日期)[:]?(?<y>\d{4})[年.\-/](?<m>\d{1,2})[月.\-/](?<d>\d{1,2})日?");
    private static readonly Regex UnitType = Pattern(@"公益[一二]类事业单位|参照公务员法管理的?事业单位|参公事业单位|政府工作部门|行政单位|行政机关|事业单位");
    private static readonly Regex Level = Pattern(@"正厅级|副厅级|正处级|副处级|正县级|副县级|正科级|副科级|县级|科级|股级");
    private static readonly Regex Divisions = Pattern(@"下设(?<n>\d+)个(?<kind>[\u4e00-\u9fa5]{1,6}?)(?=[,。;:]|分别|为|$)(?:[,;:]?(?:分别(?:是|为)?|为|包括|即)[:]?(?<names>[^。\n]+))?");
    private static readonly Regex StaffTotal = Pattern(@"(?<!行政|事业|工勤|人员)编制(?:数|人数|总数)?" + Joiner + @"(?<n>\d+)(?:名|人|个)");
    private static readonly Regex StaffAdministrative = Pattern(@"行政编制(?:数|人数)?" + Joiner + @"(?<n>\d+)(?:名|人|个)");
    private static readonly Regex StaffInstitutional = Pattern(@"事业编制(?:数|人数)?" + Joiner + @"(?<n>\d+)(?:名|人|个)");
    private static readonly Regex StaffLogistics = Pattern(@"工勤(?:人员)?编制(?:数|人数)?" + Joiner + @"(?<n>\d+)(?:名|人|个)");
    private static readonly Regex StaffActual = Pattern(@"实有(?:在编|在职)?(?:人员|人数)?" + Joiner + @"(?<n>\d+)(?:名|人)");

    public static DraftText ReadDepartment(ReadingContext context) =>
        context.ResolveText("department", context.Matches(Department).Take(1)
            .Select(m => new FieldReading<string>(m.Groups["name"].Value.TrimEnd(':'), context.Text.EvidenceOf(m.Groups["name"].Index, m.Groups["name"].Index + m.Groups["name"].Length))));

    /// <summary>The year of the title ("(2024年度)"), the first one printed.</summary>
    public static DraftField<int> ReadYear(ReadingContext context) =>
        context.Resolve("fiscalYear", context.Matches(Year).Take(1).Select(m => context.Reading(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), m)));

    public static DraftField<DateOnly> ReadFilingDate(ReadingContext context)
    {
        var readings = new List<FieldReading<DateOnly>>();
        foreach (var m in context.Matches(FilingDate))
        {
            if (DateOnly.TryParseExact($"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value):00}-{int.Parse(m.Groups["d"].Value):00}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                readings.Add(context.Reading(date, m));
            }
            else
            {
                context.Flag("unreadableDate", "filingDate", "The filing date printed is not a calendar date.", context.EvidenceOf(m));
            }
        }

        return context.Resolve("filingDate", readings);
    }

    public static DraftUnitFacts Read(ReadingContext context)
    {
        // Type, level and divisions are read where the report describes its organisation; a unit type
        // named elsewhere ("…的直属事业单位" in the functions) is a description, not the fact.
        bool Organisation(Match m) => context.InSection(m, "机构设置", "人员构成", "机构", "基本情况");
        var division = context.Matches(Divisions, Organisation).Take(1).ToList();

        return new DraftUnitFacts(
            ReadFunctions(context),
            context.ResolveText("unit.unitType", context.Matches(UnitType, m => context.InSection(m, "机构设置", "人员构成")).Take(1).Select(m => context.Reading(m.Value, m))),
            context.ResolveText("unit.level", context.Matches(Level, Organisation).Take(1).Select(m => context.Reading(m.Value, m))),
            context.Resolve("unit.divisionCount", division.Select(m => context.Reading(int.Parse(m.Groups["n"].Value), m))),
            context.ResolveText("unit.divisionKind", division.Select(m => context.Reading(m.Groups["kind"].Value, m))),
            context.ResolveText("unit.divisionNames", division.Where(m => m.Groups["names"].Success)
                .Select(m => new FieldReading<string>(m.Groups["names"].Value, context.Text.EvidenceOf(m.Groups["names"].Index, m.Groups["names"].Index + m.Groups["names"].Length)))),
            new DraftStaffing(
                Count(context, "unit.staffing.total", StaffTotal),
                Count(context, "unit.staffing.administrative", StaffAdministrative),
                Count(context, "unit.staffing.institutional", StaffInstitutional),
                Count(context, "unit.staffing.logistics", StaffLogistics),
                Count(context, "unit.staffing.actual", StaffActual)));
    }

    private static DraftField<int> Count(ReadingContext context, string path, Regex pattern) =>
        context.Resolve(path, context.Matches(pattern).Select(m => context.Reading(int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), m)));

    /// <summary>部门主要职能: the text under the heading that names the functions, up to the next heading.</summary>
    private static DraftText ReadFunctions(ReadingContext context)
    {
        var text = context.Text;
        var heading = text.Lines.FirstOrDefault(l => l.HeadingLevel > 0 && text.LineText(l).Contains("职能", StringComparison.Ordinal));
        if (heading is null)
        {
            return DraftText.Missing;
        }

        var body = text.Lines.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => l.HeadingLevel == 0).ToList();
        if (body.Count == 0)
        {
            return DraftText.Missing;
        }

        var evidence = text.EvidenceOf(body[0].Start, body[^1].End);
        var value = text.Text[body[0].Start..body[^1].End];
        return new DraftText(FieldStatus.Read, value, [new FieldReading<string>(value, evidence)]);
    }
}
