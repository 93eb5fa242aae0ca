using PerfEval.Application.Evaluations;

namespace PerfEval.Application.Scoring;

/// <summary>
/// A department-year scored by the rules, as numbers and finding bits: what both the full
/// <see cref="Scorecard"/> and the compact rows of bulk scoring are made from.
/// </summary>
internal readonly record struct CardOutcome<T>(
    BudgetSums<T> Budget,
    GroupRates<T> Rates,
    T? ExecutionScore,
    T? WeightTotal,
    T? CompositeScore,
    T? CompositeBeforeDeductions,
    Grade? Grade,
    Grade? GradeBeforeDeductions,
    FindingSet Findings,
    int OverExecutedLines,
    FindingSet AllFindings,
    SeverityCounts Counts)
    where T : unmanaged, IExactNumber<T>;

/// <summary>How many findings of each severity.</summary>
internal readonly record struct SeverityCounts(int Error, int Warning, int Info);

/// <summary>
/// The rules for one department-year: budget, execution score, declared figures, indicators, weight
/// total, composite and grade. Pure and allocation-free; see README.md beside this file for the
/// choices where DOMAIN.md leaves room.
/// </summary>
internal static class ScoringRules
{
    /// <summary>Scores one department-year into <paramref name="card"/>; each indicator's outcome goes to <paramref name="outcomes"/>, in order.</summary>
    public static void Score<T>(
        in DepartmentFacts<T> department, ReadOnlySpan<LineFacts<T>> lines, ReadOnlySpan<IndicatorFacts<T>> indicators,
        in SchemeNumbers<T> scheme, Span<IndicatorOutcome<T>> outcomes, out CardOutcome<T> card)
        where T : unmanaged, IExactNumber<T>
    {
        var rounding = scheme.Rounding;
        var findings = (department.DataChangedAfterClose ? FindingCatalogue.ClosedYearDataChanged.Bit : FindingSet.None)
            | (department.HasConflictingFacts ? FindingCatalogue.ReportFactsConflicting.Bit : FindingSet.None);

        var budget = BudgetRules.Sum(lines, department.AmountsInCents, out var overExecutedLines);
        var overall = budget.Overall;
        if (overall.Executed > overall.Adjusted)
        {
            findings |= FindingCatalogue.ExecutedOverAdjusted.Bit;
        }
        if (overall.Adjusted == T.Zero)
        {
            findings |= FindingCatalogue.AdjustedBudgetZero.Bit;
        }
        var rates = BudgetRules.Rates(overall, rounding);
        var executionScore = BudgetRules.ExecutionScore(rates.Execution, scheme);

        var declared = department.Declared;
        findings |= Identities(declared);
        for (var item = DeclaredItem.InitialBudget; item <= DeclaredItem.InitialOther; item++)
        {
            if (declared[item] is { } amount && IsComparable(item, budget) && !DeclaredChecks.AmountMatches(amount, ComputedAmount(item, budget), rounding))
            {
                findings |= Mismatch(item).Bit;
            }
        }
        if (department.DeclaredProjectBudget is { } projectBudget && !DeclaredChecks.AmountMatches(projectBudget, budget.Project.Adjusted, rounding))
        {
            findings |= FindingCatalogue.DeclaredProjectBudgetMismatch.Bit;
        }
        if (department.DeclaredProjectExecuted is { } projectExecuted && !DeclaredChecks.AmountMatches(projectExecuted, budget.Project.Executed, rounding))
        {
            findings |= FindingCatalogue.DeclaredProjectExecutedMismatch.Bit;
        }
        // A basic line without its split leaves personnel and operating unknown: nothing to compare with.
        if (department.DeclaredPersonnel is { } personnel && !budget.ClassesUnstated && !DeclaredChecks.AmountMatches(personnel, budget.Personnel.Adjusted, rounding))
        {
            findings |= FindingCatalogue.DeclaredPersonnelMismatch.Bit;
        }
        if (department.DeclaredOperating is { } operating && !budget.ClassesUnstated && !DeclaredChecks.AmountMatches(operating, budget.Operating.Adjusted, rounding))
        {
            findings |= FindingCatalogue.DeclaredOperatingMismatch.Bit;
        }
        if (declared[DeclaredItem.AdjustmentRate] is { } adjustmentRate
            && !DeclaredChecks.RateMatches(adjustmentRate, rates.Adjustment, rates.AdjustmentRate, rounding))
        {
            findings |= FindingCatalogue.DeclaredAdjustmentRateMismatch.Bit;
        }
        if (declared[DeclaredItem.ExecutionRate] is { } executionRate
            && !DeclaredChecks.RateMatches(executionRate, rates.Execution, rates.ExecutionRate, rounding))
        {
            findings |= FindingCatalogue.DeclaredExecutionRateMismatch.Bit;
        }
        if (declared[DeclaredItem.ExecutionScore] is { } declaredExecutionScore
            && !DeclaredChecks.ScoreMatches(declaredExecutionScore, executionScore, rounding))
        {
            findings |= FindingCatalogue.DeclaredExecutionScoreMismatch.Bit;
        }

        // Execution weight + Σ weights, execution score + Σ scores (after and before reviewer
        // deductions): each none as soon as one term is missing, never a silent 0.
        T? weightTotal = scheme.ExecutionWeight;
        var composite = executionScore;
        var beforeDeductions = executionScore;
        var indicatorFindings = FindingSet.None;
        var (errors, warnings, infos) = (overExecutedLines, 0, 0);
        for (var i = 0; i < indicators.Length; i++)
        {
            IndicatorRules.Score(indicators[i], scheme, out outcomes[i]);
            ref readonly var outcome = ref outcomes[i];
            weightTotal = weightTotal is { } total && indicators[i].Weight is { } weight ? total + weight : null;
            composite = composite is { } sum && outcome.Score is { } score ? sum + score : null;
            beforeDeductions = beforeDeductions is { } before && outcome.CappedScore is { } capped ? before + capped : null;
            if (outcome.Findings != FindingSet.None)
            {
                indicatorFindings |= outcome.Findings;
                var (e, w, n) = FindingSets.Count(outcome.Findings);
                (errors, warnings, infos) = (errors + e, warnings + w, infos + n);
            }
        }
        if (weightTotal is { } weights && weights != scheme.ExpectedWeightTotal)
        {
            findings |= FindingCatalogue.WeightTotalNot100.Bit;
        }

        // The report's own composite and grade are checked against the rules' figures before any
        // reviewer deduction: they test the report's arithmetic, not the review.
        var gradeBeforeDeductions = GradeOf(beforeDeductions, scheme);
        if (declared[DeclaredItem.CompositeScore] is { } declaredComposite
            && !DeclaredChecks.ScoreMatches(declaredComposite, beforeDeductions, rounding))
        {
            findings |= FindingCatalogue.DeclaredCompositeMismatch.Bit;
        }
        if (declared.Grade is { } declaredGrade && declaredGrade != gradeBeforeDeductions)
        {
            findings |= FindingCatalogue.DeclaredGradeMismatch.Bit;
        }

        var (cardErrors, cardWarnings, cardInfos) = FindingSets.Count(findings);
        card = new CardOutcome<T>(
            budget, rates, executionScore, weightTotal, composite, beforeDeductions, GradeOf(composite, scheme), gradeBeforeDeductions,
            findings, overExecutedLines,
            findings | indicatorFindings | (overExecutedLines > 0 ? FindingCatalogue.ExecutedOverAdjusted.Bit : FindingSet.None),
            new SeverityCounts(errors + cardErrors, warnings + cardWarnings, infos + cardInfos));
    }

