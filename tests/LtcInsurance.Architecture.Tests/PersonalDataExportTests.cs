using System.Reflection;
using LtcInsurance.Application.Common.Auditing;
using LtcInsurance.Application.Common.Messaging;

namespace LtcInsurance.Architecture.Tests;

/// <summary>
/// Issue #16 item 4: exports of personal data are on record (who, what, how many rows). Every use case that hands out
/// a file — a request named <c>Export…</c>, <c>Download…</c>, <c>Write…Report</c> or <c>Get…Template</c> — is either
/// listed here as carrying personal data, and then its handler takes <see cref="IAuditTrail"/> (to call
/// <c>Exported</c>; the calls themselves are proved by <c>ExportRecordTests</c> and <c>AuditTrailTests</c>), or listed
/// as carrying none, with the reason. A new export fails this test until someone decides which it is.
/// </summary>
public sealed class PersonalDataExportTests
{
    private static readonly Assembly Application = typeof(ISender).Assembly;

    /// <summary>Files with names, ID numbers, addresses, claims or documents of people.</summary>
    private static readonly string[] Personal =
    [
        "ExportPeopleQuery", "ExportArrearsQuery", "ExportCollectionErrorsQuery", "ExportAuditEventsQuery",
        "WriteImportErrorReportQuery", "WriteImportChangeReportQuery", "DownloadBenefitStatementQuery",
        "DownloadProviderStatementQuery", "DownloadAttachmentQuery", "DownloadConclusionLetterQuery", "DownloadNoticeQuery",
        "ExportFlagsQuery",
    ];

    /// <summary>Files without personal data, and why.</summary>
    private static readonly Dictionary<string, string> NotPersonal = new(StringComparer.Ordinal)
    {
        ["ExportReceivablesQuery"] = "aggregates per period, payer kind and region",
        ["ExportIncomeAndExpenditureQuery"] = "fund statement: account totals",
        ["ExportTrialBalanceQuery"] = "account balances",
        ["ExportRegionBalancesQuery"] = "account balances per region",
        ["ExportJournalQuery"] = "journal entries name source documents (bill, claim, batch ids), not people",
        ["ExportAccountStatementQuery"] = "one account's entries: amounts and source document ids",
        ["ExportStatisticalReportQuery"] = "statistical report: counts and sums",
        ["ExportCityFigureQuery"] = "city-level figures",
        ["ExportProjectionQuery"] = "fund projection from aggregate assumptions",
        ["ExportServiceItemsQuery"] = "the service catalogue: items and prices",
        ["GetClaimTemplateQuery"] = "an empty claim file template",
        ["GetCatalogueTemplateQuery"] = "an empty catalogue file template",
    };

    private static readonly IReadOnlyList<Type> FileRequests = Application.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .Where(t => t.Name.StartsWith("Export", StringComparison.Ordinal) || t.Name.StartsWith("Download", StringComparison.Ordinal)
                    || (t.Name.StartsWith("Write", StringComparison.Ordinal) && t.Name.EndsWith("ReportQuery", StringComparison.Ordinal))
                    || (t.Name.StartsWith("Get", StringComparison.Ordinal) && t.Name.EndsWith("TemplateQuery", StringComparison.Ordinal)))
        .ToList();

    [Fact]
    public void Every_export_is_classified_as_personal_or_not()
    {
        var unclassified = FileRequests.Select(t => t.Name).Where(n => !Personal.Contains(n) && !NotPersonal.ContainsKey(n)).ToList();

        Assert.True(unclassified.Count == 0, "exports nobody classified (add them to Personal, with an audit note, or to NotPersonal with the reason): "
                                             + string.Join(", ", unclassified));
        Assert.All(Personal, name => Assert.Contains(FileRequests, t => t.Name == name));
    }

    [Fact]
    public void Every_export_of_personal_data_has_a_handler_that_writes_to_the_audit_trail()
    {
        var missing = new List<string>();
        foreach (var request in FileRequests.Where(t => Personal.Contains(t.Name)))
        {
            var response = request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
            var contract = typeof(IRequestHandler<,>).MakeGenericType(request, response);
            var handler = Application.GetTypes().Single(t => !t.IsAbstract && contract.IsAssignableFrom(t));
            if (!handler.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IAuditTrail))))
                missing.Add(handler.Name);
        }

        Assert.True(missing.Count == 0, "handlers of personal-data exports that cannot record them: " + string.Join(", ", missing));
    }
}
