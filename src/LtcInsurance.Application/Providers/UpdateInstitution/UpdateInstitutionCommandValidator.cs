using FluentValidation;

namespace LtcInsurance.Application.Providers.UpdateInstitution;

internal sealed class UpdateInstitutionCommandValidator : AbstractValidator<UpdateInstitutionCommand>
{
    public UpdateInstitutionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("请指定服务机构");
        RuleFor(c => c.Terms).NotNull().WithMessage("请填写协议内容").SetValidator(new ProviderTermsValidator(clock));
        RuleFor(c => c.Status).IsInEnum().WithMessage("状态未知");
        RuleFor(c => c.StatusReason).MaximumLength(500).WithMessage("原因不能超过 500 个字");
    }
}
