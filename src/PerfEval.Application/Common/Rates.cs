namespace PerfEval.Application.Common;

/// <summary>Percentages shown to clients: computed at full precision, rounded once, half away from zero (四舍五入).</summary>
public static class Rates
{
    /// <summary>An amount in yuan as shown: always 2 decimals (元.角分), whatever scale the database returned.</summary>
    public static decimal Yuan(decimal amount) => amount + 0.00m;

    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : decimal.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
