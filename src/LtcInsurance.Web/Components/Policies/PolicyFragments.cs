using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Web.Policies;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LtcInsurance.Web.Components.Policies;

public static class PolicyFragments
{
    /// <summary>
    /// The calculation result alone, for htmx to swap in under the form. Form binding makes the endpoint
    /// require a valid antiforgery token, like the full-page post. Refusals are part of the fragment (200):
    /// htmx would not swap an error status, and a refused case is an answer, not a failure of the site.
    /// </summary>
    public static IEndpointRouteBuilder MapPolicyFragments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/policies/calculate", async (
                [FromForm(Name = "kind")] string? kind,
                [FromForm(Name = "input")] string? input,
                [FromForm(Name = "asOf")] string? asOf,
                ISender sender,
                CancellationToken cancellationToken) =>
            {
                // The tenant is the signed-in user's; a "tenant" field in the post is never read.
                var outcome = await sender.CalculateAsync(kind, input, asOf, cancellationToken);
                return new RazorComponentResult<CalculationResult>(new { Outcome = outcome, NoTenant = outcome is null });
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.PolicyParameters });
        return endpoints;
    }
}
