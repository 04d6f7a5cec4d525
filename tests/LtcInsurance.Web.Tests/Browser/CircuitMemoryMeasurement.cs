using System.Globalization;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LtcInsurance.Web.Tests.Browser;

/// <summary>Runs only when LTC_MEASURE=1 (tests/measure-circuits.sh): a measurement, not a pass/fail test.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LTC_MEASURE") != "1")
            Skip = "Measurement: run tests/measure-circuits.sh (LTC_MEASURE=1).";
    }
}

/// <summary>
/// Server memory held by interactive circuits (docs/performance.md): the managed heap of the web app (it runs in this
/// process) after a full collection, with no tab, one idle signed-in tab and 50 idle signed-in tabs on the dashboard.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CircuitMemoryMeasurement(LtcWebHost host, ITestOutputHelper output)
{
    [MeasurementFact]
    public async Task Memory_of_idle_signed_in_circuits()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var pages = new List<IPage>();
        try
        {
            // Warm up (first circuit compiles and caches): one tab opened and closed, then the baseline.
            var warm = await OpenDashboardAsync(browser, "clerk.jining");
            await warm.Context.CloseAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            var baseline = Heap();

            pages.Add(await OpenDashboardAsync(browser, "clerk.jining"));
            var one = Heap();

            var users = new[] { "clerk.jining", "clerk.yulin", "clerk.zhenjiang", "auditor.jining", "clerk.yuzhong" };
            for (var i = 1; i < 50; i++)
                pages.Add(await OpenDashboardAsync(browser, users[i % users.Length]));
            var fifty = Heap();

            var report = string.Create(CultureInfo.InvariantCulture,
                $"""
                circuit memory (managed heap after full GC, MiB): baseline {Mib(baseline):F1}
                one idle circuit: +{Mib(one - baseline):F2} MiB
                50 idle circuits: +{Mib(fifty - baseline):F1} MiB, {Mib(fifty - baseline) / 50 * 1024:F0} KiB per circuit
                process working set: {Mib(Environment.WorkingSet):F0} MiB
                """);
            output.WriteLine(report);
            await File.WriteAllTextAsync(Chromium.ScreenshotPath("circuit-memory.txt"), report);
            Assert.Equal(50, pages.Count);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task<IPage> OpenDashboardAsync(IBrowser browser, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.ServerAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", LtcWebHost.DemoPassword);
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
        await page.Locator("[data-circuit=live]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}
