using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Application.Ledger.GetTrialBalance;

/// <summary>The current tenant's trial balance (试算平衡表): every account of the chart, through a period (all periods when null).</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetTrialBalanceQuery(LedgerPeriod? Through = null) : IRequest<TrialBalance>;
