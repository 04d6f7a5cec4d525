using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace LtcInsurance.Web.Security;

public static class RazorComponentsAuthorization
{
    /// <summary>
    /// Razor components bring a framework endpoint of their own (the opaque redirection used by the Blazor
    /// script, which this static site never loads). It is for signed-in users only, said explicitly; pages are
    /// left alone, because each page must declare its own access (a test checks that).
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder RequireAuthorizationForFrameworkEndpoints(
        this RazorComponentsEndpointConventionBuilder builder)
    {
        builder.Add(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var isPage = metadata.OfType<ComponentTypeMetadata>().Any();
            var states = metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any();
            if (!isPage && !states)
                metadata.Add(new AuthorizeAttribute());
        });
        return builder;
    }
}
