using FluentValidation;

namespace PerfEval.Application.Common;

/// <summary>Rules shared by every request that carries money, codes or years.</summary>
public static partial class DomainRules
{
    /// <summary>Amounts are yuan with at most 2 decimals and at most 10^15 in magnitude (DECIMAL(19,2)).</summary>
    public const decimal MaxAmount = 999_999_999_999_999.99m;

    public static IRuleBuilderOptions<T, decimal> Yuan<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.Must(v => v.Scale <= 2 || decimal.Round(v, 2) == v).WithMessage(_ => Messages.AtMostTwoDecimals.Current)
            .InclusiveBetween(-MaxAmount, MaxAmount);

    public static IRuleBuilderOptions<T, decimal> NonNegativeYuan<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.Yuan().GreaterThanOrEqualTo(0);

    public static IRuleBuilderOptions<T, decimal?> Yuan<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(v => v is null || decimal.Round(v.Value, 2) == v.Value).WithMessage(_ => Messages.AtMostTwoDecimals.Current)
            .Must(v => v is null || Math.Abs(v.Value) <= MaxAmount).WithMessage(_ => Messages.OutOfRange.Current);

    /// <summary>Indicator values, weights, rates and scores: bounded, at most 8 decimals (DECIMAL(28,8)).</summary>
    public static IRuleBuilderOptions<T, decimal?> Measure<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(v => v is null || decimal.Round(v.Value, 8) == v.Value).WithMessage(_ => Messages.AtMostEightDecimals.Current)
            .Must(v => v is null || Math.Abs(v.Value) < 100_000_000_000_000m).WithMessage(_ => Messages.OutOfRange.Current);

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public const int MaxDepartmentCode = 32;
    public const string DepartmentCodePattern = "^[A-Za-z0-9][A-Za-z0-9_-]*$";

    public static IRuleBuilderOptions<T, string> DepartmentCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(MaxDepartmentCode).Matches(DepartmentCodeRegex())
            .WithMessage(_ => Messages.DepartmentCodeRule.Current);

    public static IRuleBuilderOptions<T, int> FiscalYear<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(FirstYear, LastYear);

    [System.Text.RegularExpressions.GeneratedRegex(DepartmentCodePattern)]
    private static partial System.Text.RegularExpressions.Regex DepartmentCodeRegex();

    /// <summary>Messages name the field as the JSON does (<c>“amount”</c>), not as the C# property (<c>“Amount”</c>).</summary>
    public static IRuleBuilderInitial<T, TProperty> JsonNamed<T, TProperty>(this IRuleBuilderInitial<T, TProperty> rule) =>
        rule.Configure(r => r.SetDisplayName(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.PropertyName)));

    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength);
}
