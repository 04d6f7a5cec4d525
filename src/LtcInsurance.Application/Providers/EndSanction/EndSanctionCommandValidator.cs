using FluentValidation;
using LtcInsurance.Application.Common.Validation;

namespace LtcInsurance.Application.Providers.EndSanction;

internal sealed class EndSanctionCommandValidator : AbstractValidator<EndSanctionCommand>
{
    public EndSanctionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.SanctionId).NotEmpty().WithMessage("请指定处理记录");
        RuleFor(c => c.LastDay).Must(d => PlausibleDates.IsBusinessDate(d, clock)).WithMessage(PlausibleDates.BusinessDateMessage("结束日期"));
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写结束原因").MaximumLength(500).WithMessage("原因不能超过 500 个字");
    }
}
