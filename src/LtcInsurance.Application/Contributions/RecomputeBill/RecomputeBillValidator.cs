using FluentValidation;

namespace LtcInsurance.Application.Contributions.RecomputeBill;

internal sealed class RecomputeBillValidator : AbstractValidator<RecomputeBillQuery>
{
    public RecomputeBillValidator() => RuleFor(q => q.BillId).NotEmpty().WithMessage("请指定缴费单（billId）");
}
