using System.Globalization;

namespace PerfEval.Application.Common;

/// <summary>Parameter conversions that both providers store the same way.</summary>
public static class Sql
{
    /// <summary>Enums are stored by name, never by number, so the data reads the same outside the service.</summary>
    public static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value?.ToString();

    /// <summary>A LIKE pattern (with <c>ESCAPE ''</c>) that matches <paramref name="text"/> anywhere, wildcards in it taken literally.</summary>
    public static string? ContainsPattern(string? text) =>
        string.IsNullOrEmpty(text) ? null : "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[") + "%";

    /// <summary>Declared figures are stored as written: "9.8" and "9.80" stay distinct.</summary>
    public static string? AsWritten(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
