using FluentValidation;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Providers.RegisterInstitution;

internal sealed class RegisterInstitutionCommandValidator : AbstractValidator<RegisterInstitutionCommand>
{
    public RegisterInstitutionCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("请填写协议编码").MaximumLength(32).WithMessage("协议编码不能超过 32 个字符")
            .Matches("^[A-Za-z0-9_-]*$").WithMessage("协议编码只能包含字母、数字、- 和 _");
        RuleFor(c => c.Terms).NotNull().WithMessage("请填写协议内容").SetValidator(new ProviderTermsValidator(clock));
        RuleFor(c => c.Terms.ServiceModes).Must(m => !m.Contains(ServiceMode.IndividualCareWorker.Code())).When(c => c.Terms is not null)
            .WithMessage("个人护理服务由个体服务人员提供，请按个体服务人员登记");
    }
}
