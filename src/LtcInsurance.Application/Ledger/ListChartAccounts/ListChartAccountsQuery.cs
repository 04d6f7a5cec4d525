using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Application.Ledger.ListChartAccounts;

/// <summary>An account of the current tenant's chart, and whether anything has been posted to it.</summary>
public sealed record ChartAccountView(string Code, string Name, AccountType Type, string? RegionCode, bool HasPostings);

/// <summary>The current tenant's chart of accounts, ordered by code: the admin's chart page, the journal's account filter.</summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record ListChartAccountsQuery : IRequest<IReadOnlyList<ChartAccountView>>;
