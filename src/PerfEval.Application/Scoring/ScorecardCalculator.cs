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
        var executionScore = BudgetRules.ExecutionScore(budget.Execution, scheme, rounding, explain);
        CheckBudgetIdentities(input.Declared, findings);
        var b = budget.Breakdown;
        var d = input.Declared;
        // Declared budget figures first, so findings read budget → indicators → composite.
        var initialBudget = declared.Amount(DeclaredFigure.InitialBudget, d.InitialBudget, Amount(b.Overall.Initial));
        var adjustments = declared.Amount(DeclaredFigure.Adjustments, d.Adjustments, Amount(b.Overall.Adjustments));
        var adjustedBudget = declared.Amount(DeclaredFigure.AdjustedBudget, d.AdjustedBudget, Amount(b.Overall.Adjusted));
        var executed = declared.Amount(DeclaredFigure.Executed, d.Executed, Amount(b.Overall.Executed));
        // The report's expenditure total and its basic / project split are amounts spent (支出).
        var expenditureTotal = declared.Amount(DeclaredFigure.ExpenditureTotal, d.ExpenditureTotal, Amount(b.Overall.Executed));
        var basicExpenditure = declared.Amount(DeclaredFigure.BasicExpenditure, d.BasicExpenditure, Amount(b.Basic.Executed));
        var projectExpenditure = declared.Amount(DeclaredFigure.ProjectExpenditure, d.ProjectExpenditure, Amount(b.Project.Executed));
        var initialSuperior = declared.Amount(DeclaredFigure.InitialSuperior, d.InitialSuperior, Amount(b.Superior.Initial));
        var initialOwnLevel = declared.Amount(DeclaredFigure.InitialOwnLevel, d.InitialOwnLevel, Amount(b.OwnLevel.Initial));
        var initialOther = declared.Amount(DeclaredFigure.InitialOther, d.InitialOther, Amount(b.Other.Initial));
        var adjustmentRate = declared.Rate(DeclaredFigure.AdjustmentRate, d.AdjustmentRate, budget.Adjustment, b.Overall.AdjustmentRate.Value);
        var executionRate = declared.Rate(DeclaredFigure.ExecutionRate, d.ExecutionRate, budget.Execution, b.Overall.ExecutionRate.Value);
        var declaredExecutionScore = declared.Score(DeclaredFigure.ExecutionScore, Findings.Budget, d.ExecutionScore, executionScore.Value);

        var indicators = new IndicatorScore[input.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            indicators[i] = IndicatorRules.Score(input.Indicators[i], scheme, rounding, findings, declared, explain);
        }

        var weightTotal = WeightTotal(indicators, scheme, findings, explain);
        var composite = Composite(executionScore, indicators, explain);

        // The report's own composite and grade are checked against the rules' figures before any
        // reviewer deduction: they test the report's arithmetic, not the review.
        var beforeDeductions = CompositeBeforeDeductions(executionScore.Value, indicators);
        var declaredComposite = declared.Score(DeclaredFigure.CompositeScore, Findings.Composite, d.CompositeScore, beforeDeductions);
        var declaredGrade = declared.Grade(d.Grade, GradeOf(beforeDeductions, scheme), beforeDeductions);

        return new Scorecard(
            b,
            executionScore,
            indicators,
            weightTotal,
            composite,
            GradeOf(composite.Value, scheme),
            new DeclaredComparison(
                initialBudget, adjustments, adjustedBudget, executed, expenditureTotal, basicExpenditure, projectExpenditure,
                initialSuperior, initialOwnLevel, initialOther, adjustmentRate, executionRate, declaredExecutionScore,
                declaredComposite, declaredGrade),
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

    /// <summary>Identities within the report itself, only where every figure involved is declared.</summary>
    private static void CheckBudgetIdentities(DeclaredFigures d, Findings findings)
    {
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
