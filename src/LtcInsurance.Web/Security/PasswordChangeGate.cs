using LtcInsurance.Application.Accounts;

namespace LtcInsurance.Web.Security;

/// <summary>
/// A user signed in with a one-time password (<see cref="AccountClaimTypes.MustChangePassword"/>) reaches only
/// 修改密码 and sign-out until they set their own: a page request is redirected there, anything else (the API, a
/// circuit, a form post) is refused with 403. Static files stay reachable so the page renders.
/// </summary>
public static class PasswordChangeGate
{
    public const string PagePath = "/account/password";

    public static IApplicationBuilder UseLtcPasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.User.HasClaim(c => c.Type == AccountClaimTypes.MustChangePassword) || IsOpen(context.Request.Path))
            {
                await next();
                return;
            }
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect(PagePath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
                return;
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        });

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments(PagePath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account/logout", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || Path.HasExtension(path.Value); // css, js, fonts, favicon
}
