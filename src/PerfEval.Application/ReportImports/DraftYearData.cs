using System.Globalization;
using System.Text.Json.Nodes;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// A reviewed draft as the department-year data it commits (<see cref="DepartmentYearData"/>), or the
/// fields that stop it, each with why. Pure. What a report does not state stays unstated: lines have
/// no funding source (<see cref="FundingSource.Unstated"/>), indicators no category unless printed,
/// the adjustment no document number. The report states its budget as totals, so the lines are:
/// <list type="bullet">
/// <item>one basic-expenditure line (<see cref="ExpenditureClass.Basic"/>: the report splits the basic
/// budget into personnel and operating but not what was spent), initial = the basic budget (基本支出全年预算总额),
/// executed = the basic amount spent;</item>
/// <item>one project line: the rest of the initial budget and of the amount spent, and the year's
/// adjustments (reports state them for the whole budget; 基本支出 is stated as the full-year amount).</item>
/// </list>
/// Declared figures are the ones printed (status read or corrected), never inferred ones.
/// </summary>
internal static class DraftYearData
{
    public const string SourceSystem = "report-import";

    /// <summary>The data, or the problems (field path → why), at least one.</summary>
    public static (DepartmentYearData? Data, IReadOnlyDictionary<string, string[]> Problems) From(ReportDraft draft, long importId, string? existingDepartmentCode)
    {
        var problems = new Dictionary<string, string[]>();
        T? Need<T>(string path, DraftField<T> field)
            where T : struct
        {
            if (field.Status is FieldStatus.Missing or FieldStatus.Conflicting || field.Value is null)
            {
                problems[path] = [Why(field.Status, field.Readings.Select(r => Show(r.Value)))];
                return null;
            }

            return field.Value;
        }

        string? NeedText(string path, DraftText? field)
        {
            if (field is null || field.Status is FieldStatus.Missing or FieldStatus.Conflicting || string.IsNullOrWhiteSpace(field.Value))
            {
                problems[path] = [Why(field?.Status ?? FieldStatus.Missing, field?.Readings.Select(r => r.Value) ?? [])];
                return null;
            }

            return field.Value.Trim();
        }

        // A conflicting field the commit would store is refused too: the reviewer chooses.
        T? Optional<T>(string path, DraftField<T> field)
            where T : struct
        {
            if (field.Status == FieldStatus.Conflicting)
            {
                problems[path] = [Why(field.Status, field.Readings.Select(r => Show(r.Value)))];
            }

            return field.Status == FieldStatus.Conflicting ? null : field.Value;
        }

        var name = NeedText("department", draft.Department);
        var year = Need("fiscalYear", draft.FiscalYear);
        string? code = existingDepartmentCode;
        string? region = null;
        if (existingDepartmentCode is null)
        {
            code = NeedText("departmentCode", draft.DepartmentCode);
            if (code is not null && (code.Length > DomainRules.MaxDepartmentCode
                || !System.Text.RegularExpressions.Regex.IsMatch(code, DomainRules.DepartmentCodePattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))))
            {
                problems["departmentCode"] = [Messages.DepartmentCodeRule.Current.Replace("{PropertyName}", "departmentCode", StringComparison.Ordinal)];
            }

            region = NeedText("region", draft.Region);
        }

        var b = draft.Budget;
        var initial = Need("budget.initial", b.Initial);
        var adjustments = Need("budget.adjustments", b.Adjustments);
        var executed = Need("budget.executed", b.Executed);
        var basicBudget = Need("budget.basicExpenditure.budget", b.BasicExpenditure.Budget);
        var basicExecuted = Need("budget.basicExpenditure.executed", b.BasicExpenditure.Executed);
        if (initial is { } i && basicBudget is { } bb && bb > i)
        {
            problems["budget.basicExpenditure.budget"] = [Messages.ImportBasicAboveInitial.Format(Show(bb), Show(i))];
        }

        if (executed is { } e && basicExecuted is { } be && be > e)
        {
            problems["budget.basicExpenditure.executed"] = [Messages.ImportBasicAboveExecuted.Format(Show(be), Show(e))];
        }

