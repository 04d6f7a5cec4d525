using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using LtcInsurance.Application.Accounts;
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
        var settings = configuration.GetSection(SecuritySettings.Section).Get<SecuritySettings>() ?? new SecuritySettings();
        if (settings.IdleTimeout <= TimeSpan.Zero || settings.SignInPermitsPerMinute < 1 || settings.ReauthenticateAbove < 0
            || settings.CircuitRevalidationInterval <= TimeSpan.Zero)
            throw new InvalidOperationException($"{SecuritySettings.Section}: IdleTimeout and SignInPermitsPerMinute must be positive, ReauthenticateAbove not negative.");
        services.Configure<SecuritySettings>(configuration.GetSection(SecuritySettings.Section));

        services.AddLtcIdentity(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.AllowedForNewUsers = true;
                // Counts client addresses, not attempts (IdentitySignInService): one address adds at most one failure per
                // SignInThrottleOptions.Window, so it takes ten addresses to lock an account, never one anonymous client.
                options.Lockout.MaxFailedAccessAttempts = 10;
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
            // Idle timeout: the ticket expires this long after it was issued and is renewed on a request after half of it.
            options.ExpireTimeSpan = settings.IdleTimeout;
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

        services.AddRateLimiter(options =>
        {
            // Only the sign-in form post is limited, per client address (after the forwarded-headers middleware, which
            // believes X-Forwarded-For from the configured proxies only).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Key(context.Connection.RemoteIpAddress), _ =>
                        new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.SignInPermitsPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // No body: the status code pages render the Chinese 429 page (ErrorDocument).
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ltc.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // The key ring lives in PostgreSQL, so that every web node reads what another protected (ADR 0001). A folder
        // may still be named for a single node that must not depend on the database for it (Ltc:DataProtectionKeysPath).
        var dataProtection = services.AddDataProtection().SetApplicationName("LtcInsurance");
        if (configuration["Ltc:DataProtectionKeysPath"] is { Length: > 0 } keysDirectory)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysDirectory));
        else
            dataProtection.PersistKeysToDbContext<LtcInsurance.Infrastructure.Persistence.KeyRingDbContext>();

        return services;
    }

    /// <summary>Before routing or anywhere after it: limits the sign-in form posts (<see cref="AddLtcSecurity"/>).</summary>
    public static WebApplication UseLtcSignInThrottling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && string.Equals(context.Request.Path.Value?.TrimEnd('/'), "/account/login", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
