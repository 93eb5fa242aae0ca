using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfEval.Application.Common;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and its stored response are kept (the draft's expiry); then they are purged.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>How long a claimed key counts as in flight; a claim left by a crashed request is taken over after it.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often expired keys are purged.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;
}

/// <summary>
/// A command a client may send again under the same Idempotency-Key (IETF draft): the first answer,
/// success or final refusal, is stored with the key and every retry of the same request gets it
/// again (<see cref="IdempotencyBehavior{TRequest,TResponse}"/>). Its response is an
/// <see cref="IStoredAnswer{TSelf}"/>: what the client reads, byte for byte.
/// </summary>
public interface IIdempotent
{
    /// <summary>The key the client sent and the fingerprint of its request; null when sent without one (in process), and then the command simply runs.</summary>
    IdempotencyKey? Idempotency { get; }
}

/// <summary>
/// An idempotent command's answer as the client reads it: its status and its UTF-8 JSON body, stored
/// with the key as they are, so the first answer and every replay are the same bytes.
/// </summary>
public interface IStoredAnswer<out TSelf>
    where TSelf : IStoredAnswer<TSelf>
{
    int Status { get; }

    byte[] Utf8Json { get; }

    /// <summary>An answer given before (a replay) or just now to a refused request: status and body alone, no result.</summary>
    static abstract TSelf Stored(int status, byte[] utf8Json, bool replayed);
}

/// <summary>
/// How the API answers a refused request (validation, business rule, conflict, forbidden): the
/// status and problem body the client reads. An idempotent command stores exactly that answer.
/// </summary>
public interface IRefusalAnswers
{
    (int Status, string Body) AnswerTo(Exception refusal);
}

/// <summary>An Idempotency-Key and the fingerprint of the request it was sent with.</summary>
public sealed record IdempotencyKey(string Value, string Fingerprint)
{
    /// <summary>
    /// The key for <paramref name="request"/> as bound. The fingerprint is the SHA-256 of the
    /// canonical request, so a retry is recognised by what it asks, not how it is spelt: the bound
    /// request written back out as the service writes JSON (fields in the request's declared order,
    /// whatever order they came in; white space and escapes its own; route values, the key among
    /// them, left out) with every number by its value (<c>100.10</c>, <c>100.1</c> and <c>100.100</c>
    /// are one amount). Hashed while it is written: a 10,000-item batch is never held as one 3 MB buffer.
    /// </summary>
    public static IdempotencyKey For<TRequest>(string key, TRequest request)
        where TRequest : IIdempotent
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var writer = new Utf8JsonWriter(new HashingBufferWriter(hash)))
        {
            JsonSerializer.Serialize(writer, request, Canonical);
        }

        return new IdempotencyKey(key, Convert.ToHexStringLower(hash.GetHashAndReset()));
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
