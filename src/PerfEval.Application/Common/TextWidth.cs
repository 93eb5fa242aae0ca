namespace PerfEval.Application.Common;

/// <summary>How wide text shows in a spreadsheet column: CJK and full-width characters take two places.</summary>
internal static class TextWidth
{
    public static double Of(string text)
    {
        var width = 0;
        foreach (var line in text.Split('\n'))
        {
            var w = 0;
            foreach (var ch in line)
            {
                w += IsWide(ch) ? 2 : 1;
            }

            width = Math.Max(width, w);
        }

        return width;
    }

    private static bool IsWide(char ch) =>
        ch is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6'
            || char.IsSurrogate(ch);
}
