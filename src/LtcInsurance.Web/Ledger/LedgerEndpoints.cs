using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;
using LtcInsurance.Application.Ledger.ExportAccountStatement;
using LtcInsurance.Application.Ledger.ExportIncomeAndExpenditure;
using LtcInsurance.Application.Ledger.ExportJournal;
using LtcInsurance.Application.Ledger.ExportRegionBalances;
using LtcInsurance.Application.Ledger.ExportTrialBalance;
using LtcInsurance.Application.Tenancy;
using LtcInsurance.Web.Exports;
using LtcInsurance.Web.Components;
using LtcInsurance.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace LtcInsurance.Web.Ledger;

/// <summary>The ledger's non-page endpoints: the exports (auditor and admin only), plain GETs the pages link to with their filters.</summary>
public static class LedgerEndpoints
{
    public const string CsvContentType = ExportResults.CsvContentType;
    public const string XlsxContentType = ExportResults.XlsxContentType;

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var ledger = endpoints.MapGroup("/ledger")
            .RequireAuthorization(new AuthorizeAttribute { Roles = PageAccess.FundLedger });

        ledger.MapGet("/export/trial-balance.{format}", ExportTrialBalanceAsync);
        ledger.MapGet("/export/accounts/{code}.{format}", ExportStatementAsync);
        ledger.MapGet("/export/journal.{format}", ExportJournalAsync);
        ledger.MapGet("/export/income.{format}", ExportIncomeAsync);
        ledger.MapGet("/export/regions.{format}", ExportRegionsAsync);
        return endpoints;
    }

    private static Task<IResult> ExportTrialBalanceAsync(string format, string? through, ISender sender,
        CancellationToken cancellationToken) =>
        ExportResults.FileAsync(format, async f => await sender.Send(new ExportTrialBalanceQuery(f, LedgerText.ParsePeriod(through)), cancellationToken));

    private static Task<IResult> ExportStatementAsync(string code, string format, string? from, string? to, ISender sender,
        CancellationToken cancellationToken) =>
        // Another city's account is as unknown as a mistyped one: 404.
        ExportResults.FileAsync(format, async f => await sender.Send(
            new ExportAccountStatementQuery(code, f, LedgerText.ParsePeriod(from), LedgerText.ParsePeriod(to)), cancellationToken));

    /// <summary>The journal under the same filters as the page (all matching entries, not one page), oldest first.</summary>
    private static Task<IResult> ExportJournalAsync(string format, string? from, string? to, string? period, string? account,
        string? source, string? q, string? min, string? max, ISender sender, HttpContext httpContext,
        CancellationToken cancellationToken) =>
        // Streamed into the response as the database sends the lines (memory flat however long the journal).
        ExportResults.StreamAsync(format, httpContext, async (f, target) => await sender.Send(
            new ExportJournalQuery(new JournalFilter(from, to, period, account, source, q, min, max).ToQuery(), f, target),
            cancellationToken));

    private static Task<IResult> ExportIncomeAsync(string format, string? year, ISender sender, CancellationToken cancellationToken) =>
        // Not a year 1900…9999: the page's default, the year of the newest entry.
        ExportResults.FileAsync(format, async f => await sender.Send(
            new ExportIncomeAndExpenditureQuery(f, QueryValues.Year(year)), cancellationToken));

    private static Task<IResult> ExportRegionsAsync(string format, string? through, ISender sender, ICurrentTenant currentTenant,
        CancellationToken cancellationToken) =>
        currentTenant.TenantId is null
            ? Task.FromResult(Results.NotFound())
            : ExportResults.FileAsync(format, async f => await sender.Send(new ExportRegionBalancesQuery(f, LedgerText.ParsePeriod(through)), cancellationToken));
}
