using LtcInsurance.Application.Claims.DownloadBenefitStatement;
using LtcInsurance.Application.Claims.DownloadProviderStatement;
using LtcInsurance.Application.Claims.GetClaimTemplate;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Web.Exports;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Settlements;

/// <summary>
/// The claims' files for the portal: the upload template (csv, xlsx), a claim's provider statement (结算单, pdf or
/// xlsx: an institution only its own, another's is a 404; clerks, admins and auditors any of their city's) and a
/// beneficiary's benefit statement (待遇结算明细, pdf, for the bureau).
/// </summary>
public static class ClaimFileEndpoints
{
    public const string TemplateAccess = Roles.Institution + "," + Roles.Clerk + "," + Roles.Admin;
    public const string StatementAccess = Roles.Institution + "," + Roles.Clerk + "," + Roles.Admin + "," + Roles.Auditor;
    public const string BenefitStatementAccess = Roles.Clerk + "," + Roles.Admin + "," + Roles.Auditor;

    public static string TemplateUrl(string format) => $"/claims/template.{format}";

    public static string StatementUrl(Guid claimId, string format) => $"/claims/{claimId}/statement.{format}";

    public static string BenefitStatementUrl(Guid personId, string month) => $"/claims/benefit-statements/{personId}/{month}.pdf";

    public static IEndpointRouteBuilder MapClaimFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/claims/template.{format}", (string format, ISender sender, CancellationToken ct) =>
                ExportResults.FileAsync(format, async f => await sender.Send(new GetClaimTemplateQuery(f), ct)))
            .RequireAuthorization(new AuthorizeAttribute { Roles = TemplateAccess });
        endpoints.MapGet("/claims/{id:guid}/statement.{format}", (Guid id, string format, ISender sender, HttpContext context, CancellationToken ct) =>
                format is "pdf" or "xlsx"
                    ? DocumentAsync(() => sender.Send(new DownloadProviderStatementQuery(id, format), ct), context)
                    : Task.FromResult(Results.NotFound()))
            .RequireAuthorization(new AuthorizeAttribute { Roles = StatementAccess });
        endpoints.MapGet("/claims/benefit-statements/{personId:guid}/{month}.pdf", (Guid personId, string month, ISender sender, HttpContext context, CancellationToken ct) =>
                DocumentAsync(() => sender.Send(new DownloadBenefitStatementQuery(personId, month), ct), context))
            .RequireAuthorization(new AuthorizeAttribute { Roles = BenefitStatementAccess });
        return endpoints;
    }

    private static async Task<IResult> DocumentAsync(Func<Task<DocumentFile>> render, HttpContext context)
    {
        try
        {
            var file = await render();
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return new ExportResults.Download(file.Content, file.ContentType, file.FileName);
        }
        catch (ForbiddenAccessException)
        {
            return Results.Forbid();
        }
        catch (RequestValidationException invalid)
        {
            return Results.ValidationProblem(invalid.ByProperty(), detail: invalid.Message);
        }
        catch (BusinessRuleViolationException refused) when (refused.Code is ClaimCodes.NotFound or ClaimCodes.ProviderNotFound or "person_not_found")
        {
            return Results.NotFound();
        }
        catch (BusinessRuleViolationException refused)
        {
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: "不能出具结算单", type: refused.Code);
        }
        catch (NoticeFontMissingException missing)
        {
            return Results.Problem(missing.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "不能生成 PDF");
        }
    }
}
