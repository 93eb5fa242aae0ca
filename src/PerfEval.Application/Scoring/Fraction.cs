using System.Runtime.CompilerServices;

namespace PerfEval.Application.Scoring;

/// <summary>
/// A share kept as numerator / denominator (denominator positive) so that it is divided once, exactly,
/// at the precision each use needs: a rate or completion is share × 100, a score weight × min(share, 1).
/// </summary>
internal readonly record struct Fraction<T>
    where T : unmanaged, IExactNumber<T>
{
    private Fraction(T numerator, T denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public static Fraction<T> Zero => new(T.Zero, T.One);

    public static Fraction<T> One => new(T.One, T.One);

    public T Numerator { get; }

    public T Denominator { get; }

    /// <summary>numerator / denominator; none when the denominator is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fraction<T>? Of(T numerator, T denominator) =>
        denominator == T.Zero ? null
        : denominator > T.Zero ? new Fraction<T>(numerator, denominator)
        : new Fraction<T>(-numerator, -denominator);

    /// <summary>At least the whole (≥ 100%).</summary>
    public bool IsWhole => Numerator >= Denominator;

    /// <summary>share × factor, rounded for display.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Times(T factor, Rounding rounding) => T.Quotient(Numerator, Denominator, factor, rounding);

    /// <summary>share × factor at full precision, rounded to <paramref name="scale"/> decimals.</summary>
    public T TimesAtScale(T factor, int scale, Rounding rounding) => T.QuotientAtScale(Numerator, Denominator, factor, scale, rounding);

    /// <summary>factor × min(share, 1), rounded, never above factor nor below 0: a score out of its weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T CappedTimes(T weight, Rounding rounding) =>
        IsWhole ? weight
        : Numerator <= T.Zero ? T.Zero
        : Exact.Min(T.Quotient(Numerator, Denominator, weight, rounding), weight);
}

internal static class FractionExplained
{
    /// <summary>share × factor at full precision (explanations only).</summary>
    public static decimal Times(this Fraction<DecimalNumber> share, decimal factor) =>
        share.Numerator.Value * factor / share.Denominator.Value;
}
