using System.Text.Json;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

public class SchemeSettingsTests
{
    [Fact]
    public void Default_IsDomainMdsScheme()
    {
        var scheme = ScoringSchemeSettings.Default;

        Assert.Equal(10m, scheme.ExecutionWeight);
        Assert.Equal(100m, scheme.ExpectedWeightTotal);
        Assert.Equal(120m, scheme.OverAchievementReasonThreshold);
        Assert.Equal(150m, scheme.TargetTooLowThreshold);
        Assert.Equal(100m, scheme.UnderAchievementReasonThreshold);
        Assert.Equal(0.8m, scheme.QualitativeAchievedFrom);
        Assert.Equal(0.6m, scheme.QualitativePartiallyAchievedFrom);
        Assert.Equal((90m, 80m, 60m), (scheme.ExcellentFrom, scheme.GoodFrom, scheme.FairFrom));
        Assert.Equal(2, scheme.DisplayDecimals);
        Assert.Equal(MidpointRounding.AwayFromZero, scheme.RoundingMode);
        Assert.Empty(scheme.Validate());
    }

    public static TheoryData<ScoringSchemeSettings, string> Bad => new()
    {
        { ScoringSchemeSettings.Default with { ExecutionWeight = -1m }, nameof(ScoringSchemeSettings.ExecutionWeight) },
        { ScoringSchemeSettings.Default with { ExecutionWeight = 101m }, nameof(ScoringSchemeSettings.ExecutionWeight) },
        { ScoringSchemeSettings.Default with { ExecutionWeight = 10.005m }, nameof(ScoringSchemeSettings.ExecutionWeight) },
        { ScoringSchemeSettings.Default with { ExpectedWeightTotal = 0m }, nameof(ScoringSchemeSettings.ExpectedWeightTotal) },
        { ScoringSchemeSettings.Default with { GoodFrom = 95m }, nameof(ScoringSchemeSettings.ExcellentFrom) },
        { ScoringSchemeSettings.Default with { FairFrom = 85m }, nameof(ScoringSchemeSettings.GoodFrom) },
        { ScoringSchemeSettings.Default with { FairFrom = 0m }, nameof(ScoringSchemeSettings.FairFrom) },
        { ScoringSchemeSettings.Default with { ExcellentFrom = 101m }, nameof(ScoringSchemeSettings.ExcellentFrom) },
        { ScoringSchemeSettings.Default with { QualitativePartiallyAchievedFrom = 0.9m }, nameof(ScoringSchemeSettings.QualitativePartiallyAchievedFrom) },
        { ScoringSchemeSettings.Default with { QualitativeAchievedFrom = 1.2m }, nameof(ScoringSchemeSettings.QualitativeAchievedFrom) },
        { ScoringSchemeSettings.Default with { QualitativePartiallyAchievedFrom = 0m }, nameof(ScoringSchemeSettings.QualitativePartiallyAchievedFrom) },
        { ScoringSchemeSettings.Default with { TargetTooLowThreshold = 110m }, nameof(ScoringSchemeSettings.TargetTooLowThreshold) },
        { ScoringSchemeSettings.Default with { OverAchievementReasonThreshold = 90m }, nameof(ScoringSchemeSettings.OverAchievementReasonThreshold) },
        { ScoringSchemeSettings.Default with { UnderAchievementReasonThreshold = 0m }, nameof(ScoringSchemeSettings.UnderAchievementReasonThreshold) },
        { ScoringSchemeSettings.Default with { UnderAchievementReasonThreshold = 101m }, nameof(ScoringSchemeSettings.UnderAchievementReasonThreshold) },
        { ScoringSchemeSettings.Default with { DisplayDecimals = -1 }, nameof(ScoringSchemeSettings.DisplayDecimals) },
        { ScoringSchemeSettings.Default with { RoundingMode = (MidpointRounding)42 }, nameof(ScoringSchemeSettings.RoundingMode) },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_BadScheme_NamesTheSetting(ScoringSchemeSettings scheme, string setting) =>
        Assert.Contains(scheme.Validate(), p => p.Setting == setting);

    [Fact]
    public void Scheme_RoundTripsThroughJson_AndMissingSettingsTakeTheDefaults()
    {
        var scheme = ScoringSchemeSettings.Default with { ExecutionWeight = 20m, RoundingMode = MidpointRounding.ToEven };

        Assert.Equal(scheme, JsonSerializer.Deserialize<ScoringSchemeSettings>(JsonSerializer.Serialize(scheme)));
        Assert.Equal(ScoringSchemeSettings.Default with { ExcellentFrom = 95m },
            JsonSerializer.Deserialize<ScoringSchemeSettings>("""{"ExcellentFrom": 95}"""));
    }

    [Fact]
    public void Calculate_UsesTheSchemesSettings()
    {
        var scheme = ScoringSchemeSettings.Default with { ExecutionWeight = 20m, ExcellentFrom = 99m, TargetTooLowThreshold = 130m };
        var input = Inputs.Scorecard([Inputs.Quantitative(ComparisonOperatorAtLeast, 10m, 13m, weight: 80m)], lines: [Inputs.Line(1000m, 0m, 900m)]);

        var card = ScorecardCalculator.Calculate(input, scheme);

        Assert.Equal(18m, card.ExecutionScore.Value);
        Assert.Equal(98m, card.CompositeScore.Value);
        Assert.Equal(PerfEval.Application.Evaluations.Grade.Good, card.Grade);
        Assert.Contains(FindingCatalogue.TargetLikelyTooLow.Code, card.Codes());
    }

    private const PerfEval.Application.Indicators.ComparisonOperator ComparisonOperatorAtLeast = PerfEval.Application.Indicators.ComparisonOperator.AtLeast;
}
