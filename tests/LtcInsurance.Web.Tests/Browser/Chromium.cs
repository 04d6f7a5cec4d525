using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Browser;

/// <summary>
/// The distribution's Chromium (apt-get install chromium) driven by Playwright. Playwright's own browser
/// download is never used: it needs the internet and is not reproducible here.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("LTC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // A missing browser is a broken machine setup, not a reason to skip: fail loudly.
        Assert.True(File.Exists(ExecutablePath),
            $"Chromium not found at {ExecutablePath}. Install it with `apt-get install -y chromium fonts-noto-cjk` " +
            "(or point LTC_CHROMIUM at a Chromium binary); never `playwright install`.");

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>Screenshots go to LTC_SCREENSHOT_DIR, or TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable("LTC_SCREENSHOT_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
