using System.Globalization;

namespace PerfEval.Application.Scoring;

/// <summary>
/// The one place numbers are rounded and given their outward form: money always with two decimals;
/// rates, weights and scores at the scheme's display decimals; a computed figure compared with a
/// declared one at the declared figure's own decimals (declared figures stay as declared). Always the
/// scheme's mode (四舍五入 by default).
/// </summary>
public readonly record struct Rounding(int Decimals, MidpointRounding Mode)
{
    public static Rounding For(ScoringSchemeSettings scheme) => new(scheme.DisplayDecimals, scheme.RoundingMode);

    /// <summary>The default scheme's: two decimals, half away from zero (for figures no scheme governs, such as a project's rate).</summary>
    public static Rounding Default { get; } = For(ScoringSchemeSettings.Default);

    /// <summary>To the display decimals.</summary>
    public decimal Round(decimal value) => decimal.Round(value, Decimals, Mode);

    /// <summary>A rate, weight or score as shown: rounded to the display decimals and written with all of them (80.00, not 80).</summary>
    public decimal Shown(decimal value) => Round(value) + new decimal(0, 0, 0, false, (byte)Decimals);

    /// <summary>Money as shown: written with two decimals (cents are exact, so nothing is rounded away).</summary>
    public static decimal Money(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>part / whole × 100 as shown; none when the whole is 0.</summary>
    public decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Quotient(part, whole, 100m);

    /// <summary>To a declared figure's own number of decimals, in the same mode.</summary>
    public decimal ToScale(decimal value, int scale) => decimal.Round(value, scale, Mode);

    /// <summary>
    /// numerator × factor / denominator rounded to the display decimals, and written with them (80.00,
    /// not 80). Decimal division carries 28 significant digits, and an exact quotient is never within
    /// that of a rounding midpoint without being on it, so rounding the decimal quotient rounds the exact one.
    /// </summary>
    public decimal Quotient(decimal numerator, decimal denominator, decimal factor) => Shown(numerator * factor / denominator);

    /// <summary>A shown figure: fixed display decimals, invariant culture.</summary>
    public string Format(decimal value) => Round(value).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    private string DisplayFormat => Decimals switch
    {
        2 => "F2",
        0 => "F0",
        _ => "F" + Decimals.ToString(CultureInfo.InvariantCulture),
    };
}
