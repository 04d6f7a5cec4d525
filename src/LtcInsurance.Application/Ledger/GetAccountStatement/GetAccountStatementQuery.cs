using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Application.Ledger.GetAccountStatement;

/// <summary>
/// One account's statement (明细账) between two periods (open-ended when null): opening balance, lines with a running
/// balance, closing balance. Null when the current tenant has no such account: another city's account is as unknown as
/// a mistyped code.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetAccountStatementQuery(string AccountCode, LedgerPeriod? From = null, LedgerPeriod? To = null)
    : IRequest<AccountStatement?>;
