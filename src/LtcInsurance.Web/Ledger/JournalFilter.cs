using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Web.Ledger;

/// <summary>
/// The journal browser's filters as they travel in the query string: business dates from/to, or one booking
/// period; an account; a source document type; text in the description or the source reference.
/// </summary>
public sealed record JournalFilter(string? From, string? To, string? Period, string? Account, string? Source, string? Q)
{
    public DateOnly? FromDate => LedgerText.ParseDate(From);
    public DateOnly? ToDate => LedgerText.ParseDate(To);
    public LedgerPeriod? BookedIn => LedgerText.ParsePeriod(Period);

    public SourceDocumentType? SourceType =>
        Enum.TryParse<SourceDocumentType>(Source, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;

    public string? Text => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
    public string? AccountCode => string.IsNullOrWhiteSpace(Account) ? null : Account.Trim();

    /// <summary>The filters as the journal's use cases take them (what does not parse is no condition).</summary>
    public JournalEntryFilter ToQuery() => new(FromDate, ToDate, BookedIn, AccountCode, SourceType, Text);

    /// <summary>The filters and a page number as a query string (without the leading '?').</summary>
    public string ToQueryString(int? page = null)
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
        if (page is { } p)
            parts.Add("page=" + p.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }
}
