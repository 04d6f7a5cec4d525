using System.Net;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.People;

[Collection(WebCollection.Name)]
public sealed partial class PeoplePageTests(LtcWebHost host)
{
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
    public async Task The_export_carries_the_search_and_the_filters_of_the_list()
    {
        var tenant = "zhenjiang";
        var (name, idNumber) = await host.FirstPersonAsync(tenant);
        var inYangzhong = await host.QueryAsOwnerAsync<long>(
            "select count(*) from insured_people where tenant_id = 'zhenjiang' and region_code = '321182'");
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk." + tenant);

        var byId = await client.GetStringAsync($"/people/export.csv?q={idNumber[..8]}");
        var byRegion = await client.GetStringAsync("/people/export.csv?region=321182");
        using var badStatus = await client.GetAsync("/people/export.csv?status=sleeping");

        Assert.Contains(name, byId, StringComparison.Ordinal);
        Assert.True(inYangzhong > 0);
        var rows = byRegion.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.Equal(inYangzhong, rows.Count);
        Assert.All(rows, row => Assert.Contains("321182", row, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("参保状态", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_htmx_table_fragment_is_gone()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.zhenjiang");

        using var response = await client.GetAsync("/people/table?q=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
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

        using var page = await client.GetAsync($"/people?q={text}&page=abc&status=x&sort=y");
        using var export = await client.GetAsync($"/people/export.csv?q={text}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("查询内容不能超过 50 个字", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

}
