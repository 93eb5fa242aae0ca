using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;

namespace PerfEval.UnitTests.Adjustments;

public sealed class PushValidatorTests
{
    private static readonly AdjustmentItem Valid = new(
        "GXQ-SWJ", 2024, 10.50m, "新区财预〔2024〕18号", "年中追加", new DateOnly(2024, 7, 15), "budget-platform", "BP-1", LineId: 7);

    public static TheoryData<string, AdjustmentItem> OneBadField => new()
    {
        { "DepartmentCode", Valid with { DepartmentCode = "" } },
        { "DepartmentCode", Valid with { DepartmentCode = "GXQ SWJ" } },
        { "DepartmentCode", Valid with { DepartmentCode = new string('A', 33) } },
        { "FiscalYear", Valid with { FiscalYear = 1999 } },
        { "FiscalYear", Valid with { FiscalYear = 2101 } },
        { "Amount", Valid with { Amount = 0m } },
        { "Amount", Valid with { Amount = 0.005m } },
        { "Amount", Valid with { Amount = DomainRules.MaxAmount + 0.01m } },
        { "Amount", Valid with { Amount = -DomainRules.MaxAmount - 0.01m } },
        { "DocumentNumber", Valid with { DocumentNumber = " " } },
        { "DocumentNumber", Valid with { DocumentNumber = new string('号', 101) } },
        { "Reason", Valid with { Reason = "" } },
        { "Reason", Valid with { Reason = new string('因', 1001) } },
        { "SourceSystem", Valid with { SourceSystem = "" } },
        { "SourceSystem", Valid with { SourceSystem = new string('s', 65) } },
        { "SourceItemId", Valid with { SourceItemId = "" } },
        { "SourceItemId", Valid with { SourceItemId = new string('i', 129) } },
        { "EffectiveDate", Valid with { EffectiveDate = new DateOnly(1999, 12, 31) } },
        { "EffectiveDate", Valid with { EffectiveDate = new DateOnly(2102, 1, 1) } },
        { "ExpenditureClass", Valid with { LineId = null, FundingSource = FundingSource.OwnLevel } },
        { "FundingSource", Valid with { LineId = null, ExpenditureClass = ExpenditureClass.Operating } },
        { "ExpenditureClass", Valid with { ExpenditureClass = (ExpenditureClass)99 } },
        { "FundingSource", Valid with { FundingSource = (FundingSource)99 } },
    };

    [Theory]
    [MemberData(nameof(OneBadField))]
    public void Validate_WhenOneFieldOfOneItemIsBad_NamesExactlyThatItemAndField(string property, AdjustmentItem bad)
    {
        var result = new PushBudgetAdjustments.Validator().Validate(new PushBudgetAdjustments([Valid, Valid with { SourceItemId = "BP-2" }, bad]));

        var failure = Assert.Single(result.Errors);
        Assert.Equal($"Adjustments[2].{property}", failure.PropertyName);
        // The message names the field as the client sent it (“amount”), not as the C# property.
        Assert.Contains(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property), failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.01", "999999999999999.99")]
    [InlineData("-999999999999999.99", "-0.01")]
    public void Validate_WhenItemsAreAtTheirBounds_AcceptsThem(string smallestText, string largestText)
    {
        var (smallest, largest) = (decimal.Parse(smallestText, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(largestText, System.Globalization.CultureInfo.InvariantCulture));
        var atBounds = new[]
        {
            Valid with { Amount = smallest, FiscalYear = 2000, EffectiveDate = new DateOnly(2000, 1, 1), DocumentNumber = new string('号', 100) },
            Valid with { Amount = largest, FiscalYear = 2100, EffectiveDate = new DateOnly(2101, 12, 31), Reason = new string('因', 1000), SourceItemId = new string('i', 128) },
            Valid with { LineId = null, ExpenditureClass = ExpenditureClass.Project, FundingSource = FundingSource.Superior, ProjectId = 3, DepartmentCode = new string('A', 32) },
        };

        Assert.Empty(new PushBudgetAdjustments.Validator().Validate(new PushBudgetAdjustments(atBounds)).Errors);
    }

    [Fact]
    public void Validate_WhenBatchIsEmptyOrTooLarge_NamesTheBatch()
    {
        Assert.Equal("Adjustments", Assert.Single(new PushBudgetAdjustments.Validator().Validate(new PushBudgetAdjustments([])).Errors).PropertyName);
        var tooMany = Enumerable.Range(0, PushBudgetAdjustments.MaxBatch + 1).Select(i => Valid with { SourceItemId = $"BP-{i}" }).ToList();
        Assert.Equal("Adjustments", Assert.Single(new PushBudgetAdjustments.Validator().Validate(new PushBudgetAdjustments(tooMany)).Errors).PropertyName);
    }
}
