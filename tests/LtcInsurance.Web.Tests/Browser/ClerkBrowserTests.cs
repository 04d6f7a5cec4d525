using System.Text.RegularExpressions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace LtcInsurance.Web.Tests.Browser;

/// <summary>The register (参保人员) in the browser: the server-side grid, the person page, its dialogs, another city's person.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ClerkBrowserTests(LtcWebHost host)
{
    private const string Rows = "[data-testid=people-table] tbody tr a[href^='/people/']";

    [Fact]
    public async Task Searching_by_name_narrows_the_grid_and_the_address_keeps_it()
    {
        var (ownName, _) = await host.FirstPersonAsync("zhenjiang");
        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;

        await ui.OpenAsync("/people");
        await page.Locator(Rows).First.WaitForAsync();
        Assert.Equal(20, await page.Locator(Rows).CountAsync());
        // The list shows masked ID numbers only, and region names with their codes.
        var table = await page.InnerTextAsync("[data-testid=people-table]");
        Assert.Matches(MaskedIdNumber(), table);
        Assert.DoesNotMatch(FullIdNumber(), table);
        Assert.Matches(RegionLabel(), table);
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("clerk-people.png");

        await page.FillAsync("#people-q", ownName);
        await page.WaitForURLAsync(url => url.Contains("q=" + Uri.EscapeDataString(ownName), StringComparison.Ordinal));
        await Expect(page, async () => (await page.Locator(Rows).AllInnerTextsAsync()).All(n => n.Contains(ownName, StringComparison.Ordinal)));
        var found = await page.Locator(Rows).AllInnerTextsAsync();
        Assert.InRange(found.Count, 1, 19);
        // The export links carry the search.
        Assert.Contains("q=" + Uri.EscapeDataString(ownName), await page.GetAttributeAsync("[data-testid=people-csv]", "href"), StringComparison.Ordinal);

        // The address is shareable: opened afresh, it shows the same search.
        await ui.OpenAsync(page.Url);
        await page.Locator(Rows).First.WaitForAsync();
        Assert.Equal(ownName, await page.InputValueAsync("#people-q"));
        Assert.Equal(found, await page.Locator(Rows).AllInnerTextsAsync());
    }

    [Fact]
    public async Task Paging_shows_other_people_and_the_page_is_in_the_address()
    {
        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync("/people");
        await page.Locator(Rows).First.WaitForAsync();
        var first = await page.Locator(Rows).AllInnerTextsAsync();

        await page.ClickAsync("[data-testid=people-table] .mud-table-pagination-actions button[aria-label*='下一页'], [data-testid=people-table] .mud-table-pagination-actions button:nth-child(3)");
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal));
        await Expect(page, async () => !(await page.Locator(Rows).AllInnerTextsAsync()).SequenceEqual(first));
        var second = await page.Locator(Rows).AllInnerTextsAsync();
        Assert.Equal(20, second.Count);
        Assert.Empty(first.Intersect(second));

        // A page number from the address is restored.
        await ui.OpenAsync("/people?page=2");
        await page.Locator(Rows).First.WaitForAsync();
        Assert.Equal(second, await page.Locator(Rows).AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_person_of_the_clerks_city_opens_and_another_citys_person_is_not_found()
    {
        var ownPersonId = await host.FirstPersonIdAsync("zhenjiang");
        var (otherName, _) = await host.FirstPersonAsync("yulin");
        var otherPersonId = await host.FirstPersonIdAsync("yulin");
        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;

        var own = await ui.OpenAsync($"/people/{ownPersonId}");
        Assert.Equal(200, own!.Status);
        Assert.NotEmpty((await page.InnerTextAsync("[data-testid=person-name]")).Trim());
        Assert.Matches(RegionLabel(), await page.InnerTextAsync("[data-testid=person-region]"));
        await ui.AssertAccessibleAsync();
        await ui.ScreenshotAsync("clerk-person.png");

        // Inside the circuit (no new request), a Yulin person's id: the page says the person is not there.
        await page.EvaluateAsync("path => Blazor.navigateTo(path)", $"/people/{otherPersonId}");
        await page.Locator("[data-testid=not-found]").WaitForAsync();
        Assert.Contains("页面不存在", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, await page.ContentAsync(), StringComparison.Ordinal);

        // Editing the address to that id: a 404, the same page as an unknown address, without the name.
        var other = await page.GotoAsync($"/people/{otherPersonId}");
        Assert.Equal(404, other!.Status);
        Assert.True(await page.IsVisibleAsync("[data-testid=not-found]"));
        Assert.Contains("页面不存在", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, await page.ContentAsync(), StringComparison.Ordinal);
        await ui.ScreenshotAsync("clerk-other-tenant-404.png");
    }

    [Fact]
    public async Task Register_changes_go_through_dialogs_checked_by_the_use_cases()
    {
        // A person of their own, whom no other test counts on: never enrolled, so billing does not see them.
        var name = "浏览测试" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var personId = await AddPersonAsync("zhenjiang", name, "321102");
        await using var ui = await UiSession.SignInAsync(host, "clerk.zhenjiang");
        var page = ui.Page;
        await ui.OpenAsync($"/people/{personId}");
        await page.Locator("[data-testid=statuses-none]").WaitForAsync();

        // Enrolment with a negative base: the use case's validator answers in the dialog, and nothing is written.
        await page.ClickAsync("[data-testid=action-enrol]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await page.FillAsync("#action-base", "-5");
        await page.ClickAsync("[data-testid=action-submit]");
        await dialog.GetByText("缴费基数必须大于零").WaitForAsync();
        await ui.AssertAccessibleAsync();
        await page.ClickAsync(".mud-dialog button:has-text('取消')");
        await dialog.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(0L, await host.QueryAsOwnerAsync<long>(
            "select count(*) from enrollment_periods where person_id = @id", ("id", personId)));

        // A category (人员类别): submitted, confirmed by a snackbar, shown on the page.
        await page.ClickAsync("[data-testid=action-add-status]");
        await dialog.WaitForAsync();
        await page.GetByLabel("起始日期").FillAsync("2026-01-01");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-testid=action-submit]");
        await page.Locator(".mud-snackbar").GetByText("已登记人员类别").WaitForAsync();
        await page.Locator("[data-testid=statuses]").GetByText("低保对象").WaitForAsync();

        // A death is irreversible: asked again before it is written.
        await page.ClickAsync("[data-testid=action-record-death]");
        await dialog.First.WaitForAsync();
        await page.GetByLabel("死亡日期").FillAsync("2026-02-03");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-testid=action-submit]");
        var confirm = page.Locator(".mud-dialog:has-text('不能撤销')").Last;
        await confirm.GetByText("确认", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.Locator("[data-testid=person-death]").WaitForAsync();
        Assert.Equal("2026-02-03", (await page.InnerTextAsync("[data-testid=person-death]")).Trim());
        Assert.Equal(0, await page.Locator("[data-testid=action-record-death]").CountAsync());
    }

    private async Task<Guid> AddPersonAsync(string tenant, string name, string region)
    {
        var id = Guid.CreateVersion7();
        for (var attempt = 0; ; attempt++)
        {
            var number = IdNumber.Create(region, new DateOnly(1941, 5, 6), Random.Shared.Next(100, 999)).Value;
            try
            {
                return await host.QueryAsOwnerAsync<Guid>(
                    """
                    insert into insured_people (tenant_id, id, id_number, name, sex, birth_date, region_code, medical_insurance, employment, created_at)
                    select tenant_id, @id, @number, @name, sex, date '1941-05-06', @region, medical_insurance, employment, now()
                    from insured_people where tenant_id = @tenant limit 1
                    returning id
                    """,
                    ("id", id), ("number", number), ("name", name), ("region", region), ("tenant", tenant));
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "23505" && attempt < 5)
            {
                // That ID number is taken in the demo register: draw another.
            }
        }
    }

    /// <summary>Waits (up to ten seconds) until the grid shows what is expected.</summary>
    private static async Task Expect(IPage page, Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
                return;
            await page.WaitForTimeoutAsync(100);
        }

        Assert.Fail("the grid did not show the expected rows");
    }

    [GeneratedRegex(@"\d{4}\*{10}[0-9X]{4}")]
    private static partial Regex MaskedIdNumber();

    [GeneratedRegex(@"\b\d{17}[0-9X]\b")]
    private static partial Regex FullIdNumber();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+（\d{6}）")]
    private static partial Regex RegionLabel();
}
