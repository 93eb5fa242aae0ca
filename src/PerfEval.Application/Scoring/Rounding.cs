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

    public decimal? Round(decimal? value) => value is { } v ? Round(v) : null;

    /// <summary>To a declared figure's own number of decimals, in the same mode.</summary>
    public decimal ToScale(decimal value, int scale) => decimal.Round(value, scale, Mode);

    /// <summary>
    /// The computed figure as it is compared with a declared one: the shown (display-rounded) figure
    /// rounded again to the declared decimals, or the full-precision figure when the declaration is
    /// finer than the display. A reviewer compares with the figure on screen (111 vs 110.50).
    /// </summary>
    public decimal AsDeclared(decimal fullPrecision, int declaredScale) =>
        declaredScale <= Decimals
            ? ToScale(Round(fullPrecision), declaredScale)
            : ToScale(fullPrecision, declaredScale);

    /// <summary>A shown figure: fixed display decimals, invariant culture.</summary>
    public string Format(decimal value) => Round(value).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    private string DisplayFormat => Decimals switch
    {
        2 => "F2",
        0 => "F0",
        _ => "F" + Decimals.ToString(CultureInfo.InvariantCulture),
    };
}
