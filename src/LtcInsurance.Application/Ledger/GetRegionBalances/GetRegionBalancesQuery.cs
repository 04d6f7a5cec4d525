using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Application.Ledger.GetRegionBalances;

/// <summary>Each region's position (city level first) and the names of the tenant's regions (code → name; empty when it has none).</summary>
public sealed record RegionBalancesReport(IReadOnlyList<RegionBalance> Regions, IReadOnlyDictionary<string, string> RegionNames);

/// <summary>The current tenant's fund balance per region (分地区基金结余), through a period (all periods when null).</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetRegionBalancesQuery(LedgerPeriod? Through = null) : IRequest<RegionBalancesReport>;
