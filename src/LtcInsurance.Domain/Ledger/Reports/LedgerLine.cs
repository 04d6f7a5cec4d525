namespace LtcInsurance.Domain.Ledger.Reports;

/// <summary>One posting with the entry facts reports need; what a report query reads from the books.</summary>
public sealed record LedgerLine(long Sequence, DateOnly BusinessDate, LedgerPeriod Period, string Description,
    SourceDocumentType SourceType, string AccountCode, Side Side, decimal Amount)
{
    public decimal SignedAmount => Side == Side.Debit ? Amount : -Amount;

    public static IEnumerable<LedgerLine> From(IEnumerable<JournalEntry> entries) =>
        entries.SelectMany(e => e.Postings.Select(p =>
            new LedgerLine(e.Sequence, e.BusinessDate, e.Period, e.Description, e.SourceType, p.AccountCode, p.Side, p.Amount)));
}
