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

        // The share of the target reached, at full precision: completion = ratio × 100.
        var ratio = indicator.Kind == IndicatorKind.Qualitative
            ? QualitativeRatio(indicator, usableWeight, findings)
            : QuantitativeRatio(indicator, findings);
        decimal? completion = ratio * 100m;

        var flags = IndicatorFlags.None;
        if (completion is { } c)
        {
            flags |= ReasonChecks(indicator, scheme, rounding.Round(c), findings);
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
            if (ratio is { } q)
            {
                // Rounded, yet never above the weight (matters only for weights finer than the display).
                capped = Math.Min(rounding.Round(w * Math.Min(q, 1m)), w);
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
            new Computed(rounding.Round(completion), null),
            new Computed(capped, null),
            deduction,
            new Computed(score, null),
            flags,
            indicator.DeclaredCompletion is { } dc ? declared.Completion(indicator, dc, completion) : null,
            indicator.DeclaredScore is { } ds ? declared.IndicatorScore(indicator, ds, capped) : null);
        return explain ? Explain(result, indicator, ratio) : result;
    }

    private static decimal? QuantitativeRatio(IndicatorInput indicator, Findings findings)
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
            // `=` is scored as `≥`; missing the exact target is a finding of its own.
            ComparisonOperator.AtLeast or ComparisonOperator.Equal => target > 0
                ? Math.Max(actual / target, 0m)
                : actual >= target ? 1m : 0m,
            // Reverse: full when at or under the target, falling to 0 at twice the target.
            ComparisonOperator.AtMost => actual <= target ? 1m
                : target > 0 ? Math.Max(2m - (actual / target), 0m)
                : 0m,
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), op, "Unknown comparison operator."),
        };
    }

    private static decimal? QualitativeRatio(IndicatorInput indicator, decimal? weight, Findings findings)
    {
        if (indicator.QualitativeScore is not { } score)
        {
            findings.ValueMissing(indicator);
            return null;
        }
        return weight is { } w && w > 0 ? Math.Max(score / w, 0m) : null;
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

    private static IndicatorScore Explain(IndicatorScore s, IndicatorInput indicator, decimal? ratio)
    {
        var n = Explanations.Number;
        var completion = s.Completion.Value is null ? null : ratio * 100m;
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
            : ratio is { } q
                ? Explanations.Of($"{n(s.Weight!.Value)} × min({n(q * 100m)} / 100, 1)", ("weight", s.Weight), ("completion", q * 100m))
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
