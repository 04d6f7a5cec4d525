using LtcInsurance.Application.Attachments.DownloadAttachment;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using LtcInsurance.Web.Exports;
using Microsoft.AspNetCore.Authorization;

namespace LtcInsurance.Web.Attachments;

/// <summary>
/// Downloads of attachments (<c>/attachments/{id}</c>) for the upload component's links: the stored file with the type
/// detected at upload, as an attachment (never rendered inline), 404 for an id the user's city does not have.
/// </summary>
public static class AttachmentEndpoints
{
    public const string Access = Roles.Clerk + "," + Roles.Institution + "," + Roles.Assessor + "," + Roles.Auditor + "," + Roles.Admin;

    public static string DownloadUrl(Guid id) => $"/attachments/{id}";

    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:guid}", DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = Access });
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(Guid id, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (await sender.Send(new DownloadAttachmentQuery(id), cancellationToken) is not { } file)
                return Results.NotFound();
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
    }
}
