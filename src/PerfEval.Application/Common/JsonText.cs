using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfEval.Application.Common;

/// <summary>
/// JSON the service writes itself (stored lists, scheme settings, audit records, stored idempotent
/// responses): camelCase, enums as camelCase strings, Chinese text as is — the API's own style.
/// </summary>
public static class JsonText
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
