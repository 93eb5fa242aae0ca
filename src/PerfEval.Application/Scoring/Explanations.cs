using System.Globalization;

using PerfEval.Application.Common;

namespace PerfEval.Application.Scoring;

/// <summary>Formula text for explained scorecards. Never called when no explanation was asked for.</summary>
internal static class Explanations
{
    public static Explanation Of(string formula, params ReadOnlySpan<(string Name, decimal? Value)> inputs)
    {
        var named = new Dictionary<string, decimal?>(inputs.Length);
        foreach (var (name, value) in inputs)
        {
            named[name] = value;
        }
        return new Explanation(formula, named);
    }

    /// <summary>"a + b + c" over named amounts ("0.00" when there are none).</summary>
    public static Explanation Sum(IEnumerable<(string Name, decimal Value)> parts)
    {
        var named = new Dictionary<string, decimal?>();
        var terms = new List<string>();
        foreach (var (name, value) in parts)
        {
            // Two lines with the same id would collide; the formula still shows both.
            named.TryAdd(name, value);
            terms.Add(Amount(value));
        }
        return new Explanation(terms.Count == 0 ? Messages.NoLines.Current : string.Join(" + ", terms), named);
    }

    /// <summary>Money: two decimals.</summary>
    public static string Amount(decimal value) => value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>Any other number as it is held (a full-precision rate keeps all its digits).</summary>
    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
