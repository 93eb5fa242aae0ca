using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

/// <summary>
/// One indicator: completion rate (uncapped, never below 0), the rules' score, the reviewer's
/// deduction, and the indicator's findings.
/// </summary>
internal static class IndicatorRules
{
    public static IndicatorScore Score(
        IndicatorInput indicator, ScoringSchemeSettings scheme, Rounding rounding, Findings findings, DeclaredChecks declared, bool explain)
    {
        var weight = indicator.Weight;
        if (weight is null)
        {
            findings.WeightMissing(indicator);
        }
        else if (weight < 0)
        {
            findings.WeightNegative(indicator, weight.Value);
        }
        var usableWeight = weight is >= 0 ? weight : null;

        // The share of the target reached: completion = share × 100 (uncapped), score = weight × min(share, 1).
        var share = indicator.Kind == IndicatorKind.Qualitative
            ? QualitativeShare(indicator, usableWeight, findings)
            : QuantitativeShare(indicator, findings);
        var completion = share?.Times(100m, rounding);

        var flags = IndicatorFlags.None;
        if (completion is { } shown)
        {
            flags |= ReasonChecks(indicator, scheme, shown, findings);
        }
        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            flags |= TierCheck(indicator, usableWeight, scheme, findings);
        }
        else
        {
            flags |= ValueChecks(indicator, findings);
        }

        decimal? capped = null;
        if (usableWeight is { } w)
        {
            if (share is { } q)
            {
                capped = q.CappedTimes(w, rounding);
            }
            else if (w == 0 && indicator.Kind == IndicatorKind.Qualitative && indicator.QualitativeScore is not null)
            {
                capped = 0m;
            }
        }

        decimal? deduction = null;
        var score = capped;
        if (indicator.ReviewerDeduction is { } d && d != 0)
        {
            if (d < 0)
            {
                findings.DeductionNegative(indicator, d);
            }
            else
            {
                deduction = d;
                flags |= IndicatorFlags.Deducted;
                if (string.IsNullOrWhiteSpace(indicator.DeductionReason))
                {
                    flags |= IndicatorFlags.ReasonMissing;
                    findings.DeductionWithoutReason(indicator, d);
                }
                if (capped is { } before)
                {
                    if (d > before)
                    {
                        findings.DeductionExceedsScore(indicator, d, before);
                    }
                    score = rounding.Round(Math.Max(before - d, 0m));
                }
            }
        }

