namespace PerfEval.Application.Common;

/// <summary>The resource named by the request does not exist (404).</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
}

/// <summary>The request conflicts with the current state of the data (409): a duplicate key, a closed year.</summary>
public class ConflictException(string message, IReadOnlyDictionary<string, string[]>? errors = null, int? retryAfterSeconds = null) : Exception(message)
{
    /// <summary>When the conflict passes by itself (a request still in flight): when to retry.</summary>
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    /// <summary>Per item, when the conflict concerns some items of a batch.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;
}

/// <summary>A write to a closed fiscal year's data (409).</summary>
public sealed class FiscalYearClosedException(int year)
    : ConflictException($"Fiscal year {year} is closed; its data can no longer change.")
{
    public int Year { get; } = year;
}

/// <summary>The request is well-formed but breaks a business rule (422); errors are keyed by the property or item they concern.</summary>
public sealed class BusinessRuleException(string message, IReadOnlyDictionary<string, string[]> errors)
    : Exception(message)
{
    public BusinessRuleException(string property, string message)
        : this(message, new Dictionary<string, string[]> { [property] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The database cannot be reached after retrying (503).</summary>
public sealed class DatabaseUnavailableException(Exception inner)
    : Exception("The database is temporarily unavailable.", inner);

/// <summary>
/// The resource changed since the client read it: its If-Match no longer matches (412). Without an
/// expected version: the client asked to create (If-None-Match: *) and the resource already exists.
/// </summary>
public sealed class PreconditionFailedException(string resource, object key, int? expected)
    : Exception(expected is null
        ? $"{resource} '{key}' already exists: send If-Match with its version to change it."
        : $"{resource} '{key}' is no longer at version {expected}: read it again and re-apply the change.")
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
    public int? Expected { get; } = expected;
}
