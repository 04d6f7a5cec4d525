using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Reports.GetStatisticalReport;

/// <summary>A statistical report of the current city for a month (基金收支月报, 享受待遇人员统计表, 定点机构结算统计表).</summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record GetStatisticalReportQuery(StatisticalReport Report, int Year, int Month) : IRequest<ReportTable>;
