using PerfEval.Application.Budgets;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Budget figures overall, per expenditure class and per funding source; the execution score; the
/// executed-over-adjusted checks on the lines.
/// </summary>
internal static class BudgetRules
{
    /// <summary>The budget figures, plus the overall ratios at full precision (the rules use those).</summary>
    internal readonly record struct Outcome(BudgetBreakdown Breakdown, decimal? AdjustmentRate, decimal? ExecutionRatio);

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
        Sums personnel = default, operating = default, project = default;
        Sums superior = default, ownLevel = default, other = default;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (line.Class)
            {
                case ExpenditureClass.Personnel: personnel.Add(line); break;
                case ExpenditureClass.Operating: operating.Add(line); break;
                case ExpenditureClass.Project: project.Add(line); break;
                default: throw new ArgumentOutOfRangeException(nameof(lines), line.Class, "Unknown expenditure class.");
            }
            switch (line.Source)
            {
                case FundingSource.Superior: superior.Add(line); break;
                case FundingSource.OwnLevel: ownLevel.Add(line); break;
                case FundingSource.Other: other.Add(line); break;
                default: throw new ArgumentOutOfRangeException(nameof(lines), line.Source, "Unknown funding source.");
            }
            var adjusted = line.Initial + line.Adjustments;
            if (line.Executed > adjusted)
            {
                var label = Findings.LineLabel(line, i);
                findings.ExecutedOverAdjusted("budget line " + label, "预算行 " + label + "：", "Budget line " + label + ": ", line.Executed, adjusted);
            }
        }
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
            Figures(overall, rounding, out var adjustmentRate, out var executionRatio),
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
        return new Outcome(breakdown, adjustmentRate, executionRatio);
    }

    /// <summary>executionWeight × min(execution rate / 100, 1), rounded; none without an execution rate.</summary>
    public static Computed ExecutionScore(decimal? executionRatio, ScoringSchemeSettings scheme, Rounding rounding, bool explain)
    {
        if (executionRatio is not { } ratio)
        {
            return new Computed(null, explain
                ? Explanations.Of("no execution rate (adjusted budget is 0): no execution score", ("executionWeight", scheme.ExecutionWeight))
                : null);
        }
        var weight = scheme.ExecutionWeight;
        var score = Math.Min(rounding.Round(weight * Math.Min(ratio, 1m)), weight);
        return new Computed(score, explain
            ? Explanations.Of(
                $"{Explanations.Number(weight)} × min({Explanations.Number(ratio * 100m)} / 100, 1)",
                ("executionWeight", weight), ("executionRate", ratio * 100m))
            : null);
    }

    private static BudgetFigures Figures(in Sums sums, Rounding rounding, out decimal? adjustmentRate, out decimal? executionRatio)
    {
        var adjusted = sums.Initial + sums.Adjustments;
        adjustmentRate = sums.Initial == 0 ? null : sums.Adjustments * 100m / sums.Initial;
        executionRatio = adjusted == 0 ? null : sums.Executed / adjusted;
        return new BudgetFigures(
            new Computed(sums.Initial, null),
            new Computed(sums.Adjustments, null),
            new Computed(adjusted, null),
            new Computed(sums.Executed, null),
            new Computed(rounding.Round(adjustmentRate), null),
            new Computed(executionRatio is { } r ? rounding.Round(r * 100m) : null, null));
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
