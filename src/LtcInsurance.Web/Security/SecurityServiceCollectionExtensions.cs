using System.Security.Claims;
using LtcInsurance.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace LtcInsurance.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddLtcSecurity(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddLtcIdentity(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ltc.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // An API client wants a status code, not a redirect to an HTML sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        // When Identity re-issues the cookie (security stamp check), keep a platform admin's tenant choice.
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.OnRefreshingPrincipal = context =>
            {
                var acting = context.CurrentPrincipal?.FindFirst(LtcClaimTypes.ActingTenant);
                if (acting is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                    identity.AddClaim(new Claim(LtcClaimTypes.ActingTenant, acting.Value));
                return Task.CompletedTask;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ltc.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Follow-up: keep the keys in PostgreSQL so that several web nodes share them (architecture: stateless nodes).
        var keysDirectory = configuration["Ltc:DataProtectionKeysPath"]
            ?? Path.Combine(environment.ContentRootPath, ".data", "keys");
        services.AddDataProtection()
            .SetApplicationName("LtcInsurance")
            .PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));

        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
