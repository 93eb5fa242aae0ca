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

    /// <summary>
    /// A rate: the computed figure as shown (display decimals) rounded again to the declared decimals,
    /// so declared 111 matches shown 110.50; a declaration finer than the display is compared with the
    /// full-precision rate.
    /// </summary>
    public DeclaredCheck? Rate(DeclaredFigure figure, decimal? declared, Fraction? share, decimal? shown)
    {
        if (declared is not { } d)
        {
            return null;
        }
        return Report(figure, Findings.Budget, null, d, shown, share is { } s && d == AtDeclaredScale(d.Scale, s, shown!.Value));
    }

    /// <summary>A score: already rounded component by component, so only the declared decimals apply.</summary>
    public DeclaredCheck? Score(DeclaredFigure figure, string subject, decimal? declared, decimal? computed) =>
        declared is { } d ? Report(figure, subject, null, d, computed, ScoreMatches(d, computed)) : null;

    /// <summary>Reports often cap completion at 100%, so a declared 100 accepts any computed ≥ 100.</summary>
    public DeclaredCheck Completion(IndicatorInput indicator, decimal declared, Fraction? share, decimal? shown)
    {
        var consistent = share is { } s && ((declared == 100m && s.IsWhole) || declared == AtDeclaredScale(declared.Scale, s, shown!.Value));
        return Report(DeclaredFigure.Completion, null, indicator, declared, shown, consistent);
    }

    /// <summary>The report's own score is compared with the rules' score, before any reviewer deduction.</summary>
    public DeclaredCheck IndicatorScore(IndicatorInput indicator, decimal declared, decimal? computed) =>
        Report(DeclaredFigure.Score, null, indicator, declared, computed, ScoreMatches(declared, computed));

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

    private bool ScoreMatches(decimal declared, decimal? computed) =>
        computed is { } c && declared == rounding.ToScale(c, declared.Scale);

    private decimal AtDeclaredScale(int scale, Fraction share, decimal shownPercent) =>
        scale <= rounding.Decimals
            ? rounding.ToScale(shownPercent, scale)
            : rounding.ToScale(share.Times(100m), scale);

    /// <summary>The finding's text is built only when there is a finding.</summary>
    private DeclaredCheck Report(DeclaredFigure figure, string? subject, IndicatorInput? indicator, decimal declared, decimal? shown, bool consistent)
    {
        if (!consistent)
        {
            if (indicator is null)
            {
                findings.DeclaredMismatch(figure, subject!, null, null, declared, shown);
            }
            else
            {
                findings.DeclaredMismatch(figure, Findings.IndicatorSubject(indicator),
                    Findings.IndicatorPrefixZh(indicator), Findings.IndicatorPrefixEn(indicator), declared, shown);
            }
        }
        return new DeclaredCheck(declared, shown, consistent);
    }
}
