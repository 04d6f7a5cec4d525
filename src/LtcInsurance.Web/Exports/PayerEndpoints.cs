using System.Text;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Contributions.ExportCollectionErrors;
using LtcInsurance.Application.Contributions.ExportReceivables;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Exports;

/// <summary>
/// The downloads of the receivables page and the collection import page (clerk and admin): the receivables (or arrears)
/// per payer and region, a collection import's row-by-row error report, and the collection file's template.
/// </summary>
public static class PayerEndpoints
{
    /// <summary>The collection file's header as the import reads it (Chinese names; 缴费日期 is optional).</summary>
    public const string CollectionTemplate = "收款凭证号,身份证号码,期间,金额,缴费日期\n";

    public static IEndpointRouteBuilder MapPayerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var billing = endpoints.MapGroup("").RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.Billing });
        billing.MapGet("/billing/receivables/export.{format}", ExportReceivablesAsync);
        billing.MapGet("/billing/collections/{id:guid}/errors.{format}", ExportErrorsAsync);
        billing.MapGet("/billing/collections/template.csv", () => new ExportResults.Download(
            Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CollectionTemplate)).ToArray(), ExportResults.CsvContentType,
            "税务征收文件模板.csv"));
        return endpoints;
    }

    private static Task<IResult> ExportReceivablesAsync(string format, string? period, bool? outstanding, ISender sender,
        CancellationToken cancellationToken) =>
        ExportResults.FileAsync(format, async f =>
            await sender.Send(new ExportReceivablesQuery(period, outstanding ?? false, f), cancellationToken));

    private static Task<IResult> ExportErrorsAsync(Guid id, string format, ISender sender, CancellationToken cancellationToken) =>
        ExportResults.FileAsync(format, async f => await sender.Send(new ExportCollectionErrorsQuery(id, f), cancellationToken));
}
