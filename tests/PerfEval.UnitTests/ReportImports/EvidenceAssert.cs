using System.Text.Json;
using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

internal static class EvidenceAssert
{
    /// <summary>Every evidence anywhere in the draft quotes exactly the text at its offsets.</summary>
    public static void QuotesItsText(ReportDraft draft)
    {
        using var json = JsonDocument.Parse(ReportDraftJson.Serialize(draft));
        var count = 0;
        Walk(json.RootElement, draft.Text, ref count);
        Assert.True(count > 20, $"only {count} evidence items in the draft");
    }

    private static void Walk(JsonElement element, string text, ref int count)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Object)
            {
                var start = evidence.GetProperty("start").GetInt32();
                var length = evidence.GetProperty("length").GetInt32();
                Assert.Equal(text.Substring(start, length), evidence.GetProperty("text").GetString());
                count++;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Name != "text")
                {
                    Walk(property.Value, text, ref count);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, text, ref count);
            }
        }
    }
}
