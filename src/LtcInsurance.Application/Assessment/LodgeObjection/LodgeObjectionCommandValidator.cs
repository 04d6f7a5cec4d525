using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Assessment.LodgeObjection;

internal sealed class LodgeObjectionCommandValidator : AbstractValidator<LodgeObjectionCommand>
{
    public LodgeObjectionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ApplicationId).NotEmpty().WithMessage("请指定评估申请");
        RuleFor(c => c.LodgedOn).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("异议提出日期"));
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写异议理由").MaximumLength(500).WithMessage("异议理由过长（最多 500 个字符）");
    }
}
