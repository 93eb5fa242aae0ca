using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PerfEval.Application.Evaluations;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// A scorecard as the API writes it: its UTF-8 JSON and the strong ETag hashed from those bytes.
/// The response is written as these bytes, the same ones the serializer would write for the record.
/// </summary>
internal sealed class ScorecardJson : IResult, IValueHttpResult, IValueHttpResult<ScorecardResponse>, IEndpointMetadataProvider
{
    private const string ContentType = "application/json; charset=utf-8";

    public ScorecardJson(ScorecardResponse scorecard, byte[] utf8)
    {
        Value = scorecard;
        Utf8 = utf8;
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(utf8).AsSpan(0, 16))}\"");
    }

    public ScorecardResponse Value { get; }

    object? IValueHttpResult.Value => Value;

    public byte[] Utf8 { get; }

    public EntityTagHeaderValue ETag { get; }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = Utf8.Length;
        return response.Body.WriteAsync(Utf8, httpContext.RequestAborted).AsTask();
    }

    /// <summary>The contract shows the scorecard's schema, as for an endpoint returning the record itself.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ScorecardResponse), ["application/json"]));
}

/// <summary>
/// Writes each scorecard instance once. The scorecard cache hands out the same instance until the
/// department's data changes, so a cached scorecard is serialized and hashed once, not per read.
/// </summary>
internal sealed class ScorecardJsonWriter(IOptions<JsonOptions> options)
{
    private readonly ConditionalWeakTable<ScorecardResponse, ScorecardJson> _written = [];
    private readonly JsonSerializerOptions _serializer = options.Value.SerializerOptions;

    public ScorecardJson Write(ScorecardResponse scorecard) =>
        _written.TryGetValue(scorecard, out var json)
            ? json
            : _written.GetOrAdd(scorecard, static (card, serializer) => new ScorecardJson(card, JsonSerializer.SerializeToUtf8Bytes(card, serializer)), _serializer);
}
