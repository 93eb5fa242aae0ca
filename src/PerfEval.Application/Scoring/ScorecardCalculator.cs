using PerfEval.Application.Evaluations;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Recomputes one department-year by the rules of a scoring scheme. Pure: no I/O, decimal only.
/// See README.md beside this file for the choices where DOMAIN.md leaves room.
/// </summary>
public static class ScorecardCalculator
{
    /// <param name="input">The department-year's budget lines, indicators and declared figures.</param>
    /// <param name="scheme">The fiscal year's scheme; it should pass <see cref="ScoringSchemeSettings.Validate"/>.</param>
    /// <param name="explain">Attach a formula and its inputs to every computed number (costly: off for bulk scoring).</param>
    public static Scorecard Calculate(ScorecardInput input, ScoringSchemeSettings scheme, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scheme);
        var rounding = Rounding.For(scheme);
        var findings = new Findings(rounding);
        var declared = new DeclaredChecks(rounding, findings);

        if (input.DataChangedAfterClose)
        {
            findings.ClosedYearDataChanged();
        }

        var budget = BudgetRules.Calculate(input.Lines, rounding, explain, findings);
        var executionScore = BudgetRules.ExecutionScore(budget.ExecutionRatio, scheme, rounding, explain);
        var declaredBudget = CheckDeclaredBudget(input.Declared, budget, executionScore.Value, findings, declared);

        var indicators = new IndicatorScore[input.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            indicators[i] = IndicatorRules.Score(input.Indicators[i], scheme, rounding, findings, declared, explain);
        }

        var weightTotal = WeightTotal(indicators, scheme, findings, explain);
        var composite = Composite(executionScore, indicators, explain);
        var grade = GradeOf(composite.Value, scheme);

        // The report's own composite and grade are checked against the rules' figures before any
        // reviewer deduction: they test the report's arithmetic, not the review.
        var beforeDeductions = CompositeBeforeDeductions(executionScore.Value, indicators);
        var declaredComposite = declared.Figure(DeclaredFigure.CompositeScore, Findings.Composite, input.Declared.CompositeScore, beforeDeductions);
        var declaredGrade = declared.Grade(input.Declared.Grade, GradeOf(beforeDeductions, scheme), beforeDeductions);

