using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// The draft's JSON: camelCase names, enums as camelCase strings, Chinese as is, decimals as exact
/// JSON numbers, dates as ISO dates. The API and draft storage use these options so that a stored
/// draft reads back as the same record.
/// </summary>
public static class ReportDraftJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(ReportDraft draft) => JsonSerializer.Serialize(draft, Options);

    public static ReportDraft Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportDraft>(json, Options) ?? throw new JsonException("A draft is a JSON object, not null.");
}
