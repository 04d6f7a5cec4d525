using LtcInsurance.Application.Accounts.SignOut;
using LtcInsurance.Application.Accounts.SwitchTenant;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace LtcInsurance.Web.Security;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapLtcAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        // No form fields to bind, so antiforgery must be asked for explicitly.
        account.MapPost("/logout", async (ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new SignOutCommand(), cancellationToken);
                return Results.LocalRedirect("/account/login");
            })
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

        account.MapPost("/tenant", SwitchTenantAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

        return endpoints;
    }

    /// <summary>
    /// A platform admin picks the tenant to act in. The choice travels as a claim inside the protected
    /// sign-in cookie; an empty choice returns to acting in no tenant.
    /// </summary>
    private static async Task<IResult> SwitchTenantAsync(
        [FromForm] string? tenantId, [FromForm] string? returnUrl, ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            if (!await sender.Send(new SwitchTenantCommand(tenantId), cancellationToken))
                return Results.Forbid();
        }
        catch (ForbiddenAccessException)
        {
            return Results.Forbid();
        }
        catch (RequestValidationException)
        {
            return Results.BadRequest();
        }

        return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
    }
}
