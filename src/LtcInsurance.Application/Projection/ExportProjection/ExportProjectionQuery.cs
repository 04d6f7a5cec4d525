using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Projection.ProjectFund;
using LtcInsurance.Application.Reports;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Projection.ExportProjection;

/// <summary>The projection's table and its assumptions as XLSX or CSV, for an actuary.</summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record ExportProjectionQuery(ProjectFundQuery Projection, ReportFormat Format) : IRequest<ReportFile>;