        var indicators = new List<YearIndicator>();
        for (var n = 0; n < draft.Indicators.Count; n++)
        {
            var d = draft.Indicators[n];
            var at = $"indicators[{n}]";
            var indicatorName = NeedText($"{at}.name", d.Name);
            var op = Need($"{at}.operator", d.Operator);
            var target = Need($"{at}.target", d.Target);
            var final = Optional($"{at}.final", d.Final);
            var midYear = Optional($"{at}.midYear", d.MidYear);
            var weight = Optional($"{at}.weight", d.Weight);
            var declaredCompletion = Optional($"{at}.declaredCompletion", d.DeclaredCompletion);
            var declaredScore = Optional($"{at}.declaredScore", d.DeclaredScore);
            var category = Category(d.Level1, $"{at}.level1", problems);
            var subcategory = Subcategory(d.Level2, $"{at}.level2", problems);
            if (indicatorName is null || op is null || target is null)
            {
                continue;
            }

            indicators.Add(new YearIndicator(
                d.Sequence, indicatorName, category, subcategory, IndicatorKind.Quantitative, op, target.Value.Number, Unit(target.Value.Unit),
                weight, midYear?.Number, final?.Number, null, null, Text(d.DeviationReason), Text(d.ImprovementMeasure), null,
                Declared(d.DeclaredCompletion, declaredCompletion), Declared(d.DeclaredScore, declaredScore)));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var department = new YearDepartment(
            code!, name!, region ?? "", null, Text(draft.Unit.UnitType), Text(draft.Unit.Level), Text(draft.Unit.Functions),
            Staffing(draft.Unit.Staffing), Divisions(draft.Unit.DivisionNames));
        var projectInitial = initial!.Value - basicBudget!.Value;
        var projectExecuted = executed!.Value - basicExecuted!.Value;
        var adjustmentReason = b.Adjustments.Readings.Count > 0 ? b.Adjustments.Readings[0].Evidence.Text : Messages.ImportAdjustmentReason.Chinese;
        IReadOnlyList<YearAdjustment> yearAdjustments = adjustments!.Value == 0
            ? []
            : [new YearAdjustment(adjustments.Value, null, Trim(adjustmentReason, 1000)!, new DateOnly(year!.Value, 12, 31), SourceSystem, $"import-{importId}")];
        IReadOnlyList<YearBudgetLine> lines =
        [
            new(ExpenditureClass.Basic, FundingSource.Unstated, null, basicBudget.Value, basicExecuted.Value, []),
            new(ExpenditureClass.Project, FundingSource.Unstated, null, projectInitial, projectExecuted, yearAdjustments),
        ];
        var declared = new DeclaredFigures(
            Declared(b.Initial), Declared(b.Adjustments), Declared(b.Adjusted), Declared(b.Executed),
            Declared(b.UseOfFunds.Total), Declared(b.UseOfFunds.Basic), Declared(b.UseOfFunds.Project),
            Declared(b.InitialBySource.Superior), Declared(b.InitialBySource.OwnLevel), Declared(b.InitialBySource.Other),
            Declared(draft.Declared.AdjustmentRate), Declared(draft.Declared.ExecutionRate), Declared(draft.Declared.ExecutionScore),
            Declared(draft.Declared.CompositeScore), draft.Declared.Grade.Status is FieldStatus.Read or FieldStatus.Corrected ? draft.Declared.Grade.Value : null,
            Declared(b.Projects.Budget), Declared(b.Projects.Executed),
            Declared(b.BasicExpenditure.Personnel), Declared(b.BasicExpenditure.Operating));
        var n2 = draft.Narrative;
        var evaluation = new YearEvaluation(
            declared, Trim(Text(n2.Problems), 20_000), Trim(Text(n2.Causes), 20_000), Trim(Text(n2.ImprovementMeasures), 20_000), Trim(Text(n2.Suggestions), 20_000),
            draft.FilingDate.Status is FieldStatus.Read or FieldStatus.Corrected ? draft.FilingDate.Value : null,
            ConflictingFacts(draft));
        return (new DepartmentYearData(department, [], lines, indicators, evaluation), problems);
    }

