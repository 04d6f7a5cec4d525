using FluentValidation;

namespace LtcInsurance.Application.Providers.ListSanctions;

internal sealed class ListSanctionsQueryValidator : AbstractValidator<ListSanctionsQuery>
{
    public ListSanctionsQueryValidator()
    {
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).WithMessage("页码应从 1 开始");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("每页条数应在 1 至 200 之间");
    }
}
