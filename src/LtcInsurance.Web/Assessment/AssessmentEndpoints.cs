using LtcInsurance.Application.Assessment.DownloadConclusionLetter;
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

    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assessments/applications/{id:guid}/conclusion-letter.pdf", ConclusionLetterAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = LetterAccess });
        return endpoints;
    }

    private static async Task<IResult> ConclusionLetterAsync(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var file = await sender.Send(new DownloadConclusionLetterQuery(id), cancellationToken);
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
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: "不能出具结论书", type: refused.Code);
        }
        catch (NoticeFontMissingException missing)
        {
            return Results.Problem(missing.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "不能生成 PDF");
        }
    }
}
