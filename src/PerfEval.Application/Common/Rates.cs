namespace PerfEval.Application.Common;

/// <summary>Percentages shown to clients: computed at full precision, rounded once, half away from zero (四舍五入).</summary>
public static class Rates
{
    /// <summary>
    /// An amount in yuan as shown: always 2 decimals (元.角分), whatever scale the database returned or
    /// the client sent (100.00000 is shown 100.00). An amount with more significant decimals (never
    /// stored: validation refuses it) is left as it is rather than silently rounded.
    /// </summary>
    public static decimal Yuan(decimal amount)
    {
        var cents = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        return cents == amount ? cents + 0.00m : amount;
    }

    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : decimal.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
