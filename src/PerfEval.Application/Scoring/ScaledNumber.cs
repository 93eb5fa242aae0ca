using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PerfEval.Application.Scoring;

/// <summary>
/// An exact decimal number in 64 bits: a whole number of 10^-scale units (59 bits with the sign) and
/// the scale (5 bits, at most 18). It holds every amount (10^15 yuan is 10^17 fen) and any realistic
/// indicator value, weight, rate or score, with decimal's arithmetic: a sum keeps the larger scale, a
/// product adds the scales, comparison and equality are by value. A result that does not fit throws
/// <see cref="OverflowException"/>; bulk scoring then scores that department-year with decimal.
/// </summary>
internal readonly struct ScaledNumber : IExactNumber<ScaledNumber>
{
    public const int MaxScale = 18;
    private const int ScaleBits = 5;
    private const long ScaleMask = (1 << ScaleBits) - 1;
    private const long MaxUnits = (1L << 58) - 1;
    private const long MinUnits = -(1L << 58);

    private readonly long _bits;

    private ScaledNumber(long bits) => _bits = bits;

    /// <summary>The value in 10^-<see cref="Scale"/> units.</summary>
    public long Units => _bits >> ScaleBits;

    public int Scale => (int)(_bits & ScaleMask);

    public static ScaledNumber Zero => default;

    public static ScaledNumber One => new(1L << ScaleBits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledNumber Of(long units, int scale)
    {
        if (units is < MinUnits or > MaxUnits || (uint)scale > MaxScale)
        {
            ThrowOverflow();
        }
        return new((units << ScaleBits) | (long)scale);
    }

    public static bool TryFrom(decimal value, out ScaledNumber number)
    {
        if (DecimalParts.TryUnpack(value, out var mantissa, out var scale) && mantissa is >= MinUnits and <= MaxUnits && scale <= MaxScale)
        {
            number = new((mantissa << ScaleBits) | (long)scale);
            return true;
        }
        number = default;
        return false;
    }

    public decimal ToDecimal()
    {
        var units = Units;
        var magnitude = (ulong)Math.Abs(units);
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, units < 0, (byte)Scale);
    }

    public static ScaledNumber Quotient(ScaledNumber numerator, ScaledNumber denominator, ScaledNumber factor, Rounding rounding) =>
        rounding.Quotient(numerator, denominator, factor);

    /// <summary>Declarations finer than the display are rare: computed exactly as decimal computes them.</summary>
    public static ScaledNumber QuotientAtScale(ScaledNumber numerator, ScaledNumber denominator, ScaledNumber factor, int scale, Rounding rounding) =>
        Exact.From<ScaledNumber>(DecimalNumber.QuotientAtScale(
            new(numerator.ToDecimal()), new(denominator.ToDecimal()), new(factor.ToDecimal()), scale, rounding).Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledNumber ToScale(ScaledNumber value, int scale, Rounding rounding) =>
        value.Scale <= scale ? value : rounding.ToScale(value, scale);

    // With the same scale s, the bits are units × 32 + s: adding one side's units × 32 adds the
    // units and keeps s, and the 64-bit sum overflows exactly when the units leave 59 bits.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledNumber operator +(ScaledNumber left, ScaledNumber right) =>
        SameScale(left, right) ? new(checked(left._bits + (right._bits & ~ScaleMask))) : AddAligned(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledNumber operator -(ScaledNumber left, ScaledNumber right) =>
        SameScale(left, right) ? new(checked(left._bits - (right._bits & ~ScaleMask))) : SubtractAligned(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameScale(ScaledNumber left, ScaledNumber right) => ((left._bits ^ right._bits) & ScaleMask) == 0;

    private static ScaledNumber SubtractAligned(ScaledNumber left, ScaledNumber right)
    {
        int ls = left.Scale, rs = right.Scale;
        return ls > rs
            ? Of(checked(left.Units - Aligned(right.Units, ls - rs)), ls)
            : Of(checked(Aligned(left.Units, rs - ls) - right.Units), rs);
    }

    /// <summary>A sum of two scales: the one with fewer decimals is brought to the other's.</summary>
    private static ScaledNumber AddAligned(ScaledNumber left, ScaledNumber right)
    {
        int ls = left.Scale, rs = right.Scale;
        return ls > rs
            ? Of(checked(left.Units + Aligned(right.Units, ls - rs)), ls)
            : Of(checked(Aligned(left.Units, rs - ls) + right.Units), rs);
    }

    public static ScaledNumber operator *(ScaledNumber left, ScaledNumber right)
    {
        long l = left.Units, r = right.Units;
        var high = Math.BigMul(l, r, out long low);
        if (high != (low >> 63))
        {
            ThrowOverflow();
        }
        // As decimal: the scales add, except that a zero product of a mantissa wider than 32 bits has scale 0.
        var wide = (ulong)Math.Abs(l) > uint.MaxValue || (ulong)Math.Abs(r) > uint.MaxValue;
        return Of(low, low == 0 && wide ? 0 : left.Scale + right.Scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScaledNumber operator -(ScaledNumber value) => Of(-value.Units, value.Scale);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator ==(ScaledNumber left, ScaledNumber right) => Compare(left, right) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator !=(ScaledNumber left, ScaledNumber right) => Compare(left, right) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <(ScaledNumber left, ScaledNumber right) => Compare(left, right) < 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >(ScaledNumber left, ScaledNumber right) => Compare(left, right) > 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator <=(ScaledNumber left, ScaledNumber right) => Compare(left, right) <= 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool operator >=(ScaledNumber left, ScaledNumber right) => Compare(left, right) >= 0;

    /// <summary>By value: 1.0 equals 1.00. Never overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare(ScaledNumber left, ScaledNumber right)
    {
        // Same scale: the bits order as the units do.
        if (SameScale(left, right))
        {
            return left._bits.CompareTo(right._bits);
        }
        long l = left.Units, r = right.Units;
        // One side 0: the sign decides.
        if (l == 0 || r == 0)
        {
            return l.CompareTo(r);
        }
        var by = right.Scale - left.Scale;
        return by > 0 ? CompareScaled(l, by, r) : -CompareScaled(r, -by, l);
    }

    /// <summary>units × 10^by against other; in 128 bits when the product could leave 64 (it is then beyond any 59-bit units).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CompareScaled(long units, int by, long other)
    {
        var limit = DecimalParts.ScaleLimits[by];
        return (ulong)(units + limit) <= (ulong)(2 * limit)
            ? (units * DecimalParts.PowersOf10[by]).CompareTo(other)
            : CompareWide(units, by, other);
    }

    private static int CompareWide(long units, int by, long other)
    {
        var high = Math.BigMul(units, DecimalParts.PowersOf10[by], out long low);
        return high == (low >> 63) ? low.CompareTo(other) : high < 0 ? -1 : 1;
    }

    private static long Aligned(long units, int by) => checked(units * DecimalParts.PowersOf10[by]);

    public static OverflowException Overflow() => new("The number does not fit in a scaled 64-bit integer.");

    [DoesNotReturn]
    private static void ThrowOverflow() => throw Overflow();

    public bool Equals(ScaledNumber other) => this == other;

    public override bool Equals(object? obj) => obj is ScaledNumber other && Equals(other);

    /// <summary>Equal values hash alike whatever their scale.</summary>
    public override int GetHashCode()
    {
        var (units, scale) = (Units, Scale);
        while (scale > 0 && units % 10 == 0)
        {
            units /= 10;
            scale--;
        }
        return HashCode.Combine(units, scale);
    }

    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);
}
