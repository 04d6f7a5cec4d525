using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Browser;

/// <summary>
/// One signed-in browser tab on the interactive UI. Opening a page waits for its circuit (the layout renders
/// <c>[data-circuit=live]</c> only once the page runs interactively), so a click after <see cref="OpenAsync"/> reaches
/// the server. <see cref="AssertAccessibleAsync"/> runs axe-core on the page as it is.
/// </summary>
public sealed class UiSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private UiSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>
    /// Signs in through the sign-in form, like a person, at 1366×768 unless another viewport is given, with the demo
    /// password unless another is given (a user a test created).
    /// </summary>
    public static Task<UiSession> SignInAsync(LtcWebHost host, string userName, ViewportSize? viewport = null, string? password = null) =>
        SignInAsync(host.ServerAddress, userName, viewport, password);

    /// <summary>As <see cref="SignInAsync(LtcWebHost, string, ViewportSize?, string?)"/>, on the application at <paramref name="serverAddress"/>.</summary>
    public static async Task<UiSession> SignInAsync(Uri serverAddress, string userName, ViewportSize? viewport = null, string? password = null)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = serverAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
        });
        page.SetDefaultTimeout(30_000);
        var session = new UiSession(playwright, browser, page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password ?? LtcWebHost.DemoPassword);
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await session.WaitForCircuitAsync();
        return session;
    }

    /// <summary>
    /// Signs in with a one-time password an admin issued: the app opens 修改密码 first; the new password is set there
    /// and the session continues on the home page.
    /// </summary>
    public static Task<UiSession> SignInWithOneTimePasswordAsync(LtcWebHost host, string userName, string oneTimePassword, string newPassword) =>
        SignInWithOneTimePasswordAsync(host.ServerAddress, userName, oneTimePassword, newPassword);

    /// <summary>As <see cref="SignInWithOneTimePasswordAsync(LtcWebHost, string, string, string)"/>, on the application at <paramref name="serverAddress"/>.</summary>
    public static async Task<UiSession> SignInWithOneTimePasswordAsync(Uri serverAddress, string userName, string oneTimePassword, string newPassword)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = serverAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "zh-CN",
        });
        page.SetDefaultTimeout(30_000);
        var session = new UiSession(playwright, browser, page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", oneTimePassword);
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/account/password", StringComparison.Ordinal));
        await page.Locator("[data-testid=password-must-change]").WaitForAsync();
        await session.AssertAccessibleAsync();
        await page.FillAsync("#current", oneTimePassword);
        await page.FillAsync("#new", newPassword);
        await page.FillAsync("#confirm", newPassword);
        await page.ClickAsync("[data-testid=password-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await session.WaitForCircuitAsync();
        return session;
    }

    /// <summary>Opens a page by its address and waits until it is interactive.</summary>
    public async Task<IResponse?> OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        await WaitForCircuitAsync();
        return response;
    }

    public Task WaitForCircuitAsync() =>
        Page.Locator("[data-circuit=live]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// No serious or critical axe-core violation on the page as it is now, once its finite animations have ended (a
    /// snackbar fading in is half transparent for a moment, which axe would report as low contrast on a busy machine).
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        await Page.EvaluateAsync(
            "() => Promise.race([Promise.all(document.getAnimations()" +
            ".filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)" +
            ".map(a => a.finished.catch(() => null))), new Promise(resolve => setTimeout(resolve, 3000))])");
        var result = await Page.RunAxe();
        var bad = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(bad.Count == 0, $"Accessibility violations on {Page.Url}:\n" + string.Join("\n", bad));
    }

    /// <summary>Opens the MudSelect inside the element with <paramref name="testId"/> and picks the option showing <paramref name="option"/>.</summary>
    public async Task ChooseAsync(string testId, string option)
    {
        try
        {
            await Page.ClickAsync($"[data-testid={testId}] .mud-select", new PageClickOptions { Timeout = 10_000 });
            await Page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = option }).First
                .ClickAsync(new LocatorClickOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"cannot choose {option} in {testId}:\n{await Page.InnerHTMLAsync($"[data-testid={testId}]")}\n" +
                        string.Join("\n", await Page.Locator(".mud-popover").EvaluateAllAsync<string[]>("els => els.map(e => e.outerHTML.slice(0, 400))")));
        }
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath(name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
