using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Application.Ledger.ExportJournal;

/// <summary>
/// The journal under the same filters as the page (all matching entries, not one page), oldest first, one posting a
/// row: 序时账[_筛选]. With a <see cref="Target"/> the rows are streamed there as the database sends them.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ExportJournalQuery(JournalEntryFilter Filter, ExportFormat Format, IExportTarget? Target = null)
    : IRequest<ExportedFile>;
