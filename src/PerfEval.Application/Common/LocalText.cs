using System.Globalization;

namespace PerfEval.Application.Common;

/// <summary>
/// A message in the service's two languages: Chinese by default, English when the request's
/// Accept-Language prefers it. The API sets the request's UI culture once (zh-CN or en), so a
/// message, FluentValidation's built-in ones included, is chosen where it is written.
/// </summary>
public sealed record LocalText(string Chinese, string English)
{
    public static bool EnglishWanted => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The text in the current request's language.</summary>
    public string Current => EnglishWanted ? English : Chinese;

    /// <summary>The text in the current request's language with its placeholders ({0}, {1} …) filled.</summary>
    public string Format(params object?[] args) => string.Format(CultureInfo.InvariantCulture, Current, args);

    public override string ToString() => Current;
}
