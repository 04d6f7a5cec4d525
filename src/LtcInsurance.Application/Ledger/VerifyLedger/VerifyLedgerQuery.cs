using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.VerifyLedger;

/// <summary>
/// Recomputes the current tenant's hash chain and balances (the auditor's overview and <c>ltc ledger verify</c>): the
/// first entry that does not match, or the chain's totals and head when it is intact.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record VerifyLedgerQuery : IRequest<VerificationResult>;
