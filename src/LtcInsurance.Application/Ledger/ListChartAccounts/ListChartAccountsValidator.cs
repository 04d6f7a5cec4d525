using FluentValidation;

namespace LtcInsurance.Application.Ledger.ListChartAccounts;

/// <summary>The query has no parameters: the tenant is the caller's.</summary>
internal sealed class ListChartAccountsValidator : AbstractValidator<ListChartAccountsQuery>;
