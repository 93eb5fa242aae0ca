using System.Text.Json;
using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.ScoringSchemes;

/// <summary>Scheme settings are stored as JSON; settings it does not name take the default scheme's values.</summary>
public static class SchemeSettingsJson
{
    public static ScoringSchemeSettings Parse(string json) =>
        JsonSerializer.Deserialize<ScoringSchemeSettings>(json, JsonText.Options) ?? ScoringSchemeSettings.Default;

    public static string Write(ScoringSchemeSettings settings) => JsonSerializer.Serialize(settings, JsonText.Options);
}
