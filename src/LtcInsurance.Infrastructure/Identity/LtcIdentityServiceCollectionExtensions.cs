using System.Security.Claims;
using LtcInsurance.Application.Accounts;
using LtcInsurance.Application.Users;
using LtcInsurance.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LtcInsurance.Infrastructure.Identity;

public static class LtcIdentityServiceCollectionExtensions
{
    /// <summary>The user directory (admin pages, account use cases): Identity's tables read through LtcDbContext.</summary>
    public static IServiceCollection AddLtcUserDirectory(this IServiceCollection services)
    {
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<Application.Common.Security.IUserBindings, UserBindings>();
        return services;
    }

    /// <summary>
    /// ASP.NET Identity over LtcDbContext for a host that signs users in (the web app): users and roles, the claims the
    /// sign-in cookie carries (tenant, display name, provider), and <see cref="ISignInService"/> with its failure
    /// counting (<see cref="SignInThrottleOptions"/>). Every request's cookie is checked against the user's current
    /// security stamp (one query), so a session ended by sign-out (or by a password or role change) ends at once,
    /// for every copy of the cookie.
    /// </summary>
    public static IdentityBuilder AddLtcIdentity(this IServiceCollection services, Action<IdentityOptions> configure)
    {
        services.AddScoped<ISignInService, IdentitySignInService>();
        services.AddOptions<SignInThrottleOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<SignInFailures>();
        var builder = services.AddIdentity<AppUser, AppRole>(configure)
            .AddEntityFrameworkStores<LtcDbContext>()
            .AddClaimsPrincipalFactory<LtcClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // After Identity's own cookie setup, which installs the (interval-based) security stamp validator.
        services.ConfigureApplicationCookie(options =>
        {
            var identityCheck = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                if (!await SessionIsCurrentAsync(context))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await identityCheck(context);
            };
        });
        return builder;
    }

    private static Task<bool> SessionIsCurrentAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
            return Task.FromResult(false);
        var services = context.HttpContext.RequestServices;
        return IsSessionCurrentAsync(services.GetRequiredService<UserManager<AppUser>>(),
            services.GetRequiredService<IOptions<IdentityOptions>>().Value, principal);
    }

    /// <summary>
    /// The principal's user still exists and its security stamp is the user's current one: the session has not been
    /// ended by sign-out, a password change or a role change, and the user is not deactivated. Checked on every request and, for an interactive
    /// circuit, every revalidation interval.
    /// </summary>
    internal static async Task<bool> IsSessionCurrentAsync(UserManager<AppUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        var claimTypes = options.ClaimsIdentity;
        var userId = principal.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (userId is null || stamp is null || await users.FindByIdAsync(userId) is not { DeactivatedAt: null } user)
            return false;
        return string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }
}
