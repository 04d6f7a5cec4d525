using LtcInsurance.Domain.Ledger.Records;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Infrastructure.Ledger;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Row-level security and the tenant query filter already limit the entries to the current city.</summary>
    public IQueryable<JournalEntryRecord> Apply(IQueryable<JournalEntryRecord> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (FromDate is { } from)
            entries = entries.Where(e => e.BusinessDate >= from);
        if (ToDate is { } to)
            entries = entries.Where(e => e.BusinessDate <= to);
        if (BookedIn is { } period)
        {
            var text = period.ToString();
            entries = entries.Where(e => e.Period == text);
        }
        if (AccountCode is { } code)
            entries = entries.Where(e => e.Postings.Any(p => p.AccountCode == code));
        if (SourceType is { } type)
        {
            // Stored lower-case, as LedgerMapping writes it.
            var stored = type.ToString().ToLowerInvariant();
            entries = entries.Where(e => e.SourceType == stored);
        }
        if (Text is { } q)
        {
            var pattern = "%" + q.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            entries = entries.Where(e => EF.Functions.ILike(e.Description, pattern, @"\")
                                         || EF.Functions.ILike(e.SourceReference, pattern, @"\"));
        }
        return entries;
    }

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
