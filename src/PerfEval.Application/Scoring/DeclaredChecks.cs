using System.Runtime.CompilerServices;

namespace PerfEval.Application.Scoring;

/// <summary>
/// A declared figure is consistent when it equals the computed one rounded to the declared figure's
/// own decimals; each inconsistency is a finding naming both numbers.
/// </summary>
internal static class DeclaredChecks
{
    /// <summary>Amounts are exact: no display rounding, only the declared decimals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AmountMatches<T>(T declared, T computed, Rounding rounding)
        where T : unmanaged, IExactNumber<T> =>
        declared == T.ToScale(computed, declared.Scale, rounding);

    /// <summary>
    /// A rate: the computed figure as shown (display decimals) rounded again to the declared decimals,
    /// so declared 111 matches shown 110.50; a declaration finer than the display is compared with the
    /// full-precision rate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool RateMatches<T>(T declared, Fraction<T>? share, T? shown, Rounding rounding)
        where T : unmanaged, IExactNumber<T> =>
        share is { } s && declared == AtDeclaredScale(declared.Scale, s, shown!.Value, rounding);

    /// <summary>A score: already rounded component by component, so only the declared decimals apply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ScoreMatches<T>(T declared, T? computed, Rounding rounding)
        where T : unmanaged, IExactNumber<T> =>
        computed is { } c && declared == T.ToScale(c, declared.Scale, rounding);

    /// <summary>Reports often cap completion at 100%, so a declared 100 accepts any computed ≥ 100.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool CompletionMatches<T>(T declared, Fraction<T>? share, T? shown, Rounding rounding)
        where T : unmanaged, IExactNumber<T> =>
        share is { } s
        && ((declared == Constant<T>.Hundred && s.IsWhole) || declared == AtDeclaredScale(declared.Scale, s, shown!.Value, rounding));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T AtDeclaredScale<T>(int scale, Fraction<T> share, T shownPercent, Rounding rounding)
        where T : unmanaged, IExactNumber<T> =>
        scale <= rounding.Decimals
            ? T.ToScale(shownPercent, scale, rounding)
            : share.TimesAtScale(Constant<T>.Hundred, scale, rounding);
}
