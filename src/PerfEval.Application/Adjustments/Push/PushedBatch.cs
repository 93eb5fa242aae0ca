using System.Text;
using System.Text.Json;
using PerfEval.Application.Common;

namespace PerfEval.Application.Adjustments.Push;

/// <summary>A line's totals right after the batch: the new adjusted amount it produced.</summary>
public sealed record AdjustedLine(long LineId, string DepartmentCode, int FiscalYear, decimal InitialAmount, decimal AdjustmentTotal, decimal AdjustedAmount, decimal ExecutedAmount);

/// <summary>Every adjustment the batch created, and the new totals of every line it moved.</summary>
public sealed record PushedAdjustments(IReadOnlyList<BudgetAdjustmentResponse> Adjustments, IReadOnlyList<AdjustedLine> Lines);

/// <summary>A push as the audit log records it: how many adjustments, their net amount, the ledger ids they got, the lines they moved.</summary>
public sealed record PushAudit(int Adjustments, decimal NetAmount, long FirstId, long LastId, IReadOnlyList<string> SourceSystems, IReadOnlyList<long> Lines, DateTimeOffset RecordedAt);

/// <summary>
/// The answer to a push as the client reads it: its status and its JSON, serialized once, as UTF-8.
/// The bytes stored with the Idempotency-Key are the bytes sent, so the first answer and every replay
/// are the same. A 10,000-item answer is about 3 MB; it never becomes a 6 MB string, nor is it
/// converted again to be stored or sent. <see cref="Result"/> is what the batch recorded, when this
/// request recorded it (null for a replay or a refusal answered from its stored problem).
/// </summary>
public sealed record PushedBatch(int Status, byte[] Utf8Json, PushedAdjustments? Result = null, bool Replayed = false) : IStoredAnswer<PushedBatch>
{
    /// <summary>The batch just recorded (201).</summary>
    public static PushedBatch Created(PushedAdjustments result, byte[] utf8Json) => new(201, utf8Json, result);

    public static PushedBatch Stored(int status, byte[] utf8Json, bool replayed) => new(status, utf8Json, Replayed: replayed);

    /// <summary>What this request recorded; only a batch recorded by this request has it (the audit and the read model run on it).</summary>
    public PushedAdjustments Recorded => Result ?? throw new InvalidOperationException("A stored answer records nothing.");

    /// <summary>The created adjustments' JSON (about 3 MB for 10,000), in a pooled buffer: it is copied into the answer.</summary>
    internal static PooledBuffer Serialize(IReadOnlyList<BudgetAdjustmentResponse> adjustments)
    {
        var buffer = new PooledBuffer(adjustments.Count * 320);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonText.Options.Encoder }))
        {
            JsonSerializer.Serialize(writer, adjustments, JsonText.Options);
        }

        return buffer;
    }

    /// <summary>
    /// The JSON of a <see cref="PushedAdjustments"/> from its adjustments already serialized and its
    /// lines: the same bytes as serializing the whole at once.
    /// </summary>
    internal static byte[] Utf8JsonOf(ReadOnlySpan<byte> adjustmentsJson, IReadOnlyList<AdjustedLine> lines)
    {
        var naming = JsonText.Options.PropertyNamingPolicy!;
        var start = Encoding.UTF8.GetBytes($"{{\"{naming.ConvertName(nameof(PushedAdjustments.Adjustments))}\":");
        var middle = Encoding.UTF8.GetBytes($",\"{naming.ConvertName(nameof(PushedAdjustments.Lines))}\":");
        var linesJson = JsonSerializer.SerializeToUtf8Bytes(lines, JsonText.Options);
        var json = new byte[start.Length + adjustmentsJson.Length + middle.Length + linesJson.Length + 1];
        var rest = json.AsSpan();
        start.CopyTo(rest);
        adjustmentsJson.CopyTo(rest = rest[start.Length..]);
        middle.CopyTo(rest = rest[adjustmentsJson.Length..]);
        linesJson.CopyTo(rest = rest[middle.Length..]);
        rest[linesJson.Length] = (byte)'}';
        return json;
    }
}
