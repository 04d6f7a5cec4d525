using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.ExportRegionBalances;

/// <summary>Each region's fund balance and the city's total as a file: 分地区基金结余[_yyyy-MM].</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ExportRegionBalancesQuery(ExportFormat Format, LedgerPeriod? Through = null) : IRequest<ExportedFile>;