    /// <summary>优 / 良 / 中 / 差 by the scheme's bands; none without a composite.</summary>
    public static Grade? GradeOf<T>(T? composite, in SchemeNumbers<T> scheme)
        where T : unmanaged, IExactNumber<T> => composite switch
        {
            null => null,
            { } c when c >= scheme.ExcellentFrom => Grade.Excellent,
            { } c when c >= scheme.GoodFrom => Grade.Good,
            { } c when c >= scheme.FairFrom => Grade.Fair,
            _ => Grade.Poor,
        };

    /// <summary>
    /// The computed amount a declared amount is compared with. The report's expenditure total and its
    /// basic / project split are amounts spent (支出), so they are compared with executed amounts.
    /// </summary>
    public static T ComputedAmount<T>(DeclaredItem item, in BudgetSums<T> budget)
        where T : unmanaged, IExactNumber<T> => item switch
        {
            DeclaredItem.InitialBudget => budget.Overall.Initial,
            DeclaredItem.Adjustments => budget.Overall.Adjustments,
            DeclaredItem.AdjustedBudget => budget.Overall.Adjusted,
            DeclaredItem.Executed => budget.Overall.Executed,
            DeclaredItem.ExpenditureTotal => budget.Overall.Executed,
            DeclaredItem.BasicExpenditure => budget.Basic.Executed,
            DeclaredItem.ProjectExpenditure => budget.Project.Executed,
            DeclaredItem.InitialSuperior => budget.Superior.Initial,
            DeclaredItem.InitialOwnLevel => budget.OwnLevel.Initial,
            DeclaredItem.InitialOther => budget.Other.Initial,
            _ => throw new ArgumentOutOfRangeException(nameof(item), item, "Not a declared amount."),
        };

    /// <summary>A declared per-source amount is compared only when every line states its source.</summary>
    public static bool IsComparable<T>(DeclaredItem item, in BudgetSums<T> budget)
        where T : unmanaged, IExactNumber<T> =>
        item is not (DeclaredItem.InitialSuperior or DeclaredItem.InitialOwnLevel or DeclaredItem.InitialOther) || !budget.SourcesUnstated;

    /// <summary>The mismatch kind of a declared figure: the first kinds of <see cref="FindingCatalogue.All"/> follow <see cref="DeclaredItem"/>.</summary>
    public static FindingKind Mismatch(DeclaredItem item) => FindingCatalogue.All[(int)item];

    /// <summary>Identities within the report itself, only where every figure involved is declared.</summary>
    private static FindingSet Identities<T>(in DeclaredFacts<T> d)
        where T : unmanaged, IExactNumber<T>
    {
        var findings = FindingSet.None;
        if (d[DeclaredItem.InitialBudget] is { } initial && d[DeclaredItem.Adjustments] is { } adjustments
            && d[DeclaredItem.AdjustedBudget] is { } adjusted && initial + adjustments != adjusted)
        {
            findings |= FindingCatalogue.BudgetAdjustedIdentity.Bit;
        }
        if (d[DeclaredItem.BasicExpenditure] is { } basic && d[DeclaredItem.ProjectExpenditure] is { } project
            && d[DeclaredItem.ExpenditureTotal] is { } total && basic + project != total)
        {
            findings |= FindingCatalogue.BudgetClassSplit.Bit;
        }
        if (d[DeclaredItem.InitialSuperior] is { } superior && d[DeclaredItem.InitialOwnLevel] is { } ownLevel
            && d[DeclaredItem.InitialOther] is { } other && d[DeclaredItem.InitialBudget] is { } initialBudget
            && superior + ownLevel + other != initialBudget)
        {
            findings |= FindingCatalogue.BudgetFundingSplit.Bit;
        }
        return findings;
    }
}
