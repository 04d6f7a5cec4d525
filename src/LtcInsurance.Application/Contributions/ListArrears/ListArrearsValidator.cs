using FluentValidation;

namespace LtcInsurance.Application.Contributions.ListArrears;

/// <summary>Paging bounds. Any period may be asked for: one that is no period has no arrears.</summary>
internal sealed class ListArrearsValidator : AbstractValidator<ListArrearsQuery>
{
    public ListArrearsValidator()
    {
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0).WithMessage("分页起点不能为负数");
        RuleFor(q => q.Take).InclusiveBetween(1, 1000).WithMessage("每页条数应在1到1000之间");
    }
}
