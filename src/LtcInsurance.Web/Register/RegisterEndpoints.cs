using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions.ListArrears;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Import.GetImportJob;
using LtcInsurance.Application.Import.StartRegisterImport;
using LtcInsurance.Application.Import.WriteImportErrorReport;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
using LtcInsurance.Web.Components.People;
using LtcInsurance.Web.Components.Register;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace LtcInsurance.Web.Register;

/// <summary>
/// The register's and billing's non-page endpoints (clerk and admin): the import upload, the job progress fragment
/// for htmx, the error report, and the exports of the people list and the arrears list.
/// </summary>
public static class RegisterEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A city register of a few hundred thousand rows is some tens of megabytes as CSV; bigger files go through
    /// <c>ltc import register</c>, which streams from disk without an HTTP request held open.
    /// </summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    private static readonly string[] PeopleHeader = ["姓名/name", "身份证号码(脱敏)/ID number (masked)", "性别/sex", "出生日期/birth date", "所在地区/region", "医保类型/insurance"];

    private static readonly string[] ArrearsHeader = ["姓名/name", "期间/period", "个人应缴/individual due", "已缴/paid", "欠费/outstanding"];

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
            return new DownloadFile(buffer.ToArray(), CsvContentType, $"导入错误报告_{Path.GetFileNameWithoutExtension(job.FileName)}.csv");
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

    private static async Task<IResult> ExportPeopleAsync(string format, string? q,
        Application.Common.Messaging.ISender sender, CancellationToken cancellationToken)
    {
        if (!IsKnownFormat(format))
            return Results.NotFound();
        // The same search as the list on screen, all pages; ID numbers stay masked as in the list.
        IReadOnlyList<Application.People.PersonSummary> people;
        try
        {
            people = await sender.Send(new Application.People.ExportPeople.ExportPeopleQuery(q), cancellationToken);
        }
        catch (Application.Common.Validation.RequestValidationException refused)
        {
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = people.Select(p => new object[]
        {
            p.Name, p.MaskedIdNumber, p.Sex == Domain.Enrollment.Sex.Male ? "男" : "女",
            p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.RegionCode,
            p.MedicalInsurance == Domain.Enrollment.MedicalInsuranceScheme.Employee ? "职工" : "居民",
        });
        return await FileAsync(format, "参保人员", "参保人员", PeopleHeader, rows);
    }

    private static async Task<IResult> ExportArrearsAsync(string format, string? period, ISender sender,
        CancellationToken cancellationToken)
    {
        if (!IsKnownFormat(format))
            return Results.NotFound();
        var selected = string.IsNullOrWhiteSpace(period) ? null : period.Trim();
        var arrears = new List<Arrear>();
        const int batch = 1000;
        while (true)
        {
            var page = await sender.Send(new ListArrearsQuery(selected, arrears.Count, batch), cancellationToken);
            arrears.AddRange(page.Items);
            if (page.Items.Count < batch || arrears.Count >= page.Total)
                break;
        }
        var rows = arrears.Select(a => new object[] { a.Name, a.Period, a.IndividualDue, a.Paid, a.Outstanding });
        return await FileAsync(format, "欠费名单" + (selected is null ? "" : "_" + selected), "欠费名单", ArrearsHeader, rows);
    }

    private static bool IsKnownFormat(string format) => format is "csv" or "xlsx";

    private static async Task<IResult> FileAsync(string format, string baseName, string sheetName, string[] header, IEnumerable<object[]> rows)
    {
        using var buffer = new MemoryStream();
        if (format == "csv")
            await LedgerExport.WriteCsvAsync(header, rows, buffer);
        else
            LedgerExport.WriteXlsx(sheetName, header, rows, buffer);
        return new DownloadFile(buffer.ToArray(), format == "csv" ? CsvContentType : XlsxContentType, $"{baseName}.{format}");
    }

    /// <summary>A download with the Chinese name as filename* (RFC 5987) and an ASCII stand-in for old clients.</summary>
    private sealed class DownloadFile(byte[] content, string contentType, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = content.Length;
            httpContext.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
            await httpContext.Response.Body.WriteAsync(content);
        }
    }
}
