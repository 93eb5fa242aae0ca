using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Primitives;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Common;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// The Idempotency-Key header: a structured-field string (<c>"…"</c>, as the IETF draft writes it)
/// or, as many clients send it, a bare token; 1 to 255 printable ASCII characters, e.g. a UUID.
/// </summary>
internal static partial class IdempotencyKey
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

    /// <summary>
    /// The SHA-256 of the canonical request, so a retry is recognised by what it asks, not how it is
    /// spelt: the bound request written back out (fields in the request's declared order, whatever
    /// order they came in; white space and escapes as the service writes them) with every number by
    /// its value (<c>100.10</c>, <c>100.1</c> and <c>100.100</c> are one amount). Hashed while it is
    /// written: a 10,000-item batch is never held as one 3 MB buffer.
    /// </summary>
    public static string Fingerprint(PushBudgetAdjustments body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var writer = new Utf8JsonWriter(new HashingBufferWriter(hash)))
        {
            JsonSerializer.Serialize(writer, body, Canonical);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static readonly JsonSerializerOptions Canonical = WithValueDecimals();

    /// <summary>The service's options with decimals written by value: ahead of its own decimal converter, so it wins.</summary>
    private static JsonSerializerOptions WithValueDecimals()
    {
        var options = new JsonSerializerOptions(JsonText.Options);
        options.Converters.Insert(0, new ValueDecimalConverter());
        return options;
    }

    /// <summary>A decimal by its value: trailing zeros dropped (100.10 → 100.1, 100.00 → 100).</summary>
    private sealed class ValueDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("Idempotency-Key", message)]);

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,255}$")]
    private static partial Regex Key();

    /// <summary>Hands every written chunk to the hash and reuses one small buffer.</summary>
    private sealed class HashingBufferWriter(IncrementalHash hash) : IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[16 * 1024];

        public void Advance(int count) => hash.AppendData(_buffer, 0, count);

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            if (sizeHint > _buffer.Length)
            {
                _buffer = new byte[sizeHint];
            }

            return _buffer;
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
