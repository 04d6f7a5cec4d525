using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Import.WriteImportErrorReport;
using LtcInsurance.Application.Contributions.ExportArrears;
using LtcInsurance.Application.People.ExportPeople;
using LtcInsurance.Web.Components.People;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Components.Register;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LtcInsurance.Web.Register;

/// <summary>
/// The register's and billing's non-page endpoints (clerk and admin): the import upload, the job progress fragment
/// for htmx, the error report, and the exports of the people list and the arrears list.
/// </summary>
public static class RegisterEndpoints
{
    public const string CsvContentType = ExportResults.CsvContentType;
    public const string XlsxContentType = ExportResults.XlsxContentType;

    /// <summary>
    /// A city register of a few hundred thousand rows is some tens of megabytes as CSV; bigger files go through
    /// <c>ltc import register</c>, which streams from disk without an HTTP request held open.
    /// </summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapRegisterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var register = endpoints.MapGroup("")
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.Register });

        // A plain multipart form post (antiforgery token in the form): works without JavaScript, then shows the job.
        register.MapPost("/register/import", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + (64 * 1024)));
        register.MapGet("/register/import/jobs/{id:guid}/progress", (Guid id) =>
            new RazorComponentResult<ImportJobProgress>(new { JobId = id }));
        register.MapGet("/register/import/jobs/{id:guid}/errors.csv", ErrorReportAsync);
        register.MapGet("/people/export.{format}", ExportPeopleAsync);
        register.MapGet("/billing/arrears/export.{format}", ExportArrearsAsync);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync([FromForm] IFormFile? file, ISender sender,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return Problem("empty");
        if (file.Length > MaxUploadBytes)
            return Problem("too_large");
        if (RegisterFileFormats.Of(file.FileName) is null)
            return Problem("format");

        // Synchronous for now: the request returns once the job has completed (or failed). The page polls the job
        // anyway, so moving the import to a background worker later changes nothing in the UI.
        ImportJobView job;
        try
        {
            await using var stream = file.OpenReadStream();
            job = await sender.Send(new StartRegisterImportCommand(stream, file.FileName), cancellationToken);
        }
        catch (RequestValidationException refused)
        {
            // The file was checked above; what is left is the tenant: a platform admin who has not chosen a city.
            return Problem(refused.Problems.Any(p => p.Property == "Tenant") ? "no_tenant" : "format");
        }

        return Results.Redirect($"/register/import?job={job.Id}", permanent: false);
    }

    private static IResult Problem(string code) => Results.Redirect($"/register/import?problem={code}", permanent: false);

    private static async Task<IResult> ErrorReportAsync(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            var job = await sender.Send(new GetImportJobQuery(id), cancellationToken);
            if (job is null)
                return Results.NotFound();
            using var buffer = new MemoryStream();
            await sender.Send(new WriteImportErrorReportQuery(id, buffer), cancellationToken);
            return new ExportResults.Download(buffer.ToArray(), CsvContentType, $"导入错误报告_{Path.GetFileNameWithoutExtension(job.FileName)}.csv");
        }
        catch (RequestValidationException)
        {
            return Results.NotFound();
        }
        catch (ForbiddenAccessException)
        {
            return Results.Forbid();
        }
    }

    // The same search as the list on screen, all pages; ID numbers stay masked as in the list.
    private static Task<IResult> ExportPeopleAsync(string format, string? q, string? status, string? region, ISender sender,
        CancellationToken cancellationToken) =>
        ExportResults.FileAsync(format, async f => await sender.Send(
            new ExportPeopleQuery(q, f, string.IsNullOrWhiteSpace(status) ? null : status, string.IsNullOrWhiteSpace(region) ? null : region),
            cancellationToken));

    private static Task<IResult> ExportArrearsAsync(string format, string? period, ISender sender, CancellationToken cancellationToken) =>
        ExportResults.FileAsync(format, async f => await sender.Send(new ExportArrearsQuery(period, f), cancellationToken));
}
