using System.Globalization;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// Sets the request's UI culture from Accept-Language (<see cref="Language"/>): zh-CN by default, en
/// when English is preferred. Problem texts, the project's validation messages and FluentValidation's
/// built-in messages (its LanguageManager follows the UI culture) all read it.
/// </summary>
internal sealed class RequestLanguage(RequestDelegate next)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public Task InvokeAsync(HttpContext context)
    {
        CultureInfo.CurrentUICulture = Language.Of(context.Request) == PerfEval.Application.Evaluations.MessageLanguage.English ? English : Chinese;
        return next(context);
    }
}
