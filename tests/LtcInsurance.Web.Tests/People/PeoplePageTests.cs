using System.Net;
using System.Text.RegularExpressions;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.People;

[Collection(WebCollection.Name)]
public sealed partial class PeoplePageTests(LtcWebHost host)
{
    [Fact]
    public async Task Register_shows_only_masked_ID_numbers()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        var html = await client.GetStringAsync("/people");

        Assert.Matches(MaskedIdNumber(), html);
        Assert.DoesNotMatch(FullIdNumber(), html);
    }

    [Fact]
    public async Task Person_detail_shows_the_full_ID_number_and_the_address_that_lists_never_show()
    {
        var (_, idNumber) = await host.FirstPersonAsync("zhenjiang");
        var id = await host.FirstPersonIdAsync("zhenjiang");
        var address = await host.QueryAsOwnerAsync<string>($"select address from insured_people where tenant_id = 'zhenjiang' and id = '{id}'");
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        var detail = await client.GetStringAsync($"/people/{id}");
        var list = await client.GetStringAsync("/people");

        Assert.False(string.IsNullOrEmpty(address));
        Assert.Contains(idNumber, detail, StringComparison.Ordinal);
        Assert.Contains(address, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(address, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_ID_prefix_finds_the_person_in_the_table_fragment()
    {
        var tenant = "zhenjiang";
        var (name, idNumber) = await host.FirstPersonAsync(tenant);
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk." + tenant);

        using var response = await client.GetAsync($"/people/table?q={idNumber[..8]}&page=1");
        var fragment = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"people-table\">", fragment.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains(name, fragment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_pages_by_twenty_through_the_query_string()
    {
        var total = await host.QueryAsOwnerAsync<long>("select count(*) from insured_people where tenant_id = 'zhenjiang'");
        Assert.True(total > 40, "the demo register should span several pages");
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        var first = await client.GetStringAsync("/people");
        var second = await client.GetStringAsync("/people?page=2");

        Assert.Equal(20, PersonLink().Count(first));
        Assert.Equal(20, PersonLink().Count(second));
        Assert.Empty(PersonLink().Matches(first).Select(m => m.Value).Intersect(PersonLink().Matches(second).Select(m => m.Value)));
        Assert.Contains("href=\"/people?page=2\" hx-get=\"/people/table?page=2\"", first, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">2</a>", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citys_person_does_not_exist_for_a_clerk()
    {
        var (otherName, _) = await host.FirstPersonAsync("yulin");
        var otherId = await host.FirstPersonIdAsync("yulin");
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        using var response = await client.GetAsync($"/people/{otherId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_search_is_answered_in_Chinese_and_not_with_an_error()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");
        var text = Uri.EscapeDataString(new string('张', 51));

        using var fragment = await client.GetAsync($"/people/table?q={text}&page=1");
        using var page = await client.GetAsync($"/people?q={text}");
        using var export = await client.GetAsync($"/people/export.csv?q={text}");

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Contains("查询内容不能超过 50 个字", await fragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"people-problem\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("查询内容不能超过 50 个字", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_number_past_the_end_shows_the_last_page()
    {
        var total = await host.QueryAsOwnerAsync<long>("select count(*) from insured_people where tenant_id = 'zhenjiang'");
        var last = (int)((total + 19) / 20);
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        var beyond = await client.GetStringAsync("/people?page=100000");
        var negative = await client.GetStringAsync("/people?page=-3");

        Assert.Contains($"aria-current=\"page\">{last}</a>", beyond, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">1</a>", negative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Institution_user_may_not_open_the_register()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "institution.zhenjiang");

        using var response = await client.GetAsync("/people");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location?.AbsolutePath);
    }

    [GeneratedRegex("href=\"/people/[0-9a-f-]{36}\"")]
    private static partial Regex PersonLink();

    [GeneratedRegex(@"\d{4}\*{10}[0-9X]{4}")]
    private static partial Regex MaskedIdNumber();

    [GeneratedRegex(@"\b\d{17}[0-9X]\b")]
    private static partial Regex FullIdNumber();
}
