using System.Globalization;
using LtcInsurance.Application.Auditing;
using LtcInsurance.Application.Auditing.ExportAuditEvents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Auditing;

/// <summary>The audit trail's download (auditors only), with the page's filters as query values.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/audit").RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.Audit })
            .MapGet("/export.{format}", ExportAsync);
        return endpoints;
    }

    private static Task<IResult> ExportAsync(string format, string? user, string? action, string? kind, string? entity, string? from,
        string? to, ISender sender, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        tenant.TenantId is null
            ? Task.FromResult(Results.NotFound())
            : ExportResults.FileAsync(format, async f => await sender.Send(
                new ExportAuditEventsQuery(AuditText.Filter(user, action, kind, entity, AuditText.Day(from), AuditText.Day(to)), f),
                cancellationToken));
}

/// <summary>The page's and the download's shared reading of the filter.</summary>
public static class AuditText
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// The filter from the page's fields: the entity field takes <c>Type:id</c>, a bare id, or a bare type (a word with no
    /// digits, e.g. <c>Claim</c>). Blank fields are not filters.
    /// </summary>
    public static AuditEventFilter Filter(string? user, string? action, string? kind, string? entity, DateOnly? from, DateOnly? to)
    {
        string? entityType = null, entityId = null;
        var e = entity?.Trim();
        if (!string.IsNullOrEmpty(e))
        {
            var colon = e.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                (entityType, entityId) = (e[..colon].Trim(), e[(colon + 1)..].Trim() is { Length: > 0 } id ? id : null);
            else if (e.All(char.IsAsciiLetter))
                entityType = e;
            else
                entityId = e;
        }

        return new AuditEventFilter(Blank(user), Blank(action), from, to, Blank(kind), entityType, entityId);
    }

    public static string ExportUrl(string format, AuditEventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entity = filter.EntityType is { } t ? t + (filter.EntityId is { } i ? ":" + i : "") : filter.EntityId;
        var values = new (string Name, string? Value)[]
        {
            ("user", filter.User), ("action", filter.Action), ("kind", filter.Kind), ("entity", entity),
            ("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Name + "=" + Uri.EscapeDataString(v.Value!)));
        return $"/audit/export.{format}" + (query.Length > 0 ? "?" + query : "");
    }

    /// <summary>A day <c>yyyy-MM-dd</c>; null for anything else (the download then has no bound there).</summary>
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Time(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
