using System.Numerics;
using System.Runtime.CompilerServices;

namespace PerfEval.Application.Scoring;

/// <summary>
/// The arithmetic the rules are written in: exact numbers that follow decimal's own arithmetic (a sum
/// keeps the larger scale, a product adds the scales, comparison and equality are by value), each
/// rounding through <see cref="Rounding"/>. <see cref="DecimalNumber"/> is the one kind of number the
/// rules run on (docs/adr/0001-read-model.md says why the second one went).
/// </summary>
internal interface IExactNumber<T> :
    IAdditionOperators<T, T, T>,
    ISubtractionOperators<T, T, T>,
    IMultiplyOperators<T, T, T>,
    IUnaryNegationOperators<T, T>,
    IComparisonOperators<T, T, bool>,
    IEquatable<T>
    where T : unmanaged, IExactNumber<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    /// <summary>The same number, scale included; false when this kind of number cannot hold it.</summary>
    static abstract bool TryFrom(decimal value, out T number);

    /// <summary>Decimals as written: 9.80 has 2.</summary>
    int Scale { get; }

    decimal ToDecimal();

    /// <summary>numerator × factor / denominator rounded to the display decimals (<see cref="Rounding.Quotient(decimal, decimal, decimal)"/>).</summary>
    static abstract T Quotient(T numerator, T denominator, T factor, Rounding rounding);

    /// <summary>numerator × factor / denominator at full precision, then rounded to <paramref name="scale"/> decimals.</summary>
    static abstract T QuotientAtScale(T numerator, T denominator, T factor, int scale, Rounding rounding);

    /// <summary>To <paramref name="scale"/> decimals in the scheme's mode (<see cref="Rounding.ToScale(decimal, int)"/>).</summary>
    static abstract T ToScale(T value, int scale, Rounding rounding);
}

internal static class Exact
{
    /// <summary>The number, or <see cref="OverflowException"/> when this kind of number cannot hold it.</summary>
    public static T From<T>(decimal value) where T : unmanaged, IExactNumber<T> =>
        T.TryFrom(value, out var number) ? number : throw new OverflowException($"{value} does not fit in {typeof(T).Name}.");

    public static T? From<T>(decimal? value) where T : unmanaged, IExactNumber<T> =>
        value is { } v ? From<T>(v) : null;

    /// <summary>As Math.Min on decimals: the second when both are equal (their scales may differ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min<T>(T a, T b) where T : unmanaged, IExactNumber<T> => a < b ? a : b;

    /// <summary>As Math.Max on decimals: the first when both are equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max<T>(T a, T b) where T : unmanaged, IExactNumber<T> => a >= b ? a : b;

    /// <summary>To the display decimals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Round<T>(T value, Rounding rounding) where T : unmanaged, IExactNumber<T> =>
        T.ToScale(value, rounding.Decimals, rounding);

    public static decimal? ToDecimal<T>(this T? value) where T : unmanaged, IExactNumber<T> =>
        value is { } v ? v.ToDecimal() : null;
}

/// <summary>The few constants the rules use, once per kind of number.</summary>
internal static class Constant<T>
    where T : unmanaged, IExactNumber<T>
{
    public static readonly T Hundred = Exact.From<T>(100m);

    public static readonly T Two = Exact.From<T>(2m);

    /// <summary>0.00: where sums in whole fen start.</summary>
    public static readonly T ZeroFen = Exact.From<T>(0.00m);
}

/// <summary>Any decimal, computed with decimal itself: what a single scorecard is built from.</summary>
internal readonly struct DecimalNumber(decimal value) : IExactNumber<DecimalNumber>
{
    public decimal Value { get; } = value;

    public static DecimalNumber Zero => new(0m);

    public static DecimalNumber One => new(1m);

    public int Scale => Value.Scale;

    public static bool TryFrom(decimal value, out DecimalNumber number)
    {
        number = new DecimalNumber(value);
        return true;
    }

    public decimal ToDecimal() => Value;

    public static DecimalNumber Quotient(DecimalNumber numerator, DecimalNumber denominator, DecimalNumber factor, Rounding rounding) =>
        new(rounding.Quotient(numerator.Value, denominator.Value, factor.Value));

    public static DecimalNumber QuotientAtScale(DecimalNumber numerator, DecimalNumber denominator, DecimalNumber factor, int scale, Rounding rounding) =>
        new(rounding.ToScale(numerator.Value * factor.Value / denominator.Value, scale));

    public static DecimalNumber ToScale(DecimalNumber value, int scale, Rounding rounding) => new(rounding.ToScale(value.Value, scale));

    public static DecimalNumber operator +(DecimalNumber left, DecimalNumber right) => new(left.Value + right.Value);

    public static DecimalNumber operator -(DecimalNumber left, DecimalNumber right) => new(left.Value - right.Value);

    public static DecimalNumber operator *(DecimalNumber left, DecimalNumber right) => new(left.Value * right.Value);

    public static DecimalNumber operator -(DecimalNumber value) => new(-value.Value);

    public static bool operator ==(DecimalNumber left, DecimalNumber right) => left.Value == right.Value;

    public static bool operator !=(DecimalNumber left, DecimalNumber right) => left.Value != right.Value;

    public static bool operator <(DecimalNumber left, DecimalNumber right) => left.Value < right.Value;

    public static bool operator >(DecimalNumber left, DecimalNumber right) => left.Value > right.Value;

    public static bool operator <=(DecimalNumber left, DecimalNumber right) => left.Value <= right.Value;

    public static bool operator >=(DecimalNumber left, DecimalNumber right) => left.Value >= right.Value;

    public bool Equals(DecimalNumber other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is DecimalNumber other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
