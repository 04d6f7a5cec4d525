using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger.Reports;

namespace LtcInsurance.Application.Ledger.GetIncomeAndExpenditure;

/// <summary>A year's income and expenditure (收支情况表): the year asked for, each month and the year's total.</summary>
public sealed record IncomeAndExpenditureReport(int Year, IReadOnlyList<IncomeAndExpenditureRow> Months, IncomeAndExpenditureRow Total);

/// <summary>
/// Income and expenditure of a year of the current tenant's books; without a year, the year of the newest entry (the
/// books' own current year). Year-end closing entries are left out.
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetIncomeAndExpenditureQuery(int? Year = null) : IRequest<IncomeAndExpenditureReport>;
