using Microsoft.Net.Http.Headers;
using PerfEval.Application.Evaluations;

namespace PerfEval.Api.Infrastructure;

/// <summary>Finding messages follow Accept-Language: English when preferred over Chinese, Chinese otherwise.</summary>
internal static class Language
{
    public static MessageLanguage Of(HttpRequest request)
    {
        if (request.Headers.AcceptLanguage.Count == 0)
        {
            return MessageLanguage.Chinese;
        }

        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? string.Empty)
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        return preferred?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? MessageLanguage.English : MessageLanguage.Chinese;
    }
}