        var result = new IndicatorScore(
            indicator.Sequence,
            indicator.IndicatorId,
            indicator.Name,
            indicator.Kind,
            weight,
            new Computed(completion, null),
            new Computed(capped, null),
            deduction,
            new Computed(score, null),
            flags,
            indicator.DeclaredCompletion is { } dc ? declared.Completion(indicator, dc, share, completion) : null,
            indicator.DeclaredScore is { } ds ? declared.IndicatorScore(indicator, ds, capped) : null);
        return explain ? Explain(result, indicator, share) : result;
    }

    private static Fraction? QuantitativeShare(IndicatorInput indicator, Findings findings)
    {
        if (indicator.Operator is not { } op || indicator.Target is not { } target)
        {
            findings.TargetMissing(indicator);
            return null;
        }
        if (indicator.FinalValue is not { } actual)
        {
            findings.ValueMissing(indicator);
            return null;
        }
        return op switch
        {
            // `=` is scored as `≥`; missing the exact target is a finding of its own. A target at or
            // below 0 has no meaningful ratio: it is met or not.
            ComparisonOperator.AtLeast or ComparisonOperator.Equal => target > 0
                ? Fraction.Of(Math.Max(actual, 0m), target)
                : actual >= target ? Fraction.One : Fraction.Zero,
            // Reverse: full at or under the target, then (1 − (actual − target) / target), 0 at twice the target.
            ComparisonOperator.AtMost => actual <= target ? Fraction.One
                : target > 0 ? Fraction.Of(Math.Max((2m * target) - actual, 0m), target)
                : Fraction.Zero,
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), op, "Unknown comparison operator."),
        };
    }

    private static Fraction? QualitativeShare(IndicatorInput indicator, decimal? weight, Findings findings)
    {
        if (indicator.QualitativeScore is not { } score)
        {
            findings.ValueMissing(indicator);
            return null;
        }
        return weight is { } w && w > 0 ? Fraction.Of(Math.Max(score, 0m), w) : null;
    }

    /// <summary>Deviation reasons, judged on the completion as shown (what the reviewer sees).</summary>
    private static IndicatorFlags ReasonChecks(IndicatorInput indicator, ScoringSchemeSettings scheme, decimal shown, Findings findings)
    {
        var flags = IndicatorFlags.None;
        var hasReason = !string.IsNullOrWhiteSpace(indicator.DeviationReason);
        // A qualitative score above its weight is an error of its own (outside its tier), not an over-achievement.
        if (indicator.Kind == IndicatorKind.Quantitative && shown >= scheme.OverAchievementReasonThreshold)
        {
            flags |= IndicatorFlags.OverAchieved;
            if (!hasReason)
            {
                flags |= IndicatorFlags.ReasonMissing;
                findings.OverAchievementNoReason(indicator, shown, scheme.OverAchievementReasonThreshold);
            }
            if (shown >= scheme.TargetTooLowThreshold)
            {
                flags |= IndicatorFlags.TargetLikelyTooLow;
                findings.TargetLikelyTooLow(indicator, shown, scheme.TargetTooLowThreshold);
            }
        }
        if (shown < scheme.UnderAchievementReasonThreshold)
        {
            flags |= IndicatorFlags.UnderAchieved;
            if (!hasReason)
            {
                flags |= IndicatorFlags.ReasonMissing;
                findings.UnderAchievementNoReason(indicator, shown, scheme.UnderAchievementReasonThreshold);
            }
        }
        return flags;
    }

    private static IndicatorFlags ValueChecks(IndicatorInput indicator, Findings findings)
    {
        if (indicator.FinalValue is not { } final)
        {
            return IndicatorFlags.None;
        }
        var flags = IndicatorFlags.None;
        if (indicator.Operator == ComparisonOperator.Equal && indicator.Target is { } target && final != target)
        {
            flags |= IndicatorFlags.EqualTargetMissed;
            findings.EqualTargetMissed(indicator, target, final);
        }
        if (indicator.MidYearValue is { } midYear && final < midYear)
        {
            flags |= IndicatorFlags.FinalBelowMidYear;
            findings.FinalBelowMidYear(indicator, midYear, final);
        }
        return flags;
    }

    /// <summary>达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w).</summary>
    private static IndicatorFlags TierCheck(IndicatorInput indicator, decimal? weight, ScoringSchemeSettings scheme, Findings findings)
    {
        // With weight 0 every band but [0, 0] is empty: there is nothing to check.
        if (indicator.QualitativeScore is not { } score || weight is not { } w || w == 0)
        {
            return IndicatorFlags.None;
        }
        if (indicator.Tier is not { } tier)
        {
            findings.TierMissing(indicator, score);
            return IndicatorFlags.None;
        }
        var achievedFrom = scheme.QualitativeAchievedFrom * w;
        var partiallyFrom = scheme.QualitativePartiallyAchievedFrom * w;
        var (from, to, toInclusive) = tier switch
        {
            QualitativeTier.Achieved => (achievedFrom, w, true),
            QualitativeTier.PartiallyAchieved => (partiallyFrom, achievedFrom, false),
            QualitativeTier.NotAchieved => (0m, partiallyFrom, false),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), tier, "Unknown qualitative tier."),
        };
        var inside = score >= from && (toInclusive ? score <= to : score < to);
        if (inside)
        {
            return IndicatorFlags.None;
        }
        findings.OutsideTier(indicator, tier, score, w, from, to, toInclusive);
        return IndicatorFlags.OutsideTier;
    }

    private static IndicatorScore Explain(IndicatorScore s, IndicatorInput indicator, Fraction? share)
    {
        var n = Explanations.Number;
        var completion = share?.Times(100m);
        Explanation completionExplanation;
        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            completionExplanation = completion is { } c
                ? Explanations.Of($"{n(indicator.QualitativeScore!.Value)} / {n(indicator.Weight!.Value)} × 100", ("qualitativeScore", indicator.QualitativeScore), ("weight", indicator.Weight), ("completion", c))
                : Explanations.Of("no completion: a qualitative score and a positive weight are needed", ("qualitativeScore", indicator.QualitativeScore), ("weight", indicator.Weight));
        }
        else if (completion is not { } c || indicator.Operator is not { } op || indicator.Target is not { } target || indicator.FinalValue is not { } actual)
        {
            completionExplanation = Explanations.Of("no completion: an operator, a target and a final value are needed", ("target", indicator.Target), ("finalValue", indicator.FinalValue));
        }
        else
        {
            var formula = op switch
            {
                ComparisonOperator.AtMost when actual <= target => $"{n(actual)} ≤ {n(target)} → 100",
                ComparisonOperator.AtMost when target > 0 => $"max((1 − ({n(actual)} − {n(target)}) / {n(target)}) × 100, 0)",
                ComparisonOperator.AtMost => $"{n(actual)} > {n(target)} (target not above 0) → 0",
                _ when target > 0 => $"max({n(actual)} / {n(target)} × 100, 0)",
                _ => actual >= target ? $"{n(actual)} ≥ {n(target)} (target not above 0) → 100" : $"{n(actual)} < {n(target)} (target not above 0) → 0",
            };
            if (op == ComparisonOperator.Equal)
            {
                formula = "scored as ≥: " + formula;
            }
            completionExplanation = Explanations.Of(formula, ("finalValue", actual), ("target", target), ("completion", c));
        }

        var cappedExplanation = s.CappedScore.Value is null
            ? Explanations.Of("no score: a weight and a completion rate are needed", ("weight", indicator.Weight))
            : completion is { } full
                ? Explanations.Of($"{n(s.Weight!.Value)} × min({n(full)} / 100, 1)", ("weight", s.Weight), ("completion", full))
                : Explanations.Of("weight 0 → 0", ("weight", s.Weight));

        var scoreExplanation = s.CappedScore.Value is not { } before
            ? Explanations.Of("no score", ("cappedScore", null))
            : s.Deduction is { } d
                ? Explanations.Of($"max({n(before)} − {n(d)}, 0)", ("cappedScore", before), ("deduction", d))
                : Explanations.Of($"{n(before)} (no reviewer deduction)", ("cappedScore", before));

        return s with
        {
            Completion = s.Completion with { Explanation = completionExplanation },
            CappedScore = s.CappedScore with { Explanation = cappedExplanation },
            Score = s.Score with { Explanation = scoreExplanation },
        };
    }
}
