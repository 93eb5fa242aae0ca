using PerfEval.Application.Indicators;

using PerfEval.Application.Common;

namespace PerfEval.Application.Scoring;

/// <summary>
/// One indicator scored: the share of its target reached, completion as shown, the rules' score
/// (weight × min(share, 1)), the reviewer's deduction applied, the final score, flags and findings.
/// </summary>
internal readonly record struct IndicatorOutcome<T>(
    Fraction<T>? Share,
    T? Completion,
    T? CappedScore,
    T? Deduction,
    T? Score,
    IndicatorFlags Flags,
    FindingSet Findings)
    where T : unmanaged, IExactNumber<T>;

/// <summary>
/// One indicator: completion rate (uncapped, never below 0), the rules' score, the reviewer's
/// deduction, and the indicator's findings.
/// </summary>
internal static class IndicatorRules
{
    public static void Score<T>(in IndicatorFacts<T> indicator, in SchemeNumbers<T> scheme, out IndicatorOutcome<T> outcome)
        where T : unmanaged, IExactNumber<T>
    {
        var rounding = scheme.Rounding;
        var findings = FindingSet.None;
        var weight = indicator.Weight;
        T? usableWeight = null;
        if (weight is not { } given)
        {
            findings |= FindingCatalogue.WeightMissing.Bit;
        }
        else if (given < T.Zero)
        {
            findings |= FindingCatalogue.WeightNegative.Bit;
        }
        else
        {
            usableWeight = given;
        }

        // The share of the target reached: completion = share × 100 (uncapped), score = weight × min(share, 1).
        var qualitative = indicator.Kind == IndicatorKind.Qualitative;
        var share = qualitative
            ? QualitativeShare(indicator, usableWeight, ref findings)
            : QuantitativeShare(indicator, ref findings);
        T? completion = share is { } s ? s.Times(Constant<T>.Hundred, rounding) : null;

        var flags = IndicatorFlags.None;
        if (completion is { } shown)
        {
            flags |= ReasonChecks(indicator, scheme, shown, ref findings);
        }
        flags |= qualitative
            ? TierCheck(indicator, usableWeight, scheme, ref findings)
            : ValueChecks(indicator, ref findings);

        T? capped = null;
        if (usableWeight is { } w)
        {
            if (share is { } q)
            {
                capped = q.CappedTimes(w, rounding);
            }
            else if (w == T.Zero && qualitative && indicator.QualitativeScore is not null)
            {
                capped = T.Zero;
            }
        }

        T? deduction = null;
        var score = capped;
        if (indicator.ReviewerDeduction is { } d && d != T.Zero)
        {
            if (d < T.Zero)
            {
                findings |= FindingCatalogue.DeductionNegative.Bit;
            }
            else
            {
                deduction = d;
                flags |= IndicatorFlags.Deducted;
                if (!indicator.HasDeductionReason)
                {
                    flags |= IndicatorFlags.ReasonMissing;
                    findings |= FindingCatalogue.DeductionWithoutReason.Bit;
                }
                if (capped is { } before)
                {
                    if (d > before)
                    {
                        findings |= FindingCatalogue.DeductionExceedsScore.Bit;
                    }
                    score = Exact.Round(Exact.Max(before - d, T.Zero), rounding);
                }
            }
        }

        if (indicator.DeclaredCompletion is { } declaredCompletion && !DeclaredChecks.CompletionMatches(declaredCompletion, share, completion, rounding))
        {
            findings |= FindingCatalogue.DeclaredCompletionMismatch.Bit;
        }
        if (indicator.DeclaredScore is { } declaredScore && !DeclaredChecks.ScoreMatches(declaredScore, capped, rounding))
        {
            findings |= FindingCatalogue.DeclaredScoreMismatch.Bit;
        }
        outcome = new IndicatorOutcome<T>(share, completion, capped, deduction, score, flags, findings);
    }

    /// <summary>达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w).</summary>
    public static (T From, T To, bool ToInclusive) TierBand<T>(QualitativeTier tier, T weight, in SchemeNumbers<T> scheme)
        where T : unmanaged, IExactNumber<T>
    {
        var achievedFrom = scheme.QualitativeAchievedFrom * weight;
        var partiallyFrom = scheme.QualitativePartiallyAchievedFrom * weight;
        return tier switch
        {
            QualitativeTier.Achieved => (achievedFrom, weight, true),
            QualitativeTier.PartiallyAchieved => (partiallyFrom, achievedFrom, false),
            QualitativeTier.NotAchieved => (T.Zero, partiallyFrom, false),
            _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown qualitative tier."),
        };
    }

