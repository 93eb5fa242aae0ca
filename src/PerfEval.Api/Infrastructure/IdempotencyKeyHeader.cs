using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Primitives;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// The Idempotency-Key header: a structured-field string (<c>"…"</c>, as the IETF draft writes it)
/// or, as many clients send it, a bare token; 1 to 255 printable ASCII characters, e.g. a UUID.
/// </summary>
internal static partial class IdempotencyKeyHeader
{
    public static string Parse(StringValues header)
    {
        if (header.Count != 1 || string.IsNullOrEmpty(header[0]))
        {
            throw Invalid(header.Count > 1 ? ProblemTexts.IdempotencyKeyOnce.Current : ProblemTexts.IdempotencyKeyRequired.Current);
        }

        var value = header[0]!.Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return Key().IsMatch(value)
            ? value
            : throw Invalid(ProblemTexts.IdempotencyKeyFormat.Current);
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("Idempotency-Key", message)]);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,255}$")]
    private static partial Regex Key();
}
