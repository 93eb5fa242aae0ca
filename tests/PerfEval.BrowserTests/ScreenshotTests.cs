using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PerfEval.BrowserTests;

/// <summary>
/// Screenshots of the main pages, kept as the run's output (artifacts/screenshots, or
/// PERFEVAL_SCREENSHOTS) for a person to look at: the key prompt, the year overview and ranking,
/// the findings, a department with a formula open, the same in English, and a refused request.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ScreenshotTests(DashboardFixture dashboard, ITestOutputHelper output)
{
    [Fact]
    public async Task MainPages_AreCapturedAsScreenshots()
    {
        var folder = DashboardFixture.ScreenshotFolder;
        Directory.CreateDirectory(folder);
        var page = await dashboard.NewPageAsync();
        var taken = new List<string>();

        async Task Shot(string name)
        {
            // The charts draw without animation; a short pause lets the layout settle after the last data arrives.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var path = Path.Combine(folder, name + ".png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            taken.Add(path);
        }

        await page.GotoAsync("/");
        await page.Locator("#api-key").WaitForAsync();
        await Shot("01-key");

        await DashboardPages.SignInAsync(page);
        await Expect(page.Locator("#chart-scatter canvas")).ToHaveCountAsync(1);
        await Shot("02-overview-ranking");

        await page.Locator(".tab[data-nav=findings]").ClickAsync();
        await page.Locator(".finding-groups").WaitForAsync();
        await Shot("03-findings");

        await DashboardPages.OpenDepartmentAsync(page, "GXQ-GYYQ", 2024);
        await page.Locator("[data-tile=execution-rate] button.explained").ClickAsync();
        await Expect(page.Locator("#explain-popover")).ToBeVisibleAsync();
        await Shot("04-department-explained");

        await page.Locator(".lang-switch button[data-lang=en]").ClickAsync();
        await Expect(page.Locator(".tab[data-nav=overview]")).ToHaveTextAsync("Overview & ranking");
        await page.Locator("#indicator-table").WaitForAsync();
        await Shot("05-department-en");

        await page.GotoAsync("/#/years/2024");
        await page.Locator(DashboardPages.RankingRows).First.WaitForAsync();
        await Expect(page.Locator("#chart-scatter canvas")).ToHaveCountAsync(1);
        await Shot("06-overview-en");

        await page.GotoAsync("/#/departments/NO-SUCH/2024");
        await page.Locator(".error-panel").WaitForAsync();
        await Shot("07-not-found-en");

        foreach (var path in taken)
        {
            Assert.True(new FileInfo(path).Length > 10_000, $"{path} is nearly empty ({new FileInfo(path).Length} bytes).");
        }

        output.WriteLine($"Screenshots ({taken.Count}) in {folder}");
    }
}
