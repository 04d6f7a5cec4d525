using System.Net;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Web.Tests.Diagnostics;

[Collection(WebCollection.Name)]
public sealed class HealthAndErrorPageTests(LtcWebHost host)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_anonymously(string path)
    {
        using var client = host.CreateBrowserLikeClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_page_gives_the_Chinese_404_page_without_internals()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        using var response = await client.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_error_page_is_Chinese_and_shows_no_stack_trace()
    {
        using var client = host.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/error/500");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("系统出错了", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unexpected_failure_shows_the_Chinese_500_page_and_no_internals()
    {
        // A second host on the same database whose every database command fails, as when the tenant cannot be resolved.
        await using var failing = host.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddScoped<ICurrentTenant, FailingCurrentTenant>()));
        using var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login");

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["_handler"] = "login",
            ["Input.UserName"] = "clerk.yulin",
            ["Input.Password"] = LtcWebHost.DemoPassword,
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("系统出错了", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingCurrentTenant.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html, StringComparison.Ordinal);
    }

    private sealed class FailingCurrentTenant : ICurrentTenant
    {
        public const string Secret = "internal-detail-7f3a";

        public string? TenantId => throw new InvalidOperationException(Secret);
    }

    [Fact]
    public async Task Api_paths_answer_with_problem_json_not_html()
    {
        using var client = host.CreateBrowserLikeClient();
        await SignIn.SignInAsync(client, "clerk.yulin");

        using var response = await client.GetAsync("/api/v1/no-such-resource");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_api_call_gets_401_not_a_redirect_to_the_sign_in_page()
    {
        using var client = host.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/api/v1/claims");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task English_can_be_chosen_and_is_remembered_in_a_cookie()
    {
        using var client = host.CreateBrowserLikeClient();
        var login = await client.GetStringAsync("/account/login");

        using var switched = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(login),
            ["culture"] = "en",
            ["returnUrl"] = "/account/login",
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var english = await client.GetStringAsync("/account/login");
        Assert.Contains("Long-Term Care Insurance Administration", english, StringComparison.Ordinal);
        Assert.Contains("Sign in", english, StringComparison.Ordinal);
    }
}
