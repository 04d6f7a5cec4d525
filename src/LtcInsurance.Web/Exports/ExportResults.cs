using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using Microsoft.Net.Http.Headers;

namespace LtcInsurance.Web.Exports;

/// <summary>Downloads of the files the export use cases write (people, arrears, ledger reports).</summary>
public static class ExportResults
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Streams the file the use case wrote: 404 for an unknown format or nothing to export (e.g. another city's account),
    /// 403 for a role the use case refuses, 400 with the Chinese reasons for an invalid request; never a 500.
    /// </summary>
    public static async Task<IResult> FileAsync(string format, Func<ExportFormat, Task<ExportedFile?>> export)
    {
        ArgumentNullException.ThrowIfNull(export);
        ExportFormat? known = format switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => null,
        };
        if (known is not { } f)
            return Results.NotFound();
        try
        {
            return await export(f) is { } file
                ? new Download(file.Content, f == ExportFormat.Csv ? CsvContentType : XlsxContentType, file.FileName)
                : Results.NotFound();
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

    /// <summary>
    /// As <see cref="FileAsync"/>, for the exports that stream (a million rows): the use case writes into the response
    /// body itself (<see cref="IExportTarget"/>), which starts only when it begins to write; a refusal before that is
    /// still a 400/403/404.
    /// </summary>
    public static async Task<IResult> StreamAsync(string format, HttpContext httpContext,
        Func<ExportFormat, IExportTarget, Task<ExportedFile?>> export)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(export);
        var target = new ResponseTarget(httpContext);
        var result = await FileAsync(format, f => export(f, target));
        return target.Started ? Results.Empty : result;
    }

    private sealed class ResponseTarget(HttpContext httpContext) : IExportTarget
    {
        public bool Started { get; private set; }

        public Stream Begin(string fileName, ExportFormat format)
        {
            Started = true;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            httpContext.Response.ContentType = format == ExportFormat.Csv ? CsvContentType : XlsxContentType;
            httpContext.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
            return httpContext.Response.Body;
        }
    }

    /// <summary>
    /// A download whose Content-Disposition carries the Chinese name as filename* (RFC 5987, UTF-8) and an ASCII
    /// stand-in as filename for old clients.
    /// </summary>
    public sealed class Download(ReadOnlyMemory<byte> content, string contentType, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = content.Length;
            httpContext.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
            await httpContext.Response.Body.WriteAsync(content);
        }
    }
}
