using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PerfEval.Application.Common;

/// <summary>
/// The service's one JSON style, for the API and for the JSON it keeps itself (stored responses,
/// scorecards, scheme settings, audit records): camelCase names, enums as camelCase strings, Chinese
/// written as is, exact decimals. Strict on input: numbers must be JSON numbers (no "12.5", NaN or
/// Infinity), required fields must be present, unknown fields are refused so a misspelt field never
/// passes silently, nesting is bounded. Properties filled from the route are not part of the JSON.
/// </summary>
public static class JsonText
{
    /// <summary>The options themselves; the HTTP pipeline's are configured by <see cref="Configure"/> to the same rules.</summary>
    public static JsonSerializerOptions Options { get; } = Configured();

    /// <summary>Applies the rules to options the host owns (ASP.NET Core's HTTP JSON options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Dictionary keys are data (field paths, figure names, explanation paths): written as they are.
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = true;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowTrailingCommas = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.MaxDepth = 32;
        options.AllowDuplicateProperties = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new PlainDecimalConverter());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropRouteValues } };
    }

    private static JsonSerializerOptions Configured()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Properties filled from the route are not part of the JSON at all: a body naming one is
    /// refused as an unknown field (rather than silently ignored), and responses never show them twice.
    /// </summary>
    private static void DropRouteValues(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider?.IsDefined(typeof(RouteValueAttribute), inherit: true) == true)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}

/// <summary>
/// Decimals are read only as plain JSON numbers that fit a decimal exactly: no exponent (1e-400
/// would silently become 0), no more digits than a decimal holds (they would be rounded away).
/// </summary>
public sealed class PlainDecimalConverter : JsonConverter<decimal>
{
    private const int MaxLength = 40;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("Expected a JSON number.");
        }

        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        if (raw.Length > MaxLength || raw.AsSpan().IndexOfAny("eE"u8) >= 0
            || !decimal.TryParse(raw, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || Digits(raw) > 28)
        {
            throw new JsonException("Numbers are plain decimals of at most 28 digits, without an exponent.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Significant digits: without sign, point and leading zeros.</summary>
    private static int Digits(byte[] raw) =>
        System.Text.Encoding.ASCII.GetString(raw).Replace("-", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').Length;
}
