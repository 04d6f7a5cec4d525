using FluentValidation;

namespace LtcInsurance.Application.Ledger.GetRegionBalances;

/// <summary>Any month may be asked for (a <see cref="Domain.Ledger.LedgerPeriod"/> is always a valid one), or none.</summary>
internal sealed class GetRegionBalancesValidator : AbstractValidator<GetRegionBalancesQuery>;
