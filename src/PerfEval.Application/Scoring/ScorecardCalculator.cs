using PerfEval.Application.Evaluations;

using PerfEval.Application.Common;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Recomputes one department-year by the rules of a scoring scheme (<see cref="ScoringRules"/>, in
/// decimal) and describes the outcome in full: every figure, the declared figures beside the computed
/// ones, findings with their numbers and messages, and formulas when asked. Pure: no I/O.
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
        var numbers = SchemeNumbers<DecimalNumber>.Of(scheme);
        var (lineCount, indicatorCount) = (input.Lines.Count, input.Indicators.Count);
        // The facts and outcomes are only needed while the scorecard is built: on the stack when they are few.
        var lines = lineCount <= MaxOnStack ? stackalloc LineFacts<DecimalNumber>[lineCount] : new LineFacts<DecimalNumber>[lineCount];
        var indicators = indicatorCount <= MaxOnStack
            ? stackalloc IndicatorFacts<DecimalNumber>[indicatorCount]
            : new IndicatorFacts<DecimalNumber>[indicatorCount];
        var outcomes = indicatorCount <= MaxOnStack
            ? stackalloc IndicatorOutcome<DecimalNumber>[indicatorCount]
            : new IndicatorOutcome<DecimalNumber>[indicatorCount];
        ScoringFacts.TryCreate(input, lines, indicators, out var department);
        ScoringRules.Score(department, lines, indicators, numbers, outcomes, out var card);
        return Describe(input, lines, card, outcomes, numbers, scheme, explain);
    }

    private const int MaxOnStack = 32;

    /// <summary>优 / 良 / 中 / 差 by the scheme's bands; none without a composite.</summary>
    public static Grade? GradeOf(decimal? composite, ScoringSchemeSettings scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return ScoringRules.GradeOf(composite is { } c ? new DecimalNumber(c) : (DecimalNumber?)null, SchemeNumbers<DecimalNumber>.Of(scheme));
    }

    private static Scorecard Describe(
        ScorecardInput input, ReadOnlySpan<LineFacts<DecimalNumber>> lines, in CardOutcome<DecimalNumber> card, ReadOnlySpan<IndicatorOutcome<DecimalNumber>> outcomes,
        in SchemeNumbers<DecimalNumber> numbers, ScoringSchemeSettings scheme, bool explain)
    {
        var rounding = numbers.Rounding;
        var findings = new Findings(rounding);
        var found = card.Findings;
        var budget = card.Budget;
        var overall = budget.Overall;
        var d = input.Declared;

        // Findings read budget → indicators → composite, in the order the rules check them.
        if (found.HasFlag(FindingCatalogue.ClosedYearDataChanged.Bit))
        {
            findings.ClosedYearDataChanged();
        }
        if (found.HasFlag(FindingCatalogue.ReportFactsConflicting.Bit))
        {
            findings.ReportFactsConflicting(input.ConflictingFacts!);
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].IsOverExecuted)
            {
                var line = input.Lines[i];
                findings.LineExecutedOverAdjusted(Findings.LineLabel(line, i), line.Executed, line.Initial + line.Adjustments);
            }
        }
        if (found.HasFlag(FindingCatalogue.ExecutedOverAdjusted.Bit))
        {
            findings.ExecutedOverAdjusted(overall.Executed.Value, overall.Adjusted.Value);
        }
        if (found.HasFlag(FindingCatalogue.AdjustedBudgetZero.Bit))
        {
            findings.AdjustedBudgetZero(overall.Executed.Value);
        }
        if (found.HasFlag(FindingCatalogue.BudgetAdjustedIdentity.Bit))
        {
            findings.AdjustedIdentity(d.InitialBudget!.Value, d.Adjustments!.Value, d.AdjustedBudget!.Value);
        }
        if (found.HasFlag(FindingCatalogue.BudgetClassSplit.Bit))
        {
            findings.ClassSplit(d.BasicExpenditure!.Value, d.ProjectExpenditure!.Value, d.ExpenditureTotal!.Value);
        }
        if (found.HasFlag(FindingCatalogue.BudgetFundingSplit.Bit))
        {
            findings.FundingSplit(d.InitialSuperior!.Value, d.InitialOwnLevel!.Value, d.InitialOther!.Value, d.InitialBudget!.Value);
        }

        var initialBudget = Check(findings, rounding, found, DeclaredItem.InitialBudget, d.InitialBudget, budget);
        var adjustments = Check(findings, rounding, found, DeclaredItem.Adjustments, d.Adjustments, budget);
        var adjustedBudget = Check(findings, rounding, found, DeclaredItem.AdjustedBudget, d.AdjustedBudget, budget);
        var executed = Check(findings, rounding, found, DeclaredItem.Executed, d.Executed, budget);
        var expenditureTotal = Check(findings, rounding, found, DeclaredItem.ExpenditureTotal, d.ExpenditureTotal, budget);
        var basicExpenditure = Check(findings, rounding, found, DeclaredItem.BasicExpenditure, d.BasicExpenditure, budget);
        var projectExpenditure = Check(findings, rounding, found, DeclaredItem.ProjectExpenditure, d.ProjectExpenditure, budget);
        var initialSuperior = Check(findings, rounding, found, DeclaredItem.InitialSuperior, d.InitialSuperior, budget);
        var initialOwnLevel = Check(findings, rounding, found, DeclaredItem.InitialOwnLevel, d.InitialOwnLevel, budget);
        var initialOther = Check(findings, rounding, found, DeclaredItem.InitialOther, d.InitialOther, budget);
        var rates = card.Rates;
        var adjustmentRate = Check(findings, rounding, found, DeclaredItem.AdjustmentRate, Findings.Budget, d.AdjustmentRate, rates.AdjustmentRate.ToDecimal());
        var executionRate = Check(findings, rounding, found, DeclaredItem.ExecutionRate, Findings.Budget, d.ExecutionRate, rates.ExecutionRate.ToDecimal());
        var executionScore = card.ExecutionScore.ToDecimal();
        var declaredExecutionScore = Check(findings, rounding, found, DeclaredItem.ExecutionScore, Findings.Budget, d.ExecutionScore, executionScore);
        if (found.HasFlag(FindingCatalogue.DeclaredProjectBudgetMismatch.Bit))
        {
            findings.DeclaredMismatch(FindingCatalogue.DeclaredProjectBudgetMismatch, Findings.Budget, d.ProjectBudget!.Value, Rounding.Money(budget.Project.Adjusted.Value));
        }
        if (found.HasFlag(FindingCatalogue.DeclaredProjectExecutedMismatch.Bit))
        {
            findings.DeclaredMismatch(FindingCatalogue.DeclaredProjectExecutedMismatch, Findings.Budget, d.ProjectExecuted!.Value, Rounding.Money(budget.Project.Executed.Value));
        }
        if (found.HasFlag(FindingCatalogue.DeclaredPersonnelMismatch.Bit))
        {
            findings.DeclaredMismatch(FindingCatalogue.DeclaredPersonnelMismatch, Findings.Budget, d.Personnel!.Value, Rounding.Money(budget.Personnel.Adjusted.Value));
        }
        if (found.HasFlag(FindingCatalogue.DeclaredOperatingMismatch.Bit))
        {
            findings.DeclaredMismatch(FindingCatalogue.DeclaredOperatingMismatch, Findings.Budget, d.Operating!.Value, Rounding.Money(budget.Operating.Adjusted.Value));
        }

        var indicators = new IndicatorScore[outcomes.Length];
        for (var i = 0; i < indicators.Length; i++)
        {
            indicators[i] = Describe(input.Indicators[i], outcomes[i], numbers, scheme, findings, explain);
        }

        if (found.HasFlag(FindingCatalogue.WeightTotalNot100.Bit))
        {
            findings.WeightTotalNot100(card.WeightTotal!.Value.Value, scheme.ExecutionWeight, scheme.ExpectedWeightTotal);
        }
        var beforeDeductions = card.CompositeBeforeDeductions.ToDecimal();
        var declaredComposite = Check(findings, rounding, found, DeclaredItem.CompositeScore, Findings.Composite, d.CompositeScore, beforeDeductions);
        DeclaredGradeCheck? declaredGrade = null;
        if (d.Grade is { } grade)
        {
            var consistent = !found.HasFlag(FindingCatalogue.DeclaredGradeMismatch.Bit);
            if (!consistent)
            {
                findings.DeclaredGradeMismatch(grade, card.GradeBeforeDeductions, beforeDeductions);
            }
            declaredGrade = new DeclaredGradeCheck(grade, card.GradeBeforeDeductions, consistent);
        }

        var breakdown = new BudgetBreakdown(
            BudgetRules.Figures(overall, rounding),
            BudgetRules.Figures(budget.Personnel, rounding),
            BudgetRules.Figures(budget.Operating, rounding),
            BudgetRules.Figures(budget.Basic, rounding),
            BudgetRules.Figures(budget.Project, rounding),
            BudgetRules.Figures(budget.Superior, rounding),
            BudgetRules.Figures(budget.OwnLevel, rounding),
            BudgetRules.Figures(budget.Other, rounding));
        if (explain)
        {
            breakdown = BudgetRules.Explain(breakdown, input.Lines);
        }

        return new Scorecard(
            breakdown,
            new Computed(executionScore, explain ? BudgetRules.ExplainExecutionScore(rates.Execution, scheme.ExecutionWeight) : null),
            indicators,
            new Computed(card.WeightTotal.ToDecimal(), explain ? ExplainWeightTotal(card.WeightTotal is not null, indicators, scheme) : null),
            new Computed(card.CompositeScore.ToDecimal(), explain ? ExplainComposite(executionScore, indicators) : null),
            card.Grade,
            new DeclaredComparison(
                initialBudget, adjustments, adjustedBudget, executed, expenditureTotal, basicExpenditure, projectExpenditure,
                initialSuperior, initialOwnLevel, initialOther, adjustmentRate, executionRate, declaredExecutionScore,
                declaredComposite, declaredGrade),
            findings.ToList());
    }

    /// <summary>One indicator's figures and, in the order the rules check them, its findings.</summary>
    private static IndicatorScore Describe(
        IndicatorInput indicator, in IndicatorOutcome<DecimalNumber> outcome, in SchemeNumbers<DecimalNumber> numbers,
        ScoringSchemeSettings scheme, Findings findings, bool explain)
    {
        var rounding = numbers.Rounding;
        var found = outcome.Findings;
        var completion = outcome.Completion.ToDecimal();
        var capped = outcome.CappedScore.ToDecimal();
        if (found != FindingSet.None)
        {
            if (found.HasFlag(FindingCatalogue.WeightMissing.Bit))
            {
                findings.WeightMissing(indicator);
            }
            if (found.HasFlag(FindingCatalogue.WeightNegative.Bit))
            {
                findings.WeightNegative(indicator, indicator.Weight!.Value);
            }
            if (found.HasFlag(FindingCatalogue.TargetMissing.Bit))
            {
                findings.TargetMissing(indicator);
            }
            if (found.HasFlag(FindingCatalogue.IndicatorValueMissing.Bit))
            {
                findings.ValueMissing(indicator);
            }
            if (found.HasFlag(FindingCatalogue.OverAchievementNoReason.Bit))
            {
                findings.OverAchievementNoReason(indicator, completion!.Value, scheme.OverAchievementReasonThreshold);
            }
            if (found.HasFlag(FindingCatalogue.TargetLikelyTooLow.Bit))
            {
                findings.TargetLikelyTooLow(indicator, completion!.Value, scheme.TargetTooLowThreshold);
            }
            if (found.HasFlag(FindingCatalogue.UnderAchievementNoReason.Bit))
            {
                findings.UnderAchievementNoReason(indicator, completion!.Value, scheme.UnderAchievementReasonThreshold);
            }
            if (found.HasFlag(FindingCatalogue.QualitativeTierMissing.Bit))
            {
                findings.TierMissing(indicator, indicator.QualitativeScore!.Value);
            }
            if (found.HasFlag(FindingCatalogue.QualitativeScoreOutsideTier.Bit))
            {
                var (tier, weight) = (indicator.Tier!.Value, indicator.Weight!.Value);
                var (from, to, toInclusive) = IndicatorRules.TierBand(tier, new DecimalNumber(weight), numbers);
                findings.OutsideTier(indicator, tier, indicator.QualitativeScore!.Value, weight, from.Value, to.Value, toInclusive);
            }
            if (found.HasFlag(FindingCatalogue.EqualTargetMissed.Bit))
            {
                findings.EqualTargetMissed(indicator, indicator.Target!.Value, indicator.FinalValue!.Value);
            }
            if (found.HasFlag(FindingCatalogue.FinalBelowMidYear.Bit))
            {
                findings.FinalBelowMidYear(indicator, indicator.MidYearValue!.Value, indicator.FinalValue!.Value);
            }
            if (found.HasFlag(FindingCatalogue.DeductionNegative.Bit))
            {
                findings.DeductionNegative(indicator, indicator.ReviewerDeduction!.Value);
            }
            if (found.HasFlag(FindingCatalogue.DeductionWithoutReason.Bit))
            {
                findings.DeductionWithoutReason(indicator, indicator.ReviewerDeduction!.Value);
            }
            if (found.HasFlag(FindingCatalogue.DeductionExceedsScore.Bit))
            {
                findings.DeductionExceedsScore(indicator, indicator.ReviewerDeduction!.Value, capped!.Value);
            }
        }
        var declaredCompletion = Check(findings, rounding, found, FindingCatalogue.DeclaredCompletionMismatch, indicator, indicator.DeclaredCompletion, completion);
        var declaredScore = Check(findings, rounding, found, FindingCatalogue.DeclaredScoreMismatch, indicator, indicator.DeclaredScore, capped);

        var result = new IndicatorScore(
            indicator.Sequence,
            indicator.IndicatorId,
            indicator.Name,
            indicator.Kind,
            indicator.Weight,
            new Computed(completion, null),
            new Computed(capped, null),
            outcome.Deduction.ToDecimal(),
            new Computed(outcome.Score.ToDecimal(), null),
            outcome.Flags,
            declaredCompletion,
            declaredScore);
        return explain ? IndicatorRules.Explain(result, indicator, outcome.Share) : result;
    }

    /// <summary>A declared amount beside the computed one it is compared with.</summary>
    private static DeclaredCheck? Check(Findings findings, Rounding rounding, FindingSet found, DeclaredItem item, decimal? declared, in BudgetSums<DecimalNumber> budget) =>
        declared is not { } d ? null
        : !ScoringRules.IsComparable(item, budget) ? new DeclaredCheck(d, null, true)
        : Check(findings, rounding, found, item, Findings.Budget, declared, Rounding.Money(ScoringRules.ComputedAmount(item, budget).Value));

    /// <summary>A declared figure of the budget or the composite beside the computed one; the finding's text only when they differ.</summary>
    private static DeclaredCheck? Check(
        Findings findings, Rounding rounding, FindingSet found, DeclaredItem item, string subject, decimal? declared, decimal? computed)
    {
        if (declared is not { } d)
        {
            return null;
        }
        var mismatch = ScoringRules.Mismatch(item);
        var consistent = !found.HasFlag(mismatch.Bit);
        if (!consistent)
        {
            findings.DeclaredMismatch(mismatch, subject, d, computed);
        }
        return new DeclaredCheck(d, item < DeclaredItem.AdjustmentRate ? computed : Shown(rounding, computed), consistent);
    }

    private static DeclaredCheck? Check(
        Findings findings, Rounding rounding, FindingSet found, FindingKind mismatch, IndicatorInput indicator, decimal? declared, decimal? computed)
    {
        if (declared is not { } d)
        {
            return null;
        }
        var consistent = !found.HasFlag(mismatch.Bit);
        if (!consistent)
        {
            findings.DeclaredMismatch(mismatch, indicator, d, computed);
        }
        return new DeclaredCheck(d, Shown(rounding, computed), consistent);
    }

    private static decimal? Shown(Rounding rounding, decimal? value) => value is { } v ? rounding.Shown(v) : null;

    private static Explanation ExplainWeightTotal(bool computed, IndicatorScore[] indicators, ScoringSchemeSettings scheme) =>
        computed
            ? ExplainSum("executionWeight", scheme.ExecutionWeight, indicators, static s => s.Weight)
            : Explanations.Of(Messages.NoWeightTotal.Current, ("executionWeight", scheme.ExecutionWeight));

    private static Explanation ExplainComposite(decimal? executionScore, IndicatorScore[] indicators)
    {
        if (executionScore is not { } execution)
        {
            return Explanations.Of(Messages.NoCompositeWithoutExecution.Current, ("executionScore", null));
        }
        foreach (var indicator in indicators)
        {
            if (indicator.Score.Value is null)
            {
                return Explanations.Of(Messages.NoCompositeWithoutIndicator.Format(indicator.Sequence), ("executionScore", execution));
            }
        }
        return ExplainSum("executionScore", execution, indicators, static s => s.Score.Value);
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
