using LtcInsurance.Domain.Ledger.Records;
using System.Globalization;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;
using LtcInsurance.Infrastructure.Ledger;
using LtcInsurance.Infrastructure.Persistence;
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

    private static async Task<IResult> ExportTrialBalanceAsync(string format, string? through, ILedgerReports reports,
        CancellationToken cancellationToken)
    {
        if (!IsKnownFormat(format))
            return Results.NotFound();
        var period = LedgerText.ParsePeriod(through);
        var tb = await reports.TrialBalanceAsync(period, cancellationToken);
        var name = "试算平衡表" + (period is null ? "" : "_" + period);
        return await FileAsync(format, name,
            stream => LedgerExport.WriteTrialBalanceCsvAsync(tb, stream),
            stream => LedgerExport.WriteTrialBalanceXlsx(tb, stream));
    }

    private static async Task<IResult> ExportStatementAsync(string code, string format, string? from, string? to,
        ILedgerReports reports, CancellationToken cancellationToken)
    {
        if (!IsKnownFormat(format))
            return Results.NotFound();
        AccountStatement statement;
        try
        {
            statement = await reports.AccountStatementAsync(code, LedgerText.ParsePeriod(from), LedgerText.ParsePeriod(to), cancellationToken);
        }
        catch (LedgerRuleException e) when (e.Rule == LedgerRules.UnknownAccount)
        {
            // Another city's account is as unknown as a mistyped one.
            return Results.NotFound();
        }
        var name = $"明细账_{statement.Account.Code}_{statement.Account.Name}"
                   + (statement.From is null && statement.To is null ? "" : $"_{statement.From?.ToString() ?? "起"}至{statement.To?.ToString() ?? "今"}");
        return await FileAsync(format, name,
            stream => LedgerExport.WriteStatementCsvAsync(statement, stream),
            stream => LedgerExport.WriteStatementXlsx(statement, stream));
    }

    /// <summary>The journal under the same filters as the page (all matching entries, not one page), oldest first.</summary>
    private static async Task<IResult> ExportJournalAsync(string format, string? from, string? to, string? period, string? account,
        string? source, string? q, LtcDbContext db, ILedgerReports reports, CancellationToken cancellationToken)
    {
        if (!IsKnownFormat(format))
            return Results.NotFound();
        var filter = new JournalFilter(from, to, period, account, source, q);
        var entries = await LedgerReports.EntriesOfAsync(filter.Apply(db.Set<JournalEntryRecord>()), cancellationToken);
        var names = (await reports.AccountsAsync(cancellationToken)).ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var query = filter.ToQueryString();
        var name = "序时账" + (query.Length == 0 ? "" : "_筛选");
        return await FileAsync(format, name,
            stream => LedgerExport.WriteJournalCsvAsync(entries, names, stream),
            stream => LedgerExport.WriteJournalXlsx(entries, names, stream));
    }

    private static async Task<IResult> ExportIncomeAsync(string format, int? year, ILedgerReports reports, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!IsKnownFormat(format))
            return Results.NotFound();
        // The page's default: the year of the newest entry.
        var y = year is >= 1900 and <= 9999 ? year.Value
            : (await reports.EntriesAsync(0, 1, cancellationToken)) is [var newest] ? newest.Period.Year : clock.GetUtcNow().Year;
        var months = await reports.IncomeAndExpenditureAsync(y, byMonth: true, cancellationToken);
        var total = (await reports.IncomeAndExpenditureAsync(y, byMonth: false, cancellationToken))[0];
        return await FileAsync(format, $"收支情况表_{y.ToString(CultureInfo.InvariantCulture)}",
            stream => LedgerExport.WriteIncomeAndExpenditureCsvAsync(months, total, stream),
            stream => LedgerExport.WriteIncomeAndExpenditureXlsx(months, total, stream));
    }

    private static async Task<IResult> ExportRegionsAsync(string format, string? through, ILedgerReports reports,
        ICurrentTenant currentTenant, CancellationToken cancellationToken)
    {
        if (!IsKnownFormat(format) || currentTenant.TenantId is not { } tenant)
            return Results.NotFound();
        var period = LedgerText.ParsePeriod(through);
        var regions = await reports.RegionBalancesAsync(period, cancellationToken);
        var names = StandardChart.DefaultRegions(tenant) ?? new Dictionary<string, string>();
        return await FileAsync(format, "分地区基金结余" + (period is null ? "" : "_" + period),
            stream => LedgerExport.WriteRegionBalancesCsvAsync(regions, names, stream),
            stream => LedgerExport.WriteRegionBalancesXlsx(regions, names, stream));
    }

    private static bool IsKnownFormat(string format) => format is "csv" or "xlsx";

    private static async Task<IResult> FileAsync(string format, string baseName, Func<Stream, Task> writeCsv, Action<Stream> writeXlsx)
    {
        using var buffer = new MemoryStream();
        if (format == "csv")
            await writeCsv(buffer);
        else
            writeXlsx(buffer);
        return new LedgerFile(buffer.ToArray(), format == "csv" ? CsvContentType : XlsxContentType, $"{baseName}.{format}");
    }

    /// <summary>
    /// A download whose Content-Disposition carries the Chinese name as filename* (RFC 5987, UTF-8) and an ASCII
    /// stand-in as filename for old clients.
    /// </summary>
    private sealed class LedgerFile(byte[] content, string contentType, string fileName) : IResult
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
