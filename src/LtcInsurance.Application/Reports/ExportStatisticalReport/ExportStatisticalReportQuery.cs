using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Reports.ExportStatisticalReport;

/// <summary>A statistical report for a month as XLSX or PDF (the PDF in the notices' layout with an embedded Chinese font).</summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record ExportStatisticalReportQuery(StatisticalReport Report, int Year, int Month, ReportFormat Format) : IRequest<ReportFile>;
