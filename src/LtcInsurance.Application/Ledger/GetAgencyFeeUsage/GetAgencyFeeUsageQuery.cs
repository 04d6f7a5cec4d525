using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.GetAgencyFeeUsage;

/// <summary>The year measured, and its fees against the ceiling; <see cref="Usage"/> is null where the city's policy sets no ceiling.</summary>
public sealed record AgencyFeeReport(int Year, AgencyFeeUsage? Usage);

/// <summary>
/// The year's agency fees against the current tenant's ceiling (JN 六, YL 三(六)); funding is the year's contribution
/// income, fees are the year's debits to 经办服务费支出 and 失能评估费支出. The ceiling is the city's policy parameter in
/// force at the end of the year, the day the year's fees are measured; only Jining and Yulin declare one. Without a
/// year, the year of the newest entry.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetAgencyFeeUsageQuery(int? Year = null) : IRequest<AgencyFeeReport>;
