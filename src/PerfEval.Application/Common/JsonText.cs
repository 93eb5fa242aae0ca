using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfEval.Application.Common;

/// <summary>JSON stored inside the database (lists, scheme settings): Chinese text written as is.</summary>
public static class JsonText
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
