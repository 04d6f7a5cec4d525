using System.Globalization;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Ledger;

/// <summary>Reading the interactive ledger pages in a browser: amounts, the journal grid's rows and total, MudSelect choices.</summary>
public static class LedgerUi
{
    public static async Task<decimal> AmountAsync(this IPage page, string selector) =>
        LedgerBooks.Amount((await page.InnerTextAsync(selector)).Trim());

    public static async Task<decimal> AmountAsync(this ILocator locator) =>
        LedgerBooks.Amount((await locator.InnerTextAsync()).Trim());

    /// <summary>
    /// Waits until the journal grid shows a page of a list of <paramref name="total"/> entries (the total, and as many rows as
    /// a first page of it holds, or <paramref name="rows"/>), then returns the rows' entry numbers.
    /// </summary>
    public static async Task<IReadOnlyList<long>> JournalShowsAsync(this IPage page, int total, int? rows = null)
    {
        await page.WaitForFunctionAsync(
            "([n, r]) => document.querySelector('[data-testid=journal-total]')?.dataset.total === String(n) " +
            "&& document.querySelectorAll('[data-testid=entry-link]').length === r",
            new[] { total, rows ?? Math.Min(total, 20) });
        return [.. (await page.Locator("[data-testid=entry-link]").AllInnerTextsAsync()).Select(t => long.Parse(t.Trim(), CultureInfo.InvariantCulture))];
    }

    /// <summary>Retries <paramref name="check"/> for a few seconds while the grid catches up with what was asked.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (await check())
                return true;
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>
    /// Waits until the unfiltered journal grid shows page <paramref name="pageNumber"/> (20 rows) of whatever it lists now,
    /// then returns its total and the rows' entry numbers. The whole journal is shared: a billing job of another test may
    /// still be booking entries, so a test compares what the page shows with the books, not with a count read earlier.
    /// </summary>
    public static async Task<(int Total, IReadOnlyList<long> Rows)> JournalPageAsync(this IPage page, int pageNumber = 1)
    {
        await page.WaitForFunctionAsync(
            "p => { const t = document.querySelector('[data-testid=journal-total]')?.dataset.total; if (t === undefined) return false; " +
            "return document.querySelectorAll('[data-testid=entry-link]').length === Math.max(0, Math.min(Number(t) - (p - 1) * 20, 20)); }",
            pageNumber);
        var total = await page.JournalTotalAsync();
        var rows = (await page.Locator("[data-testid=entry-link]").AllInnerTextsAsync()).Select(t => long.Parse(t.Trim(), CultureInfo.InvariantCulture)).ToList();
        return (total, rows);
    }

    public static async Task<int> JournalTotalAsync(this IPage page)
    {
        var total = page.Locator("[data-testid=journal-total]");
        await total.WaitForAsync();
        return int.Parse((await total.GetAttributeAsync("data-total"))!, CultureInfo.InvariantCulture);
    }

    /// <summary>Opens the MudSelect carrying <paramref name="testId"/> and picks the first option containing <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasTextString = option }).First.ClickAsync();
        // The list closes; until it has, its overlay would take the next click.
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-popover-open .mud-list-item')");
        await Task.Delay(500);
    }

    /// <summary>The text of the snackbar that appears next.</summary>
    public static async Task<string> SnackbarAsync(this IPage page)
    {
        var bar = page.Locator(".mud-snackbar").Last;
        await bar.WaitForAsync();
        return await bar.InnerTextAsync();
    }
}
