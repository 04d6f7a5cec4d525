using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Reports.GetCityFigure;

/// <summary>
/// One figure of the current city's dashboard for a year (without a year: the clock's). Figures "as of a day"
/// (beneficiaries) read the end of the year, or today in the current year; deadlines always read today.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record GetCityFigureQuery(CityFigure Figure, int? Year = null) : IRequest<ReportTable>;
