using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.ExportAccountStatement;

/// <summary>
/// An account's statement as a file: 明细账_{code}_{name}[_{from}至{to}]. Null when the current tenant has no such
/// account (another city's is as unknown as a mistyped one).
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ExportAccountStatementQuery(string AccountCode, ExportFormat Format, LedgerPeriod? From = null, LedgerPeriod? To = null)
    : IRequest<ExportedFile?>;
