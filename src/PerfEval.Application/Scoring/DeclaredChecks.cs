using PerfEval.Application.Evaluations;

namespace PerfEval.Application.Scoring;

/// <summary>
/// A declared figure is consistent when it equals the computed one rounded to the declared figure's
/// own decimals; each inconsistency is a finding naming both numbers.
/// </summary>
internal sealed class DeclaredChecks(Rounding rounding, Findings findings)
{
    /// <summary>Amounts are exact: no display rounding, only the declared decimals.</summary>
    public DeclaredCheck? Amount(DeclaredFigure figure, decimal? declared, decimal computed)
    {
        if (declared is not { } d)
        {
            return null;
        }
        var consistent = d == rounding.ToScale(computed, d.Scale);
        if (!consistent)
        {
            findings.DeclaredMismatch(figure, Findings.Budget, null, null, d, computed);
        }
        return new DeclaredCheck(d, computed, consistent);
    }

    /// <summary>A rate or score, computed at full precision and shown rounded.</summary>
    public DeclaredCheck? Figure(DeclaredFigure figure, string subject, decimal? declared, decimal? computed)
    {
        if (declared is not { } d)
        {
            return null;
        }
        var consistent = computed is { } c && d == rounding.AsDeclared(c, d.Scale);
        return Report(figure, subject, null, null, d, computed, consistent);
    }

    /// <summary>Reports often cap completion at 100%, so a declared 100 accepts any computed ≥ 100.</summary>
    public DeclaredCheck Completion(IndicatorInput indicator, decimal declared, decimal? computed)
    {
        var consistent = computed is { } c && (declared == rounding.AsDeclared(c, declared.Scale) || (declared == 100m && c >= 100m));
        return Report(DeclaredFigure.Completion, Findings.IndicatorSubject(indicator),
            Findings.IndicatorPrefixZh(indicator), Findings.IndicatorPrefixEn(indicator), declared, computed, consistent);
    }

    /// <summary>The report's own score is compared with the rules' score, before any reviewer deduction.</summary>
    public DeclaredCheck IndicatorScore(IndicatorInput indicator, decimal declared, decimal? computed)
    {
        var consistent = computed is { } c && declared == rounding.AsDeclared(c, declared.Scale);
        return Report(DeclaredFigure.Score, Findings.IndicatorSubject(indicator),
            Findings.IndicatorPrefixZh(indicator), Findings.IndicatorPrefixEn(indicator), declared, computed, consistent);
    }

    public DeclaredGradeCheck? Grade(Grade? declared, Grade? computed, decimal? composite)
    {
        if (declared is not { } d)
        {
            return null;
        }
        var consistent = computed == d;
        if (!consistent)
        {
            findings.DeclaredGradeMismatch(d, computed, composite);
        }
        return new DeclaredGradeCheck(d, computed, consistent);
    }

    private DeclaredCheck Report(DeclaredFigure figure, string subject, string? prefixZh, string? prefixEn, decimal declared, decimal? computed, bool consistent)
    {
        var shown = rounding.Round(computed);
        if (!consistent)
        {
            findings.DeclaredMismatch(figure, subject, prefixZh, prefixEn, declared, shown);
        }
        return new DeclaredCheck(declared, shown, consistent);
    }
}
