using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Benefits;

namespace LtcInsurance.Application.Benefits.EndEntitlement;

internal sealed class EndEntitlementCommandValidator : AbstractValidator<EndEntitlementCommand>
{
    public EndEntitlementCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.EntitlementId).NotEmpty().WithMessage("请指定待遇资格");
        RuleFor(c => c.Reason).Must(r => EntitlementEndReasons.All.Contains(r)).WithMessage("终止原因须为死亡、参保关系终止或新的评估结论");
        RuleFor(c => c.EventDay).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("终止事由发生日期"));
    }
}
