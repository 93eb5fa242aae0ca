namespace PerfEval.Application.Scoring;

/// <summary>
/// A share kept as numerator / denominator (denominator positive) so that it is divided once, exactly,
/// at the precision each use needs: a rate or completion is share × 100, a score weight × min(share, 1).
/// </summary>
internal readonly record struct Fraction
{
    public static readonly Fraction Zero = new(0m, 1m);
    public static readonly Fraction One = new(1m, 1m);

    private Fraction(decimal numerator, decimal denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public decimal Numerator { get; }

    public decimal Denominator { get; }

    /// <summary>numerator / denominator; none when the denominator is 0.</summary>
    public static Fraction? Of(decimal numerator, decimal denominator) =>
        denominator == 0 ? null
        : denominator > 0 ? new Fraction(numerator, denominator)
        : new Fraction(-numerator, -denominator);

    /// <summary>At least the whole (≥ 100%).</summary>
    public bool IsWhole => Numerator >= Denominator;

    /// <summary>share × factor at full precision (explanations, declarations finer than the display).</summary>
    public decimal Times(decimal factor) => Numerator * factor / Denominator;

    /// <summary>share × factor, rounded for display.</summary>
    public decimal Times(decimal factor, Rounding rounding) => rounding.Quotient(Numerator, Denominator, factor);

    /// <summary>factor × min(share, 1), rounded, never above factor nor below 0: a score out of its weight.</summary>
    public decimal CappedTimes(decimal weight, Rounding rounding) =>
        IsWhole ? weight
        : Numerator <= 0 ? 0m
        : Math.Min(rounding.Quotient(Numerator, Denominator, weight), weight);
}
