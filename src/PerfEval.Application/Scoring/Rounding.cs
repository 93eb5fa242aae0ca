using System.Globalization;

namespace PerfEval.Application.Scoring;

/// <summary>
/// The one place numbers are rounded: rates for display, scores component by component, and a
/// computed figure to a declared figure's own decimals. Always the scheme's mode (四舍五入 by default).
/// </summary>
public readonly record struct Rounding(int Decimals, MidpointRounding Mode)
{
    public static Rounding For(ScoringSchemeSettings scheme) => new(scheme.DisplayDecimals, scheme.RoundingMode);

    /// <summary>To the display decimals.</summary>
    public decimal Round(decimal value) => decimal.Round(value, Decimals, Mode);

    /// <summary>To a declared figure's own number of decimals, in the same mode.</summary>
    public decimal ToScale(decimal value, int scale) => decimal.Round(value, scale, Mode);

    /// <summary>
    /// numerator × factor / denominator rounded to the display decimals, and written with them (80.00,
    /// not 80). Decimal division carries 28 significant digits, and an exact quotient is never within
    /// that of a rounding midpoint without being on it, so rounding the decimal quotient rounds the exact one.
    /// </summary>
    public decimal Quotient(decimal numerator, decimal denominator, decimal factor) =>
        Round(numerator * factor / denominator) + new decimal(0, 0, 0, false, (byte)Decimals);

    /// <summary>A shown figure: fixed display decimals, invariant culture.</summary>
    public string Format(decimal value) => Round(value).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    private string DisplayFormat => Decimals switch
    {
        2 => "F2",
        0 => "F0",
        _ => "F" + Decimals.ToString(CultureInfo.InvariantCulture),
    };
}
