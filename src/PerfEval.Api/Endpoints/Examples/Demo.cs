using System.Globalization;
using System.Text.Json;
using PerfEval.Application.ReportImports;

namespace PerfEval.Api.Endpoints.Examples;

/// <summary>What the examples share: the time the demo data were loaded in the examples, and a draft as stored.</summary>
internal static class Demo
{
    /// <summary>When the examples' resources last changed (a live response shows its own time).</summary>
    public static readonly DateTimeOffset Loaded = new(2025, 1, 6, 9, 30, 0, TimeSpan.Zero);

    public static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    /// <summary>A draft as an import stores and answers it.</summary>
    public static JsonElement Json(ReportDraft draft) => JsonSerializer.SerializeToElement(draft, ReportDraftJson.Options);
}
