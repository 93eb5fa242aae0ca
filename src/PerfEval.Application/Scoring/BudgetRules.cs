using PerfEval.Application.Budgets;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Budget figures overall, per expenditure class and per funding source; the execution score; the
/// executed-over-adjusted checks on the lines.
/// </summary>
internal static class BudgetRules
{
    /// <summary>The budget figures, plus the overall shares behind the rates (the rules use those).</summary>
    internal readonly record struct Outcome(BudgetBreakdown Breakdown, Fraction? Adjustment, Fraction? Execution);

    private struct Sums
    {
        public decimal Initial;
        public decimal Adjustments;
        public decimal Executed;

        public void Add(BudgetLineInput line)
        {
            Initial += line.Initial;
            Adjustments += line.Adjustments;
            Executed += line.Executed;
        }

        public static Sums operator +(Sums a, Sums b) => new()
        {
            Initial = a.Initial + b.Initial,
            Adjustments = a.Adjustments + b.Adjustments,
            Executed = a.Executed + b.Executed,
        };
    }

    public static Outcome Calculate(IReadOnlyList<BudgetLineInput> lines, Rounding rounding, bool explain, Findings findings)
    {
        // personnel, operating, project, superior, own level, other
        Span<Sums> groups = stackalloc Sums[6];
        if (!TrySumInCents(lines, groups, findings))
        {
            SumInDecimal(lines, groups, findings);
        }
        var (personnel, operating, project) = (groups[0], groups[1], groups[2]);
        var (superior, ownLevel, other) = (groups[3], groups[4], groups[5]);
        var basic = personnel + operating;
        var overall = basic + project;
        if (overall.Executed > overall.Initial + overall.Adjustments)
        {
            findings.ExecutedOverAdjusted(Findings.Budget, null, null, overall.Executed, overall.Initial + overall.Adjustments);
        }
        if (overall.Initial + overall.Adjustments == 0)
        {
            findings.AdjustedBudgetZero(overall.Executed);
        }

        var breakdown = new BudgetBreakdown(
            Figures(overall, rounding, out var adjustment, out var execution),
            Figures(personnel, rounding, out _, out _),
            Figures(operating, rounding, out _, out _),
            Figures(basic, rounding, out _, out _),
            Figures(project, rounding, out _, out _),
            Figures(superior, rounding, out _, out _),
            Figures(ownLevel, rounding, out _, out _),
            Figures(other, rounding, out _, out _));
        if (explain)
        {
            breakdown = Explain(breakdown, lines);
        }
        return new Outcome(breakdown, adjustment, execution);
    }

