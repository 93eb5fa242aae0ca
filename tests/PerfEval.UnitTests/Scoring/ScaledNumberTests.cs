using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>A scaled 64-bit number computes what decimal computes: the same value and the same scale.</summary>
public partial class ScaledNumberTests
{
    private static readonly Gen<decimal> Numbers =
        from mantissa in Gen.Frequency(
            (4, Gen.Choose(-100_000, 100_000).Select(m => (long)m)),
            (2, Gen.Choose(int.MinValue, int.MaxValue).Select(m => (long)m)),
            (1, Gen.Choose(-1_000_000, 1_000_000).Select(m => m * 1_000_000_000L)),
            (1, Gen.Elements(0L, 1L, -1L, 5L, 50L, 500L)))
        from scale in Gen.Choose(0, 8)
        select new decimal((int)(Math.Abs(mantissa) & uint.MaxValue), (int)(Math.Abs(mantissa) >> 32), 0, mantissa < 0, (byte)scale);

    /// <summary>Quotients whose 64-bit computation cannot overflow: mantissas below 10^7, scales up to 4.</summary>
    private static readonly Gen<decimal> Operands =
        from mantissa in Gen.Choose(-10_000_000, 10_000_000)
        from scale in Gen.Choose(0, 4)
        select new decimal(Math.Abs(mantissa), 0, 0, mantissa < 0, (byte)scale);

    private static readonly Gen<Rounding> Roundings =
        from decimals in Gen.Choose(0, 4)
        from mode in Gen.Elements(Enum.GetValues<MidpointRounding>())
        select new Rounding(decimals, mode);

    private static ScaledNumber S(decimal value) => Exact.From<ScaledNumber>(value);

    private static bool Same(decimal expected, ScaledNumber actual) =>
        expected == actual.ToDecimal() && expected.Scale == actual.Scale;

    /// <summary>Where decimal's result fits, the scaled one is the same (a result that does not fit throws instead).</summary>
    private static bool SameWhereItFits(decimal expected, Func<ScaledNumber> actual) =>
        !ScaledNumber.TryFrom(expected, out _) || Same(expected, actual());

    [Fact]
    public void Arithmetic_IsDecimals() =>
        Prop.ForAll(Numbers.ToArbitrary(), Numbers.ToArbitrary(), Gen.Elements(0.8m, 2m, 0.55m, 10.005m, 0m).ToArbitrary(), (a, b, factor) =>
            SameWhereItFits(a + b, () => S(a) + S(b))
            && SameWhereItFits(a - b, () => S(a) - S(b))
            && Same(-a, -S(a))
            && SameWhereItFits(a * factor, () => S(a) * S(factor))
            && decimal.Compare(a, b) == ScaledNumber.Compare(S(a), S(b))
            && (a == b) == (S(a) == S(b))
            && (a != b || S(a).GetHashCode() == S(b).GetHashCode()))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Rounding_IsDecimals() =>
        Prop.ForAll(Numbers.ToArbitrary(), Roundings.ToArbitrary(), Gen.Choose(0, 8).ToArbitrary(), (value, rounding, scale) =>
            Same(rounding.ToScale(value, scale), ScaledNumber.ToScale(S(value), scale, rounding))
            && Same(rounding.Round(value), Exact.Round(S(value), rounding)))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Quotient_IsDecimals() =>
        Prop.ForAll(Operands.ToArbitrary(), Operands.Where(d => d != 0).ToArbitrary(), Roundings.ToArbitrary(), (n, d, rounding) =>
            Same(rounding.Quotient(n, d, 100m), ScaledNumber.Quotient(S(n), S(d), S(100m), rounding))
            && Same(rounding.Quotient(n, d, 9.5m), ScaledNumber.Quotient(S(n), S(d), S(9.5m), rounding)))
        .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("1.005", "2")]      // midpoint
    [InlineData("-1.005", "2")]
    [InlineData("0.000", "0")]      // a zero keeps its scale
    [InlineData("2.3", "2")]        // fewer decimals than asked: left as it is
    [InlineData("288230376151.71171", "3")]
    [InlineData("-2.5", "0")]
    [InlineData("-28823037615171174.3", "0")]    // the largest magnitude that fits
    public void ToScale_AtMidpointsAndEdges_IsDecimals(string value, string scale)
    {
        var v = decimal.Parse(value, CultureInfo.InvariantCulture);
        var s = int.Parse(scale, CultureInfo.InvariantCulture);
        var rounding = Rounding.For(ScoringSchemeSettings.Default);

        Assert.True(Same(rounding.ToScale(v, s), ScaledNumber.ToScale(S(v), s, rounding)));
    }

    [Fact]
    public void AWholeNumberBeyond59Bits_DoesNotFit()
    {
        Assert.True(ScaledNumber.TryFrom(288_230_376_151_711_743m, out _));       // 2^58 − 1 units
        Assert.False(ScaledNumber.TryFrom(288_230_376_151_711_744m, out _));
        Assert.False(ScaledNumber.TryFrom(1.0000000000000000001m, out _));         // 19 decimals
        Assert.Throws<OverflowException>(() => S(288_230_376_151_711_743m) + S(1m));
        Assert.Throws<OverflowException>(() => S(1_000_000_000m) * S(1_000_000_000m));
    }

    [Fact]
    public void Comparison_OfNumbersFarApartInScale_NeverOverflows()
    {
        Assert.True(S(288_230_376_151_711_743m) > S(0.000000000000000001m));
        Assert.True(S(-288_230_376_151_711_743m) < S(-0.000000000000000001m));
        Assert.True(S(0.000000000000000001m) > S(0m));
        Assert.True(S(1.0m) == S(1.00000000000000000m));
    }

    [Fact]
    public void FindingSet_FollowsFindingCodesAll()
    {
        var bits = Enum.GetValues<FindingSet>().Where(f => f != FindingSet.None).ToArray();

        Assert.Equal(FindingCodes.All.Count, bits.Length);
        Assert.All(bits, bit =>
        {
            var index = System.Numerics.BitOperations.TrailingZeroCount((ulong)bit);
            Assert.Equal(FindingCodes.All[index].Code, WordStart().Replace(bit.ToString(), "_").ToUpperInvariant());
            Assert.Equal(bit, FindingSets.Of(FindingCodes.All[index].Code));
        });
    }

    /// <summary>Where a new word starts in a member name: WeightTotalNot100 → Weight_Total_Not_100.</summary>
    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[a-z])(?=[0-9])")]
    private static partial Regex WordStart();
}
