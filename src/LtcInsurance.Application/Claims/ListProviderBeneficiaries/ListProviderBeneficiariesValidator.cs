using FluentValidation;

namespace LtcInsurance.Application.Claims.ListProviderBeneficiaries;

internal sealed class ListProviderBeneficiariesValidator : AbstractValidator<ListProviderBeneficiariesQuery>
{
    public ListProviderBeneficiariesValidator() =>
        RuleFor(q => q.ProviderCode).Must(c => c is null || c.Trim().Length <= 32).WithMessage("机构编码不超过32个字符");
}
