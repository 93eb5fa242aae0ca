using System.Globalization;
using System.Numerics;

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
    /// numerator × factor / denominator rounded to the display decimals, as if the quotient were
    /// computed at full precision and then rounded. Quotients of figures that fit in 64-bit integers
    /// at their own decimals (every realistic amount, value and weight) are computed exactly in
    /// integers; others take decimal division. Both give the same result: an exact quotient is never
    /// within decimal's 28 digits of a rounding midpoint without being on it.
    /// </summary>
    public decimal Quotient(decimal numerator, decimal denominator, decimal factor)
    {
        if (DecimalParts.TryUnpack(numerator, out var n, out var ns) && DecimalParts.TryUnpack(denominator, out var d, out var ds)
            && DecimalParts.TryUnpack(factor, out var f, out var fs) && TryExactQuotient(n, ns, d, ds, f, fs, out var q))
        {
            var magnitude = (ulong)Math.Abs(q);
            return new decimal((int)magnitude, (int)(magnitude >> 32), 0, q < 0, (byte)Decimals);
        }
        return Round(numerator * factor / denominator);
    }

    /// <summary>
    /// The same quotient of scaled integers, at the display decimals. Bulk scoring has no decimal to
    /// fall back on: a quotient beyond 64 bits throws <see cref="OverflowException"/> and the
    /// department-year is scored with decimal instead.
    /// </summary>
    internal ScaledNumber Quotient(ScaledNumber numerator, ScaledNumber denominator, ScaledNumber factor) =>
        TryExactQuotient(numerator.Units, numerator.Scale, denominator.Units, denominator.Scale, factor.Units, factor.Scale, out var q)
            ? ScaledNumber.Of(q, Decimals)
            : throw ScaledNumber.Overflow();

    /// <summary>As <see cref="ToScale(decimal, int)"/>: a number with no more decimals than asked is left as it is.</summary>
    internal ScaledNumber ToScale(ScaledNumber value, int scale)
    {
        var excess = value.Scale - scale;
        if (excess <= 0)
        {
            return value;
        }
        var units = value.Units;
        var a = (ulong)(units < 0 ? -units : units);
        ulong q;
        if (Mode == MidpointRounding.AwayFromZero && excess <= 2)
        {
            // 四舍五入 by one or two decimals, the usual case: half the divisor added, constant divisors.
            q = excess == 1 ? (a + 5) / 10 : (a + 50) / 100;
        }
        else if (excess <= MaxExponent)
        {
            var b = (ulong)DecimalParts.PowersOf10[excess];
            q = a / b;
            var r = a - (q * b);
            q += RoundsUp(q, r, b - r, units < 0) ? 1UL : 0UL;
        }
        else
        {
            throw ScaledNumber.Overflow();
        }
        return ScaledNumber.Of(units < 0 ? -(long)q : (long)q, scale);
    }

    /// <summary>
    /// n·10^-ns × f·10^-fs / (d·10^-ds), rounded to the display decimals, as a whole number of
    /// 10^-Decimals units; false when it cannot be computed in 64-bit integers.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool TryExactQuotient(long n, int ns, long d, int ds, long f, int fs, out long quotient)
    {
        quotient = 0;
        if (d == 0 || Decimals is < 0 or > MaxExponent)
        {
            return false;
        }
        // quotient × 10^Decimals = n·f / d × 10^(ds + Decimals − ns − fs)
        long product;
        if (BitOperations.LeadingZeroCount((ulong)Math.Abs(n)) + BitOperations.LeadingZeroCount((ulong)Math.Abs(f)) >= 65)
        {
            product = n * f;  // the magnitudes' bits add up to at most 63: cannot overflow
        }
        else
        {
            var wide = Math.BigMul(n, f);
            product = (long)wide;
            if (wide != product || product == long.MinValue)
            {
                return false;
            }
        }
        var exponent = ds + Decimals - ns - fs;
        if (exponent >= 0)
        {
            if (exponent > MaxExponent || Math.Abs(product) > DecimalParts.ScaleLimits[exponent])
            {
                return false;
            }
            product *= DecimalParts.PowersOf10[exponent];
        }
        else
        {
            if (-exponent > MaxExponent || Math.Abs(d) > DecimalParts.ScaleLimits[-exponent])
            {
                return false;
            }
            d *= DecimalParts.PowersOf10[-exponent];
        }
        var negative = (product < 0) != (d < 0);
        var a = (ulong)Math.Abs(product);
        var b = (ulong)Math.Abs(d);
        var q = a / b;
        var r = a - (q * b);
        q += RoundsUp(q, r, b - r, negative) ? 1UL : 0UL;
        quotient = negative ? -(long)q : (long)q;
        return true;
    }

    /// <summary>
    /// Whether |quotient| q with remainder r (and b − r to the next unit) rounds away from 0; never
    /// when r is 0. Without branches on the digits: they follow no pattern a predictor could learn.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool RoundsUp(ulong q, ulong r, ulong rest, bool negative) => Mode switch
    {
        MidpointRounding.AwayFromZero => r >= rest,  // r = 0: rest is the whole divisor
        MidpointRounding.ToEven => (r > rest) | ((r == rest) & ((q & 1) == 1)),
        MidpointRounding.ToZero => false,
        MidpointRounding.ToPositiveInfinity => (r != 0) & !negative,
        MidpointRounding.ToNegativeInfinity => (r != 0) & negative,
        _ => throw UnknownMode(),
    };

    private InvalidOperationException UnknownMode() => new($"Unknown rounding mode {Mode}.");

    private const int MaxExponent = 18;

    /// <summary>A shown figure: fixed display decimals, invariant culture.</summary>
    public string Format(decimal value) => Round(value).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    private string DisplayFormat => Decimals switch
    {
        2 => "F2",
        0 => "F0",
        _ => "F" + Decimals.ToString(CultureInfo.InvariantCulture),
    };
}
