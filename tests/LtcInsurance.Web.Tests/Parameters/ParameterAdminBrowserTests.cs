using LtcInsurance.Web.Tests.Browser;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;
using Npgsql;

namespace LtcInsurance.Web.Tests.Parameters;

/// <summary>
/// 政策参数 administration in a browser: an admin of 镇江 proposes a value for a figure the document leaves to local
/// rules, cannot approve it themselves, a second admin of 镇江 approves it and the parameter's row turns from 未设定 to the
/// value with its version; a later proposal is rejected with a note and the two versions are compared. The values are
/// clearly test values (理由 says so), on parameters this class alone sets.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ParameterAdminBrowserTests(LtcWebHost host)
{
    private const string SecondAdmin = "admin2.zhenjiang";
    private const string Source = "镇医保发〔2023〕测试号";

    [Fact]
    public async Task A_proposal_waits_for_a_second_admin_then_the_unset_row_shows_the_value_with_its_version()
    {
        await EnsureSecondAdminAsync();
        string name;
        long existing;
        await using (var proposer = await UiSession.SignInAsync(host, "admin.zhenjiang"))
        {
            var page = proposer.Page;
            // Before the scheme start (2023-10-01) even the demo values (演示值, in force from the scheme start) do not apply.
            await proposer.OpenAsync("/admin/parameters?unset=1&asOf=2023-01-01");
            var unsetBefore = await CountAsync(page, "[data-testid=params-unset-count]");
            Assert.True(unsetBefore > 0, "镇江 leaves figures to local rules: some must be unset");
            var row = page.Locator("tr[data-unset=true][data-kind=amount]").First;
            await row.WaitForAsync();
            name = (await row.GetAttributeAsync("data-parameter"))!;
            // The demo seeder may have stored a demo version (演示值) already: this test's version is the next one.
            existing = await VersionsAsync(name);
            Assert.Contains("未设定", await row.InnerTextAsync(), StringComparison.Ordinal);
            Assert.NotEmpty((await row.Locator("[data-testid=param-blocks]").InnerTextAsync()).Trim());
            await proposer.AssertAccessibleAsync();
            await proposer.ScreenshotAsync("admin-parameters.png");

            await row.Locator("[data-testid=param-propose]").ClickAsync();
            var dialog = page.Locator("[data-testid=propose-dialog]");
            await dialog.WaitForAsync();
            await proposer.AssertAccessibleAsync();

            // The use case's validator speaks while the form is filled: an amount with three decimals is refused in Chinese.
            await page.FillAsync("#propose-value", "30.123");
            await page.FillAsync("#propose-source", Source);
            await page.FillAsync("#propose-reason", "测试值：浏览器测试设定，非真实标准");
            // A far year only this test uses: other tests rely on 镇江's figures being unset today.
            await TypeDateAsync(page, "#propose-from", "2097-01-01");
            await TypeDateAsync(page, "#propose-to", "2097-12-31");
            await page.ClickAsync("[data-testid=propose-submit]");
            await page.Locator("[data-testid=propose-problem]").WaitForAsync();
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await page.InnerTextAsync("[data-testid=propose-problem]"));
            Assert.Equal(existing, await VersionsAsync(name));

            await page.FillAsync("#propose-value", "30.00");
            await page.ClickAsync("[data-testid=propose-submit]");
            await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            var proposed = page.Locator($"tr[data-parameter='{name}']");
            await proposed.Locator("[data-testid=param-pending]", new LocatorLocatorOptions { HasTextString = "1 项待审批" }).WaitForAsync();
            Assert.Equal("true", await proposed.GetAttributeAsync("data-unset"));
            Assert.Equal(existing + 1, await VersionsAsync(name));

            // The proposer's own version: approve is disabled and the page says why; rejecting stays possible.
            await proposer.OpenAsync("/admin/parameters/" + name);
            var version = page.Locator($"tr[data-version='{existing + 1}']");
            await version.WaitForAsync();
            Assert.Equal("待审批", (await version.Locator("[data-testid=version-status]").InnerTextAsync()).Trim());
            Assert.True(await version.Locator("[data-testid=version-approve]").IsDisabledAsync());
            Assert.Contains("另一位管理员", await version.Locator("[data-testid=version-own]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await version.Locator("[data-testid=version-reject]").IsEnabledAsync());
            Assert.Equal(Source, (await version.Locator("[data-testid=version-source]").InnerTextAsync()).Trim());
            await proposer.AssertAccessibleAsync();
        }

        await using (var approver = await UiSession.SignInAsync(host, SecondAdmin))
        {
            var page = approver.Page;
            await approver.OpenAsync("/admin/parameters/" + name);
            var version = page.Locator($"tr[data-version='{existing + 1}']");
            await version.WaitForAsync();
            Assert.Equal(0, await version.Locator("[data-testid=version-own]").CountAsync());
            await version.Locator("[data-testid=version-approve]").ClickAsync();
            var confirm = page.Locator(".mud-dialog");
            await confirm.WaitForAsync();
            Assert.Contains($"第 {existing + 1} 版", await confirm.InnerTextAsync(), StringComparison.Ordinal);
            await confirm.Locator("button:has-text('批准')").ClickAsync();
            await page.Locator($"tr[data-version='{existing + 1}'][data-status=approved]").WaitForAsync();
            await DismissSnackbarsAsync(page);
            Assert.Equal("已生效", (await page.Locator($"tr[data-version='{existing + 1}'] [data-testid=version-status]").InnerTextAsync()).Trim());
            Assert.Contains(SecondAdmin, await page.Locator($"tr[data-version='{existing + 1}']").InnerTextAsync(), StringComparison.Ordinal);
            await approver.AssertAccessibleAsync();

            // The list on a day of 2097: the row is no longer 未设定 but the value with its version.
            await approver.OpenAsync("/admin/parameters?asOf=2097-06-01");
            var row = page.Locator($"tr[data-parameter='{name}']");
            await row.WaitForAsync();
            Assert.Equal("false", await row.GetAttributeAsync("data-unset"));
            Assert.Contains("30.00", await row.Locator("[data-testid=param-value]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal($"第 {existing + 1} 版", (await row.Locator("[data-testid=param-version]").InnerTextAsync()).Trim());
            Assert.Equal("2097-01-01", (await row.Locator("[data-testid=param-from]").InnerTextAsync()).Trim());
            Assert.Equal(0, await row.Locator("[data-testid=param-unset]").CountAsync());
            Assert.Equal("approved", await host.QueryAsOwnerAsync<string>(
                "select status from parameter_versions where tenant_id = 'zhenjiang' and name = @name and version = @version",
                ("name", name), ("version", (int)existing + 1)));

            // Before and after its days it is unset: the day picker asks about another day.
            await page.GetByLabel("查看日期").FillAsync("2098-01-01");
            await page.GetByLabel("查看日期").PressAsync("Tab");
            // (or, where the demo data set one, the demo value 演示值 again).
            var after = existing == 0 ? $"tr[data-parameter='{name}'][data-unset=true]" : $"tr[data-parameter='{name}'] [data-testid=param-demo]";
            await page.Locator(after).WaitForAsync();
            await approver.OpenAsync("/admin/parameters");
            Assert.Equal(existing == 0 ? "true" : "false", await page.Locator($"tr[data-parameter='{name}']").GetAttributeAsync("data-unset"));
        }
    }

    [Fact]
    public async Task A_rejected_version_keeps_its_note_and_two_versions_are_compared_field_by_field()
    {
        await EnsureSecondAdminAsync();
        await using var proposer = await UiSession.SignInAsync(host, "admin.zhenjiang");
        var page = proposer.Page;
        await proposer.OpenAsync("/admin/parameters?unset=1&asOf=2023-01-01");
        // The last unset amount: the other test takes the first.
        var row = page.Locator("tr[data-unset=true][data-kind=amount]").Last;
        await row.WaitForAsync();
        var name = (await row.GetAttributeAsync("data-parameter"))!;
        // A demo version (演示值) may come first: this test's two versions are the next two.
        var second = (int)await VersionsAsync(name) + 2;
        await ProposeAsync(page, row, "40.00", "2098-01-01", "测试值：第一稿");
        await proposer.OpenAsync("/admin/parameters/" + name);
        await page.ClickAsync("[data-testid=history-propose]");
        await page.Locator("[data-testid=propose-dialog]").WaitForAsync();
        await FillProposalAsync(page, "45.50", "2098-07-01", "测试值：第二稿");
        await page.Locator($"tr[data-version='{second}']").WaitForAsync();

        await using var reviewer = await UiSession.SignInAsync(host, SecondAdmin);
        var reviewPage = reviewer.Page;
        await reviewer.OpenAsync("/admin/parameters/" + name);
        await reviewPage.Locator($"tr[data-version='{second}'] [data-testid=version-reject]").ClickAsync();
        var dialog = reviewPage.Locator("[data-testid=reject-dialog]");
        await dialog.WaitForAsync();
        await reviewer.AssertAccessibleAsync();
        // Without a note nothing is sent.
        await reviewPage.ClickAsync("[data-testid=reject-confirm]");
        Assert.True(await dialog.IsVisibleAsync());
        Assert.Equal("proposed", await StatusAsync(name, second));
        await reviewPage.FillAsync("#reject-note", "测试：金额与文件不符");
        await reviewPage.ClickAsync("[data-testid=reject-confirm]");
        await reviewPage.Locator($"tr[data-version='{second}'][data-status=rejected]").WaitForAsync();
        await DismissSnackbarsAsync(reviewPage);
        Assert.Equal("已驳回", (await reviewPage.Locator($"tr[data-version='{second}'] [data-testid=version-status]").InnerTextAsync()).Trim());
        Assert.Contains("金额与文件不符", await reviewPage.Locator($"tr[data-version='{second}'] [data-testid=version-note]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("rejected", await StatusAsync(name, second));

        // Version 2 against version 1 (the default pair: newest against the one before): value, dates, reason differ, the source does not.
        var table = reviewPage.Locator("[data-testid=compare-table]");
        await table.WaitForAsync();
        Assert.Equal("true", await table.Locator("tr[data-field=Value]").GetAttributeAsync("data-changed"));
        Assert.Equal("true", await table.Locator("tr[data-field=EffectiveFrom]").GetAttributeAsync("data-changed"));
        Assert.Equal("true", await table.Locator("tr[data-field=Reason]").GetAttributeAsync("data-changed"));
        Assert.Equal("false", await table.Locator("tr[data-field=Source]").GetAttributeAsync("data-changed"));
        Assert.Equal("false", await table.Locator("tr[data-field=EffectiveTo]").GetAttributeAsync("data-changed"));
        var value = await table.Locator("tr[data-field=Value]").InnerTextAsync();
        Assert.Contains("40.00", value, StringComparison.Ordinal);
        Assert.Contains("45.50", value, StringComparison.Ordinal);
        Assert.Contains("有变化", value, StringComparison.Ordinal);
        await reviewer.AssertAccessibleAsync();
        await reviewer.ScreenshotAsync("admin-parameter-history.png");
    }

    [Fact]
    public async Task A_clerk_reads_the_parameters_and_their_history_but_is_offered_no_change()
    {
        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/admin/parameters");
        var rows = page.Locator("tr[data-parameter]");
        await rows.First.WaitForAsync();
        Assert.True(await rows.CountAsync() > 5);
        Assert.Equal(0, await page.Locator("[data-testid=param-propose]").CountAsync());
        // Every topic heading the city has, in Chinese.
        Assert.Contains("筹资与缴费", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Matches(@"^\d+ 项未设定$", (await page.InnerTextAsync("[data-testid=params-unset-count]")).Trim());
        await ui.AssertAccessibleAsync();

        // 只看未设定: every row left is unset.
        await page.GetByLabel("只看未设定").CheckAsync();
        await page.Locator("tr[data-unset=false]").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.True(await page.Locator("tr[data-unset=true]").CountAsync() > 0);

        var name = (await rows.First.GetAttributeAsync("data-parameter"))!;
        await rows.First.Locator("[data-testid=param-history]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/parameters/", StringComparison.Ordinal));
        await page.Locator("[data-testid=history-shipped]").WaitForAsync();
        Assert.Equal(name, (await page.InnerTextAsync("[data-testid=page-subtitle]")).Trim());
        Assert.Equal(0, await page.Locator("[data-testid=history-propose], [data-testid=version-approve], [data-testid=version-reject]").CountAsync());
        await ui.AssertAccessibleAsync();

        // The navigation offers the page; the calculator links to it.
        Assert.Equal(1, await page.Locator(".mud-navmenu a[href='/admin/parameters']").CountAsync());
        await ui.OpenAsync("/policies");
        await page.Locator("[data-testid=policy-scheme]").WaitForAsync();
        await page.Locator("[data-testid=policy-to-admin]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(1, await page.Locator("[data-testid=policy-to-admin]").CountAsync());
    }

    [Fact]
    public async Task An_institution_user_is_not_offered_the_page_and_is_denied_it()
    {
        await using (var ui = await UiSession.SignInAsync(host, "institution.jining"))
        {
            await ui.Page.Locator(".mud-navmenu a").First.WaitForAsync();
            Assert.Equal(0, await ui.Page.Locator(".mud-navmenu a[href='/admin/parameters']").CountAsync());
        }

        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "institution.jining");
        foreach (var path in new[] { "/admin/parameters", "/admin/parameters/schemeStart" })
        {
            using var denied = await client.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/account/denied", denied.Headers.Location?.AbsolutePath);
        }
    }

    /// <summary>Closes the snackbars (axe measures them mid-animation otherwise).</summary>
    private static async Task DismissSnackbarsAsync(IPage page)
    {
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
            await close.ClickAsync();
        await page.Locator(".mud-snackbar").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    private static async Task ProposeAsync(IPage page, ILocator row, string value, string from, string reason)
    {
        await row.Locator("[data-testid=param-propose]").ClickAsync();
        await page.Locator("[data-testid=propose-dialog]").WaitForAsync();
        await FillProposalAsync(page, value, from, reason);
    }

    private static async Task FillProposalAsync(IPage page, string value, string from, string reason)
    {
        await page.FillAsync("#propose-value", value);
        await TypeDateAsync(page, "#propose-from", from);
        await page.FillAsync("#propose-source", Source);
        await page.FillAsync("#propose-reason", reason);
        await page.ClickAsync("[data-testid=propose-submit]");
        await page.Locator("[data-testid=propose-dialog]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    private static async Task TypeDateAsync(IPage page, string selector, string text)
    {
        var input = page.Locator(selector);
        // Tab, not Escape: Escape would close the dialog the field is in.
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }

    private static async Task<int> CountAsync(IPage page, string selector)
    {
        var text = (await page.InnerTextAsync(selector)).Trim();
        return int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<long> VersionsAsync(string name) =>
        host.QueryAsOwnerAsync<long>("select count(*) from parameter_versions where tenant_id = 'zhenjiang' and name = @name", ("name", name));

    private Task<string> StatusAsync(string name, int version) =>
        host.QueryAsOwnerAsync<string>(
            "select status from parameter_versions where tenant_id = 'zhenjiang' and name = @name and version = @version",
            ("name", name), ("version", version));

    /// <summary>
    /// 镇江's second admin (the demo data has one per city): a copy of admin.zhenjiang under another name, same password and
    /// role, written behind the application's back as the owner. Idempotent.
    /// </summary>
    private async Task EnsureSecondAdminAsync()
    {
        await using var connection = new NpgsqlConnection(host.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            insert into users (id, tenant_id, display_name, provider_code, user_name, normalized_user_name, email, normalized_email,
                email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number, phone_number_confirmed,
                two_factor_enabled, lockout_end, lockout_enabled, access_failed_count, must_change_password)
            select gen_random_uuid(), tenant_id, '镇江市第二管理员', null, @name, upper(@name), @name || '@demo.ltc.invalid',
                upper(@name || '@demo.ltc.invalid'), true, password_hash, upper(replace(gen_random_uuid()::text, '-', '')),
                gen_random_uuid()::text, null, false, false, null, true, 0, false
            from users where normalized_user_name = 'ADMIN.ZHENJIANG'
              and not exists (select 1 from users where normalized_user_name = upper(@name));
            insert into user_roles (user_id, role_id)
            select u.id, r.role_id from users u, user_roles r join users a on a.id = r.user_id
            where u.normalized_user_name = upper(@name) and a.normalized_user_name = 'ADMIN.ZHENJIANG'
            on conflict do nothing;
            """, connection);
        command.Parameters.AddWithValue("name", SecondAdmin);
        await command.ExecuteNonQueryAsync();
    }
}
