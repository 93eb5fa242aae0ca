namespace PerfEval.Application.Common;

/// <summary>Percentages shown to clients: computed at full precision, rounded once, half away from zero (四舍五入).</summary>
public static class Rates
{
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : decimal.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);
}