    /// <summary>
    /// Every field the report printed with different values that the commit does not need (two
    /// staffing totals, say): recorded as "path: value; value" and raised as a finding, never resolved by guessing.
    /// </summary>
    internal static IReadOnlyList<string> ConflictingFacts(ReportDraft draft)
    {
        var facts = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject field when field["status"]?.GetValue<string>() == "conflicting" && field["readings"] is JsonArray readings:
                    var values = readings.Select(r => Printed(r?["value"])).Distinct().ToList();
                    facts.Add(Trim($"{path}: {string.Join("; ", values)}", 1000)!);
                    break;
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        if (name is not ("flags" or "text" or "narrative" or "readings"))
                        {
                            Walk(child, path.Length == 0 ? name : $"{path}.{name}");
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{path}[{i}]");
                    }

                    break;
            }
        }

        Walk(JsonNode.Parse(ReportDraftJson.Serialize(draft)), "");
        return facts.Take(100).ToList();
    }

    private static string Printed(JsonNode? value) => value switch
    {
        JsonObject q when q["number"] is { } number => number.ToJsonString() + (q["unit"]?.GetValue<string>() ?? ""),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        null => "",
        _ => value.ToJsonString(),
    };

    private static string Why(FieldStatus status, IEnumerable<string?> readings) => status == FieldStatus.Conflicting
        ? Messages.ImportConflicting.Format(string.Join("; ", readings.Distinct()))
        : Messages.ImportMissing.Current;

    private static string Show<T>(T value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        Quantity q => q.Number.ToString(CultureInfo.InvariantCulture) + q.Unit,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    /// <summary>A declared figure: only as printed or as a reviewer set it, never inferred.</summary>
    private static T? Declared<T>(DraftField<T> field, T? value = null)
        where T : struct =>
        field.Status is FieldStatus.Read or FieldStatus.Corrected ? value ?? field.Value : null;

    private static string? Text(DraftText? field) =>
        field is { Status: FieldStatus.Read or FieldStatus.Inferred or FieldStatus.Corrected, Value: { } value } && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    private static string? Trim(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static string? Unit(string unit) => string.IsNullOrWhiteSpace(unit) ? null : Trim(unit.Trim(), 20);

    private static Staffing Staffing(DraftStaffing s)
    {
        int? Value(DraftField<int> f) => f.Status is FieldStatus.Read or FieldStatus.Corrected ? f.Value : null;
        return new Staffing(Value(s.Administrative), Value(s.Institutional), Value(s.Logistics), Value(s.Actual));
    }

    private static IReadOnlyList<string> Divisions(DraftText names) =>
        Text(names) is { } text
            ? [.. text.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(d => d.Length is > 0 and <= 100).Take(200)]
            : [];

    private static IndicatorCategory Category(DraftText level1, string path, Dictionary<string, string[]> problems)
    {
        if (level1.Status == FieldStatus.Conflicting)
        {
            problems[path] = [Why(level1.Status, level1.Readings.Select(r => r.Value))];
            return IndicatorCategory.Unstated;
        }

        return Text(level1) switch
        {
            null => IndicatorCategory.Unstated,
            var t when t.Contains("产出", StringComparison.Ordinal) || t.Equals("output", StringComparison.OrdinalIgnoreCase) => IndicatorCategory.Output,
            var t when t.Contains("效益", StringComparison.Ordinal) || t.Equals("effect", StringComparison.OrdinalIgnoreCase) => IndicatorCategory.Effect,
            var t when t.Contains("满意", StringComparison.Ordinal) || t.Equals("satisfaction", StringComparison.OrdinalIgnoreCase) => IndicatorCategory.Satisfaction,
            var t => Unknown(path, t, problems, IndicatorCategory.Unstated),
        };
    }

    private static readonly (string Word, IndicatorSubcategory Value)[] Subcategories =
    [
        ("满意", IndicatorSubcategory.ServiceRecipientSatisfaction), ("数量", IndicatorSubcategory.Quantity), ("质量", IndicatorSubcategory.Quality),
        ("时效", IndicatorSubcategory.Timeliness), ("成本", IndicatorSubcategory.Cost), ("经济", IndicatorSubcategory.EconomicBenefit),
        ("社会", IndicatorSubcategory.SocialBenefit), ("生态", IndicatorSubcategory.EcologicalBenefit), ("可持续", IndicatorSubcategory.SustainableBenefit),
    ];

    private static IndicatorSubcategory Subcategory(DraftText level2, string path, Dictionary<string, string[]> problems)
    {
        if (level2.Status == FieldStatus.Conflicting)
        {
            problems[path] = [Why(level2.Status, level2.Readings.Select(r => r.Value))];
            return IndicatorSubcategory.Unstated;
        }

        if (Text(level2) is not { } text)
        {
            return IndicatorSubcategory.Unstated;
        }

        foreach (var (word, value) in Subcategories)
        {
            if (text.Contains(word, StringComparison.Ordinal) || text.Equals(value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return Unknown(path, text, problems, IndicatorSubcategory.Unstated);
    }

    private static T Unknown<T>(string path, string text, Dictionary<string, string[]> problems, T fallback)
    {
        problems[path] = [Messages.ImportUnknownCategory.Format(text)];
        return fallback;
    }
}
