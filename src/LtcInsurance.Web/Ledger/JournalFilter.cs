using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Web.Components;

namespace LtcInsurance.Web.Ledger;

/// <summary>
/// The journal browser's filters as they travel in the query string: business dates from/to, or one booking
/// period; an account; a source document type; text in the description or the source reference; the entry's amount
/// from/to (yuan). Values are kept as text and parsed strictly: what does not parse is no condition.
/// </summary>
public sealed record JournalFilter(string? From, string? To, string? Period, string? Account, string? Source, string? Q,
    string? Min = null, string? Max = null)
{
    public static JournalFilter None { get; } = new(null, null, null, null, null, null);

    public DateOnly? FromDate => LedgerText.ParseDate(From);
    public DateOnly? ToDate => LedgerText.ParseDate(To);
    public LedgerPeriod? BookedIn => LedgerText.ParsePeriod(Period);

    public SourceDocumentType? SourceType =>
        Enum.TryParse<SourceDocumentType>(Source, ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(Source, out _)
            ? type
            : null;

    public string? Text => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
    public string? AccountCode => string.IsNullOrWhiteSpace(Account) ? null : Account.Trim();
    public decimal? MinAmount => QueryValues.Amount(Min);
    public decimal? MaxAmount => QueryValues.Amount(Max);

    /// <summary>The filters as the journal's use cases take them (what does not parse is no condition).</summary>
    public JournalEntryFilter ToQuery() => new(FromDate, ToDate, BookedIn, AccountCode, SourceType, Text, MinAmount, MaxAmount);

    /// <summary>The filters (and optionally the grid's page, order) as a query string, without the leading '?'.</summary>
    public string ToQueryString(int? page = null, string? sort = null, string? dir = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
        Add("from", From);
        Add("to", To);
        Add("period", Period);
        Add("account", Account);
        Add("source", Source);
        Add("q", Q);
        Add("min", Min);
        Add("max", Max);
        if (page is { } p and > 1)
            parts.Add("page=" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("sort", sort);
        Add("dir", dir);
        return string.Join('&', parts);
    }
}
