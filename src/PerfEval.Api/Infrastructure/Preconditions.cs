using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;

namespace PerfEval.Api.Infrastructure;

/// <summary>The <c>Http</c> configuration section.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>Every PUT/PATCH/DELETE must carry If-Match (428 otherwise). Turn off only for legacy clients.</summary>
    public bool RequireIfMatch { get; set; } = true;
}

/// <summary>If-Match names no version of the resource (e.g. the scorecard's ETag sent to change the evaluation): 412.</summary>
public sealed class EntityTagMismatchException() : Exception("If-Match does not name a version of this resource.");

/// <summary>The client's precondition is missing: it must say which version it changes (428).</summary>
public sealed class PreconditionRequiredException() : Exception("Send If-Match with the ETag of the version you read (GET the resource first).");

/// <summary>
/// ETags and conditional requests. A versioned resource's ETag is its row version ("3"), so the tag a
/// client read is what its If-Match names; a scorecard's is a hash of its JSON (<see cref="ScorecardJson"/>).
/// If-None-Match on a GET answers 304; a write's If-Match must match or the write is 412, and a write
/// without one is 428.
/// </summary>
internal sealed class Preconditions(IOptions<HttpOptions> options, ScorecardJsonWriter scorecards) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var value = result is IValueHttpResult valued ? valued.Value : result;
        var etag = value switch
        {
            IVersioned versioned => new EntityTagHeaderValue($"\"{versioned.Version}\""),
            ScorecardResponse scorecard => scorecards.Write(scorecard).ETag,
            _ => null,
        };
        if (etag is null)
        {
            return result;
        }

        http.Response.Headers.ETag = etag.ToString();
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.IfNoneMatch.Count > 0
            && http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return result;
    }

    /// <summary>
    /// A PUT that creates or replaces (the evaluation): If-Match with the version read changes it (412
    /// when stale or when there is nothing to change), If-Match: * changes whatever version exists,
    /// If-None-Match: * creates it only if it does not exist yet (412 when it does). Neither is 428,
    /// unless <see cref="HttpOptions.RequireIfMatch"/> is off (then it creates or replaces).
    /// </summary>
    public (int? ExpectedVersion, bool CreateOnly, bool MustExist) CreateOrReplace(HttpRequest request)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfMatch.Count > 0)
        {
            if (headers.IfMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
            {
                return (null, false, true);
            }

            // Another strong tag (the scorecard's, say) names no version of this resource: it does not match (RFC 9110 §13.1.1).
            return headers.IfMatch[0] is { IsWeak: false } tag && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version)
                ? (version, false, false)
                : throw new EntityTagMismatchException();
        }

        if (headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Count == 1 && headers.IfNoneMatch[0].Equals(EntityTagHeaderValue.Any)
                ? (null, true, false)
                : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("If-None-Match", ProblemTexts.IfNoneMatchOnPut.Current)]);
        }

        return options.Value.RequireIfMatch ? throw new PreconditionRequiredException() : (null, false, false);
    }

    /// <summary>The version a write's If-Match names; null when the client sent none and none is required (or when creating).</summary>
    public int? ExpectedVersion(HttpRequest request, bool creating = false)
    {
        var ifMatch = request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0)
        {
            return creating || !options.Value.RequireIfMatch ? null : throw new PreconditionRequiredException();
        }

        if (ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        var tag = ifMatch[0];
        return !tag.IsWeak && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version)
            ? version
            : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("If-Match", ProblemTexts.IfMatchFormat.Current)]);
    }
}
