using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.GetJournalEntry;

/// <summary>
/// An entry as read back from the books (unchecked: verification judges it), the entry that reverses it if any, and
/// the names of the accounts its postings name.
/// </summary>
public sealed record JournalEntryDetail(JournalEntry Entry, EntrySequence? ReversedBy, IReadOnlyDictionary<string, string> AccountNames);

/// <summary>One entry of the current tenant's books, or null: another city's entry simply is not there.</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetJournalEntryQuery(EntrySequence Sequence) : IRequest<JournalEntryDetail?>;
