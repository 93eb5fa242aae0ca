using Microsoft.Playwright;

namespace PerfEval.BrowserTests;

/// <summary>What a person does on the dashboard, in the page's own terms.</summary>
internal static class DashboardPages
{
    public const string RankingRows = "#ranking-grid tbody tr[data-code]";

    /// <summary>Opens <c>/</c>, gives the key once, and waits for the ranking.</summary>
    public static async Task SignInAsync(IPage page, string key = DashboardFixture.ReaderKey)
    {
        await page.GotoAsync("/");
        await page.Locator("#api-key").FillAsync(key);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator(RankingRows).First.WaitForAsync();
    }

    public static async Task OpenDepartmentAsync(IPage page, string code, int year)
    {
        await page.GotoAsync($"/#/departments/{code}/{year}");
        await page.Locator("#indicator-table").WaitForAsync();
    }

    /// <summary>The ranking as the person reads it: code, composite and grade label of each row, top to bottom.</summary>
    public static async Task<IReadOnlyList<(string Code, string Composite, string Grade)>> RankingAsync(IPage page)
    {
        var rows = new List<(string, string, string)>();
        foreach (var row in await page.Locator(RankingRows).AllAsync())
        {
            rows.Add((
                await row.GetAttributeAsync("data-code") ?? "",
                (await row.Locator("[data-field=composite]").InnerTextAsync()).Trim(),
                (await row.Locator(".grade").InnerTextAsync()).Trim()));
        }

        return rows;
    }

    /// <summary>Script errors and failed requests the page reported, so a test can say none happened.</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add($"page error: {message}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 40", StringComparison.Ordinal))
            {
                errors.Add($"console: {message.Text}");
            }
        };
        return errors;
    }
}