        return new Scorecard(
            budget.Breakdown,
            executionScore,
            indicators,
            weightTotal,
            composite,
            grade,
            declaredBudget with { CompositeScore = declaredComposite, Grade = declaredGrade },
            findings.ToList());
    }

    /// <summary>优 / 良 / 中 / 差 by the scheme's bands; none without a composite.</summary>
    public static Grade? GradeOf(decimal? composite, ScoringSchemeSettings scheme) => composite switch
    {
        null => null,
        { } c when c >= scheme.ExcellentFrom => Grade.Excellent,
        { } c when c >= scheme.GoodFrom => Grade.Good,
        { } c when c >= scheme.FairFrom => Grade.Fair,
        _ => Grade.Poor,
    };

    private static DeclaredComparison CheckDeclaredBudget(
        DeclaredFigures d, BudgetRules.Outcome budget, decimal? executionScore, Findings findings, DeclaredChecks declared)
    {
        // Identities within the report itself, only where every figure involved is declared.
        if (d.InitialBudget is { } initial && d.Adjustments is { } adjustments && d.AdjustedBudget is { } adjusted
            && initial + adjustments != adjusted)
        {
            findings.AdjustedIdentity(initial, adjustments, adjusted);
        }
        if (d.BasicExpenditure is { } basic && d.ProjectExpenditure is { } project && d.ExpenditureTotal is { } total
            && basic + project != total)
        {
            findings.ClassSplit(basic, project, total);
        }
        if (d.InitialSuperior is { } superior && d.InitialOwnLevel is { } ownLevel && d.InitialOther is { } other
            && d.InitialBudget is { } initialBudget && superior + ownLevel + other != initialBudget)
        {
            findings.FundingSplit(superior, ownLevel, other, initialBudget);
        }

        var b = budget.Breakdown;
        return new DeclaredComparison(
            InitialBudget: declared.Amount(DeclaredFigure.InitialBudget, d.InitialBudget, Amount(b.Overall.Initial)),
            Adjustments: declared.Amount(DeclaredFigure.Adjustments, d.Adjustments, Amount(b.Overall.Adjustments)),
            AdjustedBudget: declared.Amount(DeclaredFigure.AdjustedBudget, d.AdjustedBudget, Amount(b.Overall.Adjusted)),
            Executed: declared.Amount(DeclaredFigure.Executed, d.Executed, Amount(b.Overall.Executed)),
            // The report's expenditure total and its basic / project split are amounts spent (支出).
            ExpenditureTotal: declared.Amount(DeclaredFigure.ExpenditureTotal, d.ExpenditureTotal, Amount(b.Overall.Executed)),
            BasicExpenditure: declared.Amount(DeclaredFigure.BasicExpenditure, d.BasicExpenditure, Amount(b.Basic.Executed)),
            ProjectExpenditure: declared.Amount(DeclaredFigure.ProjectExpenditure, d.ProjectExpenditure, Amount(b.Project.Executed)),
            InitialSuperior: declared.Amount(DeclaredFigure.InitialSuperior, d.InitialSuperior, Amount(b.Superior.Initial)),
            InitialOwnLevel: declared.Amount(DeclaredFigure.InitialOwnLevel, d.InitialOwnLevel, Amount(b.OwnLevel.Initial)),
            InitialOther: declared.Amount(DeclaredFigure.InitialOther, d.InitialOther, Amount(b.Other.Initial)),
            AdjustmentRate: declared.Figure(DeclaredFigure.AdjustmentRate, Findings.Budget, d.AdjustmentRate, budget.AdjustmentRate),
            ExecutionRate: declared.Figure(DeclaredFigure.ExecutionRate, Findings.Budget, d.ExecutionRate, budget.ExecutionRatio * 100m),
            ExecutionScore: declared.Figure(DeclaredFigure.ExecutionScore, Findings.Budget, d.ExecutionScore, executionScore),
            CompositeScore: null,
            Grade: null);
    }

    private static decimal Amount(Computed amount) => amount.Value ?? 0m;

    /// <summary>Execution weight + Σ indicator weights; none while a weight is missing.</summary>
    private static Computed WeightTotal(IndicatorScore[] indicators, ScoringSchemeSettings scheme, Findings findings, bool explain)
    {
        var total = scheme.ExecutionWeight;
        foreach (var indicator in indicators)
        {
            if (indicator.Weight is not { } weight)
            {
                return new Computed(null, explain
                    ? Explanations.Of("a weight is missing: no weight total", ("executionWeight", scheme.ExecutionWeight))
                    : null);
            }
            total += weight;
        }
        if (total != scheme.ExpectedWeightTotal)
        {
            findings.WeightTotalNot100(total, scheme.ExecutionWeight, scheme.ExpectedWeightTotal);
        }
        return new Computed(total, explain ? ExplainSum("executionWeight", scheme.ExecutionWeight, indicators, static s => s.Weight) : null);
    }

    /// <summary>Execution score + Σ indicator scores, each already rounded; none while any is missing.</summary>
    private static Computed Composite(Computed executionScore, IndicatorScore[] indicators, bool explain)
    {
        if (executionScore.Value is not { } execution)
        {
            return new Computed(null, explain ? Explanations.Of("no execution score: no composite", ("executionScore", null)) : null);
        }
        var composite = execution;
        foreach (var indicator in indicators)
        {
            if (indicator.Score.Value is not { } score)
            {
                return new Computed(null, explain
                    ? Explanations.Of($"indicator {indicator.Sequence} has no score: no composite", ("executionScore", execution))
                    : null);
            }
            composite += score;
        }
        return new Computed(composite, explain ? ExplainSum("executionScore", execution, indicators, static s => s.Score.Value) : null);
    }

    private static decimal? CompositeBeforeDeductions(decimal? executionScore, IndicatorScore[] indicators)
    {
        var composite = executionScore;
        foreach (var indicator in indicators)
        {
            composite += indicator.CappedScore.Value;
        }
        return composite;
    }

    private static Explanation ExplainSum(string firstName, decimal first, IndicatorScore[] indicators, Func<IndicatorScore, decimal?> term)
    {
        var inputs = new (string, decimal?)[indicators.Length + 1];
        inputs[0] = (firstName, first);
        var terms = new string[indicators.Length + 1];
        terms[0] = Explanations.Number(first);
        for (var i = 0; i < indicators.Length; i++)
        {
            var value = term(indicators[i]);
            inputs[i + 1] = ("indicator " + indicators[i].Sequence, value);
            terms[i + 1] = Findings.Written(value);
        }
        return Explanations.Of(string.Join(" + ", terms), inputs);
    }
}
