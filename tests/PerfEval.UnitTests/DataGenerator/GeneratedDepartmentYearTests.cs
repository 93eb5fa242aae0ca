using FluentValidation;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;
using PerfEval.DataGenerator;

namespace PerfEval.UnitTests.DataGenerator;

/// <summary>The generator writes with the commands' statements, not through them: what it draws must be what the commands accept.</summary>
public sealed class GeneratedDepartmentYearTests
{
    [Fact]
    public void Draw_GivesOnlyRequestsTheCommandsValidatorsAccept()
    {
        var years = Enumerable.Range(1, 400).Select(i => GeneratedDepartmentYear.Draw(i, 2025, seed: 7, adjustmentsBefore: 0)).ToList();
        var failures = new List<string>();

        foreach (var year in years)
        {
            var code = year.Department.Code;
            Check(new CreateDepartment.Validator(), year.Department, code, failures);
            foreach (var line in year.Lines)
            {
                Check(new CreateBudgetLine.Validator(), line.Line, code, failures);
                if (line.Project is not null)
                {
                    Check(new CreateProject.Validator(), line.Project, code, failures);
                }
            }

            foreach (var indicator in year.Indicators)
            {
                Check(new CreateIndicator.Validator(), indicator, $"{code} indicator {indicator.Sequence}", failures);
            }

            Check(new SaveEvaluation.Validator(), year.Evaluation, code, failures);
        }

        var adjustments = years.SelectMany(y => y.Lines).SelectMany(l => l.Adjustments).Select(a => a with { LineId = 1 }).ToList();
        Check(new PushBudgetAdjustments.Validator(), new PushBudgetAdjustments(adjustments), "push", failures);

        Assert.True(adjustments.Count > 100, $"only {adjustments.Count} adjustments drawn");
        Assert.Empty(failures);
    }

    [Fact]
    public void Draw_NumbersAdjustmentsOnFromThoseBefore_AndKeepsTheDepartmentAcrossYears()
    {
        var first = GeneratedDepartmentYear.Draw(1, 2025, seed: 7, adjustmentsBefore: 0);
        var count = first.Lines.Sum(l => l.Adjustments.Count);
        var next = Enumerable.Range(2, 30).Select(i => GeneratedDepartmentYear.Draw(i, 2025, seed: 7, adjustmentsBefore: count)).First(y => y.Lines.Any(l => l.Adjustments.Count > 0));

        Assert.Equal($"GEN-2025-{count + 1}", next.Lines.SelectMany(l => l.Adjustments).First().SourceItemId);
        Assert.Equal(first.Department, GeneratedDepartmentYear.Draw(1, 2026, seed: 7, adjustmentsBefore: 0).Department);
    }

    private static void Check<T>(IValidator<T> validator, T request, string what, List<string> failures) =>
        failures.AddRange(validator.Validate(request).Errors.Select(e => $"{what} ({typeof(T).Name}): {e.PropertyName}: {e.ErrorMessage}"));
}
