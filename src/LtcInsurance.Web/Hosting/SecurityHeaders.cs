namespace LtcInsurance.Web.Hosting;

/// <summary>
/// The response headers every answer carries: pages, static files, fragments, downloads, error pages and /api
/// problems alike. They are written when the response starts (<see cref="HttpResponse.OnStarting(Func{Task})"/>),
/// so the exception handler, which clears the headers of a failed response before writing its own, cannot drop
/// them; they replace any value set earlier (antiforgery's weaker <c>X-Frame-Options: SAMEORIGIN</c>, for one).
/// Installed by <see cref="SecurityHeadersStartupFilter"/> ahead of the whole pipeline, so that even the framework's
/// host filtering (400 for an unlisted Host) answers with them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Fits the Blazor interactive-server UI with MudBlazor: only script files from this host (<c>blazor.web.js</c>,
    /// <c>MudBlazor.min.js</c>; no <c>unsafe-eval</c>), MudBlazor writes inline styles (<c>style-src 'unsafe-inline'</c>),
    /// the circuit is a WebSocket to this host (<c>connect-src ws: wss:</c>). No inline script is allowed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "object-src 'none'";

    /// <summary>
    /// The API reference page (<c>/scalar</c>, Scalar) only: its script files from this host plus its one inline start-up
    /// script, admitted by the nonce Scalar generates for each response (never <c>unsafe-inline</c> for scripts); its web
    /// workers from this host or blob URLs; no font or script CDN (default fonts are off). Everything else as
    /// <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    public static string ReferencePageContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "worker-src 'self' blob:; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "object-src 'none'";

    /// <summary>No browser feature the application has no use for.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>One year, this host only (the city's other sites under the same domain are not ours to pin).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>The fixed headers, name and value, written on every response.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Always { get; } =
    [
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
        new("Referrer-Policy", "strict-origin-when-cross-origin"),
        new("Permissions-Policy", PermissionsPolicy),
        new("Cross-Origin-Opener-Policy", "same-origin"),
    ];

    /// <summary>
    /// Adds the headers when the response starts. HSTS only over TLS (the request's scheme after the forwarded
    /// headers) and never in Development, where a browser must not learn to refuse http://localhost.
    /// </summary>
    public static IApplicationBuilder UseLtcSecurityHeaders(this IApplicationBuilder app, bool strictTransportSecurity)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Write(context, strictTransportSecurity);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    internal static void Write(HttpContext context, bool strictTransportSecurity)
    {
        var headers = context.Response.Headers;
        foreach (var (name, value) in Always)
            headers[name] = value;
        // Scalar put its nonce in the items when it rendered the reference page (and only then).
        if (context.Request.Path.StartsWithSegments(Api.ApiServiceCollectionExtensions.ReferencePath, StringComparison.OrdinalIgnoreCase)
            && context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] is string { Length: > 0 } nonce)
            headers.ContentSecurityPolicy = ReferencePageContentSecurityPolicy(nonce);
        // The scheme as the forwarded headers left it: https when nginx says so (from a trusted address).
        if (strictTransportSecurity && context.Request.IsHttps)
            headers.StrictTransportSecurity = StrictTransportSecurity;
    }
}

/// <summary>Puts <see cref="SecurityHeaders"/> first, outside the framework's own startup filters.</summary>
internal sealed class SecurityHeadersStartupFilter(IWebHostEnvironment environment) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseLtcSecurityHeaders(strictTransportSecurity: !environment.IsDevelopment());
        next(app);
    };
}
