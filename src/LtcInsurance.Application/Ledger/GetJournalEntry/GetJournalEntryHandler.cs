using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Domain;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Ledger.GetJournalEntry;

internal sealed class GetJournalEntryHandler(ILtcDbContext db) : IRequestHandler<GetJournalEntryQuery, JournalEntryDetail?>
{
    public async Task<JournalEntryDetail?> Handle(GetJournalEntryQuery request, CancellationToken cancellationToken)
    {
        var sequence = request.Sequence.Value;
        if (await db.EntryAsync(sequence, cancellationToken) is not { } entry)
            return null;
        var reversedBy = await db.JournalEntries.AsNoTracking()
            .Where(e => e.Reverses == sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var codes = entry.Postings.Select(p => p.AccountCode).Distinct().ToList();
        var names = await db.LedgerAccounts.AsNoTracking().Where(a => codes.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => a.Name, StringComparer.Ordinal, cancellationToken);
        return new JournalEntryDetail(entry, reversedBy is { } r ? new EntrySequence(r) : null, names);
    }
}
