using System.Text.Json;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Common;

namespace PerfEval.UnitTests.Adjustments;

/// <summary>The push's answer is put together from its adjustments serialized apart: it must be the bytes of serializing the whole.</summary>
public sealed class PushedJsonTests
{
    private static BudgetAdjustmentResponse Adjustment(long id, decimal amount, long? reverses = null) => new()
    {
        Id = id,
        LineId = 7,
        DepartmentCode = "GXQ-SWJ",
        FiscalYear = 2024,
        Amount = amount,
        DocumentNumber = "新区财预〔2024〕18号",
        Reason = "年中追加 \"专项\" <资金>",
        EffectiveDate = new DateOnly(2024, 7, 15),
        SourceSystem = "budget-platform",
        SourceItemId = $"BP-{id}",
        ReversesId = reverses,
        ClientName = "budget-system",
        CreatedAt = new DateTimeOffset(2024, 7, 15, 9, 30, 0, 123, TimeSpan.Zero),
    };

    public static TheoryData<int, int> Sizes => new() { { 1, 1 }, { 3, 2 }, { 2_500, 40 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Utf8JsonOf_IsTheWholeSerialized(int adjustments, int lines)
    {
        List<BudgetAdjustmentResponse> created = [.. Enumerable.Range(1, adjustments).Select(i => Adjustment(i, i % 2 == 0 ? -i * 1.5m : i + 0.01m, i % 3 == 0 ? i - 1 : null))];
        List<AdjustedLine> adjusted = [.. Enumerable.Range(1, lines).Select(i => new AdjustedLine(i, "GXQ-SWJ", 2024, 1_000m * i, 10.5m, 1_000m * i + 10.5m, 900m))];

        var whole = JsonSerializer.SerializeToUtf8Bytes(new PushedAdjustments(created, adjusted), JsonText.Options);
        using var createdJson = PushedBatch.Serialize(created);
        var composed = PushedBatch.Utf8JsonOf(createdJson.Written, adjusted);

        Assert.Equal(whole, composed);
    }
}