    /// <summary>
    /// Sums every line into its class and its source exactly in whole cents (long), which holds every
    /// real budget: amounts have at most 2 decimals. False, having found nothing, when a line does not fit.
    /// </summary>
    private static bool TrySumInCents(IReadOnlyList<BudgetLineInput> lines, Span<Sums> groups, Findings findings)
    {
        const int MaxLines = 64;  // one bit per line below; with |amount| < 10^15 cents no sum can overflow
        if (lines.Count > MaxLines)
        {
            return false;
        }
        Span<long> cents = stackalloc long[groups.Length * 3];
        ulong overExecuted = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!Cents.TryFrom(line.Initial, out var initial) || !Cents.TryFrom(line.Adjustments, out var adjustments)
                || !Cents.TryFrom(line.Executed, out var executed))
            {
                return false;
            }
            var byClass = ClassIndex(line) * 3;
            var bySource = SourceIndex(line) * 3;
            cents[byClass] += initial;
            cents[byClass + 1] += adjustments;
            cents[byClass + 2] += executed;
            cents[bySource] += initial;
            cents[bySource + 1] += adjustments;
            cents[bySource + 2] += executed;
            if (executed > initial + adjustments)
            {
                overExecuted |= 1UL << i;
            }
        }
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = new Sums
            {
                Initial = Cents.ToDecimal(cents[g * 3]),
                Adjustments = Cents.ToDecimal(cents[(g * 3) + 1]),
                Executed = Cents.ToDecimal(cents[(g * 3) + 2]),
            };
        }
        for (var i = 0; overExecuted != 0; i++, overExecuted >>= 1)
        {
            if ((overExecuted & 1) != 0)
            {
                LineOverExecuted(lines[i], i, findings);
            }
        }
        return true;
    }

    private static void SumInDecimal(IReadOnlyList<BudgetLineInput> lines, Span<Sums> groups, Findings findings)
    {
        groups.Clear();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            groups[ClassIndex(line)].Add(line);
            groups[SourceIndex(line)].Add(line);
            if (line.Executed > line.Initial + line.Adjustments)
            {
                LineOverExecuted(line, i, findings);
            }
        }
    }

    private static void LineOverExecuted(BudgetLineInput line, int index, Findings findings)
    {
        var label = Findings.LineLabel(line, index);
        findings.ExecutedOverAdjusted("budget line " + label, "预算行 " + label + "：", "Budget line " + label + ": ",
            line.Executed, line.Initial + line.Adjustments);
    }

    private static int ClassIndex(BudgetLineInput line) => line.Class switch
    {
        ExpenditureClass.Personnel => 0,
        ExpenditureClass.Operating => 1,
        ExpenditureClass.Project => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line.Class, "Unknown expenditure class."),
    };

    private static int SourceIndex(BudgetLineInput line) => line.Source switch
    {
        FundingSource.Superior => 3,
        FundingSource.OwnLevel => 4,
        FundingSource.Other => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line.Source, "Unknown funding source."),
    };

    /// <summary>executionWeight × min(execution rate / 100, 1), rounded; none without an execution rate.</summary>
    public static Computed ExecutionScore(Fraction? execution, ScoringSchemeSettings scheme, Rounding rounding, bool explain)
    {
        var weight = scheme.ExecutionWeight;
        if (execution is not { } share)
        {
            return new Computed(null, explain
                ? Explanations.Of("no execution rate (adjusted budget is 0): no execution score", ("executionWeight", weight))
                : null);
        }
        return new Computed(share.CappedTimes(weight, rounding), explain
            ? Explanations.Of(
                $"{Explanations.Number(weight)} × min({Explanations.Number(share.Times(100m))} / 100, 1)",
                ("executionWeight", weight), ("executionRate", share.Times(100m)))
            : null);
    }

    private static BudgetFigures Figures(in Sums sums, Rounding rounding, out Fraction? adjustment, out Fraction? execution)
    {
        var adjusted = sums.Initial + sums.Adjustments;
        adjustment = Fraction.Of(sums.Adjustments, sums.Initial);
        execution = Fraction.Of(sums.Executed, adjusted);
        return new BudgetFigures(
            new Computed(sums.Initial, null),
            new Computed(sums.Adjustments, null),
            new Computed(adjusted, null),
            new Computed(sums.Executed, null),
            new Computed(adjustment?.Times(100m, rounding), null),
            new Computed(execution?.Times(100m, rounding), null));
    }

    private static BudgetBreakdown Explain(BudgetBreakdown b, IReadOnlyList<BudgetLineInput> lines) => new(
        Overall: ExplainParts(b.Overall, ("personnel", b.Personnel), ("operating", b.Operating), ("project", b.Project)),
        Personnel: ExplainLines(b.Personnel, lines, static l => l.Class == ExpenditureClass.Personnel),
        Operating: ExplainLines(b.Operating, lines, static l => l.Class == ExpenditureClass.Operating),
        Basic: ExplainParts(b.Basic, ("personnel", b.Personnel), ("operating", b.Operating)),
        Project: ExplainLines(b.Project, lines, static l => l.Class == ExpenditureClass.Project),
        Superior: ExplainLines(b.Superior, lines, static l => l.Source == FundingSource.Superior),
        OwnLevel: ExplainLines(b.OwnLevel, lines, static l => l.Source == FundingSource.OwnLevel),
        Other: ExplainLines(b.Other, lines, static l => l.Source == FundingSource.Other));

    private static BudgetFigures ExplainLines(BudgetFigures f, IReadOnlyList<BudgetLineInput> lines, Func<BudgetLineInput, bool> inGroup)
    {
        var members = new List<(string Name, BudgetLineInput Line)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (inGroup(lines[i]))
            {
                members.Add(("line " + Findings.LineLabel(lines[i], i), lines[i]));
            }
        }
        return ExplainRates(f,
            Explanations.Sum(members.Select(m => (m.Name, m.Line.Initial))),
            Explanations.Sum(members.Select(m => (m.Name, m.Line.Adjustments))),
            Explanations.Sum(members.Select(m => (m.Name, m.Line.Executed))));
    }

    private static BudgetFigures ExplainParts(BudgetFigures f, params (string Name, BudgetFigures Part)[] parts) =>
        ExplainRates(f,
            Explanations.Sum(parts.Select(p => (p.Name, p.Part.Initial.Value ?? 0m))),
            Explanations.Sum(parts.Select(p => (p.Name, p.Part.Adjustments.Value ?? 0m))),
            Explanations.Sum(parts.Select(p => (p.Name, p.Part.Executed.Value ?? 0m))));

    private static BudgetFigures ExplainRates(BudgetFigures f, Explanation initial, Explanation adjustments, Explanation executed)
    {
        var i = f.Initial.Value ?? 0m;
        var a = f.Adjustments.Value ?? 0m;
        var adjusted = f.Adjusted.Value ?? 0m;
        var e = f.Executed.Value ?? 0m;
        var amount = Explanations.Amount;
        return new BudgetFigures(
            f.Initial with { Explanation = initial },
            f.Adjustments with { Explanation = adjustments },
            f.Adjusted with { Explanation = Explanations.Of($"{amount(i)} + {amount(a)}", ("initial", i), ("adjustments", a)) },
            f.Executed with { Explanation = executed },
            f.AdjustmentRate with
            {
                Explanation = i == 0
                    ? Explanations.Of("initial budget is 0: no adjustment rate", ("initial", i))
                    : Explanations.Of($"{amount(a)} / {amount(i)} × 100", ("adjustments", a), ("initial", i)),
            },
            f.ExecutionRate with
            {
                Explanation = adjusted == 0
                    ? Explanations.Of("adjusted budget is 0: no execution rate", ("adjusted", adjusted))
                    : Explanations.Of($"{amount(e)} / {amount(adjusted)} × 100", ("executed", e), ("adjusted", adjusted)),
            });
    }
}
