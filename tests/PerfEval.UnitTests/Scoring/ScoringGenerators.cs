using FsCheck;
using FsCheck.Fluent;
using PerfEval.Application.Budgets;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>Random lines and indicators for the property tests: any value in cents, and any field sometimes missing.</summary>
internal static class ScoringGenerators
{
    public static readonly Gen<BudgetLineInput> Line =
        from @class in Gen.Elements(ExpenditureClass.Personnel, ExpenditureClass.Operating, ExpenditureClass.Project)
        from source in Gen.Elements(FundingSource.Superior, FundingSource.OwnLevel, FundingSource.Other)
        from initial in Cents(0, 2_000_000_000)
        from adjustments in Cents(-100_000_000, 1_000_000_000)
        from executed in Cents(0, 2_000_000_000)
        select new BudgetLineInput(@class, source, initial, adjustments, executed, null);

    public static Gen<decimal> Cents(int from, int to) => Gen.Choose(from, to).Select(c => c / 100m);

    public static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (6, gen.Select(v => (T?)v)));

    /// <summary>An indicator; with <paramref name="declared"/>, sometimes with the report's own completion and score.</summary>
    public static Gen<IndicatorInput> Indicator(bool declared) =>
        from sequence in Gen.Choose(1, 20)
        from qualitative in Gen.Elements(false, false, true)
        from op in Maybe(Gen.Elements(ComparisonOperator.AtLeast, ComparisonOperator.AtMost, ComparisonOperator.Equal))
        from target in Maybe(Cents(-10_000, 5_000_000))
        from weight in Maybe(Cents(-500, 6_000))
        from midYear in Maybe(Cents(-10_000, 5_000_000))
        from final in Maybe(Cents(-10_000, 10_000_000))
        from tier in Maybe(Gen.Elements(QualitativeTier.Achieved, QualitativeTier.PartiallyAchieved, QualitativeTier.NotAchieved))
        from score in Maybe(Cents(-500, 8_000))
        from deduction in Maybe(Cents(-500, 3_000))
        from declaredCompletion in declared ? Maybe(Cents(0, 20_000)) : Gen.Constant<decimal?>(null)
        from declaredScore in declared ? Maybe(Cents(0, 6_000)) : Gen.Constant<decimal?>(null)
        from reason in Gen.Elements<string?>(null, "", "偏差原因")
        select new IndicatorInput(sequence, "指标", qualitative ? IndicatorKind.Qualitative : IndicatorKind.Quantitative,
            op, target, weight, midYear, final, tier, score, deduction, reason, reason, declaredCompletion, declaredScore, null);
}
