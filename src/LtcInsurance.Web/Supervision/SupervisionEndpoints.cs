using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Supervision;
using LtcInsurance.Application.Supervision.ExportFlags;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Supervision;

/// <summary>The supervision queue's download: the flags matching the page's filters, csv or xlsx.</summary>
public static class SupervisionEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/supervision/export.{format}", (string format, string? rule, string? status, string? provider, ISender sender, CancellationToken ct) =>
                ExportResults.FileAsync(format, async f => await sender.Send(new ExportFlagsQuery(
                    new FlagFilter(Blank(rule), Blank(status), null, null, Blank(provider)), f), ct)))
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.Supervision });
        return endpoints;
    }

    /// <summary>The export's address for the page's filters.</summary>
    public static string ExportUrl(string format, string? rule, string? status, string? provider) =>
        $"/supervision/export.{format}?rule={Uri.EscapeDataString(rule ?? "")}&status={Uri.EscapeDataString(status ?? "")}&provider={Uri.EscapeDataString(provider ?? "")}";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
