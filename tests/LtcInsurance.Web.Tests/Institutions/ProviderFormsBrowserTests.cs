using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using LtcInsurance.Web.Tests.Register;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Institutions;

/// <summary>
/// The provider register's forms in a real browser, as a clerk: registering an institution (refused in Chinese with every
/// problem while incomplete, nothing saved), adding a care worker by real name, recording a sanction of the worker and
/// shortening it by one dated end (a later end is refused), suspending the institution with a reason; the detail page
/// shows each, and the history keeps them.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ProviderFormsBrowserTests(LtcWebHost host)
{
    [Fact]
    public async Task Clerk_registers_an_institution_adds_a_care_worker_and_records_a_sanction()
    {
        var code = "BT" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var name = $"浏览器测试护理院{code}";
        const string worker = "王实名";
        await using var ui = await UiSession.SignInAsync(host, "clerk.shishi");
        var page = ui.Page;
        await ui.OpenAsync("/institutions");

        // incomplete: every problem at once, the dialog stays open, nothing registered
        await page.ClickAsync("[data-testid=provider-register]");
        await page.FillAsync("#provider-code", code);
        await page.ClickAsync("[data-testid=provider-form-save]");
        var problems = await page.InnerTextAsync("[data-testid=provider-form-problems]");
        Assert.Contains("请填写名称", problems, StringComparison.Ordinal);
        Assert.Contains("请至少选择一种服务方式", problems, StringComparison.Ordinal);
        Assert.Contains("请填写定点协议起始日期", problems, StringComparison.Ordinal);
        await ui.AssertAccessibleAsync();
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>("select count(*) from institutions where code = @code", ("code", code)));

        await page.FillAsync("#provider-name", name);
        await page.ClickAsync("[data-testid=provider-mode-institution] input");
        await Assertions.Expect(page.Locator("[data-testid=provider-mode-institution] input")).ToBeCheckedAsync();
        await page.FillAsync("#provider-agreement-from", "2026-01-01");
        await page.FillAsync("#provider-bank-name", "中国工商银行石狮支行");
        await page.FillAsync("#provider-bank-account-name", name);
        await page.FillAsync("#provider-bank-account-number", "6222020000001234");
        await page.ClickAsync("[data-testid=provider-form-save]");
        try
        {
            await page.WaitForURLAsync(url => url.Contains("/institutions/", StringComparison.Ordinal) && !url.EndsWith("/institutions", StringComparison.Ordinal),
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("[data-testid=provider-form-problems]").AllInnerTextsAsync();
            Assert.Fail($"登记后未打开详情页（{page.Url}）；表单提示：{string.Join(" | ", shown)}");
        }
        await page.Locator("[data-testid=provider-overview]").WaitForAsync();
        Assert.Contains(name, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("6222020000001234", await page.InnerTextAsync("[data-testid=provider-overview]"), StringComparison.Ordinal);

        // a care worker by real name with a qualification
        await page.ClickAsync(".mud-tab:has-text('护理人员')");
        await page.ClickAsync("[data-testid=worker-add]");
        await page.FillAsync("#worker-name", worker);
        await page.FillAsync("#worker-id-number", RegisterFiles.IdOf("350581", 1985, Random.Shared.Next(100, 999)));
        await page.ClickAsync("[data-testid=qualification-caregiver] input");
        await page.ClickAsync("[data-testid=worker-form-save]");
        await page.Locator($"[data-testid=provider-workers] tr[data-worker='{worker}']").WaitForAsync();
        Assert.Contains("护理员", await page.InnerTextAsync($"[data-testid=provider-workers] tr[data-worker='{worker}']"), StringComparison.Ordinal);

        // a sanction of the worker for a period, then shortened once; a later end is refused
        await page.ClickAsync(".mud-tab:has-text('处理记录')");
        await page.ClickAsync("[data-testid=sanction-add]");
        await ui.ChooseAsync("sanction-subject", worker);
        await page.FillAsync("#sanction-from", "2026-12-01");
        await page.FillAsync("#sanction-to", "2027-03-31");
        await page.FillAsync("#sanction-reason", "虚构服务记录");
        await page.FillAsync("#sanction-clause", "定点协议第十二条");
        await page.ClickAsync("[data-testid=sanction-form-save]");
        var row = page.Locator($"[data-testid=sanctions-table] tr[data-subject='{worker}']");
        await row.WaitForAsync();
        Assert.Contains("2026-12-01 ~ 2027-03-31", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.Locator("[data-testid=sanction-end]").ClickAsync();
        await page.FillAsync("#sanction-last-day", "2027-06-30");
        await page.FillAsync("#sanction-end-reason", "整改完成");
        await page.ClickAsync("[data-testid=sanction-form-save]");
        Assert.Contains("不能晚于原定截止日期", await page.InnerTextAsync("[data-testid=sanction-form-problems]"), StringComparison.Ordinal);
        await page.FillAsync("#sanction-last-day", "2027-01-31");
        await page.ClickAsync("[data-testid=sanction-form-save]");
        await page.Locator("[data-testid=sanction-form]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var ended = await row.InnerTextAsync();
        Assert.Contains("2026-12-01 ~ 2027-01-31", ended, StringComparison.Ordinal);
        Assert.Contains("整改完成", ended, StringComparison.Ordinal);
        Assert.Equal(0, await row.Locator("[data-testid=sanction-end]").CountAsync());

        // suspension needs a reason; the history shows it in words
        await page.ClickAsync("[data-testid=provider-edit]");
        await ui.ChooseAsync("provider-status", "暂停");
        await page.ClickAsync("[data-testid=provider-form-save]");
        Assert.Contains("须填写原因", await page.InnerTextAsync("[data-testid=provider-form-problems]"), StringComparison.Ordinal);
        await page.FillAsync("#provider-status-reason", "消防整改");
        await page.ClickAsync("[data-testid=provider-form-save]");
        await page.Locator("[data-testid=provider-form]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.ClickAsync(".mud-tab:has-text('变更历史')");
        var history = await page.InnerTextAsync("[data-testid=provider-history]");
        Assert.Contains("登记护理人员", history, StringComparison.Ordinal);
        Assert.Contains("暂停", history, StringComparison.Ordinal);
        Assert.Contains("消防整改", history, StringComparison.Ordinal);
        Assert.Equal("suspended", await host.QueryAsOwnerAsync<string>("select status from institutions where code = @code", ("code", code)));
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.mud-snackbar').length === 0", null,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 250 });
        await ui.AssertAccessibleAsync();
    }
}
