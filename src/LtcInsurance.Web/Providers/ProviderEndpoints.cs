using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Providers.ExportServiceItems;
using LtcInsurance.Application.Providers.GetCatalogueTemplate;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Providers;

/// <summary>The service catalogue's downloads: the template (header only) and the catalogue as of a day, csv or xlsx.</summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/providers/catalogue").RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.Institutions });
        group.MapGet("/template.{format}", (string format, ISender sender, CancellationToken ct) =>
            ExportResults.FileAsync(format, async f => await sender.Send(new GetCatalogueTemplateQuery(f), ct)));
        group.MapGet("/export.{format}", (string format, string? asOf, ISender sender, CancellationToken ct) =>
            ExportResults.FileAsync(format, async f => await sender.Send(new ExportServiceItemsQuery(Day(asOf), f), ct)));
        return endpoints;
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
