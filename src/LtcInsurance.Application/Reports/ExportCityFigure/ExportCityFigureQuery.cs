using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Reports.ExportCityFigure;

/// <summary>A dashboard figure's table as a file (XLSX or CSV), the same rows the page shows.</summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record ExportCityFigureQuery(CityFigure Figure, ReportFormat Format, int? Year = null) : IRequest<ReportFile>;
