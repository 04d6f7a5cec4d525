using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Common.Export;
using LtcInsurance.Application.Ledger.Export;

namespace LtcInsurance.Application.Ledger.ExportIncomeAndExpenditure;

/// <summary>A year's income and expenditure, month by month and the year's total, as a file: 收支情况表_{year}. Without a year, the page's default.</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ExportIncomeAndExpenditureQuery(ExportFormat Format, int? Year = null) : IRequest<ExportedFile>;
