using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.ExportTrialBalance;

/// <summary>The trial balance (every account of the chart) as a file: 试算平衡表[_yyyy-MM].</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ExportTrialBalanceQuery(ExportFormat Format, LedgerPeriod? Through = null) : IRequest<ExportedFile>;
