using LtcInsurance.Application.Assessment.DownloadConclusionLetter;
using LtcInsurance.Application.Assessment.DownloadNotice;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;
using LtcInsurance.Web.Exports;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Assessment;

/// <summary>
/// The assessment path's non-page endpoints: the conclusion letter (结论书) of a concluded application as a PDF, for the
/// clerk, the assessor and the admin of the application's city (another city's application is as unknown as a missing one).
/// </summary>
public static class AssessmentEndpoints
{
    public const string LetterAccess = Roles.Clerk + "," + Roles.Assessor + "," + Roles.Admin;

    public static string ConclusionLetterUrl(Guid applicationId) => $"/assessments/applications/{applicationId}/conclusion-letter.pdf";

    /// <summary>The print queue's notices (受理/不予受理/补正通知书, 结论书): clerks and admins.</summary>
    public const string NoticeAccess = Roles.Clerk + "," + Roles.Admin;

    public static string NoticeUrl(Guid applicationId, string kind) => $"/assessments/applications/{applicationId}/notices/{kind}.pdf";

    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessments/applications/{id:guid}/conclusion-letter.pdf", ConclusionLetterAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = LetterAccess });
        endpoints.MapGet("/assessments/applications/{id:guid}/notices/{kind}.pdf", NoticeAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = NoticeAccess });
        return endpoints;
    }

    private static Task<IResult> ConclusionLetterAsync(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        PdfAsync(() => sender.Send(new DownloadConclusionLetterQuery(id), cancellationToken), context);

    private static Task<IResult> NoticeAsync(Guid id, string kind, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        PdfAsync(() => sender.Send(new DownloadNoticeQuery(id, kind), cancellationToken), context);

    private static async Task<IResult> PdfAsync(Func<Task<DocumentFile>> render, HttpContext context)
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
        catch (BusinessRuleViolationException refused) when (refused.Code == AssessmentCodes.ApplicationNotFound)
        {
            return Results.NotFound();
        }
        catch (BusinessRuleViolationException refused)
        {
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: "不能出具该文书", type: refused.Code);
        }
        catch (NoticeFontMissingException missing)
        {
            return Results.Problem(missing.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "不能生成 PDF");
        }
    }
}
