using Microsoft.Playwright;

namespace PerfEval.BrowserTests;

/// <summary>
/// One service and one Chromium for every browser test; each test opens its own browser context,
/// so its session (the API key) and its remembered language start empty.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>); Playwright's own browser download cannot work here.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    public const string ReaderKey = "demo-reader-key";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DashboardServer? _server;

    public DashboardServer Server => _server ?? throw new InvalidOperationException("The service has not started.");

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>Where the screenshots go: <c>PERFEVAL_SCREENSHOTS</c>, else <c>artifacts/screenshots</c> at the repository root.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PERFEVAL_SCREENSHOTS") is { Length: > 0 } configured)
            {
                return Path.GetFullPath(configured);
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PerfEval.sln")))
                {
                    return Path.Combine(dir.FullName, "artifacts", "screenshots");
                }
            }

            return Path.Combine(AppContext.BaseDirectory, "screenshots");
        }
    }

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("PERFEVAL_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}: the browser tests need it. Install it with " +
                "'apt-get update && apt-get install -y chromium' (Debian), or set PERFEVAL_CHROMIUM to a Chromium executable.");
        }

        _server = await DashboardServer.StartAsync(TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh browser context (empty session and local storage) and a page in it, at a desktop size.</summary>
    public async Task<IPage> NewPageAsync(string? locale = "zh-CN")
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser has not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = locale,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
