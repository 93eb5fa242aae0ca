namespace PerfEval.Application.Scoring;

/// <summary>Amounts as whole cents (分) in a long: exact for any amount with at most 2 decimals.</summary>
internal static class Cents
{
    /// <summary>10^15 cents (10 trillion yuan): far above any budget, and 64 such amounts cannot overflow a sum.</summary>
    private const long Limit = 1_000_000_000_000_000;

    public static bool TryFrom(decimal amount, out long cents)
    {
        cents = 0;
        if (!DecimalParts.TryUnpack(amount, out var mantissa, out var scale))
        {
            return false;
        }
        switch (scale)
        {
            case 0 when Math.Abs(mantissa) < Limit / 100: cents = mantissa * 100; return true;
            case 1 when Math.Abs(mantissa) < Limit / 10: cents = mantissa * 10; return true;
            case 2 when Math.Abs(mantissa) < Limit: cents = mantissa; return true;
            default: return false;  // more decimals than money has, or beyond any budget: summed in decimal
        }
    }

    public static decimal ToDecimal(long cents) =>
        new((int)Math.Abs(cents), (int)(Math.Abs(cents) >> 32), 0, cents < 0, 2);
}

/// <summary>A decimal's 96-bit mantissa and scale, when the mantissa fits in a long.</summary>
internal static class DecimalParts
{
    /// <summary>10^0 … 10^18: every power of ten a long holds.</summary>
    public static readonly long[] PowersOf10 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>The largest magnitude that can be multiplied by 10^e without overflow.</summary>
    public static readonly long[] ScaleLimits = [.. PowersOf10.Select(p => long.MaxValue / p)];

    public static bool TryUnpack(decimal value, out long mantissa, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        var magnitude = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (bits[2] != 0 || magnitude > long.MaxValue)
        {
            mantissa = 0;
            return false;
        }
        mantissa = bits[3] < 0 ? -(long)magnitude : (long)magnitude;
        return true;
    }
}
