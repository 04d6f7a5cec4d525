using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Calendar.ImportCalendarYear;

/// <summary>
/// The city's admin loads a year's list of holidays and make-up working days (as the State Council publishes it each
/// year) from CSV text, replacing that year's calendar: days in the list are set, days of that year not in it are
/// removed. One line per day, <c>日期,类型,名称</c> (header optional), e.g. <c>2026-10-01,放假,国庆节</c> or
/// <c>2026-09-27,上班,国庆节调休</c>. Any bad line refuses the whole list (every problem listed with its line), nothing
/// changed. Every change is recorded.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ImportCalendarYearCommand(int? Year, string? Csv) : IRequest<ImportCalendarYearResult>;

/// <summary>What the import did: days set as holidays, as make-up working days, and days removed.</summary>
public sealed record ImportCalendarYearResult(int Year, int Holidays, int Workdays, int Removed);