    private static Fraction<T>? QuantitativeShare<T>(in IndicatorFacts<T> indicator, ref FindingSet findings)
        where T : unmanaged, IExactNumber<T>
    {
        if (indicator.Operator is not { } op || indicator.Target is not { } target)
        {
            findings |= FindingCatalogue.TargetMissing.Bit;
            return null;
        }
        if (indicator.FinalValue is not { } actual)
        {
            findings |= FindingCatalogue.IndicatorValueMissing.Bit;
            return null;
        }
        return op switch
        {
            // `=` is scored as `≥`; missing the exact target is a finding of its own. A target at or
            // below 0 has no meaningful ratio: it is met or not.
            ComparisonOperator.AtLeast or ComparisonOperator.Equal => target > T.Zero
                ? Fraction<T>.Of(Exact.Max(actual, T.Zero), target)
                : actual >= target ? Fraction<T>.One : Fraction<T>.Zero,
            // Reverse: full at or under the target, then (1 − (actual − target) / target), 0 at twice the target.
            ComparisonOperator.AtMost => actual <= target ? Fraction<T>.One
                : target > T.Zero ? Fraction<T>.Of(Exact.Max((Constant<T>.Two * target) - actual, T.Zero), target)
                : Fraction<T>.Zero,
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), op, "Unknown comparison operator."),
        };
    }

    private static Fraction<T>? QualitativeShare<T>(in IndicatorFacts<T> indicator, T? weight, ref FindingSet findings)
        where T : unmanaged, IExactNumber<T>
    {
        if (indicator.QualitativeScore is not { } score)
        {
            findings |= FindingCatalogue.IndicatorValueMissing.Bit;
            return null;
        }
        return weight is { } w && w > T.Zero ? Fraction<T>.Of(Exact.Max(score, T.Zero), w) : null;
    }

    /// <summary>Deviation reasons, judged on the completion as shown (what the reviewer sees).</summary>
    private static IndicatorFlags ReasonChecks<T>(in IndicatorFacts<T> indicator, in SchemeNumbers<T> scheme, T shown, ref FindingSet findings)
        where T : unmanaged, IExactNumber<T>
    {
        var flags = IndicatorFlags.None;
        // A qualitative score above its weight is an error of its own (outside its tier), not an over-achievement.
        if (indicator.Kind == IndicatorKind.Quantitative && shown >= scheme.OverAchievementReasonThreshold)
        {
            flags |= IndicatorFlags.OverAchieved;
            if (!indicator.HasDeviationReason)
            {
                flags |= IndicatorFlags.ReasonMissing;
                findings |= FindingCatalogue.OverAchievementNoReason.Bit;
            }
            if (shown >= scheme.TargetTooLowThreshold)
            {
                flags |= IndicatorFlags.TargetLikelyTooLow;
                findings |= FindingCatalogue.TargetLikelyTooLow.Bit;
            }
        }
        if (shown < scheme.UnderAchievementReasonThreshold)
        {
            flags |= IndicatorFlags.UnderAchieved;
            if (!indicator.HasDeviationReason)
            {
                flags |= IndicatorFlags.ReasonMissing;
                findings |= FindingCatalogue.UnderAchievementNoReason.Bit;
            }
        }
        return flags;
    }

    private static IndicatorFlags ValueChecks<T>(in IndicatorFacts<T> indicator, ref FindingSet findings)
        where T : unmanaged, IExactNumber<T>
    {
        if (indicator.FinalValue is not { } final)
        {
            return IndicatorFlags.None;
        }
        var flags = IndicatorFlags.None;
        if (indicator.Operator == ComparisonOperator.Equal && indicator.Target is { } target && final != target)
        {
            flags |= IndicatorFlags.EqualTargetMissed;
            findings |= FindingCatalogue.EqualTargetMissed.Bit;
        }
        if (indicator.MidYearValue is { } midYear && final < midYear)
        {
            flags |= IndicatorFlags.FinalBelowMidYear;
            findings |= FindingCatalogue.FinalBelowMidYear.Bit;
        }
        return flags;
    }

    private static IndicatorFlags TierCheck<T>(in IndicatorFacts<T> indicator, T? weight, in SchemeNumbers<T> scheme, ref FindingSet findings)
        where T : unmanaged, IExactNumber<T>
    {
        // With weight 0 every band but [0, 0] is empty: there is nothing to check.
        if (indicator.QualitativeScore is not { } score || weight is not { } w || w == T.Zero)
        {
            return IndicatorFlags.None;
        }
        if (indicator.Tier is not { } tier)
        {
            findings |= FindingCatalogue.QualitativeTierMissing.Bit;
            return IndicatorFlags.None;
        }
        var (from, to, toInclusive) = TierBand(tier, w, scheme);
        if (score >= from && (toInclusive ? score <= to : score < to))
        {
            return IndicatorFlags.None;
        }
        findings |= FindingCatalogue.QualitativeScoreOutsideTier.Bit;
        return IndicatorFlags.OutsideTier;
    }

    /// <summary>Formulas for an explained scorecard: which rule gave the completion, and how the scores follow.</summary>
    public static IndicatorScore Explain(IndicatorScore s, IndicatorInput indicator, Fraction<DecimalNumber>? share)
    {
        var n = Explanations.Number;
        decimal? completion = share is { } q ? q.Times(100m) : null;
        Explanation completionExplanation;
        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            completionExplanation = completion is { } c
                ? Explanations.Of($"{n(indicator.QualitativeScore!.Value)} / {n(indicator.Weight!.Value)} × 100", ("qualitativeScore", indicator.QualitativeScore), ("weight", indicator.Weight), ("completion", c))
                : Explanations.Of(Messages.NoQualitativeCompletion.Current, ("qualitativeScore", indicator.QualitativeScore), ("weight", indicator.Weight));
        }
        else if (completion is not { } c || indicator.Operator is not { } op || indicator.Target is not { } target || indicator.FinalValue is not { } actual)
        {
            completionExplanation = Explanations.Of(Messages.NoQuantitativeCompletion.Current, ("target", indicator.Target), ("finalValue", indicator.FinalValue));
        }
        else
        {
            var formula = op switch
            {
                ComparisonOperator.AtMost when actual <= target => $"{n(actual)} ≤ {n(target)} → 100",
                ComparisonOperator.AtMost when target > 0 => $"max((1 − ({n(actual)} − {n(target)}) / {n(target)}) × 100, 0)",
                ComparisonOperator.AtMost => $"{n(actual)} > {n(target)}{Messages.TargetNotAbove0} → 0",
                _ when target > 0 => $"max({n(actual)} / {n(target)} × 100, 0)",
                _ => actual >= target ? $"{n(actual)} ≥ {n(target)}{Messages.TargetNotAbove0} → 100" : $"{n(actual)} < {n(target)}{Messages.TargetNotAbove0} → 0",
            };
            if (op == ComparisonOperator.Equal)
            {
                formula = Messages.ScoredAsAtLeast.Current + formula;
            }
            completionExplanation = Explanations.Of(formula, ("finalValue", actual), ("target", target), ("completion", c));
        }

        var cappedExplanation = s.CappedScore.Value is null
            ? Explanations.Of(Messages.NoScoreWithoutWeight.Current, ("weight", indicator.Weight))
            : completion is { } full
                ? Explanations.Of($"{n(s.Weight!.Value)} × min({n(full)} / 100, 1)", ("weight", s.Weight), ("completion", full))
                : Explanations.Of(Messages.ZeroWeight.Current, ("weight", s.Weight));

        var scoreExplanation = s.CappedScore.Value is not { } before
            ? Explanations.Of(Messages.NoScore.Current, ("cappedScore", null))
            : s.Deduction is { } d
                ? Explanations.Of($"max({n(before)} − {n(d)}, 0)", ("cappedScore", before), ("deduction", d))
                : Explanations.Of($"{n(before)}{Messages.NoDeduction}", ("cappedScore", before));

        return s with
        {
            Completion = s.Completion with { Explanation = completionExplanation },
            CappedScore = s.CappedScore with { Explanation = cappedExplanation },
            Score = s.Score with { Explanation = scoreExplanation },
        };
    }
}
