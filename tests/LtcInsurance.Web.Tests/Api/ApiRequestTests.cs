using System.Net;
using System.Text;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Web.Tests.Hosting;

namespace LtcInsurance.Web.Tests.Api;

/// <summary>
/// Whatever a client sends under /api it gets problem+json with a Chinese detail, never a 500 or an HTML page: malformed
/// JSON and wrong types 400 (with an errors list naming where), another content type 415, a body past the limit 413, an
/// unknown path 404, a wrong method 405.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApiRequestTests(LtcWebHost host) : IAsyncLifetime
{
    private string key = "";

    public async Task InitializeAsync() => key = (await ApiKeys.CreateAsync(host.Services, TenantIds.Jining, "JN0002", "请求测试")).Key;

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("{\"month\": \"2026-11\", \"lines\": [", "/")]
    [InlineData("{\"month\": 202611, \"lines\": []}", "/month")]
    [InlineData("{\"month\": \"2026-11\", \"lines\": [{\"day\": \"31/11/2026\"}]}", "/lines/0/day")]
    [InlineData("{\"month\": \"2026-11\", \"lines\": [{\"amount\": \"十元\"}]}", "/lines/0/amount")]
    [InlineData("{\"month\": \"2026-11\", \"lines\": [], \"unknownField\": 1}", "/")]
    [InlineData("[1, 2, 3]", "/")]
    public async Task Malformed_json_or_a_wrong_type_is_400_with_where(string body, string pointerStart)
    {
        using var client = ApiKeys.Client(host.ServerAddress, key);

        using var response = await client.PostAsync("/api/v1/claims", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiAuthenticationTests.ProblemAsync(response);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.StartsWith(pointerStart, error.GetProperty("pointer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_content_type_is_415()
    {
        using var client = ApiKeys.Client(host.ServerAddress, key);

        using var response = await client.PostAsync("/api/v1/claims", new StringContent("month=2026-11", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await ApiAuthenticationTests.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_past_the_limit_is_413(bool withIdempotencyKey)
    {
        using var client = ApiKeys.Client(host.ServerAddress, key);
        var huge = "{\"month\": \"2026-11\", \"lines\": [" + string.Join(',', Enumerable.Repeat("{\"itemCode\": \"" + new string('x', 1000) + "\"}", 1200)) + "]}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        if (withIdempotencyKey)
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("过大", (await ApiAuthenticationTests.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/claims/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/claims", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/claims?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/claims?pageSize=100000", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/claims?month=2026-13", HttpStatusCode.BadRequest)]
    public async Task Other_mistakes_are_problems_with_a_Chinese_detail(string method, string path, HttpStatusCode status)
    {
        using var client = ApiKeys.Client(host.ServerAddress, key);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await ApiAuthenticationTests.ProblemAsync(response)).GetProperty("detail").GetString() ?? "";
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
    }
}
