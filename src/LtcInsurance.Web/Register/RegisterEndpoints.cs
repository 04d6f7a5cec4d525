using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Import.WriteImportChangeReport;
using LtcInsurance.Application.Import.WriteImportErrorReport;
using LtcInsurance.Application.ContributionBases;
using LtcInsurance.Application.Contributions.ExportArrears;
using LtcInsurance.Application.Jobs.GetJob;
using LtcInsurance.Application.People.ExportPeople;
using LtcInsurance.Web.Components.People;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LtcInsurance.Web.Register;

/// <summary>
/// The register's and billing's non-page endpoints (clerk and admin): the scriptless import upload, the import's error
/// report, and the exports of the people list and the arrears list.
/// </summary>
public static class RegisterEndpoints
{
    public const string CsvContentType = ExportResults.CsvContentType;
    public const string XlsxContentType = ExportResults.XlsxContentType;

    /// <summary>
    /// The largest file the import page accepts: a city register of a few hundred thousand rows is some tens of
    /// megabytes as CSV; bigger files go through <c>ltc import register</c>, which streams from disk.
    /// </summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapRegisterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var register = endpoints.MapGroup("")
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.Register });

        // The import page uploads through its circuit (the file streamed from the browser). This plain multipart post
        // (antiforgery token required) is the same import for scripts and browsers without JavaScript; it comes back
        // to the page with the job to show, or with a problem code.
        register.MapPost("/register/import", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + (64 * 1024)));
        register.MapGet("/register/import/jobs/{id:guid}/errors.csv", ErrorReportAsync);
        register.MapGet("/register/import/jobs/{id:guid}/changes.csv", ChangeReportAsync);
        register.MapGet("/register/import/template.csv", RegisterTemplate);
        register.MapGet("/register/bases/template.csv", BaseTemplate);
        register.MapGet("/register/bases/jobs/{id:guid}/errors.csv", BaseErrorReportAsync);
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

        // The file is stored with a background job and the request returns at once; the page then follows the job.
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

    private static async Task<IResult> ChangeReportAsync(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            var job = await sender.Send(new GetImportJobQuery(id), cancellationToken);
            if (job is null)
                return Results.NotFound();
            using var buffer = new MemoryStream();
            await sender.Send(new WriteImportChangeReportQuery(id, buffer), cancellationToken);
            return new ExportResults.Download(buffer.ToArray(), CsvContentType, $"导入变更报告_{Path.GetFileNameWithoutExtension(job.FileName)}.csv");
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

    /// <summary>The register file's header: the register's columns, then the optional base columns (UTF-8 with BOM).</summary>
    private static IResult RegisterTemplate() =>
        new ExportResults.Download(System.Text.Encoding.UTF8.GetBytes(
                "\uFEFF" + string.Join(',', Domain.Enrollment.RegisterColumns.All.Concat(RegisterBaseColumns.All)) + "\r\n"),
            CsvContentType, "参保登记导入模板.csv");

    private static IResult BaseTemplate() =>
        new ExportResults.Download(System.Text.Encoding.UTF8.GetBytes(BaseFileColumns.TemplateCsv()), CsvContentType, "缴费基数导入模板.csv");

    private static async Task<IResult> BaseErrorReportAsync(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            var job = await sender.Send(new GetJobQuery(id), cancellationToken);
            if (job is null || BaseImportResult.Read(job) is not { } result)
                return Results.NotFound();
            return new ExportResults.Download(System.Text.Encoding.UTF8.GetBytes(result.ErrorReportCsv()), CsvContentType,
                $"缴费基数导入错误报告_{Path.GetFileNameWithoutExtension(result.FileName)}.csv");
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
    // Streamed into the response as the database sends the rows (a million people: memory flat, first byte at once).
    private static Task<IResult> ExportPeopleAsync(string format, string? q, string? status, string? region, ISender sender,
        HttpContext httpContext, CancellationToken cancellationToken) =>
        ExportResults.StreamAsync(format, httpContext, async (f, target) => await sender.Send(
            new ExportPeopleQuery(q, f, string.IsNullOrWhiteSpace(status) ? null : status, string.IsNullOrWhiteSpace(region) ? null : region,
                target),
            cancellationToken));

    private static Task<IResult> ExportArrearsAsync(string format, string? period, ISender sender, CancellationToken cancellationToken) =>
        ExportResults.FileAsync(format, async f => await sender.Send(new ExportArrearsQuery(period, f), cancellationToken));
}
