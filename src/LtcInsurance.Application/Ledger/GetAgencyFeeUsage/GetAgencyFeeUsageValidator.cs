using FluentValidation;

namespace LtcInsurance.Application.Ledger.GetAgencyFeeUsage;

internal sealed class GetAgencyFeeUsageValidator : AbstractValidator<GetAgencyFeeUsageQuery>
{
    public GetAgencyFeeUsageValidator() =>
        RuleFor(q => q.Year).InclusiveBetween(LedgerYears.First, LedgerYears.Last).WithMessage(LedgerYears.Message);
}
