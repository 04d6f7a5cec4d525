using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Ledger.Export;
using LtcInsurance.Application.Ledger.ExportAccountStatement;
using LtcInsurance.Application.Ledger.ExportIncomeAndExpenditure;
using LtcInsurance.Application.Ledger.ExportJournal;
using LtcInsurance.Application.Ledger.ExportRegionBalances;
using LtcInsurance.Application.Ledger.ExportTrialBalance;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Web.Components.Ledger;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LtcInsurance.Web.Ledger;

/// <summary>The ledger's non-page endpoints: the journal table for htmx, and the exports (auditor and admin only).</summary>
public static class LedgerEndpoints
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var ledger = endpoints.MapGroup("/ledger")
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.FundLedger });

        ledger.MapGet("/journal/table", (string? from, string? to, string? period, string? account, string? source,
                string? q, int? page, HttpContext http) =>
            {
                // Keep the address bar on the full page, so reload and bookmarks show the same list.
                var filter = new JournalFilter(from, to, period, account, source, q);
                http.Response.Headers["HX-Replace-Url"] = "/ledger/journal?" + filter.ToQueryString(page ?? 1);
                return new RazorComponentResult<JournalTable>(new { Filter = filter, Page = page });
            });

        ledger.MapGet("/export/trial-balance.{format}", ExportTrialBalanceAsync);
        ledger.MapGet("/export/accounts/{code}.{format}", ExportStatementAsync);
        ledger.MapGet("/export/journal.{format}", ExportJournalAsync);
        ledger.MapGet("/export/income.{format}", ExportIncomeAsync);
        ledger.MapGet("/export/regions.{format}", ExportRegionsAsync);
        return endpoints;
    }

    private static Task<IResult> ExportTrialBalanceAsync(string format, string? through, ISender sender,
        CancellationToken cancellationToken) =>
        FileAsync(format, async f => await sender.Send(new ExportTrialBalanceQuery(f, LedgerText.ParsePeriod(through)), cancellationToken));

    private static Task<IResult> ExportStatementAsync(string code, string format, string? from, string? to, ISender sender,
        CancellationToken cancellationToken) =>
        // Another city's account is as unknown as a mistyped one: 404.
        FileAsync(format, async f => await sender.Send(
            new ExportAccountStatementQuery(code, f, LedgerText.ParsePeriod(from), LedgerText.ParsePeriod(to)), cancellationToken));

    /// <summary>The journal under the same filters as the page (all matching entries, not one page), oldest first.</summary>
    private static Task<IResult> ExportJournalAsync(string format, string? from, string? to, string? period, string? account,
        string? source, string? q, ISender sender, CancellationToken cancellationToken) =>
        FileAsync(format, async f => await sender.Send(
            new ExportJournalQuery(new JournalFilter(from, to, period, account, source, q).ToQuery(), f), cancellationToken));

    private static Task<IResult> ExportIncomeAsync(string format, int? year, ISender sender, CancellationToken cancellationToken) =>
        // Out of range: the page's default, the year of the newest entry.
        FileAsync(format, async f => await sender.Send(
            new ExportIncomeAndExpenditureQuery(f, year is >= 1900 and <= 9999 ? year : null), cancellationToken));

    private static Task<IResult> ExportRegionsAsync(string format, string? through, ISender sender, ICurrentTenant currentTenant,
        CancellationToken cancellationToken) =>
        currentTenant.TenantId is null
            ? Task.FromResult(Results.NotFound())
            : FileAsync(format, async f => await sender.Send(new ExportRegionBalancesQuery(f, LedgerText.ParsePeriod(through)), cancellationToken));

    /// <summary>
    /// Streams the file the use case wrote: 404 for an unknown format or an unknown (or another city's) account, 403 for
    /// a role the use case refuses, 400 with the Chinese reasons for an invalid request; never a 500.
    /// </summary>
    private static async Task<IResult> FileAsync(string format, Func<ExportFormat, Task<ExportedFile?>> export)
    {
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
                ? new LedgerFile(file.Content, f == ExportFormat.Csv ? CsvContentType : XlsxContentType, file.FileName)
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
    /// A download whose Content-Disposition carries the Chinese name as filename* (RFC 5987, UTF-8) and an ASCII
    /// stand-in as filename for old clients.
    /// </summary>
    private sealed class LedgerFile(ReadOnlyMemory<byte> content, string contentType, string fileName) : IResult
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
