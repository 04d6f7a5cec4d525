using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LtcInsurance.Web.Diagnostics;

public static class DiagnosticsExtensions
{
    /// <summary>
    /// Friendly Chinese pages for people, RFC 9457 problem+json for /api clients; neither ever shows a
    /// stack trace, in any environment (the exception is logged instead).
    /// </summary>
    public static WebApplication UseLtcErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), ui =>
        {
            ui.UseExceptionHandler("/error/500");
            ui.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    public static IEndpointRouteBuilder MapLtcDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers; no dependency is checked.
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        // Readiness: the database answers through the application's own DbContext.
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DiagnosticsServiceCollectionExtensions.ReadyTag) })
            .AllowAnonymous();

        // Re-executed after an exception or an error status, whatever the original method was, so it is not a
        // Razor component page (those only answer GET and form posts).
        endpoints.MapMethods("/error/{code:int}", ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"], ErrorPage.RenderAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
