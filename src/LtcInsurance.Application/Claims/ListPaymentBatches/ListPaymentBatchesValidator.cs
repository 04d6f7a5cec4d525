using FluentValidation;

namespace LtcInsurance.Application.Claims.ListPaymentBatches;

internal sealed class ListPaymentBatchesValidator : AbstractValidator<ListPaymentBatchesQuery>
{
    public ListPaymentBatchesValidator()
    {
        RuleFor(q => q.Skip).GreaterThanOrEqualTo(0).WithMessage("分页起点不能为负数");
        RuleFor(q => q.Take).InclusiveBetween(1, 100).WithMessage("每页条数应在1到100之间");
    }
}
