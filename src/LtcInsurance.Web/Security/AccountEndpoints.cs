using System.Security.Claims;
using LtcInsurance.Application.Security;
using LtcInsurance.Infrastructure.Identity;
using LtcInsurance.Web.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LtcInsurance.Web.Security;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapLtcAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");

        // No form fields to bind, so antiforgery must be asked for explicitly.
        account.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
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
        [FromForm] string? tenantId, [FromForm] string? returnUrl, HttpContext http,
        SignInManager<AppUser> signIn, UserManager<AppUser> users, TenantDirectory tenants)
    {
        if (!HttpCurrentTenant.IsPlatformAdmin(http.User))
            return Results.Forbid();
        var user = await users.GetUserAsync(http.User);
        if (user is null || user.TenantId is not null)
            return Results.Forbid();

        List<Claim> extra = [];
        if (!string.IsNullOrEmpty(tenantId))
        {
            if (await tenants.FindAsync(tenantId, http.RequestAborted) is null)
                return Results.BadRequest();
            extra.Add(new Claim(LtcClaimTypes.ActingTenant, tenantId));
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, extra);
        return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
    }
}
