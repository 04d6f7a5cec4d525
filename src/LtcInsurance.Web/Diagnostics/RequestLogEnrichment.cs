using LtcInsurance.Application.Tenancy;
using Serilog.AspNetCore;

namespace LtcInsurance.Web.Diagnostics;

/// <summary>
/// Every request's log line says who made it and for which city (issue #16, accountability): the signed-in user's
/// name ("-" when anonymous) and the tenant the request acted for ("-" when none), as properties and in the message.
/// </summary>
public static class RequestLogEnrichment
{
    public const string MessageTemplate =
        "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms for {UserName} in tenant {TenantId}";

    public static void Configure(RequestLoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MessageTemplate = MessageTemplate;
        options.EnrichDiagnosticContext = (diagnostics, http) =>
        {
            diagnostics.Set("UserName", UserName(http));
            diagnostics.Set("TenantId", TenantId(http));
        };
    }

    public static string UserName(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "-";
    }

    public static string TenantId(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.Identity?.IsAuthenticated != true)
            return "-";
        try
        {
            return http.RequestServices.GetService<ICurrentTenant>()?.TenantId ?? "-";
        }
        catch (ObjectDisposedException)
        {
            // The request's services are gone (the response was aborted): the line is still written, without a tenant.
            return "-";
        }
    }
}
