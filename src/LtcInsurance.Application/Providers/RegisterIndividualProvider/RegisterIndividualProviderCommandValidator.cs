using FluentValidation;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Providers.RegisterIndividualProvider;

internal sealed class RegisterIndividualProviderCommandValidator : AbstractValidator<RegisterIndividualProviderCommand>
{
    public RegisterIndividualProviderCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("请填写协议编码").MaximumLength(32).WithMessage("协议编码不能超过 32 个字符")
            .Matches("^[A-Za-z0-9_-]*$").WithMessage("协议编码只能包含字母、数字、- 和 _");
        RuleFor(c => c.IdNumber).NotEmpty().WithMessage("请填写身份证号码").ValidIdNumber();
        RuleFor(c => c.Qualifications).NotEmpty().WithMessage("请至少选择一项资格").KnownQualifications();
        RuleFor(c => c.Terms).NotNull().WithMessage("请填写协议内容").SetValidator(new ProviderTermsValidator(clock));
        RuleFor(c => c.Terms.Name).MaximumLength(50).When(c => c.Terms is not null).WithMessage("姓名不能超过 50 个字");
        RuleFor(c => c.Terms.ServiceModes).Must(m => m.All(x => x == ServiceMode.IndividualCareWorker.Code())).When(c => c.Terms is not null)
            .WithMessage("个体服务人员只能提供个人护理服务");
        RuleFor(c => c.Terms.MedicalInstitutionLevel).Null().When(c => c.Terms is not null).WithMessage("个体服务人员没有医疗机构级别");
    }
}
