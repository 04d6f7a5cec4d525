using LtcInsurance.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Web.Tests.Security;

[Collection(WebCollection.Name)]
public sealed class EndpointAuthorizationTests(LtcWebHost host)
{
    /// <summary>
    /// The fallback policy protects a forgotten endpoint, but a forgotten decision is still a defect: every
    /// endpoint must say who may use it ([Authorize], RequireAuthorization) or that anyone may ([AllowAnonymous]).
    /// </summary>
    [Fact]
    public void Every_endpoint_states_its_authorization_explicitly()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.NotEmpty(endpoints);

        var silent = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && e.Metadata.GetMetadata<IAuthorizeData>() is null
                        && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(e => e.DisplayName ?? (e as RouteEndpoint)?.RoutePattern.RawText ?? "?")
            .ToList();

        Assert.True(silent.Count == 0, "Endpoints without an explicit authorization statement:\n" + string.Join('\n', silent));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/people")]
    [InlineData("/institutions")]
    [InlineData("/admin/tenants")]
    [InlineData("/admin/cities")]
    [InlineData("/admin/users")]
    [InlineData("/admin/calendar")]
    public void Application_pages_are_found_and_require_an_authenticated_user(string path)
    {
        var endpoint = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SingleOrDefault(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == path
                                  && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false);

        Assert.NotNull(endpoint);
        Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.NotNull(endpoint.Metadata.GetMetadata<IAuthorizeData>());
    }
}
