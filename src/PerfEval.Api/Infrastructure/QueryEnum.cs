using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace PerfEval.Api.Infrastructure;

/// <summary>Enum filters in the query string use the same camelCase names as the JSON (?status=evaluation).</summary>
internal static class QueryEnum
{
    public static TEnum? Parse<TEnum>(string? value, string parameter)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.CamelCase.ConvertName(candidate.ToString()), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));
        throw new ValidationException([new ValidationFailure(parameter, ProblemTexts.NotOneOf.Format(value, allowed))]);
    }
}
